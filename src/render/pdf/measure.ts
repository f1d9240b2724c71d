/**
 * Text widths from the same fontkit fonts pdfkit draws with, without a PDF document, so line
 * breaking is a pure function that tests can run on their own.
 */
import type { Font } from 'fontkit';

export interface FontSet {
  readonly regular: Font;
  readonly bold: Font;
}

export interface Measurer {
  /** Width in points of `text` at `size` in the regular or bold face. */
  width(text: string, bold: boolean, size: number): number;
}

export function createMeasurer(fonts: FontSet): Measurer {
  // Widths at size 1, per face: most pieces are single CJK characters, so the cache hits constantly.
  const caches = { regular: new Map<string, number>(), bold: new Map<string, number>() };
  return {
    width(text, bold, size) {
      const cache = bold ? caches.bold : caches.regular;
      let unit = cache.get(text);
      if (unit === undefined) {
        const font = bold ? fonts.bold : fonts.regular;
        unit = font.layout(text).advanceWidth / font.unitsPerEm;
        cache.set(text, unit);
      }
      return unit * size;
    },
  };
}

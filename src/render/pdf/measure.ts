/**
 * Text widths from the same fontkit fonts pdfkit draws with, without a PDF document, so line
 * breaking is a pure function that tests can run on their own.
 */
import type { FontSet, FontFace } from '../fonts.js';

/** Which font a piece of text is set in. */
export type Face = 'regular' | 'bold' | 'fallback';

export interface Measurer {
  /** Width in points of `text` at `size` in the given face. */
  width(text: string, face: Face, size: number): number;
  /** The face a character is set in: its own weight, or the fallback when the main faces lack it. */
  faceOf(char: string, bold: boolean): Face;
}

export function fontOf(fonts: FontSet, face: Face): FontFace {
  return face === 'fallback' ? (fonts.fallback ?? fonts.regular) : fonts[face];
}

/** One measurer per font set for the whole process: its width cache carries over from document to document. */
const measurers = new WeakMap<FontSet, Measurer>();

export function measurerFor(fonts: FontSet): Measurer {
  let measurer = measurers.get(fonts);
  if (!measurer) {
    measurer = createMeasurer(fonts);
    measurers.set(fonts, measurer);
  }
  return measurer;
}

export function createMeasurer(fonts: FontSet): Measurer {
  // Widths at size 1, per face: most pieces are single CJK characters, so the cache hits constantly.
  const caches: Record<Face, Map<string, number>> = { regular: new Map(), bold: new Map(), fallback: new Map() };
  const covered = new Map<number, boolean>();
  return {
    width(text, face, size) {
      const cache = caches[face];
      let unit = cache.get(text);
      if (unit === undefined) {
        const font = fontOf(fonts, face);
        unit = font.layout(text).advanceWidth / font.unitsPerEm;
        cache.set(text, unit);
      }
      return unit * size;
    },
    faceOf(char, bold) {
      if (!fonts.fallback) return bold ? 'bold' : 'regular';
      const codePoint = char.codePointAt(0) ?? 0;
      let main = covered.get(codePoint);
      if (main === undefined) {
        main = /\s/.test(char) || (fonts.regular.hasGlyphForCodePoint(codePoint) && fonts.bold.hasGlyphForCodePoint(codePoint));
        covered.set(codePoint, main);
      }
      return main || !fonts.fallback.hasGlyphForCodePoint(codePoint) ? (bold ? 'bold' : 'regular') : 'fallback';
    },
  };
}

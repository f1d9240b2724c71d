/**
 * Text widths from the same fontkit fonts pdfkit draws with, without a PDF document, so line
 * breaking is a pure function that tests can run on their own.
 */
import type { FontSet, FontFace } from '../fonts.js';
import { glyphTableOf, type GlyphTable } from './glyphs.js';

/** Which font a piece of text is set in. */
export type Face = 'regular' | 'bold' | 'fallback';

export interface Measurer {
  /** Width in points of `text` at `size` in the given face. */
  width(text: string, face: Face, size: number): number;
  /** The face a character is set in: its own weight, or the fallback when the main faces lack it. */
  faceOf(char: string, bold: boolean): Face;
  /**
   * A character's advance in font units when shaping cannot change it (glyphs.ts), else undefined.
   * The width of a text of such characters is their sum over unitsPerEm, times the size: what
   * width() returns for it, to the last bit.
   */
  plainUnits(codePoint: number, face: Face): number | undefined;
  unitsPerEm(face: Face): number;
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
  const covered = new Map<number, boolean>();
  const tables: Record<Face, GlyphTable> = { regular: glyphTableOf(fonts.regular), bold: glyphTableOf(fonts.bold), fallback: glyphTableOf(fontOf(fonts, 'fallback')) };
  return {
    width(text, face, size) {
      // What fontkit's shaping gives, in font units: from the glyph table when no character needs
      // shaping (the same integers, so the same lines), else shaped once per worker.
      const glyphs = tables[face];
      const units = glyphs.plainAdvance(text) ?? glyphs.shapedAdvance(text);
      return (units / glyphs.unitsPerEm) * size;
    },
    plainUnits: (codePoint, face) => tables[face].plainUnits(codePoint),
    unitsPerEm: (face) => tables[face].unitsPerEm,
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

/** The parsed fonts a PDF is set in. fontkit parses; reading the files is io/fonts.ts's. */
import { create } from 'fontkit';
import { FontError, type FontFile } from '../model/fonts.js';

/**
 * A parsed face as roledoc uses it: the part of fontkit's Font it reads. Described here rather
 * than imported, so roledoc's published declarations need none of fontkit's (it ships none).
 */
export interface FontFace {
  readonly postscriptName: string;
  readonly version: string;
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  /** Every code point the font maps to a glyph. */
  readonly characterSet: readonly number[];
  /** Shapes `text` with the OpenType features fontkit applies by default, less those `features` turns off; positions in font units. */
  layout(text: string, features?: Readonly<Record<string, boolean>>): ShapedRun;
  /** The cmap's glyph for a character (glyph 0 when the font has none), unshaped. */
  glyphForCodePoint(codePoint: number): FontGlyph;
  hasGlyphForCodePoint(codePoint: number): boolean;
  /** Glyph `glyphId` (fontkit keeps one object per id: the characters are those of its first use). */
  getGlyph(glyphId: number, codePoints?: number[]): FontGlyph;
  /** The cmap's glyphs of a text, unshaped: what fontkit's shaping starts from. */
  glyphsForString(text: string): FontGlyph[];
}

/** One glyph of a face: its id, its advance in font units (hmtx) and the characters it stands for. */
export interface FontGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

/** Text shaped by fontkit: a glyph and a position (font units) for each. */
export interface ShapedRun {
  readonly glyphs: readonly FontGlyph[];
  readonly positions: readonly { readonly xAdvance: number; readonly xOffset: number; readonly yOffset: number }[];
  readonly advanceWidth: number;
}

/**
 * fontkit's shaping of texts, kept between builds (the build cache's shaping.json) by face
 * (`${postscriptName}/${version}/${numGlyphs}`): shaping a text is a pure function of the face
 * and the text, and a handbook's thousands of page numbers cost fontkit ~0.2 ms each.
 */
export type KeptShaping = Readonly<Record<string, KeptFaceShaping>>;

export interface KeptFaceShaping {
  /**
   * Shaped runs without glyph 0: each text with, per glyph, its id, xAdvance, xOffset, yOffset,
   * the number of characters it stands for and those characters (code points).
   */
  readonly runs: readonly (readonly [string, readonly number[]])[];
  /** Shaped advances, in font units, by text. */
  readonly advances: readonly (readonly [string, number])[];
}

/** The parsed faces a PDF is set in. */
export interface FontSet {
  readonly regular: FontFace;
  readonly bold: FontFace;
  /** Draws what the main faces lack (an emoji font, a CJK Extension B font); never bold. */
  readonly fallback?: FontFace | undefined;
}

/**
 * A font file's face: the file itself, or the named face of a TTC collection.
 * @throws FontError when fontkit cannot read it or the collection has no such face.
 */
export function parseFont(bytes: Uint8Array, file: FontFile): FontFace {
  let result;
  try {
    result = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error: unknown) {
    throw new FontError({ kind: 'unreadable', path: file.path, reason: error instanceof Error ? error.message : String(error) });
  }
  if (!('fonts' in result)) return result;
  const faces = result.fonts.map((f) => f.postscriptName);
  const font = file.face === undefined ? null : result.getFont(file.face);
  if (!font) throw new FontError({ kind: 'missing-face', path: file.path, face: file.face ?? '', available: faces });
  return font;
}

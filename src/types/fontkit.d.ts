// fontkit ships no types; this declares the part roledoc uses.
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    /** In font units, from hmtx. */
    readonly advanceWidth: number;
    /** The characters this glyph stands for (several for a ligature): what a PDF's ToUnicode map gives back. */
    readonly codePoints: readonly number[];
  }
  /** Where shaping put a glyph, in font units. */
  export interface GlyphPosition {
    readonly xAdvance: number;
    readonly xOffset: number;
    readonly yOffset: number;
  }
  export interface GlyphRun {
    readonly glyphs: readonly Glyph[];
    readonly positions: readonly GlyphPosition[];
    /** The sum of the positions' xAdvance, in font units. */
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly postscriptName: string;
    readonly version: string;
    readonly numGlyphs: number;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    /** Every code point the font maps to a glyph. */
    readonly characterSet: readonly number[];
    /** Shapes `text` with the OpenType features fontkit applies by default (ccmp, liga, kern, …). */
    layout(text: string): GlyphRun;
    /** The cmap's glyph for a character (glyph 0 when the font has none), unshaped. */
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Glyph `glyphId`: one object per id, made at its first use with the characters given then. */
    getGlyph(glyphId: number, codePoints?: number[]): Glyph;
    /** The cmap's glyph of each character (a variation sequence as one), unshaped: where layout() starts. */
    glyphsForString(text: string): Glyph[];
  }
  export interface FontCollection {
    readonly fonts: readonly Font[];
    getFont(postscriptName: string): Font | null;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}

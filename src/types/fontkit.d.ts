// fontkit ships no types; this declares the part roledoc uses.
declare module 'fontkit' {
  export interface GlyphRun {
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
    layout(text: string): GlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontCollection {
    readonly fonts: readonly Font[];
    getFont(postscriptName: string): Font | null;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}

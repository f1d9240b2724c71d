// pdfkit 0.20 ships no types and @types/pdfkit lags behind it; this declares the part roledoc uses.
declare module 'pdfkit' {
  import type { Font } from 'fontkit';

  export interface PdfMargins {
    top: number;
    right: number;
    bottom: number;
    left: number;
  }

  export interface PdfDocumentOptions {
    size: [number, number];
    margins: PdfMargins;
    bufferPages: boolean;
    autoFirstPage?: boolean;
    lang?: string;
    displayTitle?: boolean;
    font?: null;
    compress?: boolean;
    info: {
      Title?: string;
      Author?: string;
      Subject?: string;
      Keywords?: string;
      Creator?: string;
      Producer?: string;
      CreationDate: Date;
    };
  }

  export interface TextOptions {
    lineBreak?: boolean;
    characterSpacing?: number;
    wordSpacing?: number;
  }

  export interface OutlineItem {
    addItem(title: string, options?: { expanded?: boolean; fit?: boolean; top?: number; left?: number }): OutlineItem;
  }

  export interface DashOptions {
    space?: number;
  }

  /**
   * pdfkit's internal EmbeddedFont: a fontkit font written into the PDF as a subset. Not part of
   * pdfkit's documented API; draw-line.ts uses it to write a whole line of glyphs in one text
   * operation (pdfkit's text() costs a shaping and a text object per call), registering each glyph
   * the way EmbeddedFont.encode does.
   */
  export interface EmbeddedFont {
    /** The font's resource name on a page (F1, F2, …). */
    readonly id: string;
    readonly font: Font;
    /** In thousandths of an em: pdfkit sets text by the top of this box. */
    readonly ascender: number;
    readonly subset: FontSubset;
    /** The advance of each glyph of the subset, in thousandths of an em (the PDF's /W). */
    readonly widths: (number | undefined)[];
    /** The characters each glyph of the subset stands for (the PDF's ToUnicode map). */
    readonly unicode: (readonly number[] | undefined)[];
    /** The font's dictionary; using it on a page makes pdfkit embed the font at the end. */
    ref(): PdfReference;
    /** Writes the font file, its descriptor, widths and ToUnicode map (called once, when the document ends). */
    embed: () => void;
    readonly document: PDFDocument;
  }

  /** fontkit's Subset as pdfkit holds it: the glyphs used, in order, each numbered by its index. */
  export interface FontSubset {
    /** Original glyph ids in subset order; encode() may append components of composite glyphs. */
    readonly glyphs: number[];
    /** The subset's glyph id for an original one, adding it on first use. */
    includeGlyph(glyphId: number): number;
    /** The subset as a font file (fontkit decodes and re-encodes every table). */
    encode: () => Uint8Array;
    /** Present for a CFF font's subset. */
    readonly cff?: unknown;
  }

  /** An indirect object pdfkit will write; its stream is deflated at the end unless `compress` is false. */
  export interface PdfReference {
    compress: boolean;
    readonly data: Record<string, unknown>;
    /** Writes `chunk` (if any) as the stream and the object out. */
    end: (chunk?: Uint8Array) => void;
  }

  /** The page being drawn. */
  export interface PdfPage {
    readonly width: number;
    readonly height: number;
    margins: PdfMargins;
    /** The fonts the page's resources name: a font's id → its dictionary. */
    readonly fonts: Record<string, PdfReference | undefined>;
  }

  export default class PDFDocument {
    constructor(options: PdfDocumentOptions);
    readonly page: PdfPage;
    /** The font the last font() call chose (internal to pdfkit: see EmbeddedFont). */
    readonly _font: EmbeddedFont | null;
    /** Appends operators to the current page's content stream: a string as a line, bytes as they are. */
    addContent(data: string | Uint8Array): this;
    /** A new indirect object (pdfkit's own; internal). */
    ref: (data?: Record<string, unknown>) => PdfReference;
    readonly outline: OutlineItem;
    registerFont(name: string, font: Font): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    rect(x: number, y: number, width: number, height: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(color?: string): this;
    dash(length: number, options?: DashOptions): this;
    save(): this;
    restore(): this;
    translate(x: number, y: number): this;
    scale(factor: number): this;
    undash(): this;
    /** A link annotation over the rectangle to a named destination. */
    goTo(x: number, y: number, width: number, height: number, name: string): this;
    /** A named destination on the current page; 'XYZ' with left and top (pdfkit flips top), and no zoom. */
    addNamedDestination(name: string, fit: 'XYZ', left: number, top: number, zoom: null): this;
    stroke(): this;
    /** An image; a data: URI string is embedded once per document however often it is drawn. */
    image(src: string, x: number, y: number, options: { width: number; height: number }): this;
    addPage(): this;
    switchToPage(index: number): this;
    bufferedPageRange(): { start: number; count: number };
    flushPages(): void;
    end(): void;
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
  }
}

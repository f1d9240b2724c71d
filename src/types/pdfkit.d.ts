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

  export default class PDFDocument {
    constructor(options: PdfDocumentOptions);
    readonly page: { readonly width: number; readonly height: number; margins: PdfMargins };
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

// pdfkit 0.20's tagging (structure elements, marked content) and the document internals tags.ts
// and archive.ts use, declared beside the rest of roledoc's pdfkit declarations (src/types/pdfkit.d.ts).
import 'pdfkit';

declare module 'pdfkit' {
  /** A structure element's options as pdfkit's PDFStructureElement reads them. */
  export interface PdfStructOptions {
    /** Alternative text: what a screen reader says for a figure. */
    alt?: string;
    lang?: string;
    /** The element's box [left, top, right, bottom] on the current page, in pdfkit's (top-down) coordinates. */
    bbox?: [number, number, number, number];
    /** A table header cell's scope. */
    scope?: 'Row' | 'Column' | 'Both';
  }

  /** Marked content on one page (an MCID), as pdfkit's markStructureContent returns it. */
  export interface PdfStructContent {
    readonly refs: readonly { readonly mcid: number }[];
  }

  /** pdfkit's PDFStructureElement: written out once it is ended and every child is. */
  export interface PdfStructElement {
    readonly dictionary: PdfReference;
    add(child: PdfStructElement | PdfStructContent): this;
    end(): void;
  }

  export interface PdfMarkOptions {
    type?: 'Pagination' | 'Layout' | 'Page' | 'Background';
  }

  /** The XMP packet pdfkit writes as the catalog's /Metadata (for any PDF version but 1.3). */
  export interface PdfMetadata {
    append(xml: string, newline?: boolean): void;
  }

  export interface PdfDocumentOptions {
    /** Writes /MarkInfo <</Marked true>> and a StructTreeRoot. */
    tagged?: boolean;
    pdfVersion?: '1.4' | '1.5' | '1.6' | '1.7';
    /** PDF/A: the OutputIntent (pdfkit's bundled sRGB profile) and the pdfaid XMP entries. */
    subset?: 'PDF/A-2b';
  }

  export default interface PDFDocument {
    struct(role: string, options?: PdfStructOptions): PdfStructElement;
    /** Makes `element` the root's child (the Document element). */
    addStructure(element: PdfStructElement): this;
    /** Opens marked content with the next MCID of the current page for a structure element of `role`. */
    markStructureContent(role: string): PdfStructContent;
    /** `/Artifact BMC` (no options) or `/Artifact <<…>> BDC`. */
    markContent(tag: 'Artifact', options?: PdfMarkOptions): this;
    endMarkedContent(): this;
    /** A link annotation; with `structParent` it is that element's OBJR child. */
    goTo(x: number, y: number, width: number, height: number, name: string, options?: { structParent?: PdfStructElement }): this;
    /** The document catalog. */
    readonly _root: PdfReference;
    /** The XMP packet being built; pdfkit's endMetadata closes it and writes it out. */
    metadata: PdfMetadata;
    /** Replaced per document by archive.ts, which writes the XMP itself. */
    endMetadata: () => void;
    /** Writes a piece of the file (a string is a line of bytes, one per character); replaced per document by cursor.ts. */
    _write: (data: string | Uint8Array) => void;
    /** How many bytes of the file are written: where the next object starts, for the xref table. */
    _offset: number;
    /** The file's next bytes, to whoever reads the document (it is a Readable stream). */
    push(chunk: Uint8Array | null): boolean;
    /** Each object's byte offset by id − 1 (null until it is written): the cross-reference table. */
    readonly _offsets: (number | null)[];
    /** An object is written: its offset noted, and the file finished once the last one is (object-streams.ts takes over). */
    _refEnd: (ref: PdfReference) => void;
    /** Writes the cross-reference table and trailer; replaced by object-streams.ts. */
    _finalize: () => void;
    /** The file identifier (md5 of the document information). */
    readonly _id: Uint8Array;
    /** The document information dictionary, made when the document ends. */
    readonly _info: PdfReference;
  }

  /** pdfkit's PDFReference, as object-streams.ts takes over writing it. */
  export interface PdfReference {
    readonly id: number;
    /** The stream's pieces so far; empty for an object without a stream. */
    readonly buffer: readonly Uint8Array[];
    /** Writes the object out (called by end()). */
    finalize: () => void;
  }
}

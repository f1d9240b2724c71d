// The pdfkit 0.20 internals the handbook's parts are drawn and joined through (pdf-part.ts,
// link-parts.ts): pages' dictionaries, the structure parent tree and the fonts by resource name.
import 'pdfkit';

declare module 'pdfkit' {
  /** pdfkit's PDFPage: its dictionary, content stream and resources are objects of their own. */
  export interface PdfPage {
    readonly dictionary: PdfReference;
    readonly content: PdfReference;
    readonly resources: PdfReference;
    /** The page's XObjects by resource name (images). */
    readonly xobjects: Record<string, PdfReference | undefined>;
    /** The page's link annotations (pdfkit makes the array on first use). */
    readonly annotations: PdfReference[];
    /** The page's key in the structure parent tree, allocated on first use. */
    readonly structParentTreeKey: number;
  }

  /**
   * A reference as pdfkit writes it: by its toString() (`12 0 R`). A PdfReference, or a lighter
   * object that only names an object already written (link-parts.ts WrittenReference).
   */
  export interface PdfReferenceText {
    toString(): string;
  }

  /** pdfkit's number tree of the structure parents: each page's elements by MCID, each annotation's element. */
  export interface PdfNumberTree {
    readonly _items: Record<string, PdfReferenceText | (PdfReferenceText | null)[] | undefined>;
    add(key: number, value: PdfReferenceText | (PdfReferenceText | null)[]): void;
    get(key: number): (PdfReferenceText | null)[] | PdfReferenceText | undefined;
  }

  /** pdfkit's PDFFont: its dictionary is made by the first ref() (kept-furniture.ts must not make it out of turn). */
  export interface EmbeddedFont {
    readonly dictionary?: PdfReference | null;
  }

  /** An image as pdfkit registers it: its resource name, and its object once embedded. */
  export interface RegisteredImage {
    readonly label: string;
    readonly obj?: PdfReference;
  }

  export default interface PDFDocument {
    /** Images drawn so far, by the source string they were drawn from. */
    readonly _imageRegistry: Record<string, RegisteredImage | undefined>;
    /** The fonts opened so far, by the name they were opened under. */
    readonly _fontFamilies: Record<string, EmbeddedFont | undefined>;
    getStructParentTree(): PdfNumberTree;
    /** A new key of the structure parent tree (with an empty entry). */
    createStructParentTreeNextKey(): number;
    /** The structure tree's root (the catalog's /StructTreeRoot). */
    getStructTreeRoot(): PdfReference;
  }
}

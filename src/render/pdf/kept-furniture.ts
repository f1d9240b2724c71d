/**
 * The running header and footer of the handbook's part pages, kept between builds. On a page that
 * carries a part (link-parts.ts), the document's own content stream holds nothing but the page
 * furniture: the header, 第 N 页 / 共 M 页, a hairline. It depends on the page's number, the page
 * count and the document's look, never on the part — so after a one-role edit that keeps the page
 * count, each of a 1,000-role handbook's 3,000 such streams is the one the last build wrote. It
 * was a third of the edit's PDF thread: every footer wrapped, shaped, drawn and deflated again.
 *
 * A kept page is its content stream as written (deflated), the faces it set (in order) and, for
 * the whole document, the glyphs the furniture used. Taking it does what drawing it would have
 * done to the document — the faces and the logo named in the page's resources, the glyphs in the
 * font subsets — and writes the kept stream in place of the one drawn, so the file's bytes are
 * the same either way (tested). A page is taken only where drawing it would make no new object
 * (a face or the logo used for the first time): object numbers stay as they were.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';
import type { EmbeddedFont, PdfPage, PdfReference } from 'pdfkit';
import type { Layout } from '../../layout/layout.js';
import type { PdfStandard } from '../../model/config.js';
import { fontIdentity } from '../../model/fonts.js';
import { ownBytes, readJsonHead, withJsonHead } from '../bytes.js';
import type { FontSet } from '../fonts.js';
import type { PagePainter, PdfCursor } from './cursor.js';
import { observeDrawing } from './draw-line.js';
import { includeStableCode } from './font-subset.js';
import { dataUri } from './page-furniture.js';

/** Changes whenever the furniture would be kept differently, or drawn differently for the same inputs. */
const FURNITURE_FORMAT = 'pdf-furniture/1';

/** Where kept furniture is stored: the store of the handbook's parts (link-parts.ts PdfPartStore). */
export interface FurnitureStore {
  get(key: string): Uint8Array | undefined;
  set(key: string, bytes: Uint8Array): void;
}

/** What the furniture of a document with `pages` pages is drawn from: its key in the store. */
export function furnitureKey(layout: Layout, fonts: FontSet, standard: PdfStandard | undefined, version: string, pages: number): string {
  return createHash('sha256')
    .update(JSON.stringify([FURNITURE_FORMAT, version, standard ?? null, fontIdentity(fonts), layout.page, layout.style, layout.header ?? null, layout.footer, pages]))
    .digest('hex');
}

interface KeptPage {
  /** The resource names of the faces the furniture set, in the order it set them. */
  readonly fonts: readonly string[];
  /** The page's content stream, deflated as pdfkit deflates it. */
  readonly stream: Uint8Array;
}

/** A glyph the furniture used: its width (/W units) and the characters it stands for, by code, by face. */
type Glyphs = Map<string, Map<number, readonly [number, readonly number[]]>>;

/** The furniture of one document's part pages: taken from the store where it was kept, drawn (and kept) where not. */
export class KeptFurniture {
  readonly #store: FurnitureStore;
  readonly #key: string;
  readonly #paint: PagePainter;
  readonly #logo: string | undefined;
  readonly #kept: ReadonlyMap<number, KeptPage>;
  readonly #drawn = new Map<number, KeptPage>();
  readonly #glyphs: Glyphs;
  /** Pages whose own content stream gets nothing but the furniture. */
  readonly #furnitureOnly = new WeakSet<PdfPage>();
  #glyphsIncluded = false;

  constructor(store: FurnitureStore, key: string, layout: Layout, paint: PagePainter) {
    this.#store = store;
    this.#key = key;
    this.#paint = paint;
    this.#logo = layout.header?.logo === undefined ? undefined : dataUri(layout.header.logo);
    const kept = readKept(store.get(key));
    this.#kept = kept?.pages ?? new Map();
    this.#glyphs = kept?.glyphs ?? new Map();
  }

  /** The page being drawn gets nothing in its own content stream but its furniture (a part's page). */
  furnitureOnly(page: PdfPage): void {
    this.#furnitureOnly.add(page);
  }

  /** Paints the furniture of the page being left: the kept one where it can, else drawn (and kept when it is a part's page). */
  readonly painter: PagePainter = (cursor, pages) => {
    const page = cursor.doc.page;
    if (!this.#furnitureOnly.has(page)) {
      this.#paint(cursor, pages);
      return;
    }
    const kept = this.#kept.get(cursor.page);
    if (kept !== undefined && this.#take(cursor.doc, page, kept)) return;
    this.#draw(cursor, pages, page);
  };

  /** Stores what was drawn with what was kept, for the next build; nothing when all of it was kept. */
  keep(): void {
    if (this.#drawn.size === 0) return;
    const pages = new Map([...this.#kept, ...this.#drawn]);
    this.#store.set(this.#key, encodeKept(pages, this.#glyphs));
  }

  /** Does to the document what drawing `kept` would have; false (nothing done) where that would make a new object. */
  #take(doc: PDFDocument, page: PdfPage, kept: KeptPage): boolean {
    const fonts = kept.fonts.map((name) => fontNamed(doc, name));
    const logo = this.#logo === undefined ? undefined : doc._imageRegistry[this.#logo];
    if (fonts.some((font) => font?.dictionary == null) || (this.#logo !== undefined && logo?.obj === undefined)) return false;
    if (!this.#glyphsIncluded) {
      for (const [name, glyphs] of this.#glyphs) {
        const font = fontNamed(doc, name);
        if (!font) return false;
        for (const [code, [width, codePoints]] of glyphs) includeStableCode(font, code, width, codePoints);
      }
      this.#glyphsIncluded = true;
    }
    for (const font of fonts) if (font && page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    if (logo?.obj !== undefined && page.xobjects[logo.label] == null) page.xobjects[logo.label] = logo.obj;
    // Whatever was written into the page's stream meanwhile (pdfkit's flip, the artifact's marks) is in the kept bytes.
    whenWritten(page.content, () => [kept.stream]);
    return true;
  }

  #draw(cursor: PdfCursor, pages: number, page: PdfPage): void {
    const fonts: string[] = [];
    const glyphs = this.#glyphs;
    observeDrawing(
      {
        face: (font) => {
          if (!fonts.includes(font.id)) fonts.push(font.id);
        },
        glyph: (font, code) => {
          let used = glyphs.get(font.id);
          if (!used) glyphs.set(font.id, (used = new Map()));
          if (!used.has(code)) used.set(code, [font.widths[code] ?? 0, font.unicode[code] ?? []]);
        },
      },
      () => this.#paint(cursor, pages),
    );
    const index = cursor.page;
    whenWritten(page.content, (buffer) => {
      // As pdfkit's finalize would: the pieces joined and deflated with zlib's defaults. Its own
      // bytes, kept to the end: zlib hands a short result back as a view of its 16 KB chunk (at
      // 10,000 roles, 30,000 pages' chunks were 450 MB).
      const stream = ownBytes(deflateSync(Buffer.concat(buffer)));
      this.#drawn.set(index, { fonts, stream });
      return [stream];
    });
  }
}

/**
 * Has `content` written with the (deflated) stream `streamOf` gives for its pieces, when pdfkit
 * writes the page out: as pdfkit would write it, /Length and /Filter as its first piece set them.
 */
function whenWritten(content: PdfReference, streamOf: (buffer: readonly Uint8Array[]) => Uint8Array[]): void {
  const finalize = content.finalize;
  content.finalize = () => {
    Reflect.set(content, 'buffer', streamOf(content.buffer));
    content.compress = false;
    finalize();
  };
}

function fontNamed(doc: PDFDocument, name: string): EmbeddedFont | undefined {
  for (const font of Object.values(doc._fontFamilies)) if (font?.id === name) return font;
  return undefined;
}

/** Kept furniture as bytes: a JSON head — each page's number, faces and stream length, and the glyphs by face — then the streams. */
interface KeptHead {
  readonly pages: readonly (readonly [number, readonly string[], number])[];
  readonly glyphs: Readonly<Record<string, readonly (readonly [number, number, readonly number[]])[]>>;
}

function encodeKept(pages: ReadonlyMap<number, KeptPage>, glyphs: Glyphs): Uint8Array {
  const sorted = [...pages].sort(([a], [b]) => a - b);
  const head: KeptHead = {
    pages: sorted.map(([index, page]) => [index, page.fonts, page.stream.length] as const),
    glyphs: Object.fromEntries([...glyphs].map(([name, used]) => [name, [...used].map(([code, [width, codePoints]]) => [code, width, codePoints] as const)])),
  };
  return withJsonHead(head, sorted.map(([, page]) => page.stream));
}

/** Kept furniture from its bytes; none when there are none, or they are not kept furniture (drawn again). */
function readKept(bytes: Uint8Array | undefined): { readonly pages: Map<number, KeptPage>; readonly glyphs: Glyphs } | undefined {
  const read = readJsonHead(bytes);
  if (read === undefined || !isKeptHead(read.head)) return undefined;
  const { head, body } = read;
  try {
    let at = 0;
    const pages = new Map<number, KeptPage>();
    for (const [index, fonts, length] of head.pages) {
      pages.set(index, { fonts, stream: body.subarray(at, at + length) });
      at += length;
    }
    if (at !== body.length) return undefined;
    const glyphs: Glyphs = new Map(Object.entries(head.glyphs).map(([name, used]) => [name, new Map(used.map(([code, width, codePoints]) => [code, [width, codePoints] as const]))]));
    return { pages, glyphs };
  } catch {
    // Not in the shape kept furniture is written in: drawn again.
    return undefined;
  }
}

function isKeptHead(value: unknown): value is KeptHead {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as Record<string, unknown>;
  return Array.isArray(head['pages']) && typeof head['glyphs'] === 'object' && head['glyphs'] !== null;
}

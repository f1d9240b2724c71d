/**
 * Where the PDF is being written: the document, the page, the height `y` reached on it, the
 * outline and the anchors. Block painters (text.ts, tables.ts, …) move it down the page; it alone
 * starts new pages, so every page break goes through `newPage` and `ensureSpace`.
 */
import PDFDocument, { type OutlineItem } from 'pdfkit';
import { lineHeight, textWidth } from '../../layout/geometry.js';
import type { Layout, LayoutStyle, RichText } from '../../layout/layout.js';
import type { PdfStandard } from '../../model/config.js';
import { ownBytes } from '../bytes.js';
import type { FontSet } from '../fonts.js';
import { archivalOptions, documentInfo, useOwnMetadata, xmpPacket } from './archive.js';
import { useStableCodes } from './font-subset.js';
import { measurerFor, type Face, type Measurer } from './measure.js';
import { useObjectStreams } from './object-streams.js';
import { PdfTags } from './tags.js';
import { wrapRichText, type Line } from './wrap.js';

/**
 * What a first, drawing-free pass over the Layout learns, so the second pass can write each page
 * out as soon as it is full: the page count (for 共 M 页) and the page of every anchor (for the
 * contents). Without it every page would have to stay in memory until the end — 2,000 pages of a
 * 1,000-role handbook took a gigabyte.
 */
export interface Pagination {
  readonly pages: number;
  readonly anchorPages: ReadonlyMap<string, number>;
}

/**
 * The pagination a drawing pass is given when nothing in it needs page numbers before its end: a
 * handbook part (no furniture, no contents) and a document drawn with furnitureAtEnd.
 */
export const PAGES_UNKNOWN: Pagination = { pages: 0, anchorPages: new Map() };

/** A stand-in for the PDF document in the first pass: every call does nothing and chains. */
function paperless(): PDFDocument {
  const nothing: ProxyHandler<() => void> = { get: () => stand, apply: () => stand };
  const stand: unknown = new Proxy(() => undefined, nothing);
  return stand as PDFDocument;
}

/** The names the faces are registered under in every PDF. */
export const FONT_NAMES: Record<Face, string> = { regular: 'roledoc-regular', bold: 'roledoc-bold', fallback: 'roledoc-fallback' };

/**
 * The wrap cache's key: the width, size and weight, then each run with its text's length in front
 * (so no text can pass for two runs) and its weight and link. Built by concatenation: JSON.stringify
 * of every paragraph was most of the wrap cache's own cost.
 */
export function wrapKey(text: RichText, width: number, size: number, bold: boolean): string {
  let key = `${width}|${size}|${bold ? 1 : 0}`;
  for (const run of text) key += `|${run.text.length}:${run.text}${run.bold === true ? 'b' : ''}${run.link === undefined ? '' : `>${run.link.length}:${run.link}`}`;
  return key;
}

/**
 * A part of a document drawn in a document of its own (pdf-part.ts): it takes the objects pdfkit
 * writes, and what the whole document is to do for the part — its bookmarks and named
 * destinations, which belong to the whole document's outline and name tree.
 */
export interface PartRecorder {
  /** Called with the part's document as soon as it is made, before its first page. */
  attach(doc: PDFDocument): void;
  bookmark(text: string, depth: number, page: number, top: number): void;
  destination(name: string, page: number, left: number, top: number): void;
}

export interface CursorOptions {
  /** The archival standard (PDF/A) the document is written to, if any. */
  readonly standard?: PdfStandard | undefined;
  /**
   * Glyphs coded by their ids in the font (font-subset.ts useStableCodes) and the faces given
   * their resource names in a fixed order (F1 regular, F2 bold, F3 fallback): what lets pages
   * drawn in one document be copied into another (the handbook from parts).
   */
  readonly stableCodes?: boolean;
  /** Draws a part of a document, without the page furniture, for `recorder` (implies stableCodes). */
  readonly recorder?: PartRecorder | undefined;
  /**
   * Drawn without a first pass (the pagination given is not used): every page is kept until the
   * document is finished, and each page's header and footer drawn then, when the page count is
   * known. For a document nothing of which needs its pages' numbers before its end (no contents)
   * and that is short enough to keep (a role's).
   */
  readonly furnitureAtEnd?: boolean;
}

/** Paints what every page carries besides its content (header, footer), given the page count. */
export type PagePainter = (cursor: PdfCursor, pages: number) => void;

/**
 * The file's bytes from here on, kept rather than pushed through pdfkit's stream: pdfkit turns
 * each line into bytes with a loop in JavaScript, the stream copies each piece into a Buffer and
 * buffers it again until it is read — per object, and a tagged handbook has a hundred thousand
 * (its structure elements). Here lines are gathered as text and made bytes by Node 64 KB at a
 * time (a 10,000-role handbook writes half a million lines; a Buffer each was half a million
 * objects to keep), and a stream's bytes are kept as they come. What pdfkit wrote before this
 * (the file's header) is still in its stream: see finish().
 */
class WrittenBytes {
  readonly #chunks: Uint8Array[] = [];
  #lines: string[] = [];
  #lineBytes = 0;

  constructor(doc: PDFDocument) {
    doc._write = (data) => {
      if (typeof data === 'string') {
        // pdfkit's lines are Latin-1: a character is a byte.
        this.#lines.push(data);
        this.#lineBytes += data.length + 1;
        doc._offset += data.length + 1;
        if (this.#lineBytes >= LINE_BYTES_PER_CHUNK) this.#flush();
        return;
      }
      this.#flush();
      const bytes = ownBytes(data);
      this.#chunks.push(bytes);
      doc._offset += bytes.length;
    };
  }

  /** Everything written so far, in order. */
  chunks(): readonly Uint8Array[] {
    this.#flush();
    return this.#chunks;
  }

  #flush(): void {
    if (this.#lines.length === 0) return;
    this.#lines.push('');
    this.#chunks.push(Buffer.from(this.#lines.join('\n'), 'latin1'));
    this.#lines = [];
    this.#lineBytes = 0;
  }
}

const LINE_BYTES_PER_CHUNK = 64 * 1024;

export class PdfCursor {
  readonly doc: PDFDocument;
  readonly measure: Measurer;
  /** The text area: its left edge and width, its top and bottom, in points. */
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  /** Height of the font's ascent-to-descent box per point of size: what pdfkit positions text by. */
  readonly fontBoxEm: number;
  /** The top of what is drawn next. */
  y: number;
  /** Index of the page being laid out. */
  page = 0;
  /** The open bookmark at each outline depth, top first. */
  #outlineStack: OutlineItem[] = [];
  /** Pages without running header and page number: the cover. */
  readonly #bare = new Set<number>();
  /** With CursorOptions.furnitureAtEnd: the pages left, whose header and footer finish() draws. */
  readonly #left: number[] = [];
  readonly #furnitureAtEnd: boolean;
  readonly #anchorPages = new Map<string, number>();
  /** The file's bytes as pdfkit writes them, after its header; none for a part (its recorder keeps them). */
  readonly #written: WrittenBytes | undefined;
  /** The structure tree being written (tags.ts); in the first pass it tags nothing. */
  readonly tags: PdfTags;

  /** Draws a part for this, if it draws a part (CursorOptions.recorder). */
  readonly #recorder: PartRecorder | undefined;

  /**
   * @param pagination what the first pass found; without it this is the first pass, which draws
   *   nothing. `wrapped` is shared by both passes, so no paragraph is wrapped twice.
   */
  constructor(
    readonly layout: Layout,
    fonts: FontSet,
    createdAt: Date,
    readonly pagination: Pagination | undefined,
    private readonly wrapped: Map<string, readonly Line[]>,
    private readonly paintPage: PagePainter,
    options: CursorOptions = {},
  ) {
    const { page, meta } = layout;
    const { standard, recorder } = options;
    const info = documentInfo(meta, createdAt);
    this.#recorder = pagination === undefined ? undefined : recorder;
    this.#furnitureAtEnd = pagination !== undefined && this.#recorder === undefined && options.furnitureAtEnd === true;
    this.doc = pagination === undefined ? paperless() : new PDFDocument({
      size: [page.width, page.height],
      margins: page.margins,
      // Each page is written out when the next one starts: nothing is drawn on a page once it is
      // left; unless its furniture is drawn at the end.
      bufferPages: this.#furnitureAtEnd,
      lang: meta.lang,
      // The title, not the file name, in the viewer's window title.
      displayTitle: true,
      // No Helvetica: a Latin-only font would turn Chinese into garbage without a word.
      font: null,
      info: { ...info },
      // A part's recorder takes every object from the first page's on.
      autoFirstPage: this.#recorder === undefined,
      ...archivalOptions(standard),
    });
    if (this.#recorder) {
      this.#recorder.attach(this.doc);
      this.doc.addPage();
    } else if (pagination !== undefined) {
      useOwnMetadata(this.doc, xmpPacket(info, meta.lang, standard));
      this.#written = new WrittenBytes(this.doc);
      useObjectStreams(this.doc);
    }
    this.tags = new PdfTags(pagination === undefined ? undefined : this.doc, this.#recorder ? 'Part' : 'Document');
    this.doc.registerFont(FONT_NAMES.regular, fonts.regular).registerFont(FONT_NAMES.bold, fonts.bold);
    if (fonts.fallback) this.doc.registerFont(FONT_NAMES.fallback, fonts.fallback);
    if (pagination !== undefined && (options.stableCodes === true || this.#recorder)) {
      useStableCodes(this.doc);
      // Opened (not used: a font is embedded only once a page names it) in a fixed order, so each
      // face has the same resource name in every document drawn this way.
      this.doc.font(FONT_NAMES.regular).font(FONT_NAMES.bold);
      if (fonts.fallback) this.doc.font(FONT_NAMES.fallback);
    }
    this.measure = measurerFor(fonts);
    this.fontBoxEm = (fonts.regular.ascent - fonts.regular.descent) / fonts.regular.unitsPerEm;
    this.left = page.margins.left;
    this.width = textWidth(page);
    this.top = page.margins.top;
    this.bottom = page.height - page.margins.bottom;
    this.y = this.top;
  }

  get style(): LayoutStyle {
    return this.layout.style;
  }

  /** The first pass only paginates: where a line goes never depends on drawing it. */
  get drawing(): boolean {
    return this.pagination !== undefined;
  }

  get pageHeight(): number {
    return this.bottom - this.top;
  }

  lineHeight(size: number): number {
    return lineHeight(this.style, size);
  }

  newPage(): void {
    this.finishPage();
    // Marked content never runs over a page break; the element goes on with a new MCID on the next page.
    this.tags.close();
    this.doc.addPage();
    this.page += 1;
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits on this one (or cannot fit on any). */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom + 1e-6 && this.y > this.top && height <= this.pageHeight) this.newPage();
  }

  /** Draws the running header and the footer of the page being left (none on a bare page, nor in a part: see PartRecorder). */
  finishPage(): void {
    if (this.pagination === undefined || this.#recorder || this.#bare.has(this.page)) return;
    if (this.#furnitureAtEnd) this.#left.push(this.page);
    else this.tags.artifact(() => this.paintPage(this, this.pagination?.pages ?? 0), 'Pagination');
  }

  /** This page has no running header and no page number: the cover. */
  leaveBare(): void {
    this.#bare.add(this.page);
  }

  isBare(page: number): boolean {
    return this.#bare.has(page);
  }

  /**
   * Wrapped lines, computed once per text, width and size: deciding where a block starts wraps it
   * (and the block after a heading) before it is drawn, so each paragraph is asked for several times.
   */
  wrap(text: RichText, width: number, size: number, bold = false): readonly Line[] {
    const key = wrapKey(text, width, size, bold);
    let lines = this.wrapped.get(key);
    if (!lines) {
      lines = wrapRichText(bold ? text.map((run) => ({ ...run, bold: true })) : text, width, size, this.measure);
      this.wrapped.set(key, lines);
    }
    return lines;
  }

  /** A bookmark at `depth` of the outline, under the last one of the depth above. */
  bookmark(text: string, depth: number): void {
    if (this.#recorder) {
      this.#recorder.bookmark(text, depth, this.page, this.y);
      return;
    }
    const options = { fit: false, top: this.y, left: this.layout.page.width, expanded: depth < 1 };
    const level = Math.min(depth, this.#outlineStack.length);
    const parent = level === 0 ? this.doc.outline : (this.#outlineStack[level - 1] ?? this.doc.outline);
    const item = parent.addItem(text, options);
    this.#outlineStack.length = level;
    this.#outlineStack.push(item);
  }

  /** A named destination here, for links and contents entries to lead to. */
  anchor(name: string | undefined): void {
    if (name === undefined) return;
    if (this.#recorder) this.#recorder.destination(name, this.page, this.left, this.y);
    else this.doc.addNamedDestination(name, 'XYZ', this.left, this.y, null);
    this.#anchorPages.set(name, this.page);
  }

  /** What this pass found: the first pass hands it to the second. */
  paginated(): Pagination {
    return { pages: this.page + 1, anchorPages: this.#anchorPages };
  }

  /**
   * The header and footer of each page left (CursorOptions.furnitureAtEnd), each at the end of its
   * page's content as finishPage would have drawn it: the last page's marked content closed first,
   * as an artifact closes it.
   */
  #drawFurnitureLeft(): void {
    if (this.#left.length === 0) return;
    this.tags.close();
    const pages = this.page + 1;
    const last = this.page;
    for (const page of this.#left) {
      this.doc.switchToPage(page);
      this.page = page;
      this.tags.artifact(() => this.paintPage(this, pages), 'Pagination');
    }
    this.page = last;
    this.#left.length = 0;
  }

  finish(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      // The header pdfkit wrote through its stream, then everything written since (WrittenBytes).
      const chunks: Uint8Array[] = [];
      this.doc.on('data', (chunk) => chunks.push(chunk));
      this.doc.on('end', () => {
        const joined = Buffer.concat([...chunks, ...(this.#written?.chunks() ?? [])]);
        // A plain Uint8Array view, as the renderer interface promises (some readers refuse Buffers).
        resolve(new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength));
      });
      this.doc.on('error', reject);
      this.#drawFurnitureLeft();
      this.tags.finish();
      this.doc.end();
    });
  }
}

/**
 * A document of parts (the handbook) as one PDF: its front (cover, contents) drawn as any PDF is,
 * then each part's pages and objects (pdf-part.ts) copied in, each page given its running header
 * and footer, and the parts' bookmarks, named destinations, structure and glyphs joined into the
 * document's. Parts come from the build cache when their blocks did not change, so a one-role
 * edit draws one role and copies the rest.
 *
 * pdfkit still writes the file: the document is a pdfkit document (PdfCursor) with glyphs coded
 * as the parts code them (font-subset.ts useStableCodes); a part's objects become objects of it,
 * written as the part keeps them with their references renumbered. A page's content is the
 * part's stream between q and Q, then the document's own stream with the furniture — each stream
 * sets its own coordinates (pdfkit's flip), which q/Q keeps from adding up.
 *
 * The bytes are a function of the parts alone: the same whether a part was drawn now or taken
 * from the cache.
 */
import type PDFDocument from 'pdfkit';
import type { EmbeddedFont, PdfReference } from 'pdfkit';
import type { Layout } from '../../layout/layout.js';
import { partLayout, partRanges } from '../../layout/parts.js';
import type { PdfStandard } from '../../model/config.js';
import type { FontSet } from '../fonts.js';
import { paintBlocks } from './blocks.js';
import { PdfCursor, type Pagination } from './cursor.js';
import { includeStableGlyphs, useFastSubset } from './font-subset.js';
import { furnitureKey, KeptFurniture } from './kept-furniture.js';
import { packObject } from './object-streams.js';
import { paginate } from './paginate.js';
import { paintPageFurniture } from './page-furniture.js';
import { decodePart, decodeSummary, drawPart, encodePart, pdfPartKey, targetOf, type PdfPartBody, type PdfPartSummary } from './pdf-part.js';
import type { Line } from './wrap.js';

/** Parts linked between two turns of the event loop: ~30 ms of work. */
const PARTS_PER_TURN = 50;

/** Encoded parts kept between builds, by pdfPartKey. */
export interface PdfPartStore {
  get(key: string): Uint8Array | undefined;
  set(key: string, part: Uint8Array): void;
  /** A kept part, read without counting it as used (see part-store.ts prune): for a reader that only looks. */
  peek?(key: string): Uint8Array | undefined;
}

export interface LinkOptions {
  readonly fonts: FontSet;
  readonly createdAt: Date;
  readonly standard?: PdfStandard | undefined;
  readonly version: string;
  readonly store?: PdfPartStore | undefined;
}

/**
 * An object pdfkit writes as the text given, verbatim: pdfkit writes any value that is not one of
 * its own kinds (a name, a string, an array, a plain dictionary, …) by its toString().
 */
class VerbatimObject {
  constructor(readonly text: string) {}
  get [Symbol.toStringTag](): string {
    return 'VerbatimObject';
  }
  toString(): string {
    return this.text;
  }
}

/**
 * A reference to an object of a part, by its number only. The structure parent tree names an
 * element for every marked item of every page until the file ends — 100,000 in a 1,000-role
 * handbook — and a PdfReference kept that long keeps its dictionary and functions with it.
 */
class WrittenReference {
  constructor(readonly id: number) {}
  get [Symbol.toStringTag](): string {
    return 'WrittenReference';
  }
  toString(): string {
    return `${this.id} 0 R`;
  }
}

/** The PDF of a Layout with parts (Layout.partStarts). */
export async function renderPdfFromParts(layout: Layout, options: LinkOptions): Promise<Uint8Array> {
  const { fonts, store } = options;
  const wrapped = new Map<string, readonly Line[]>();
  const { frontEnd, front, parts } = partsOf(layout, options, wrapped);

  // Every part first (drawn, or found in the store): the contents and every footer need the page count.
  // With a store, a part's bytes are read from it again when the part is copied in, not kept:
  // a 10,000-role handbook's parts are 300 MB.
  const summaries: PdfPartSummary[] = [];
  const unstored = new Map<number, Uint8Array>();
  for (const [index, part] of parts.entries()) {
    const stored = store?.get(part.key);
    const summary = stored === undefined ? undefined : summaryOf(stored);
    if (summary !== undefined) {
      summaries.push(summary);
      continue;
    }
    const bytes = await drawnPart(part.layout, fonts, options.standard);
    store?.set(part.key, bytes);
    if (!store) unstored.set(index, bytes);
    summaries.push(decodeSummary(bytes));
  }

  const pagination = joinPagination(front, summaries.map(pagesOf));
  const furniture =
    store === undefined ? undefined : new KeptFurniture(store, furnitureKey(layout, fonts, options.standard, options.version, pagination.pages), layout, paintPageFurniture);
  const cursor = new PdfCursor(layout, fonts, options.createdAt, pagination, wrapped, furniture?.painter ?? paintPageFurniture, {
    standard: options.standard,
    stableCodes: true,
  });
  paintBlocks(cursor, frontEnd);
  const linker = new Linker(cursor, frontEnd > 0, furniture);
  for (const [index, part] of parts.entries()) {
    // Read back as stored; drawn again (the same bytes) should the store have lost it meanwhile.
    const bytes = unstored.get(index) ?? storedPart(store, part.key) ?? (await drawnPart(part.layout, fonts, options.standard));
    const { summary, body } = decodePart(bytes);
    linker.link(body, summary);
    // A turn of the event loop now and then: on the main thread (a one-role edit renders the
    // handbook PDF there) a worker's finished document waits for it to be taken, and the worker
    // for its next one.
    if (index % PARTS_PER_TURN === PARTS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  cursor.finishPage();
  cursor.tags.adopt(linker.roots);
  const pdf = await cursor.finish();
  furniture?.keep();
  return pdf;
}

/**
 * Where the pages of a document with parts break (Pagination), as renderPdfFromParts finds them:
 * the front paginated, each part's pages and anchors from its kept summary, or paginated on its
 * own. The handbook .docx numbers its contents with it, without drawing the whole PDF's first pass.
 */
export function paginateParts(layout: Layout, options: Pick<LinkOptions, 'fonts' | 'standard' | 'version' | 'store'>): Pagination {
  const { fonts, store } = options;
  const { front, parts } = partsOf(layout, options, new Map());
  return joinPagination(
    front,
    parts.map((part) => {
      const stored = store?.peek?.(part.key);
      const summary = stored === undefined ? undefined : summaryOf(stored);
      return summary === undefined ? paginate(part.layout, fonts) : pagesOf(summary);
    }),
  );
}

/** The blocks before the first part (the cover and contents) paginated, and each part's blocks with its key. */
function partsOf(
  layout: Layout,
  options: Pick<LinkOptions, 'fonts' | 'standard' | 'version'>,
  wrapped: Map<string, readonly Line[]>,
): { readonly frontEnd: number; readonly front: Pagination | undefined; readonly parts: { readonly layout: Layout; readonly key: string }[] } {
  const frontEnd = layout.partStarts?.[0] ?? 0;
  const front = frontEnd === 0 ? undefined : paginate(partLayout(layout, 0, frontEnd), options.fonts, wrapped);
  const parts = partRanges(layout)
    .filter((range) => range.end > frontEnd)
    .map((range) => {
      const blocks = partLayout(layout, range.start, range.end);
      return { layout: blocks, key: pdfPartKey({ layout: blocks, fonts: options.fonts, standard: options.standard, version: options.version }) };
    });
  return { frontEnd, front, parts };
}

/** A part's pages and anchors, as its summary gives them. */
function pagesOf(summary: PdfPartSummary): Pagination {
  return { pages: summary.pages, anchorPages: new Map(summary.destinations.map(([name, page]) => [name, page])) };
}

/** The document's pagination: the front's, then each part's after the pages before it. */
function joinPagination(front: Pagination | undefined, parts: readonly Pagination[]): Pagination {
  const anchorPages = new Map(front?.anchorPages);
  let pages = front?.pages ?? 0;
  for (const part of parts) {
    for (const [name, page] of part.anchorPages) anchorPages.set(name, pages + page);
    pages += part.pages;
  }
  return { pages, anchorPages };
}

/** A part drawn and encoded (pdf-part.ts). */
async function drawnPart(layout: Layout, fonts: FontSet, standard: PdfStandard | undefined): Promise<Uint8Array> {
  const bytes = encodePart(await drawPart(layout, fonts, standard));
  // A part's pdfkit document (a stream) queues a process.nextTick that holds it; drawn one after
  // another without a turn of the event loop, a thousand parts' documents stayed alive together.
  await new Promise((resolve) => setImmediate(resolve));
  return bytes;
}

/** A part the store keeps, read without counting it as used again. */
function storedPart(store: PdfPartStore | undefined, key: string): Uint8Array | undefined {
  return store?.peek === undefined ? store?.get(key) : store.peek(key);
}

/** A stored part's summary, or undefined when the bytes are not a part (drawn again). The store checks they are what it stored. */
function summaryOf(bytes: Uint8Array): PdfPartSummary | undefined {
  try {
    return decodeSummary(bytes);
  } catch {
    return undefined;
  }
}

/** Copies parts into the document after what is drawn so far. */
class Linker {
  readonly #cursor: PdfCursor;
  readonly #doc: PDFDocument;
  /** The document's faces by resource name (F1, F2, F3), set up for stable codes. */
  readonly #fonts = new Map<string, EmbeddedFont>();
  /** q and Q: what each part's content stream is put between. */
  readonly #save: PdfReference;
  readonly #restore: PdfReference;
  /** Whether the document's current page is drawn on (else the first part starts on it). */
  #pageUsed: boolean;
  /** Every part's root elements, in order: the Document element's children after the front's. */
  readonly roots: PdfReference[] = [];
  /** The part pages' furniture, kept between builds, if it is. */
  readonly #furniture: KeptFurniture | undefined;

  constructor(cursor: PdfCursor, pageUsed: boolean, furniture: KeptFurniture | undefined) {
    this.#cursor = cursor;
    this.#furniture = furniture;
    this.#doc = cursor.doc;
    this.#pageUsed = pageUsed;
    for (const font of new Set(Object.values(this.#doc._fontFamilies))) {
      if (!font) continue;
      useFastSubset(font);
      this.#fonts.set(font.id, font);
    }
    this.#save = writeOperator(this.#doc, 'q');
    this.#restore = writeOperator(this.#doc, 'Q');
  }

  link(part: PdfPartBody, summary: PdfPartSummary): void {
    const doc = this.#doc;
    const cursor = this.#cursor;
    const refs = part.objects.map(() => doc.ref({}));
    const pageRefs: PdfReference[] = [];
    const keys = new Map<number, number>();
    for (const [key, element] of part.structParents) {
      const renumbered = doc.createStructParentTreeNextKey();
      doc.getStructParentTree().add(renumbered, new WrittenReference(at(refs, element).id));
      keys.set(key, renumbered);
    }
    part.pages.forEach((partPage, index) => {
      if (this.#pageUsed) {
        this.#newPage();
        // A page of its own: its content stream is the part's, its own stream only the furniture.
        this.#furniture?.furnitureOnly(doc.page);
      }
      this.#pageUsed = true;
      if (partPage.bare) cursor.leaveBare();
      const page = doc.page;
      pageRefs.push(page.dictionary);
      page.dictionary.data['Contents'] = [this.#save, at(refs, partPage.content), this.#restore, page.content];
      for (const name of partPage.fonts) page.fonts[name] = this.#font(name).ref();
      for (const [name, object] of partPage.xobjects) {
        if (page.xobjects[name] !== undefined) throw new Error(`link-parts: two images named ${name} on one page`);
        page.xobjects[name] = at(refs, object);
      }
      for (const annotation of partPage.annotations) page.annotations.push(at(refs, annotation));
      if (partPage.marked) {
        const entries = doc.getStructParentTree().get(page.structParentTreeKey);
        if (Array.isArray(entries)) partPage.marked.forEach((element, mcid) => (entries[mcid] = element === null ? null : new WrittenReference(at(refs, element).id)));
      }
      // In the order the part made them: a heading's bookmark, then its anchor.
      for (const bookmark of part.bookmarks) {
        if (bookmark.page !== index) continue;
        cursor.y = bookmark.top;
        cursor.bookmark(bookmark.text, bookmark.depth);
      }
      for (const [name, page, left, top] of summary.destinations) if (page === index) doc.addNamedDestination(name, 'XYZ', left, top, null);
    });
    for (const root of part.roots) this.roots.push(at(refs, root));
    for (const [name, glyphs] of Object.entries(part.glyphs)) includeStableGlyphs(this.#font(name), glyphs);
    const documentRoot = cursor.tags.root;
    part.objects.forEach((object, index) => {
      // Joined once: an object's text is kept until the object streams are written, and a string
      // grown piece by piece would be kept as a tree of its pieces for the collector to walk.
      const text: string[] = [object.pieces[0] ?? ''];
      object.targets.forEach((target, piece) => {
        const pointsAt = targetOf(target);
        switch (pointsAt.kind) {
          case 'object':
            text.push(`${at(refs, pointsAt.value).id} 0 R`);
            break;
          case 'page':
            text.push(`${at(pageRefs, pointsAt.value).id} 0 R`);
            break;
          case 'document':
            if (!documentRoot) throw new Error('link-parts: the document has no root element');
            text.push(`${documentRoot.id} 0 R`);
            break;
          case 'key': {
            const key = keys.get(pointsAt.value);
            if (key === undefined) throw new Error(`link-parts: no structure parent ${pointsAt.value} in the part`);
            text.push(String(key));
            break;
          }
        }
        text.push(object.pieces[piece + 1] ?? '');
      });
      writeVerbatim(doc, at(refs, index), text.join(''), object.stream === undefined ? undefined : at(part.streams, object.stream));
    });
  }

  /**
   * The next page, the one before written out (pdfkit ends a page as the next begins) and its
   * dictionary's contents let go: pdfkit keeps every page's dictionary for the page tree, and
   * bookmarks and destinations point at it, to the end of the file — with its content streams,
   * resources and annotations, 3 KB a page, 90 MB of a 10,000-role handbook. Only the dictionary's
   * number is needed after it is written.
   */
  #newPage(): void {
    const written = this.#doc.page.dictionary;
    this.#cursor.newPage();
    Reflect.set(written, 'data', {});
  }

  #font(name: string): EmbeddedFont {
    const font = this.#fonts.get(name);
    if (!font) throw new Error(`link-parts: a part names the font ${name}, which the document does not have`);
    return font;
  }
}

/** A content stream of one operator, uncompressed. */
function writeOperator(doc: PDFDocument, operator: string): PdfReference {
  const ref = doc.ref({});
  ref.compress = false;
  ref.end(new TextEncoder().encode(`${operator}\n`));
  return ref;
}

/** Writes `ref` as `text` (and its stream, compressed already), as the part's document wrote it. */
function writeVerbatim(doc: PDFDocument, ref: PdfReference, text: string, stream: Uint8Array | undefined): void {
  if (stream === undefined && packObject(doc, ref, text)) return;
  Reflect.set(ref, 'data', new VerbatimObject(text));
  ref.compress = false;
  ref.end(stream);
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`link-parts: a part refers to its item ${index}, which it does not have`);
  return item;
}

/**
 * A part of a document — a role's pages in the handbook (Layout.partStarts) — drawn in a pdfkit
 * document of its own and kept as what the whole document needs of it (link-parts.ts joins the
 * parts): the objects pdfkit wrote for it (content streams, structure elements, link
 * annotations, images) with their references cut out, each page's content, annotations and
 * structure parents, its bookmarks and named destinations, and the glyphs it used.
 *
 * A part reads the same wherever it stands: it starts on a page of its own; its glyphs are coded
 * by their ids in the font (font-subset.ts useStableCodes), not by the order a document first used
 * them; the page furniture (running header, page numbers) is the whole document's to draw; and a
 * reference is kept as what it points at — one of the part's objects, one of its pages, or the
 * document's root element — so the whole document numbers its objects as it likes. So a part is
 * drawn once and kept between builds (the build cache's pdf-parts), and a one-role edit draws one.
 */
import { createHash } from 'node:crypto';
import type PDFDocument from 'pdfkit';
import type { PdfPage, PdfReference } from 'pdfkit';
import type { Layout } from '../../layout/layout.js';
import type { PdfStandard } from '../../model/config.js';
import { fontIdentity } from '../../model/fonts.js';
import type { FontSet } from '../fonts.js';
import { paintBlocks } from './blocks.js';
import { PAGES_UNKNOWN, PdfCursor, type PartRecorder } from './cursor.js';
import { stableCodesOf } from './font-subset.js';
import { paintPageFurniture } from './page-furniture.js';

/** Changes whenever a part would be drawn or kept differently for the same blocks. */
const PDF_PART_FORMAT = 'pdf-part/2';

/**
 * What a reference in a part's object points at: n ≥ 0 the part's object n; DOCUMENT_TARGET the
 * document's root element (a Part element's parent); pageTarget(p) the part's page p. A key
 * target is a number in an annotation's /StructParent, renumbered in the whole document.
 */
const DOCUMENT_TARGET = -1;
const KEY_BASE = -1_000_000_000;
const pageTarget = (page: number): number => -2 - page;
const keyTarget = (key: number): number => KEY_BASE - key;

export type Target = { readonly kind: 'object' | 'page' | 'key'; readonly value: number } | { readonly kind: 'document' };

export function targetOf(target: number): Target {
  if (target >= 0) return { kind: 'object', value: target };
  if (target === DOCUMENT_TARGET) return { kind: 'document' };
  if (target > KEY_BASE) return { kind: 'page', value: -2 - target };
  return { kind: 'key', value: KEY_BASE - target };
}

/** An object of a part: its text with its references cut out (pieces.length === targets.length + 1), and its stream. */
export interface PartObject {
  readonly pieces: readonly string[];
  readonly targets: readonly number[];
  /** The index of its stream in PdfPartBody.streams, if it has one (already compressed, as its text says). */
  readonly stream?: number;
}

export interface PartPage {
  /** The object of the page's content stream. */
  readonly content: number;
  readonly annotations: readonly number[];
  /** The element (object) each MCID of the page belongs to; none when nothing on the page is marked. */
  readonly marked?: readonly (number | null)[];
  /** The font resources the page names (F1 regular, F2 bold, F3 fallback: the same in every such document). */
  readonly fonts: readonly string[];
  readonly xobjects: readonly (readonly [string, number])[];
  /** No page furniture on this page (a cover). */
  readonly bare: boolean;
}

export interface PartBookmark {
  readonly text: string;
  readonly depth: number;
  readonly page: number;
  readonly top: number;
}

/** What the whole document needs to know of a part before it draws anything: its pages and where its anchors are. */
export interface PdfPartSummary {
  readonly pages: number;
  /** Named destinations: name, page, left, top. */
  readonly destinations: readonly (readonly [string, number, number, number])[];
}

export interface PdfPartBody {
  readonly objects: readonly PartObject[];
  readonly streams: readonly Uint8Array[];
  readonly pages: readonly PartPage[];
  /** The part's root elements (its Part element): the document's root element's children. */
  readonly roots: readonly number[];
  /** Annotations' structure parents: the key their text names, and their element. */
  readonly structParents: readonly (readonly [number, number])[];
  readonly bookmarks: readonly PartBookmark[];
  /**
   * The glyphs used, by font resource name, one flat list of numbers a font: per glyph its code,
   * its width (/W units), how many characters it stands for, and those characters. Flat, because
   * a one-role edit reads a thousand parts' lists: nested, a glyph was two arrays for JSON.parse to
   * make (parsing the thousand parts took 139 ms, flat 82 ms).
   */
  readonly glyphs: Readonly<Record<string, readonly number[]>>;
}

export interface PdfPart {
  readonly summary: PdfPartSummary;
  readonly body: PdfPartBody;
}

/** What a part is made of: its key in the build cache. */
export interface PdfPartInputs {
  readonly layout: Layout;
  readonly fonts: FontSet;
  readonly standard: PdfStandard | undefined;
  readonly version: string;
}

export function pdfPartKey(inputs: PdfPartInputs): string {
  const { layout, fonts } = inputs;
  return createHash('sha256')
    .update(
      JSON.stringify([
        PDF_PART_FORMAT,
        inputs.version,
        inputs.standard ?? null,
        fontIdentity(fonts),
        layout.page,
        layout.style,
        layout.blocks,
      ]),
    )
    .digest('hex');
}

/** A part writes no date: any will do. */
const NO_DATE = new Date(0);

/**
 * Draws the blocks of `layout` as one part, in one pass. A document's first pass (paginate.ts)
 * finds its page count for the running footer and its anchors' pages for the contents; a part draws
 * neither (the whole document adds the furniture, and the contents come before the first part), so
 * its page breaks are found as it is drawn, by the same rule (a 1,000-role handbook's parts: ~1 s
 * less, profiled).
 */
export async function drawPart(layout: Layout, fonts: FontSet, standard: PdfStandard | undefined): Promise<PdfPart> {
  const capture = new PartCapture();
  const cursor = new PdfCursor(layout, fonts, NO_DATE, PAGES_UNKNOWN, new Map(), paintPageFurniture, { standard, recorder: capture });
  paintBlocks(cursor);
  return capture.finish(cursor);
}

/** A reference in an object's text (outside its strings, which pdfkit writes with their parentheses escaped), or an annotation's structure parent key. */
const REFERENCE = /\((?:\\[\s\S]|[^\\)])*\)|(\d+) 0 R|(\/StructParent )(\d+)/g;

interface Written {
  readonly id: number;
  readonly text: string;
  readonly stream: Uint8Array | undefined;
}

/** Takes what pdfkit writes for a part instead of a file (see PartRecorder). */
class PartCapture implements PartRecorder {
  #doc: PDFDocument | undefined;
  readonly #pages: PdfPage[] = [];
  readonly #written: Written[] = [];
  readonly #bookmarks: PartBookmark[] = [];
  readonly #destinations: [string, number, number, number][] = [];

  attach(doc: PDFDocument): void {
    this.#doc = doc;
    const addPage = doc.addPage.bind(doc);
    doc.addPage = () => {
      addPage();
      this.#pages.push(doc.page);
      return doc;
    };
    // The part's document is never ended: nothing but its objects is ever written, and those are kept.
    let lines: (string | Uint8Array)[] | undefined;
    doc._write = (data) => {
      lines?.push(data);
    };
    doc._refEnd = () => undefined;
    const makeReference = doc.ref.bind(doc);
    doc.ref = (data) => {
      const ref = makeReference(data);
      const finalize = ref.finalize.bind(ref);
      ref.finalize = () => {
        // pdfkit writes `<id> 0 obj`, the object, then `stream`, its bytes and `\nendstream` if it has one, and `endobj`.
        const written: (string | Uint8Array)[] = [];
        lines = written;
        try {
          finalize();
        } finally {
          lines = undefined;
        }
        const [, text, , stream] = written;
        if (typeof text !== 'string') throw new Error(`pdf-part: object ${ref.id} was written without a body`);
        this.#written.push({ id: ref.id, text, stream: stream instanceof Uint8Array ? stream : undefined });
      };
      return ref;
    };
  }

  bookmark(text: string, depth: number, page: number, top: number): void {
    this.#bookmarks.push({ text, depth, page, top });
  }

  destination(name: string, page: number, left: number, top: number): void {
    this.#destinations.push([name, page, left, top]);
  }

  async finish(cursor: PdfCursor): Promise<PdfPart> {
    const doc = this.#doc;
    if (!doc) throw new Error('pdf-part: the part was never drawn');
    cursor.tags.finish();
    doc.flushPages();
    const pages = this.#pages;
    const pageById = new Map(pages.map((page, index) => [page.dictionary.id, index]));
    // Page dictionaries and resources are the whole document's to write: it adds the furniture.
    const skipped = new Set(pages.flatMap((page) => [page.dictionary.id, page.resources.id]));
    const structTreeRoot = doc.getStructTreeRoot().id;
    // An image is written once decoded, which pdfkit may finish a moment later.
    for (let wait = 0; wait < 100 && this.#missing(pages, skipped).length > 0; wait++) await new Promise((resolve) => setImmediate(resolve));
    const missing = this.#missing(pages, skipped);
    if (missing.length > 0) throw new Error(`pdf-part: the part's pages refer to objects it never wrote (${missing.join(', ')})`);

    const kept = this.#written.filter((object) => !skipped.has(object.id));
    const indexById = new Map(kept.map((object, index) => [object.id, index]));
    const objectIndex = (id: number): number => {
      const index = indexById.get(id);
      if (index === undefined) throw new Error(`pdf-part: the part refers to object ${id}, which it did not write`);
      return index;
    };
    const streams: Uint8Array[] = [];
    const objects = kept.map((object): PartObject => {
      const pieces: string[] = [];
      const targets: number[] = [];
      let last = 0;
      for (const match of object.text.matchAll(REFERENCE)) {
        const [whole, id, keyLabel, key] = match;
        if (id !== undefined) {
          const page = pageById.get(Number(id));
          pieces.push(object.text.slice(last, match.index));
          targets.push(page !== undefined ? pageTarget(page) : Number(id) === structTreeRoot ? DOCUMENT_TARGET : objectIndex(Number(id)));
          last = match.index + whole.length;
        } else if (keyLabel !== undefined && key !== undefined) {
          const start = match.index + keyLabel.length;
          pieces.push(object.text.slice(last, start));
          targets.push(keyTarget(Number(key)));
          last = start + key.length;
        }
      }
      pieces.push(object.text.slice(last));
      if (object.stream === undefined) return { pieces, targets };
      streams.push(object.stream);
      return { pieces, targets, stream: streams.length - 1 };
    });

    const tree = doc.getStructParentTree();
    const pageKeys = new Set<number>();
    const partPages = pages.map((page, index): PartPage => {
      const key = page.dictionary.data['StructParents'];
      const entries = typeof key === 'number' ? tree.get(key) : undefined;
      if (typeof key === 'number') pageKeys.add(key);
      const resources = page.resources.data;
      return {
        content: objectIndex(page.content.id),
        annotations: referencesIn(page.dictionary.data['Annots']).map((ref) => objectIndex(ref.id)),
        ...(Array.isArray(entries) ? { marked: entries.map((ref) => (ref ? objectIndex(ref.id) : null)) } : {}),
        fonts: Object.keys(recordOf(resources['Font'])),
        xobjects: Object.entries(recordOf(resources['XObject'])).flatMap(([name, ref]) => (isReference(ref) ? [[name, objectIndex(ref.id)] as const] : [])),
        bare: cursor.isBare(index),
      };
    });
    const structParents = Object.entries(tree._items).flatMap(([key, value]) => (pageKeys.has(Number(key)) || !isReference(value) ? [] : [[Number(key), objectIndex(value.id)] as const]));
    const root = cursor.tags.root;
    return {
      summary: { pages: pages.length, destinations: this.#destinations },
      body: {
        objects,
        streams,
        pages: partPages,
        roots: root ? [objectIndex(root.id)] : [],
        structParents,
        bookmarks: this.#bookmarks,
        glyphs: glyphsOf(doc),
      },
    };
  }

  /** Objects the pages name that are not written (yet). */
  #missing(pages: readonly PdfPage[], skipped: ReadonlySet<number>): number[] {
    const written = new Set(this.#written.map((object) => object.id));
    const named = pages.flatMap((page) => [
      page.content.id,
      ...referencesIn(page.dictionary.data['Annots']).map((ref) => ref.id),
      ...Object.values(recordOf(page.resources.data['XObject'])).flatMap((ref) => (isReference(ref) ? [ref.id] : [])),
    ]);
    return named.filter((id) => !written.has(id) && !skipped.has(id));
  }
}

/** The glyphs each font of the part's document used, by resource name. */
function glyphsOf(doc: PDFDocument): PdfPartBody['glyphs'] {
  const glyphs: Record<string, number[]> = {};
  for (const font of new Set(Object.values(doc._fontFamilies))) {
    const codes = font ? stableCodesOf(font) : undefined;
    if (!font || !codes) continue;
    const list: number[] = [];
    for (const code of codes) {
      const codePoints = font.unicode[code] ?? [];
      list.push(code, font.widths[code] ?? 0, codePoints.length, ...codePoints);
    }
    glyphs[font.id] = list;
  }
  return glyphs;
}

function isReference(value: unknown): value is PdfReference {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number' && 'finalize' in value;
}

function referencesIn(value: unknown): PdfReference[] {
  return Array.isArray(value) ? value.filter(isReference) : [];
}

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * A part as bytes, for the build cache: the summary (read before anything is drawn), then the body
 * (JSON; object texts are Latin-1 strings), then the streams as they are (compressed already).
 */
export function encodePart(part: PdfPart): Uint8Array {
  const { streams, ...rest } = part.body;
  const summary = Buffer.from(JSON.stringify(part.summary), 'utf8');
  const body = Buffer.from(JSON.stringify({ ...rest, streamLengths: streams.map((stream) => stream.length) }), 'utf8');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(summary.length, 0);
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, summary, body, ...streams]);
}

/** The summary of an encoded part. @throws when the bytes are not one */
export function decodeSummary(bytes: Uint8Array): PdfPartSummary {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const summaryLength = data.readUInt32BE(0);
  const summary: unknown = JSON.parse(data.subarray(8, 8 + summaryLength).toString('utf8'));
  if (!isSummary(summary)) throw new Error('pdf-part: not a part');
  return summary;
}

/** The whole of an encoded part. @throws when the bytes are not one */
export function decodePart(bytes: Uint8Array): PdfPart {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const summaryLength = data.readUInt32BE(0);
  const bodyLength = data.readUInt32BE(4);
  const summary = decodeSummary(bytes);
  const body: unknown = JSON.parse(data.subarray(8 + summaryLength, 8 + summaryLength + bodyLength).toString('utf8'));
  if (!isBody(body)) throw new Error('pdf-part: not a part');
  let at = 8 + summaryLength + bodyLength;
  const streams = body.streamLengths.map((length) => {
    const stream = data.subarray(at, at + length);
    at += length;
    return stream;
  });
  if (at !== data.length) throw new Error('pdf-part: a part of the wrong length');
  const { streamLengths: _lengths, ...rest } = body;
  return { summary, body: { ...rest, streams } };
}

function isSummary(value: unknown): value is PdfPartSummary {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['pages'] === 'number' && Array.isArray((value as Record<string, unknown>)['destinations']);
}

function isBody(value: unknown): value is Omit<PdfPartBody, 'streams'> & { readonly streamLengths: readonly number[] } {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return ['objects', 'pages', 'roots', 'structParents', 'bookmarks', 'streamLengths'].every((key) => Array.isArray(body[key])) && typeof body['glyphs'] === 'object';
}

/**
 * A .docx from its parts, zipped once.
 *
 * docx's Packer makes the package's constant parts — styles, settings, fonts, theme, the headers and
 * footers with the logo, the relationships, the content types — from a document whose body is only
 * what must come from docx itself (a cover with its logo: the picture's relationship is docx's).
 * That shell is kept per look (every role document of a build shares one). The body's other parts
 * come from parts.ts; here their lists are numbered (numbering.xml gets one definition per list,
 * made by docx's own AbstractNumbering and ConcreteNumbering), their bookmarks numbered and named
 * in order of first use, and document.xml is streamed into the zip part by part: the handbook's
 * body is never one string. The zip is written once, with the document's date in every entry.
 */
import { AbstractNumbering, ConcreteNumbering, Numbering, type Document, type IContext } from 'docx';
import { createHash } from 'node:crypto';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync, Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import type { LayoutStyle } from '../../layout/layout.js';
import { ownBytes } from '../bytes.js';
import { ANCHOR_PLACEHOLDER } from './context.js';
import { listLevels, type ListDefinition } from './numbering.js';
import { crc32Combine, decodePiece, encodePiece, pieceKey, windowDigest, type PieceStore } from './kept-pieces.js';
import type { DocxPart, StoredPart } from './parts.js';
import { escapeXml, xmlOf } from './xml.js';

/** The package docx wrote around an empty body (or a cover), taken apart. */
export interface Shell {
  /** Every file of the package, in docx's order; document.xml and numbering.xml are replaced. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** document.xml up to and including <w:body>. */
  readonly bodyStart: string;
  /** What docx put in the body (a cover), as a part. */
  readonly head: string;
  /** document.xml from the section properties to the end. */
  readonly bodyEnd: string;
}

/** Stand-ins docx writes into the shell's metadata, replaced by each document's own (escaped). */
export const META_MARK = { title: 'roledoc-meta-title', subject: 'roledoc-meta-subject', creator: 'roledoc-meta-creator', keywords: 'roledoc-meta-keywords', roleIds: 'roledoc-meta-roles' } as const;

export function takeShellApart(packed: Uint8Array): Shell {
  const files = new Map(Object.entries(unzipSync(packed)));
  const document = files.get('word/document.xml');
  if (document === undefined) throw new Error('renderDocx: docx wrote no word/document.xml');
  const xml = strFromU8(document);
  const open = xml.indexOf('<w:body>');
  const close = xml.lastIndexOf('<w:sectPr');
  if (open < 0 || close < open) throw new Error('renderDocx: docx wrote a body without section properties');
  return { files, bodyStart: xml.slice(0, open + '<w:body>'.length), head: xml.slice(open + '<w:body>'.length, close), bodyEnd: xml.slice(close) };
}

export interface DocumentMetaText {
  readonly title: string;
  readonly subject: string;
  readonly creator: string;
  readonly keywords: string;
  readonly roleIds: string | undefined;
}

/** The document's own metadata and date in place of the shell's stand-ins. */
function metadataPart(xml: string, meta: DocumentMetaText, iso: string): string {
  return xml
    .replace(/roledoc-meta-(title|subject|creator|keywords|roles)/g, (_mark, field: string) => {
      const value = field === 'roles' ? (meta.roleIds ?? '') : meta[field as 'title' | 'subject' | 'creator' | 'keywords'];
      return escapeXml(value);
    })
    .replace(/(<dcterms:created\b[^>]*>)[^<]*/, `$1${iso}`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*/, `$1${iso}`);
}

/** numbering.xml as docx writes it: its bullet list first, then one definition per list of the document. */
function numberingXml(lists: readonly ListDefinition[], style: LayoutStyle, file: Document): Iterable<string> {
  const context: IContext = { file, viewWrapper: file.Document, stack: [] };
  const empty = new Numbering({ config: [] }).prepForXml(context);
  if (!empty) throw new Error('renderDocx: docx formatted no numbering');
  // <w:numbering …><w:abstractNum …/>…<w:num w:numId="1">…</w:num></w:numbering>: docx's own bullet list.
  const text = xmlOf(empty);
  const firstNum = text.indexOf('<w:num ');
  const end = text.lastIndexOf('</w:numbering>');
  if (firstNum < 0 || end < firstNum) throw new Error('renderDocx: docx formatted numbering in an unknown shape');
  return (function* (): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    yield text.slice(0, firstNum);
    // List n of the document is abstractNum n + 1 and num n + 1: 1 is docx's bullet list.
    for (const [i, list] of lists.entries()) {
      const formatted = new AbstractNumbering(i + 2, listLevels(list, style)).prepForXml(context);
      if (formatted) yield xmlOf(formatted);
    }
    yield text.slice(firstNum, end);
    for (const i of lists.keys()) {
      const formatted = new ConcreteNumbering({ numId: i + 2, abstractNumId: i + 2, reference: `roledoc-list-${i + 1}`, instance: 0, overrideLevels: [{ num: 0, start: 1 }] }).prepForXml(context);
      if (formatted) yield xmlOf(formatted);
    }
    yield text.slice(end);
  })();
}

// A bookmark's id, a list's number, a link's anchor, and a contents entry's PAGEREF (its bookmark named up to " \h ").
const NUMBERED = new RegExp(`(<w:bookmark(?:Start|End)\\b[^>]*?\\sw:id=")(\\d+)"|\\{roledoc-list-(\\d+)-0\\}|="${ANCHOR_PLACEHOLDER}([^"]*)"| PAGEREF ${ANCHOR_PLACEHOLDER}(.*?) \\\\h `, 'g');

const ANCHOR_NAME = new RegExp(`="${ANCHOR_PLACEHOLDER}([^"]*)"`);

/**
 * Numbers the parts for the whole document, in order: each part's lists and bookmark ids follow
 * the previous part's, and every anchor is named roledoc_1, roledoc_2, … in order of first use.
 */
export class Numberer {
  readonly lists: ListDefinition[] = [];
  #bookmarks = 0;
  readonly #names = new Map<string, string>();
  /** The anchors in the order they were named. */
  readonly #named: string[] = [];
  /** A digest of the first `#digested` anchors named (namesDigest). */
  #digest = '';
  #digested = 0;

  /** Bookmark ids taken so far. */
  get bookmarks(): number {
    return this.#bookmarks;
  }

  /** How many anchors are named so far. */
  get namedCount(): number {
    return this.#named.length;
  }

  /** The anchors named after the first `count`, in order. */
  namedSince(count: number): string[] {
    return this.#named.slice(count);
  }

  /** What stands for the anchors named so far, in order (kept pieces are keyed by it). */
  namesDigest(): string {
    if (this.#digested < this.#named.length) {
      const hash = createHash('sha256').update(this.#digest);
      for (const anchor of this.#named.slice(this.#digested)) hash.update(`\0${anchor}`);
      this.#digest = hash.digest('hex');
      this.#digested = this.#named.length;
    }
    return this.#digest;
  }

  /**
   * The part's XML numbered, a slice at a time (each cut before a tag, so every element and text
   * is whole in one slice): a department of thousands of roles is one part of tens of megabytes,
   * and its numbered copy need not exist whole beside it.
   */
  *place(part: DocxPart, sliceChars = SLICE_CHARS): Generator<string> {
    const listBase = this.lists.length;
    const bookmarkBase = this.#bookmarks;
    const taken = { bookmarks: 0 };
    for (const list of part.lists) this.lists.push(list);
    yield* this.#numbered(part.xml, listBase, bookmarkBase, taken, sliceChars);
    this.#bookmarks += taken.bookmarks;
  }

  /** A part numbered again as it was placed from `listBase` and `bookmarkBase` (its anchors named then), for its text alone: nothing counted anew. */
  replay(part: DocxPart, listBase: number, bookmarkBase: number): Generator<string> {
    return this.#numbered(part.xml, listBase, bookmarkBase, { bookmarks: 0 }, SLICE_CHARS);
  }

  /** Counts what a kept piece numbered, as placing its part would have. */
  adopt(piece: { readonly lists: readonly ListDefinition[]; readonly bookmarks: number; readonly named: readonly string[] }): void {
    for (const list of piece.lists) this.lists.push(list);
    this.#bookmarks += piece.bookmarks;
    for (const anchor of piece.named) this.name(anchor);
  }

  *#numbered(xml: string, listBase: number, bookmarkBase: number, taken: { bookmarks: number }, sliceChars: number): Generator<string> {
    for (const slice of slicesOf(xml, sliceChars)) {
      yield slice.replace(NUMBERED, (match, bookmark: string | undefined, id: string | undefined, list: string | undefined, anchor: string | undefined, pageOf: string | undefined) => {
        if (bookmark !== undefined) {
          taken.bookmarks = Math.max(taken.bookmarks, Number(id) + 1);
          // The bookmark's name comes before its id, inside this match.
          return `${bookmark.replace(ANCHOR_NAME, (_name, named: string) => `="${this.name(named)}"`)}${bookmarkBase + Number(id)}"`;
        }
        if (list !== undefined) return String(listBase + Number(list) + 1);
        if (anchor !== undefined) return `="${this.name(anchor)}"`;
        if (pageOf !== undefined) return ` PAGEREF ${this.name(pageOf)} \\h `;
        return match;
      });
    }
  }

  name(anchor: string): string {
    let name = this.#names.get(anchor);
    if (name === undefined) {
      name = `roledoc_${this.#names.size + 1}`;
      this.#names.set(anchor, name);
      this.#named.push(anchor);
    }
    return name;
  }
}

/**
 * Characters of a part numbered and written at a time: a department of about 1,000 roles in one
 * part fits in one slice. Each slice is compressed as a piece of its own, so a longer part's
 * compressed bytes (not its text) differ from those of one written whole.
 */
const SLICE_CHARS = 1 << 23;

/** `xml` in slices of about `size` characters, each cut right before a tag. */
function* slicesOf(xml: string, size: number): Generator<string> {
  let start = 0;
  while (xml.length - start > size) {
    const cut = xml.indexOf('<', start + size);
    if (cut < 0) break;
    yield xml.slice(start, cut);
    start = cut;
  }
  yield start === 0 ? xml : xml.slice(start);
}

/** What ends a deflate stream whose pieces were each compressed and flushed on their own: an empty final block. */
const FINAL_BLOCK = deflateRawSync(new Uint8Array(0));
/** How far back deflate looks for a repeat: each piece is compressed knowing this much of what came before. */
const WINDOW = 32 * 1024;

/**
 * A part written into the zip as it comes: each piece of its text is compressed by node's zlib at
 * once and let go. Each piece is flushed to a byte boundary and compressed with the 32 KB before
 * it as its dictionary, so the pieces join into one deflate stream that refers back across them
 * (as pigz does): the handbook compresses as well as in one go. The CRC runs along; fflate writes
 * the zip around it (headers, data descriptors, the directory).
 */
class StreamedEntry implements ZipInputFile {
  readonly filename: string;
  readonly compression = 8;
  readonly mtime: Date;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;
  /** The last WINDOW bytes written; undefined after a kept piece, until PartWriter makes them known again. */
  window: Uint8Array | undefined = new Uint8Array(0);

  constructor(zip: Zip, name: string, mtime: Date) {
    this.filename = name;
    this.mtime = mtime;
    zip.add(this);
  }

  write(text: string): void {
    if (text !== '') this.writeBytes(Buffer.from(text, 'utf8'));
  }

  /** Writes `bytes` compressed knowing the window, and returns what they compressed to. */
  writeBytes(bytes: Uint8Array): Uint8Array {
    if (bytes.byteLength === 0) return new Uint8Array(0);
    const window = this.window;
    if (window === undefined) throw new Error('renderDocx: a piece written without the bytes before it');
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.byteLength;
    const deflated = deflatePiece(bytes, window);
    this.ondata?.(null, deflated, false);
    this.window = lastWindow(window, bytes);
    return deflated;
  }

  /** Writes a piece compressed before (kept-pieces.ts), of `size` bytes whose CRC-32 is `crc`; the window is then unknown. */
  writeDeflated(deflated: Uint8Array, crc: number, size: number): void {
    this.crc = crc32Combine(this.crc, crc, size);
    this.size += size;
    // Its own bytes: the zip holds every piece until the package is finished, not the file it was read from.
    if (deflated.byteLength > 0) this.ondata?.(null, new Uint8Array(deflated), false);
    this.window = undefined;
  }

  /** A whole file, from a shell: compressed once, for every document of the build that has that shell. */
  writeShellFile(bytes: Uint8Array): void {
    if (this.size > 0) throw new Error('renderDocx: a shell file is written whole');
    let compressed = shellFilesCompressed.get(bytes);
    if (compressed === undefined) {
      compressed = { crc: crc32(bytes), size: bytes.byteLength, data: deflatePiece(bytes) };
      shellFilesCompressed.set(bytes, compressed);
    }
    this.crc = compressed.crc;
    this.size = compressed.size;
    if (compressed.size > 0) this.ondata?.(null, compressed.data, false);
  }

  end(): void {
    this.ondata?.(null, FINAL_BLOCK, true);
  }
}

/**
 * A piece of a zip entry compressed and flushed to a byte boundary, knowing `window` (the bytes
 * before it) as its dictionary. Kept by the zip until the package is finished: its own bytes, not
 * a view of zlib's 16 KB chunk.
 */
function deflatePiece(bytes: Uint8Array, window?: Uint8Array): Uint8Array<ArrayBuffer> {
  const options = { level: 6, finishFlush: zlibConstants.Z_SYNC_FLUSH, ...(window !== undefined && window.byteLength > 0 ? { dictionary: window } : {}) };
  return ownBytes(deflateRawSync(bytes, options));
}

/**
 * The shell's files (styles, settings, theme, headers, …) as writeBytes would compress them alone,
 * by the bytes the shell holds: the same in every role document of a build.
 */
const shellFilesCompressed = new WeakMap<Uint8Array, { readonly crc: number; readonly size: number; readonly data: Uint8Array<ArrayBuffer> }>();

/** The last WINDOW bytes of `before` followed by `after`, in a buffer of their own. */
function lastWindow(before: Uint8Array, after: Uint8Array): Uint8Array {
  if (after.byteLength >= WINDOW) return after.slice(after.byteLength - WINDOW);
  const keep = Math.min(before.byteLength, WINDOW - after.byteLength);
  const out = new Uint8Array(keep + after.byteLength);
  out.set(before.subarray(before.byteLength - keep), 0);
  out.set(after, keep);
  return out;
}

/** A part of a document of parts, or a part as it is: StoredPart has a key. */
const isStored = (part: DocxPart | StoredPart): part is StoredPart => 'key' in part;

/** A piece taken from the store, and where its numbering started: enough to place its part again for its text. */
interface TakenPiece {
  readonly part: StoredPart;
  readonly listBase: number;
  readonly bookmarkBase: number;
  readonly size: number;
}

/**
 * Writes the body's parts into document.xml: each stored part as the piece kept for it when there
 * is one (kept-pieces.ts) — same part, same numbering from, same 32 KB before it — else placed
 * and deflated, and kept. The bytes are the same either way. A kept piece leaves the window (the
 * 32 KB before the next) unknown; a piece made after it has its window made again, from the text
 * of the pieces taken since.
 */
class PartWriter {
  readonly #entry: StreamedEntry;
  readonly #numberer: Numberer;
  readonly #pieces: PieceStore | undefined;
  /** Pieces taken since the window was last known, and the window before the first of them. */
  #taken: TakenPiece[] = [];
  #before: Uint8Array = new Uint8Array(0);
  /**
   * The digest of the window as it stands: the last taken piece's while the window is unknown, or
   * that of the window it was computed for (a piece made ends with the digest the next one's key
   * needs: hashed once, not once for each).
   */
  #digest: { readonly window: Uint8Array | undefined; readonly digest: string } = { window: undefined, digest: '' };

  constructor(entry: StreamedEntry, numberer: Numberer, pieces: PieceStore | undefined) {
    this.#entry = entry;
    this.#numberer = numberer;
    this.#pieces = pieces;
  }

  write(part: DocxPart | StoredPart): void {
    const entry = this.#entry;
    const numberer = this.#numberer;
    const pieces = this.#pieces;
    if (!isStored(part) || pieces === undefined) {
      this.#knowWindow();
      for (const text of numberer.place(isStored(part) ? part.load() : part)) entry.write(text);
      return;
    }
    const listBase = numberer.lists.length;
    const bookmarkBase = numberer.bookmarks;
    const window = entry.window;
    const key = pieceKey(part.key, listBase, bookmarkBase, numberer.namesDigest(), this.#windowDigest(window));
    const kept = decodePiece(pieces.get(key));
    if (kept !== undefined) {
      if (window !== undefined) this.#before = window;
      entry.writeDeflated(kept.deflated, kept.crc, kept.size);
      numberer.adopt(kept);
      part.keep();
      this.#taken.push({ part, listBase, bookmarkBase, size: kept.size });
      this.#digest = { window: undefined, digest: kept.windowAfter };
      return;
    }
    this.#knowWindow();
    const loaded = part.load();
    const named = numberer.namedCount;
    const deflated: Uint8Array[] = [];
    let crc = 0;
    let size = 0;
    for (const text of numberer.place(loaded)) {
      if (text === '') continue;
      const bytes = Buffer.from(text, 'utf8');
      crc = crc32(bytes, crc);
      size += bytes.byteLength;
      deflated.push(entry.writeBytes(bytes));
    }
    const after = entry.window ?? new Uint8Array(0);
    pieces.set(
      key,
      encodePiece({
        deflated: Buffer.concat(deflated),
        size,
        crc,
        lists: loaded.lists,
        bookmarks: numberer.bookmarks - bookmarkBase,
        named: numberer.namedSince(named),
        windowAfter: this.#windowDigest(after),
      }),
    );
  }

  /** The digest of `window` (undefined: unknown, after a taken piece), computed once per window. */
  #windowDigest(window: Uint8Array | undefined): string {
    if (window === undefined || window === this.#digest.window) return this.#digest.digest;
    this.#digest = { window, digest: windowDigest(window) };
    return this.#digest.digest;
  }

  /** Makes the window known again (before anything else is written): the text of the last pieces taken, placed again. */
  #knowWindow(): void {
    const entry = this.#entry;
    if (entry.window !== undefined) return;
    // The last pieces taken, back to as many as hold WINDOW bytes; fewer than that, the window before them first.
    let from = this.#taken.length;
    let held = 0;
    while (from > 0 && held < WINDOW) {
      from -= 1;
      held += this.#taken[from]?.size ?? 0;
    }
    let window = held >= WINDOW ? new Uint8Array(0) : this.#before;
    for (const taken of this.#taken.slice(from)) {
      for (const text of this.#numberer.replay(taken.part.load(), taken.listBase, taken.bookmarkBase)) {
        if (text !== '') window = lastWindow(window, Buffer.from(text, 'utf8'));
      }
    }
    entry.window = window;
    this.#taken = [];
  }

  /** The parts are written: the window known again for what follows. */
  finish(): void {
    this.#knowWindow();
  }
}

export interface AssembleOptions {
  readonly shell: Shell;
  readonly meta: DocumentMetaText;
  readonly style: LayoutStyle;
  /** The shell's docx document: the context docx's numbering classes are formatted in. */
  readonly file: Document;
  /** The body's parts after the shell's head, in order; each rendered (or fetched) only when its turn comes, a stored one only if its piece is not kept. */
  readonly parts: Iterable<DocxPart | StoredPart>;
  /** document.xml's pieces kept between builds (kept-pieces.ts); none: every part is placed and deflated. */
  readonly pieces?: PieceStore | undefined;
  readonly createdAt: Date;
}

export function assembleDocx(options: AssembleOptions): Uint8Array {
  const { shell, meta, createdAt } = options;
  const iso = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const mtime = zipDate(createdAt);
  const chunks: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const numberer = new Numberer();
  // docx writes document.xml before numbering.xml: the lists are all known by the time numbering.xml is written.
  let documentDone = false;
  for (const [name, bytes] of shell.files) {
    const entry = new StreamedEntry(zip, name, mtime);
    if (name === 'word/document.xml') {
      entry.write(shell.bodyStart);
      for (const text of numberer.place({ xml: shell.head, lists: [] })) entry.write(text);
      const writer = new PartWriter(entry, numberer, options.pieces);
      for (const part of options.parts) writer.write(part);
      writer.finish();
      entry.write(shell.bodyEnd);
      documentDone = true;
    } else if (name === 'word/numbering.xml') {
      if (!documentDone) throw new Error('renderDocx: docx wrote numbering.xml before document.xml');
      for (const text of numberingXml(numberer.lists, options.style, options.file)) entry.write(text);
    } else if (name === 'docProps/core.xml' || name === 'docProps/custom.xml') {
      entry.write(metadataPart(strFromU8(bytes), meta, iso));
    } else {
      entry.writeShellFile(bytes);
    }
    entry.end();
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * fflate writes a zip entry's DOS time from the *local* fields of its Date. A Date whose local
 * fields are createdAt's UTC date at noon writes that date in every time zone (noon: clocks never
 * jump at midday, unlike 02:30 on a daylight-saving night). The exact time is in core.xml.
 */
function zipDate(createdAt: Date): Date {
  return new Date(createdAt.getUTCFullYear(), createdAt.getUTCMonth(), createdAt.getUTCDate(), 12, 0, 0);
}

/** DOS times in a zip hold the years 1980–2099 only (fflate refuses the rest), and in steps of 2 seconds. */
export function checkStampDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('renderDocx: createdAt is not a valid date');
  const year = date.getUTCFullYear();
  if (year < 1980 || year > 2099) {
    throw new RangeError(`renderDocx: createdAt must lie between 1980 and 2099 (a zip limit), got ${date.toISOString()}`);
  }
}

/**
 * The handbook's rendered parts, kept in the build cache between builds (out/.roledoc-cache/
 * docx-parts/ and pdf-parts/, one file per part, named by the part's key): a build after a one-role
 * edit renders that role's parts and takes the others from here. Parts no build used last time are
 * removed, so each folder holds one handbook's worth.
 */
import { crc32, gunzipSync, gzipSync } from 'node:zlib';
import { listCacheFiles, readCacheFile, removeCacheFiles, writeCacheFile } from '../io/build-cache.js';
import type { DocxPart, PartStore } from '../render/docx/parts.js';
import type { PdfPartStore } from '../render/pdf/link-parts.js';

const FOLDER = 'docx-parts';
const KEY = /^[0-9a-f]{64}$/;

export interface PrunedPartStore extends PartStore {
  /** Removes the stored parts the documents rendered since the last prune did not use (when they used any). */
  prune(): void;
}

/**
 * A part as stored: a line of JSON with its key (so a file mixed up with another is never used),
 * its lists and the length of its XML, then the XML itself — each gzipped on its own, the two
 * members of one gzip file. A file changed since is refused by gunzip, which checks the CRC-32 of
 * each member; one cut short after the first member, by the length. The XML is never part of a
 * JSON text: a department of thousands of roles is one part of tens of megabytes, and writing it
 * as JSON made one more copy of it, reading it parsed it.
 */
interface StoredHead {
  readonly key: string;
  readonly lists: DocxPart['lists'];
  /** The XML's length in characters. */
  readonly chars: number;
}

function isStoredHead(value: unknown): value is StoredHead {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as Record<string, unknown>;
  return typeof head['key'] === 'string' && Array.isArray(head['lists']) && typeof head['chars'] === 'number';
}

/**
 * One folder of kept parts, a file per key: read (when `fresh`, only the parts written since:
 * `--force` renders every part again, keeping the new ones), written, and pruned to the parts used
 * since the last prune.
 */
function partFolder(outDir: string, folder: string, fresh: boolean): {
  read(key: string): Uint8Array | undefined;
  use(key: string): void;
  write(key: string, data: Uint8Array): void;
  prune(): void;
} {
  const used = new Set<string>();
  /** What this store wrote: when `fresh`, all it reads back, pruned or not (the handbook .docx reads the PDF's page breaks after the PDF is done). */
  const written = new Set<string>();
  return {
    read: (key) => ((fresh && !written.has(key)) || !KEY.test(key) ? undefined : readCacheFile(outDir, `${folder}/${key}`)),
    use: (key) => used.add(key),
    write(key, data) {
      if (!KEY.test(key)) return;
      used.add(key);
      if (fresh) {
        written.add(key);
        // `--force` makes every part again, and mostly the same bytes under the same key: a file
        // already holding them is left alone. Rewriting it truncates it first, which cost a
        // thousand-part handbook 1.4 s of blocked writes on an ext4 disk here; reading and
        // comparing is 0.03 ms a part.
        const there = readCacheFile(outDir, `${folder}/${key}`);
        if (there !== undefined && Buffer.from(there.buffer, there.byteOffset, there.byteLength).equals(data)) return;
      }
      // Checked whole when read (gunzip's CRC, or the part's own): written in place.
      writeCacheFile(outDir, `${folder}/${key}`, data, { inPlace: true });
    },
    prune() {
      if (used.size === 0) return;
      removeCacheFiles(outDir, folder, listCacheFiles(outDir, folder).filter((name) => !used.has(name)));
      used.clear();
    },
  };
}

/** @param options.fresh render every part again (`--force`), keeping the new ones for next time. */
export function openPartStore(outDir: string, options: { readonly fresh?: boolean } = {}): PrunedPartStore {
  const files = partFolder(outDir, FOLDER, options.fresh === true);
  const pieces = checkedFolder(outDir, PIECES_FOLDER, options.fresh === true);
  return {
    keep: (key) => files.use(key),
    pieces,
    get(key: string): DocxPart | undefined {
      const bytes = files.read(key);
      if (bytes === undefined) return undefined;
      try {
        const text = gunzipSync(bytes);
        const newline = text.indexOf(0x0a);
        const head: unknown = newline < 0 ? undefined : JSON.parse(text.toString('utf8', 0, newline));
        // Damaged, cut short, or not what was stored under this name: rendered again, and stored again.
        if (!isStoredHead(head) || head.key !== key) return undefined;
        const xml = text.toString('utf8', newline + 1);
        if (xml.length !== head.chars) return undefined;
        files.use(key);
        return { xml, lists: head.lists };
      } catch {
        return undefined;
      }
    },
    set(key: string, part: DocxPart): void {
      const head: StoredHead = { key, lists: part.lists, chars: part.xml.length };
      // Level 1: the parts are read back far more often than they are made, and disk is cheap.
      files.write(key, Buffer.concat([gzipSync(`${JSON.stringify(head)}\n`, { level: 1 }), gzipSync(part.xml, { level: 1 })]));
    },
    prune() {
      files.prune();
      pieces.prune();
    },
  };
}

const PDF_FOLDER = 'pdf-parts';
/** The handbook .docx's document.xml in placed, deflated pieces (kept-pieces.ts). */
const PIECES_FOLDER = 'docx-pieces';
/**
 * A stored PDF part: its key (64 hex digits) and the CRC-32 of the part (8), then the part. The
 * CRC catches a damaged file as a hash would, at a fraction of the cost: a one-role edit reads
 * every part of the handbook, twice (the .docx reads their page counts).
 */
const PDF_HEAD = 72;
const crcOf = (bytes: Uint8Array): string => crc32(bytes).toString(16).padStart(8, '0');

export interface PrunedPdfPartStore extends PdfPartStore {
  /** Removes the stored parts the documents rendered since the last prune did not use (when they used any). */
  prune(): void;
}

/** The handbook PDF's parts (pdf-part.ts), as bytes. @param options.fresh draw every part again (`--force`), keeping the new ones. */
export function openPdfPartStore(outDir: string, options: { readonly fresh?: boolean } = {}): PrunedPdfPartStore {
  return checkedFolder(outDir, PDF_FOLDER, options.fresh === true);
}

/** A folder of opaque parts, each checked when read against its key and the CRC-32 stored with it. */
function checkedFolder(outDir: string, folder: string, fresh: boolean): PrunedPdfPartStore {
  const files = partFolder(outDir, folder, fresh);
  const read = (key: string): Uint8Array | undefined => {
    const bytes = files.read(key);
    if (bytes === undefined || bytes.length < PDF_HEAD) return undefined;
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, PDF_HEAD).toString('latin1');
    const part = bytes.subarray(PDF_HEAD);
    // Damaged, or not what was stored under this name: drawn again, and stored again.
    return head.slice(0, 64) === key && head.slice(64) === crcOf(part) ? part : undefined;
  };
  return {
    get(key) {
      const part = read(key);
      if (part !== undefined) files.use(key);
      return part;
    },
    // The handbook .docx reads the PDF's parts for its page numbers while the PDF's thread may be
    // writing new ones: what it reads must not decide what a prune keeps.
    peek: read,
    set: (key, part) => files.write(key, Buffer.concat([Buffer.from(`${key}${crcOf(part)}`, 'latin1'), part])),
    prune: () => files.prune(),
  };
}

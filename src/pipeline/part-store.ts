/**
 * The handbook's rendered parts, kept in the build cache between builds (out/.roledoc-cache/
 * docx-parts/ and pdf-parts/, one file per part, named by the part's key): a build after a one-role
 * edit renders that role's parts and takes the others from here. Parts no build used last time are
 * removed, so each folder holds one handbook's worth.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { sha256 } from '../incremental/manifest.js';
import { listCacheFiles, readCacheFile, removeCacheFiles, writeCacheFile } from '../io/build-cache.js';
import type { DocxPart, PartStore } from '../render/docx/parts.js';
import type { PdfPartStore } from '../render/pdf/link-parts.js';

const FOLDER = 'docx-parts';
const KEY = /^[0-9a-f]{64}$/;

export interface PrunedPartStore extends PartStore {
  /** Removes the stored parts the documents rendered since the last prune did not use (when they used any). */
  prune(): void;
}

/** A part as stored: with its key and the hash of its content, so a file changed or mixed up since is never used. */
interface StoredPart {
  readonly key: string;
  readonly part: DocxPart;
  readonly sha256: string;
}

const contentHash = (part: DocxPart): string => sha256(JSON.stringify([part.xml, part.lists]));

function isStored(value: unknown): value is StoredPart {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Record<string, unknown>;
  const part = stored['part'];
  if (typeof stored['key'] !== 'string' || typeof stored['sha256'] !== 'string' || typeof part !== 'object' || part === null) return false;
  return typeof (part as Record<string, unknown>)['xml'] === 'string' && Array.isArray((part as Record<string, unknown>)['lists']);
}

/**
 * One folder of kept parts, a file per key: read (never when `fresh`: `--force` renders every part
 * again, keeping the new ones), written, and pruned to the parts used since the last prune.
 */
function partFolder(outDir: string, folder: string, fresh: boolean): {
  read(key: string): Uint8Array | undefined;
  use(key: string): void;
  write(key: string, data: Uint8Array): void;
  prune(): void;
} {
  const used = new Set<string>();
  return {
    read: (key) => (fresh || !KEY.test(key) ? undefined : readCacheFile(outDir, `${folder}/${key}`)),
    use: (key) => used.add(key),
    write(key, data) {
      if (!KEY.test(key)) return;
      used.add(key);
      writeCacheFile(outDir, `${folder}/${key}`, data);
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
  return {
    get(key: string): DocxPart | undefined {
      const bytes = files.read(key);
      if (bytes === undefined) return undefined;
      try {
        const stored: unknown = JSON.parse(gunzipSync(bytes).toString('utf8'));
        // Damaged, or not what was stored under this name: rendered again, and stored again.
        if (!isStored(stored) || stored.key !== key || contentHash(stored.part) !== stored.sha256) return undefined;
        files.use(key);
        return stored.part;
      } catch {
        return undefined;
      }
    },
    set(key: string, part: DocxPart): void {
      const stored: StoredPart = { key, part, sha256: contentHash(part) };
      // Level 1: the parts are read back far more often than they are made, and disk is cheap.
      files.write(key, gzipSync(JSON.stringify(stored), { level: 1 }));
    },
    prune: () => files.prune(),
  };
}

const PDF_FOLDER = 'pdf-parts';
/** A stored PDF part: its key and the sha256 of the part (64 hex digits each), then the part. */
const PDF_HEAD = 128;

export interface PrunedPdfPartStore extends PdfPartStore {
  /** Removes the stored parts the documents rendered since the last prune did not use (when they used any). */
  prune(): void;
}

/** The handbook PDF's parts (pdf-part.ts), as bytes. @param options.fresh draw every part again (`--force`), keeping the new ones. */
export function openPdfPartStore(outDir: string, options: { readonly fresh?: boolean } = {}): PrunedPdfPartStore {
  const files = partFolder(outDir, PDF_FOLDER, options.fresh === true);
  const read = (key: string): Uint8Array | undefined => {
    const bytes = files.read(key);
    if (bytes === undefined || bytes.length < PDF_HEAD) return undefined;
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, PDF_HEAD).toString('latin1');
    const part = bytes.subarray(PDF_HEAD);
    // Damaged, or not what was stored under this name: drawn again, and stored again.
    return head.slice(0, 64) === key && head.slice(64) === sha256(part) ? part : undefined;
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
    set: (key, part) => files.write(key, Buffer.concat([Buffer.from(`${key}${sha256(part)}`, 'latin1'), part])),
    prune: () => files.prune(),
  };
}

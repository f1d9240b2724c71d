/**
 * out/.roledoc-cache/: what one build leaves for the next to skip work — the stamps of the
 * outputs (so unchanged files are not read and hashed again), the role files already checked and
 * the handbook's rendered parts. It is this machine's alone: times and inodes are in it, and a
 * .gitignore keeps it out of a repository that commits out/. Anything missing, unreadable or made
 * by another version is simply not used; deleting the folder only makes the next build slower.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '../core/errors.js';

export const CACHE_FOLDER = '.roledoc-cache';
/** The cache is never worth failing a build for: a file larger than this is not read. */
const MAX_CACHE_FILE_BYTES = 512 * 1024 * 1024;

export const cacheFolder = (outDir: string): string => path.join(outDir, CACHE_FOLDER);

/** Whether anything is at the cache's name: a build that began the cache may take it away again, never what was there. */
export async function cacheFolderExists(outDir: string): Promise<boolean> {
  try {
    await lstat(cacheFolder(outDir));
    return true;
  } catch (error: unknown) {
    return errorCode(error) !== 'ENOENT';
  }
}

/** Removes the build cache a build began (a build that wrote nothing leaves nothing behind); only ever a folder. */
export async function removeCacheFolder(outDir: string): Promise<void> {
  madeFolders.clear();
  try {
    if ((await lstat(cacheFolder(outDir))).isDirectory()) await rm(cacheFolder(outDir), { recursive: true, force: true });
  } catch {
    // Not there, or not to be removed: left as it is.
  }
}

/** Runs a cache operation that may fail (a read-only folder, a file where a folder should be): the cache is an aid, never a need. */
function quietly(operation: () => void): void {
  try {
    operation();
  } catch {
    // Left as it is: a build never fails because of its cache.
  }
}

/*
 * The cache's files, by their names inside it (`outputs.json`, `docx-parts/<key>`). Synchronous,
 * since a render thread reads and writes them while it renders a document synchronously; and
 * nothing here throws: what cannot be read is not there, what cannot be written is not kept.
 */

/** A cache file's bytes, or undefined when there is none (or it cannot be read). */
export function readCacheFile(outDir: string, name: string): Uint8Array | undefined {
  try {
    const bytes = readFileSync(path.join(cacheFolder(outDir), name));
    return bytes.byteLength > MAX_CACHE_FILE_BYTES ? undefined : bytes;
  } catch {
    return undefined;
  }
}

export function readCacheText(outDir: string, name: string): string | undefined {
  const bytes = readCacheFile(outDir, name);
  return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * The cache folders this thread has made or found, so that writing a handbook's thousand parts
 * does not try (and fail, with an exception each) to make their folder a thousand times.
 */
const madeFolders = new Set<string>();

/**
 * Writes a cache file whole (a temporary file renamed into place), making the cache's folders it
 * needs. `inPlace`: the file is written at its name, for a file its reader checks whole (a part,
 * with its CRC-32), which a write cut short only makes unusable: a handbook's thousand parts each
 * spared a rename (0.7 ms apiece here; more where a virus scanner watches).
 */
export function writeCacheFile(outDir: string, name: string, data: string | Uint8Array, options: { readonly inPlace?: boolean } = {}): void {
  const root = cacheFolder(outDir);
  const file = path.join(root, name);
  const temporary = `${file}.${process.pid}.tmp`;
  const folder = path.dirname(file);
  if (!madeFolders.has(folder)) {
    // The output folder exists (the lock is in it); only the cache's own folders are made, one level at a time.
    quietly(() => mkdirSync(root));
    quietly(() => writeFileSync(path.join(root, '.gitignore'), '# roledoc build cache: local to this machine\n*\n', { flag: 'wx' }));
    if (folder !== root) quietly(() => mkdirSync(folder));
    madeFolders.add(folder);
  }
  try {
    if (options.inPlace === true) {
      writeFileSync(file, data);
      return;
    }
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    quietly(() => rmSync(options.inPlace === true ? file : temporary, { force: true }));
    // The folder may have gone (or never been made): made again next time.
    madeFolders.delete(folder);
  }
}

/** The names of the files in a folder of the cache (not folders or anything else a hand put there). */
export function listCacheFiles(outDir: string, folder: string): string[] {
  try {
    return readdirSync(path.join(cacheFolder(outDir), folder), { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

export function removeCacheFiles(outDir: string, folder: string, names: Iterable<string>): void {
  for (const name of names) quietly(() => rmSync(path.join(cacheFolder(outDir), folder, name), { force: true }));
}

/**
 * out/.roledoc-cache/: what one build leaves for the next to skip work — the stamps of the
 * outputs (so unchanged files are not read and hashed again), the role files already checked and
 * the handbook's rendered parts. It is this machine's alone: times and inodes are in it, and a
 * .gitignore keeps it out of a repository that commits out/. Anything missing, unreadable or made
 * by another version is simply not used; deleting the folder only makes the next build slower.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { lstat, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '../core/errors.js';
import { makeFolders } from './folders.js';

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
  try {
    if ((await lstat(cacheFolder(outDir))).isDirectory()) await rm(cacheFolder(outDir), { recursive: true, force: true });
  } catch {
    // Not there, or not to be removed: left as it is.
  }
}

/** A cache file's text, or undefined when there is none (or it cannot be read: the cache is an aid, never a need). */
export async function readCacheFile(outDir: string, name: string): Promise<string | undefined> {
  try {
    const bytes = await readFile(path.join(cacheFolder(outDir), name));
    return bytes.byteLength > MAX_CACHE_FILE_BYTES ? undefined : bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache file whole (a temporary file renamed into place). A cache that cannot be written
 * (a read-only folder, a full disk) is left as it was: the build still succeeds.
 */
export async function writeCacheFile(outDir: string, name: string, data: string | Uint8Array): Promise<void> {
  const folder = cacheFolder(outDir);
  const file = path.join(folder, name);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await makeFolders(path.dirname(file));
    await writeFile(path.join(folder, '.gitignore'), '# roledoc build cache: local to this machine\n*\n', { flag: 'wx' }).catch((error: unknown) => {
      if (errorCode(error) !== 'EEXIST') throw error;
    });
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
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

/**
 * The same, for a render thread that reads and writes the cache while it renders a document
 * synchronously. Files live in one folder of the cache (`folder`), which is made when missing.
 * Nothing here throws: what cannot be read is not there, what cannot be written is not kept.
 */
export const syncCacheFiles = {
  read(outDir: string, folder: string, name: string): Uint8Array | undefined {
    try {
      return readFileSync(path.join(cacheFolder(outDir), folder, name));
    } catch {
      return undefined;
    }
  },
  write(outDir: string, folder: string, name: string, data: Uint8Array): void {
    const dir = path.join(cacheFolder(outDir), folder);
    const file = path.join(dir, name);
    const temporary = `${file}.${process.pid}.tmp`;
    // The output folder exists (the lock is in it); only the cache's own folders are made, one level at a time.
    quietly(() => mkdirSync(cacheFolder(outDir)));
    quietly(() => writeFileSync(path.join(cacheFolder(outDir), '.gitignore'), '# roledoc build cache: local to this machine\n*\n', { flag: 'wx' }));
    quietly(() => mkdirSync(dir));
    try {
      writeFileSync(temporary, data);
      renameSync(temporary, file);
    } catch {
      quietly(() => rmSync(temporary, { force: true }));
    }
  },
  /** The names of the files in the folder (not folders or anything else a hand put there). */
  list(outDir: string, folder: string): string[] {
    try {
      return readdirSync(path.join(cacheFolder(outDir), folder), { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
    } catch {
      return [];
    }
  },
  remove(outDir: string, folder: string, names: Iterable<string>): void {
    for (const name of names) quietly(() => rmSync(path.join(cacheFolder(outDir), folder, name), { force: true }));
  },
};

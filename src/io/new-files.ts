/** Writing files a user asked for (`roledoc init`, `new`, `template eject`): only new ones, never over an existing file. */
import { copyFile, link, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeFolders } from './folders.js';

/** Whether anything is at this absolute path. */
export async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** Writes a new file (and its folders); fails with EEXIST rather than replace one. */
export async function writeNewFile(file: string, content: string | Uint8Array): Promise<void> {
  await makeFolders(path.dirname(file));
  await writeFile(file, content, { flag: 'wx' });
}

/** Copies a file to a new place (and makes its folders); fails with EEXIST rather than replace one. */
export async function copyNewFile(from: string, to: string): Promise<void> {
  await makeFolders(path.dirname(to));
  await copyFile(from, to, 1 /* COPYFILE_EXCL */);
}

/** Makes a folder and those above it (never with node's recursive mkdir: see folders.ts). */
export async function makeFolder(dir: string): Promise<void> {
  await makeFolders(dir);
}

/** Every file under `dir`, relative to it, sorted. */
export async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const name = path.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(dir, name)));
    else if (entry.isFile()) files.push(name);
  }
  return files.sort();
}

/**
 * Writes a new file whole or not at all, never over another: a finished temporary file beside it is
 * linked into place (which fails where a file exists), then removed.
 * @returns false when a file is already at that path.
 */
export async function publishNewFile(file: string, content: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}.partial`;
  await writeNewFile(temporary, content);
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (FAT on a USB stick, some network shares): write in place, still never over a file.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV') {
      try {
        await writeFile(file, content, { flag: 'wx' });
        return true;
      } catch (fallback) {
        if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw fallback;
      }
    }
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** The names of the regular files directly in `dir`, sorted. */
export async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

/** Replaces a file's text whole: the new text is written beside it, then renamed over it, so a crash leaves the old file or the new, never half of one. */
export async function replaceFileText(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.partial`;
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

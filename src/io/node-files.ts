/** The disk as the pipeline reads it: FileAccess over node:fs, and reads that explain their failures. */
import { readdir, readFile, stat } from 'node:fs/promises';
import type { FileAccess } from '../core/file-access.js';
import { errorCode, UserError } from '../core/errors.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import type { Lang } from '../messages/lang.js';

export const nodeFiles: FileAccess = {
  isFile: async (file) => (await stat(file).catch(() => undefined))?.isFile() === true,
  size: async (file) => {
    const info = await stat(file).catch(() => undefined);
    return info?.isFile() === true ? info.size : undefined;
  },
  read: (file) => readFile(file),
  folders: async (dir) =>
    (await readdir(dir, { withFileTypes: true }).catch(() => []))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort(),
};

/** Reads a file, turning the disk's refusals (EACCES, EISDIR, …) into a sentence instead of a bug report. */
export async function readOrExplain(file: string, shownAs: string, lang: Lang): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error: unknown) {
    throw new UserError(cliMessagesFor(lang).cannotRead(shownAs, errorCode(error) ?? String(error)));
  }
}

/** A file's bytes, or undefined when there is nothing at that path; any other failure is explained. */
export async function readIfExists(file: string, shownAs: string, lang: Lang): Promise<Uint8Array | undefined> {
  if (!(await stat(file).catch(() => undefined))) return undefined;
  return readOrExplain(file, shownAs, lang);
}

/** A file's text, or undefined when it cannot be read: for a look ahead that must not fail (the language a catalog names). */
export async function readTextIfPossible(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

/** What is at this absolute path: a folder, something else, or nothing. */
export async function pathKind(file: string): Promise<'directory' | 'other' | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info === undefined ? undefined : info.isDirectory() ? 'directory' : 'other';
}

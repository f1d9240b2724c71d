/**
 * Making folders without node's recursive mkdir, which on some file systems never returns: under
 * /proc, mkdir of a missing child fails with ENOENT while its parent exists, and the recursive
 * version goes up and down between the two forever. Here what exists is looked at first, from the
 * folder up to the first thing that is there; that must be a folder, and each missing level below
 * it is made once, with a plain mkdir, so every failure is a failure.
 */
import { mkdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '../core/errors.js';
import { FileProblemError } from '../core/file-access.js';
import { kindOf } from './node-files.js';

/**
 * Makes `dir` and the folders above it that are missing, and returns those it made, outermost
 * first (for `removeFolders` to take away again).
 * @throws FileProblemError when something on the way is not a folder; a node:fs error (with a
 *   code: EACCES, EROFS, ENOENT …) when a folder cannot be made.
 */
export async function makeFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const info = await stat(current).catch((error: unknown) => errorCode(error) ?? 'EIO');
    if (typeof info !== 'string') {
      if (!info.isDirectory()) {
        const kind = await kindOf(current);
        throw new FileProblemError(kind === 'missing' ? 'other' : kind, current);
      }
      break;
    }
    // ENOTDIR: a file further up, which the look further up finds and names.
    if (info !== 'ENOENT' && info !== 'ENOTDIR') {
      // ELOOP: a link in a circle; EACCES: a folder that may not be looked into. Say what is in the way.
      const kind = await kindOf(current);
      throw new FileProblemError(kind === 'missing' || kind === 'directory' ? 'other' : kind, current, { code: info });
    }
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const made: string[] = [];
  for (const folder of missing) {
    try {
      await mkdir(folder);
      made.push(folder);
    } catch (error: unknown) {
      // Made meanwhile by someone else (another build): fine, if it is a folder.
      if (errorCode(error) !== 'EEXIST' || (await kindOf(folder)) !== 'directory') {
        await removeFolders(made);
        throw error;
      }
    }
  }
  return made;
}

/** Removes these folders, innermost first, while they are empty: a failed command leaves none of the folders it made. */
export async function removeFolders(made: readonly string[]): Promise<void> {
  for (const folder of [...made].reverse()) {
    if (!(await rmdir(folder).then(() => true, () => false))) return;
  }
}

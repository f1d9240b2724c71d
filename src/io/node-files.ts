/**
 * The disk as the pipeline reads it: FileAccess over node:fs, and reads that explain their failures.
 *
 * Every file roledoc reads goes through readRegularFile (or its synchronous twin, for fonts): what
 * is at the path is looked at first, so a FIFO, whose opening would wait for a writer forever, is
 * never opened; the file is opened once, checked again on the open handle, and read in chunks up
 * to a limit, since a size from stat is no bound (/dev/zero and /proc files say 0).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { errorCode, UserError } from '../core/errors.js';
import { FileProblemError, type FileAccess, type PathProblem } from '../core/file-access.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor } from '../messages/messages.js';

/** Never wait on a FIFO's writer, should one be put at the path between the look and the open (Windows has no such flag, and no FIFOs). */
const READ_FLAGS = constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK);
/** Read this much at a time once the size the file claims has been read. */
const CHUNK_BYTES = 64 * 1024;
/** A text file read only to look into it (a catalog's language, a template's description, an id). */
const LOOK_AHEAD_BYTES = 1024 * 1024;

/** What stat says is at a path, when it is not a regular file. */
function problemOfStats(info: Stats): PathProblem | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'other';
}

/** What a failed stat or open means by its code alone: nothing there, a link round in a circle, or a refusal. */
function problemOfCode(code: string | undefined): PathProblem {
  if (code === 'ELOOP') return 'link-loop';
  if (code === 'EACCES' || code === 'EPERM') return 'denied';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  return 'other';
}

/**
 * problemOfCode, telling a link to nothing from nothing at all: one look at the path itself, whose
 * own failure (ENOTDIR under a file, ENOENT) means nothing is there.
 */
function problemOfError(file: string, error: unknown): PathProblem {
  const problem = problemOfCode(errorCode(error));
  if (problem !== 'missing') return problem;
  try {
    return lstatSync(file).isSymbolicLink() ? 'broken-link' : 'missing';
  } catch {
    return 'missing';
  }
}

/**
 * The bookkeeping of a bounded read, shared by the asynchronous and the synchronous one: the size
 * stat gives sizes the first read (a role file is read in one); it never bounds the reading.
 */
function boundedRead(file: string, claimedSize: number, maxBytes: number): { nextBuffer(): Buffer; take(chunk: Buffer, bytesRead: number): boolean; bytes(): Uint8Array } {
  const chunks: Buffer[] = [];
  let total = 0;
  return {
    nextBuffer: () => Buffer.allocUnsafe(total === 0 ? Math.min(Math.max(claimedSize, 0) + 1, maxBytes + 1) : Math.min(CHUNK_BYTES, maxBytes + 1 - total)),
    /** Keeps what a read returned; false at the end of the file. */
    take(chunk, bytesRead) {
      if (bytesRead === 0) return false;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new FileProblemError('too-large', file, { size: Math.max(claimedSize, total), limit: maxBytes });
      return true;
    },
    bytes: () => Buffer.concat(chunks, total),
  };
}

/** What is at a path, following links: a regular file, a folder, or what keeps it from being either. */
function kindOfSync(file: string): 'file' | PathProblem {
  try {
    return problemOfStats(statSync(file)) ?? 'file';
  } catch (error: unknown) {
    return problemOfError(file, error);
  }
}

/** kindOfSync, for asynchronous callers. */
export async function kindOf(file: string): Promise<'file' | PathProblem> {
  return kindOfSync(file);
}

/**
 * The bytes of the regular file at `file`, at most `maxBytes` of them.
 * @throws FileProblemError when it is not a regular file, cannot be read, or holds more than `maxBytes`.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Uint8Array> {
  const kind = await kindOf(file);
  if (kind !== 'file') throw new FileProblemError(kind, file);
  const handle = await open(file, READ_FLAGS).catch((error: unknown) => {
    throw new FileProblemError(problemOfError(file, error), file, { code: errorCode(error) });
  });
  try {
    const info = await handle.stat();
    const problem = problemOfStats(info);
    if (problem) throw new FileProblemError(problem, file);
    const reading = boundedRead(file, info.size, maxBytes);
    for (;;) {
      const chunk = reading.nextBuffer();
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null).catch((error: unknown) => {
        throw new FileProblemError('other', file, { code: errorCode(error) });
      });
      if (!reading.take(chunk, bytesRead)) return reading.bytes();
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * readRegularFile, synchronously, with the same looks and the same problems: for the fonts (parsed
 * where rendering is synchronous) and for a project's role files, a thousand small files that
 * nothing else waits on (read so in ~25 ms where the six asynchronous steps a file took ~120 ms).
 */
export function readRegularFileSync(file: string, maxBytes: number): Uint8Array {
  const kind = kindOfSync(file);
  if (kind !== 'file') throw new FileProblemError(kind, file);
  let descriptor: number;
  try {
    descriptor = openSync(file, READ_FLAGS);
  } catch (error: unknown) {
    throw new FileProblemError(problemOfError(file, error), file, { code: errorCode(error) });
  }
  try {
    // Opened without waiting (O_NONBLOCK), then looked at again: a FIFO or a device is never read.
    const info = fstatSync(descriptor);
    const problem = problemOfStats(info);
    if (problem) throw new FileProblemError(problem, file);
    const reading = boundedRead(file, info.size, maxBytes);
    for (;;) {
      const chunk = reading.nextBuffer();
      if (!reading.take(chunk, readSync(descriptor, chunk, 0, chunk.length, null))) return reading.bytes();
    }
  } finally {
    closeSync(descriptor);
  }
}

export const nodeFiles: FileAccess = {
  isFile: async (file) => (await kindOf(file)) === 'file',
  read: readRegularFile,
  folders: async (dir) =>
    (await readdir(dir, { withFileTypes: true }).catch(() => []))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort(),
};

/** Why a file could not be read, in words (and the system's code, where there is one). */
export function explainProblem(error: FileProblemError, lang: Lang): string {
  const words = messagesFor(lang).pathProblem(error.problem, error.details.limit);
  return error.details.code === undefined ? words : `${words}, ${error.details.code}`;
}

/**
 * Reads a file of at most `maxBytes`, turning every refusal (a FIFO, a folder, EACCES, …) into a
 * sentence instead of a bug report.
 */
export async function readOrExplain(file: string, shownAs: string, lang: Lang, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readRegularFile(file, maxBytes);
  } catch (error: unknown) {
    if (error instanceof FileProblemError) throw new UserError(cliMessagesFor(lang).cannotRead(shownAs, explainProblem(error, lang)));
    throw new UserError(cliMessagesFor(lang).cannotRead(shownAs, errorCode(error) ?? String(error)));
  }
}

/** A file's bytes, or undefined when there is nothing at that path; any other failure is explained. */
export async function readIfExists(file: string, shownAs: string, lang: Lang, maxBytes: number): Promise<Uint8Array | undefined> {
  if ((await kindOf(file)) === 'missing') return undefined;
  return readOrExplain(file, shownAs, lang, maxBytes);
}

/** A file's text, or undefined when it cannot be read: for a look ahead that must not fail (the language a catalog names). */
export async function readTextIfPossible(file: string): Promise<string | undefined> {
  try {
    return Buffer.from(await readRegularFile(file, LOOK_AHEAD_BYTES)).toString('utf8');
  } catch {
    return undefined;
  }
}

/** What is at this absolute path: a folder, something else, or nothing. */
export async function pathKind(file: string): Promise<'directory' | 'other' | undefined> {
  const kind = await kindOf(file);
  return kind === 'missing' || kind === 'broken-link' ? undefined : kind === 'directory' ? 'directory' : 'other';
}

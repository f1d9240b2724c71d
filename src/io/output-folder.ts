/**
 * Writing documents: each to a temporary file in the output folder, then renamed into place, so a
 * crash or Ctrl-C leaves the old or the new document, never half of one. A build holds a lock on
 * the folder while it plans and writes, so two builds at once (watch and a terminal, or CI) take
 * turns instead of mixing one build's files with the other's manifest.
 */
import { createHash } from 'node:crypto';
import { lstatSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { link, lstat, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '../core/errors.js';
import { FileProblemError } from '../core/file-access.js';
import { makeFolders, removeFolders } from './folders.js';
import { keepLockFresh } from './lock-refresh.js';
import { readRegularFile, readRegularFileSync } from './node-files.js';

export interface OutputFile {
  /** File name inside the output folder, e.g. cs-supervisor.pdf (ids are validated, so it is safe). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** `.cs-supervisor.pdf.1234.tmp` (a document being written) or `.roledoc.lock.1234` (a lock being taken), by process 1234. */
const TEMPORARY = /^\.(?:.+\.(\d+)\.tmp|roledoc\.lock\.(\d+))$/;

/** No output is read past this to hash it: a handbook of a thousand roles is tens of MB. */
export const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;
/** The manifest of a thousand roles is ~500 KB. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** A lock holds a process id. */
const MAX_LOCK_BYTES = 256;

/**
 * What a file looked like when roledoc last hashed it: while size, modification and change times
 * and inode stay the same, its hash is trusted instead of reading it again. A hand edit changes the
 * change time even when it restores the modification time, so it is always seen.
 */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  readonly sha256: string;
}

const sameFile = (a: Omit<FileStamp, 'sha256'>, b: Omit<FileStamp, 'sha256'>): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/*
 * The output folder's files are looked at and moved with synchronous calls: a build asks about
 * each of its thousands of documents one after the other, with nothing else to do meanwhile, and
 * each asynchronous call was a round trip through the thread pool (placing, checking and stamping
 * 2,000 documents: the last 0.8 s of a 1,000-role build, mostly waiting).
 */

/**
 * What lstat says is at `file`, or undefined when nothing is there.
 * @param options.quiet undefined for any failure, not only for nothing there.
 */
function lstatOrNothing(file: string, options: { readonly quiet?: boolean } = {}): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error: unknown) {
    if (options.quiet === true || errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** An output's bytes, undefined when it is gone, 'unreadable' when something else is there or it cannot be read. */
function readOrProblem(file: string): Uint8Array | undefined | 'unreadable' {
  try {
    return readRegularFileSync(file, MAX_OUTPUT_BYTES);
  } catch (error: unknown) {
    return error instanceof FileProblemError && error.problem === 'missing' ? undefined : 'unreadable';
  }
}

/**
 * The sha256 of each named file of the output folder that is a regular file: from `trusted` when
 * the file is as it was stamped, else read (one after the other) and hashed, its bytes let go at
 * once. Names with something else there (a FIFO, a folder, a link, a file too large or
 * unreadable) are `unreadable`: never opened, and never taken for missing. `stamps` are the files'
 * stamps now, for the next build to trust.
 */
export async function hashOutputs(
  outDir: string,
  names: readonly string[],
  trusted: ReadonlyMap<string, FileStamp>,
): Promise<{ hashes: Map<string, string>; stamps: Map<string, FileStamp>; unreadable: Set<string> }> {
  const hashes = new Map<string, string>();
  const stamps = new Map<string, FileStamp>();
  const unreadable = new Set<string>();
  const hashOne = (name: string): void => {
    const file = path.join(outDir, name);
    const info = lstatOrNothing(file);
    if (info === undefined) return;
    const now = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
    const known = trusted.get(name);
    if (info.isFile() && known !== undefined && sameFile(known, now)) {
      hashes.set(name, known.sha256);
      stamps.set(name, known);
      return;
    }
    const bytes = readOrProblem(file);
    if (bytes === 'unreadable') unreadable.add(name);
    else if (bytes !== undefined) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      hashes.set(name, sha256);
      // Stamped only when read as a file at its own name (not through a link): the next build trusts a file, never a link.
      if (info.isFile()) stamps.set(name, { ...now, sha256 });
    }
  };
  for (const name of names) hashOne(name);
  return { hashes, stamps, unreadable };
}

/** The stamps of files just written, with the hashes of their bytes. */
export async function stampOutputs(outDir: string, written: ReadonlyMap<string, string>): Promise<Map<string, FileStamp>> {
  const stamps = new Map<string, FileStamp>();
  for (const [name, sha256] of written) {
    const info = lstatOrNothing(path.join(outDir, name), { quiet: true });
    if (info?.isFile()) stamps.set(name, { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, sha256 });
  }
  return stamps;
}

/**
 * A text file of the output folder (the manifest), or undefined when there is none.
 * @throws FileProblemError when something other than a readable regular file is there.
 */
export async function readOutputText(outDir: string, name: string): Promise<string | undefined> {
  try {
    return Buffer.from(await readRegularFile(path.join(outDir, name), MAX_MANIFEST_BYTES)).toString('utf8');
  } catch (error: unknown) {
    if (error instanceof FileProblemError && error.problem === 'missing') return undefined;
    throw error;
  }
}

/** What is at each of these names in the output folder, without following a link: a link is no one's only copy of anything. */
export async function outputKinds(outDir: string, names: Iterable<string>): Promise<Map<string, 'missing' | 'link' | 'directory' | 'file' | 'special'>> {
  const kinds = new Map<string, 'missing' | 'link' | 'directory' | 'file' | 'special'>();
  for (const name of names) {
    const info = lstatOrNothing(path.join(outDir, name), { quiet: true });
    kinds.set(name, info === undefined ? 'missing' : info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'special');
  }
  return kinds;
}

/** Where replaced files are kept, in the output folder: the originals keep their names (and open with a double-click). */
export const BACKUP_FOLDER = '.roledoc-backup';

/**
 * Moves each of these files of the output folder into BACKUP_FOLDER, under its own name or, when
 * that is taken by an earlier backup, `name (2).ext`, `name (3).ext`…; returns where each went,
 * relative to the output folder. A move, not a copy: whatever the file is (a FIFO too), it is kept
 * whole, and at once.
 */
export async function backUpOutputs(outDir: string, names: readonly string[]): Promise<{ name: string; backup: string }[]> {
  if (names.length === 0) return [];
  const folder = path.join(outDir, BACKUP_FOLDER);
  await makeFolders(folder);
  const moved: { name: string; backup: string }[] = [];
  for (const name of names) {
    const extension = path.extname(name);
    const stem = name.slice(0, name.length - extension.length);
    for (let copy = 1; ; copy++) {
      const backup = copy === 1 ? name : `${stem} (${copy})${extension}`;
      const target = path.join(folder, backup);
      // link then unlink would refuse to replace, but not every file can be linked (a folder): look, then rename.
      if ((await lstat(target).catch(() => undefined)) !== undefined) continue;
      await rename(path.join(outDir, name), target);
      moved.push({ name, backup: `${BACKUP_FOLDER}/${backup}` });
      break;
    }
  }
  return moved;
}

/** The names among these that a folder has taken in the output folder: a document cannot be written there. */
export async function takenByFolders(outDir: string, names: Iterable<string>): Promise<string[]> {
  const taken: string[] = [];
  for (const name of names) {
    let isFolder = false;
    try {
      isFolder = statSync(path.join(outDir, name), { throwIfNoEntry: false })?.isDirectory() === true;
    } catch {
      // Not to be looked at (a link round in a circle): no folder in the way.
    }
    if (isFolder) taken.push(name);
  }
  return taken;
}

/** Removes files roledoc made from the output folder. */
export async function removeOutputs(outDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) rmSync(path.join(outDir, name), { force: true });
}

export async function writeOutputs(outDir: string, outputs: readonly OutputFile[]): Promise<void> {
  for (const output of outputs) {
    await writeTemporary(outDir, output);
    await placeTemporaries(outDir, [output.name]);
  }
}

const temporaryOf = (outDir: string, name: string): string => path.join(outDir, `.${name}.${process.pid}.tmp`);

/**
 * A document written beside its name, not yet in place: a build writes each as it is rendered
 * (no build holds every document in memory) and puts them all in place once all are rendered.
 */
export async function writeTemporary(outDir: string, output: OutputFile): Promise<void> {
  await makeFolders(outDir);
  await writeBeside(outDir, output);
}

/**
 * writeTemporary for the many documents of one build: the output folder is made (or found) once,
 * not looked at again for each document (0.4 s of a 1,000-role build's main thread, which renders
 * documents too).
 */
export function temporaryWriter(outDir: string): (output: OutputFile) => Promise<void> {
  let folder: Promise<unknown> | undefined;
  return async (output) => {
    folder ??= makeFolders(outDir);
    await folder;
    await writeBeside(outDir, output);
  };
}

async function writeBeside(outDir: string, output: OutputFile): Promise<void> {
  const temporary = temporaryOf(outDir, output.name);
  // Asynchronously, unlike the looks and moves here: a document is written while the main thread
  // renders the next (written synchronously, a 1,000-role build took 9% longer).
  try {
    // Created exclusively: a file or symlink already at that name (planted, or left over) is removed,
    // never written through.
    await writeFile(temporary, output.bytes, { flag: 'wx' }).catch(async (error: unknown) => {
      if (errorCode(error) !== 'EEXIST') throw error;
      await rm(temporary, { force: true });
      await writeFile(temporary, output.bytes, { flag: 'wx' });
    });
  } catch (error: unknown) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Each document written by writeTemporary, put in its place. */
export async function placeTemporaries(outDir: string, names: readonly string[]): Promise<void> {
  // rename replaces the name itself: a symlink planted at the target is replaced, never written through.
  for (const name of names) renameSync(temporaryOf(outDir, name), path.join(outDir, name));
}

/** The documents written by writeTemporary that will not be placed: a build that stopped leaves no trace. */
export async function discardTemporaries(outDir: string, names: Iterable<string>): Promise<void> {
  for (const name of names) rmSync(temporaryOf(outDir, name), { force: true });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

/** Temporary files left by builds that were killed (their process is gone). */
export async function removeStaleTemporaries(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => []);
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (match && !isRunning(Number(match[1] ?? match[2]))) await rm(path.join(outDir, name), { force: true });
  }
}

export const LOCK_NAME = '.roledoc.lock';
const LOCK_POLL_MS = 100;
const LOCK_TIMEOUT_MS = 10 * 60 * 1000;
/**
 * A held lock is touched this often (from a thread of its own: see lock-refresh.ts); one untouched
 * for `staleMs` is stale whoever it names — process ids get reused (a container's next run may
 * well be the same pid 1 or 7).
 */
export const LOCK_TIMING = { refreshMs: 20 * 1000, staleMs: 90 * 1000 } as const;

export interface LockHooks {
  /** Another live build holds the lock: this one waits. */
  readonly onWait: () => void;
  /** The lock held no process id (zero-filled by a power cut, say): it was removed as stale. */
  readonly onDamaged?: (lock: string) => void;
}

export interface OutputLock {
  /** Whether the lock is still this build's: the very file it made, naming its process. */
  holds(): Promise<boolean>;
  /** Gives the lock up, and removes the folders made only to hold it while they are empty. */
  release(): Promise<void>;
}

/** Who holds a lock, as its content says: a process id, or nothing usable (damaged); undefined when there is no lock. */
async function lockHolder(lock: string): Promise<{ content: string; pid: number | undefined } | undefined> {
  try {
    const content = Buffer.from(await readRegularFile(lock, MAX_LOCK_BYTES)).toString('latin1');
    return { content, pid: /^\d{1,10}$/.test(content.trim()) ? Number(content.trim()) : undefined };
  } catch (error: unknown) {
    if (!(error instanceof FileProblemError)) throw error;
    if (error.problem === 'missing') return undefined;
    // A FIFO, a folder, a link to nothing, a file too long to be a lock: damaged.
    return { content: `<${error.problem}>`, pid: undefined };
  }
}

/**
 * Takes the output folder's lock (waiting while another live build holds it) and returns it. The
 * lock is created whole, with the holder's process id in it (written to a file of its own, then
 * hard-linked into place, which fails if the lock exists), so a waiting build never sees a lock
 * without an owner. A lock whose owner no longer runs, that has not been touched for a while, or
 * whose content is not a process id, is taken over.
 */
export async function lockOutputFolder(outDir: string, hooks: LockHooks, timing: { readonly refreshMs: number; readonly staleMs: number } = LOCK_TIMING): Promise<OutputLock> {
  // A build that fails must leave nothing behind, not even the folders it made only to lock it.
  const made = await makeFolders(outDir);
  const lock = path.join(outDir, LOCK_NAME);
  const mine = `${lock}.${process.pid}`;
  const content = String(process.pid);
  try {
    // Whatever is at our own name (a file left by a killed build, a planted FIFO) goes first: never opened.
    await rm(mine, { force: true });
    await writeFile(mine, content, { flag: 'wx' });
    const started = Date.now();
    let waited = false;
    for (;;) {
      try {
        await link(mine, lock);
        const info = await stat(lock, { bigint: true });
        const identity = { ino: info.ino, dev: info.dev, birthtimeNs: info.birthtimeNs };
        const stopRefreshing = await keepLockFresh(lock, identity, timing.refreshMs);
        // The same file (a file number can be reused at once by the next file made) naming this process.
        const holds = async (): Promise<boolean> => {
          const now = await stat(lock, { bigint: true }).catch(() => undefined);
          return now !== undefined && now.ino === identity.ino && now.dev === identity.dev && now.birthtimeNs === identity.birthtimeNs && (await lockHolder(lock))?.content === content;
        };
        return {
          holds,
          release: async () => {
            await stopRefreshing();
            // Never another build's lock: ours may have been taken over while this process was stopped.
            if (await holds()) await rm(lock, { force: true });
            await removeFolders(made);
          },
        };
      } catch (error: unknown) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      const holder = await lockHolder(lock);
      if (holder === undefined) continue;
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (holder.pid === undefined || !isRunning(holder.pid) || age > timing.staleMs) {
        // Left by a build that was killed; look again right before removing, as another waiter may have taken it.
        if ((await lockHolder(lock))?.content === holder.content) {
          await rm(lock, { force: true });
          if (holder.pid === undefined) hooks.onDamaged?.(lock);
        }
        continue;
      }
      if (Date.now() - started > LOCK_TIMEOUT_MS) throw new Error(`the output folder is still locked by process ${holder.pid}`);
      if (!waited) hooks.onWait();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  } catch (error: unknown) {
    await removeFolders(made);
    throw error;
  } finally {
    await rm(mine, { force: true });
  }
}

/**
 * Writing documents: each to a temporary file in the output folder, then renamed into place, so a
 * crash or Ctrl-C leaves the old or the new document, never half of one. A build holds a lock on
 * the folder while it plans and writes, so two builds at once (watch and a terminal, or CI) take
 * turns instead of mixing one build's files with the other's manifest.
 */
import { link, mkdir, readdir, readFile, rename, rm, rmdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '../core/errors.js';

export interface OutputFile {
  /** File name inside the output folder, e.g. cs-supervisor.pdf (ids are validated, so it is safe). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** `.cs-supervisor.pdf.1234.tmp` (a document being written) or `.roledoc.lock.1234` (a lock being taken), by process 1234. */
const TEMPORARY = /^\.(?:.+\.(\d+)\.tmp|roledoc\.lock\.(\d+))$/;

/** Files of the output folder by name, where they exist; read a few dozen at a time (one by one, a thousand roles' documents spend a second waiting on the disk). */
export async function readOutputs(outDir: string, names: readonly string[]): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  for (let start = 0; start < names.length; start += 32) {
    const batch = names.slice(start, start + 32);
    const contents = await Promise.all(batch.map((name) => readFile(path.join(outDir, name)).catch(() => undefined)));
    batch.forEach((name, index) => {
      const bytes = contents[index];
      if (bytes) found.set(name, bytes);
    });
  }
  return found;
}

/** A text file of the output folder (the manifest), or undefined. */
export async function readOutputText(outDir: string, name: string): Promise<string | undefined> {
  return readFile(path.join(outDir, name), 'utf8').catch(() => undefined);
}

/** The names among these that a folder has taken in the output folder: a document cannot be written there. */
export async function takenByFolders(outDir: string, names: Iterable<string>): Promise<string[]> {
  const taken: string[] = [];
  for (const name of names) if ((await stat(path.join(outDir, name)).catch(() => undefined))?.isDirectory()) taken.push(name);
  return taken;
}

/** Removes files roledoc made from the output folder. */
export async function removeOutputs(outDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) await rm(path.join(outDir, name), { force: true });
}

export async function writeOutputs(outDir: string, outputs: readonly OutputFile[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const output of outputs) {
    const target = path.join(outDir, output.name);
    const temporary = path.join(outDir, `.${output.name}.${process.pid}.tmp`);
    try {
      // Created exclusively: a file or symlink already at that name (planted, or left over) is removed,
      // never written through.
      await writeFile(temporary, output.bytes, { flag: 'wx' }).catch(async (error: unknown) => {
        if (errorCode(error) !== 'EEXIST') throw error;
        await rm(temporary, { force: true });
        await writeFile(temporary, output.bytes, { flag: 'wx' });
      });
      // rename replaces the name itself: a symlink planted at the target is replaced, never written through.
      await rename(temporary, target);
    } catch (error: unknown) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
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
 * A held lock is touched this often; one untouched for LOCK_STALE_MS is stale whoever it names —
 * process ids get reused (a container's next run may well be the same pid 1 or 7).
 */
const LOCK_REFRESH_MS = 20 * 1000;
const LOCK_STALE_MS = 90 * 1000;

/**
 * Takes the output folder's lock (waiting while another live build holds it) and returns its
 * release. The lock is created whole, with the holder's process id in it (written to a file of its
 * own, then hard-linked into place, which fails if the lock exists), so a waiting build never sees
 * a lock without an owner. A lock whose owner no longer runs is taken over.
 */
export async function lockOutputFolder(outDir: string, onWait: () => void): Promise<() => Promise<void>> {
  // A build that fails must leave nothing behind, not even the folder it made only to lock it.
  const created = (await mkdir(outDir, { recursive: true })) !== undefined;
  const lock = path.join(outDir, LOCK_NAME);
  let refresher: NodeJS.Timeout | undefined;
  const release = async (): Promise<void> => {
    clearInterval(refresher);
    await rm(lock, { force: true });
    if (created) await rmdir(outDir).catch(() => undefined);
  };
  const mine = `${lock}.${process.pid}`;
  await writeFile(mine, String(process.pid));
  const started = Date.now();
  let waited = false;
  try {
    for (;;) {
      try {
        await link(mine, lock);
        refresher = setInterval(() => {
          const now = new Date();
          void utimes(lock, now, now).catch(() => undefined);
        }, LOCK_REFRESH_MS);
        refresher.unref();
        return release;
      } catch (error: unknown) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      const holder = Number(await readFile(lock, 'utf8').catch(() => '0'));
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (!isRunning(holder) || age > LOCK_STALE_MS) {
        // Left by a build that was killed; look again right before removing, as another waiter may have taken it.
        if (Number(await readFile(lock, 'utf8').catch(() => '0')) === holder) await rm(lock, { force: true });
        continue;
      }
      if (Date.now() - started > LOCK_TIMEOUT_MS) throw new Error(`the output folder is still locked by process ${holder}`);
      if (!waited) onWait();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  } finally {
    await rm(mine, { force: true });
  }
}

/**
 * Writing documents: each to a temporary file in the output folder, then renamed into place, so a
 * crash or Ctrl-C leaves the old or the new document, never half of one. A build holds a lock on
 * the folder while it plans and writes, so two builds at once (watch and a terminal, or CI) take
 * turns instead of mixing one build's files with the other's manifest.
 */
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** File name inside the output folder, e.g. cs-supervisor.pdf (ids are validated, so it is safe). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** `.cs-supervisor.pdf.1234.tmp`: the output name and the writing process. */
const TEMPORARY = /^\.(.+)\.(\d+)\.tmp$/;

export async function writeOutputs(outDir: string, outputs: readonly OutputFile[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const output of outputs) {
    const target = path.join(outDir, output.name);
    const temporary = path.join(outDir, `.${output.name}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, output.bytes);
      // rename replaces the name itself: a symlink planted at the target is replaced, never written through.
      await rename(temporary, target);
    } catch (error: unknown) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Temporary files left by builds that were killed (their process is gone). */
export async function removeStaleTemporaries(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => []);
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (match && !isRunning(Number(match[2]))) await rm(path.join(outDir, name), { force: true });
  }
}

export const LOCK_NAME = '.roledoc.lock';
const LOCK_POLL_MS = 100;
const LOCK_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Takes the output folder's lock (waiting while another live build holds it) and returns its
 * release. A lock left by a killed build is taken over.
 */
export async function lockOutputFolder(outDir: string, onWait: () => void): Promise<() => Promise<void>> {
  await mkdir(outDir, { recursive: true });
  const lock = path.join(outDir, LOCK_NAME);
  const started = Date.now();
  let waited = false;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lock, { force: true });
    } catch (error: unknown) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    const text = await readFile(lock, 'utf8').catch(() => '');
    const holder = Number(text);
    if (holder > 0 && isRunning(holder)) {
      if (Date.now() - started > LOCK_TIMEOUT_MS) throw new Error(`the output folder is still locked by process ${holder}`);
      if (!waited) onWait();
      waited = true;
    } else if (text !== '' || Date.now() - started > 1000) {
      // Left behind by a build that no longer runs. (An empty lock is one being written this instant.)
      await rm(lock, { force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}


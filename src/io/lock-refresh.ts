/**
 * Keeping a held lock fresh from a thread of its own. A build renders on its main thread when it
 * has few documents, with `--jobs 1`, and always for the handbook's layout; one synchronous render
 * of a large handbook can outlast the time after which a lock counts as abandoned, and a timer on
 * the main thread cannot fire while it runs. A tiny worker thread touches the lock whatever the
 * main thread is doing; it dies with the process, so a killed build's lock still goes stale.
 *
 * The worker is a few lines of CommonJS evaluated from a string: no file of its own to find,
 * whether roledoc runs from dist/ or from its TypeScript sources.
 */
import { stat, utimes } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

const TOUCHER = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync, utimesSync } = require('node:fs');
const touch = () => {
  try {
    // Only the lock this build made (the same file): a lock another build took over is not ours to keep fresh.
    const info = statSync(workerData.lock, { bigint: true });
    if (String(info.ino) !== workerData.ino || String(info.dev) !== workerData.dev || String(info.birthtimeNs) !== workerData.born) return;
    const now = new Date();
    utimesSync(workerData.lock, now, now);
  } catch {}
};
setInterval(touch, workerData.everyMs);
parentPort.postMessage('ready');
`;

/** The file the lock is, as stat names it: a lock removed and made again by another build is another file. */
export interface LockIdentity {
  readonly ino: bigint;
  readonly dev: bigint;
  /** A file number is reused at once by the next file made: when it was made tells the two apart. */
  readonly birthtimeNs: bigint;
}

/**
 * Touches `lock` every `everyMs` while it is the file `identity` names, until the returned stop is
 * called. Resolves once the first touch is due to happen, so no refresh is missed while a thread starts.
 */
export async function keepLockFresh(lock: string, identity: LockIdentity, everyMs: number): Promise<() => Promise<void>> {
  try {
    const worker = new Worker(TOUCHER, { eval: true, workerData: { lock, ino: String(identity.ino), dev: String(identity.dev), born: String(identity.birthtimeNs), everyMs } });
    // Never what keeps a process alive: a build that is done ends even if its release was missed.
    worker.unref();
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    return async () => {
      await worker.terminate();
    };
  } catch {
    // No thread to be had (a process out of resources): a timer of this thread, which refreshes between renders at least.
    const timer = setInterval(() => {
      void stat(lock, { bigint: true })
        .then((info) => (info.ino === identity.ino && info.dev === identity.dev && info.birthtimeNs === identity.birthtimeNs ? utimes(lock, new Date(), new Date()) : undefined))
        .catch(() => undefined);
    }, everyMs);
    timer.unref();
    return async () => clearInterval(timer);
  }
}

/** What the machine running the tests allows: Windows, say, lets only some accounts make symlinks. */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function probeSymlinks(): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-symlink-'));
  try {
    writeFileSync(path.join(dir, 'target'), '');
    symlinkSync(path.join(dir, 'target'), path.join(dir, 'link'));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether this machine lets a test make symlinks; where it does not, the tests that need them say so and are skipped. */
export const canSymlink = probeSymlinks();
if (!canSymlink) console.warn('This system does not let the tests make symlinks: the tests of symlinked files are skipped.');

/** A process that does nothing until killed: a lock holder that works on every system (no `sleep` on Windows). */
export const IDLE_PROCESS = [process.execPath, ['-e', 'setInterval(() => {}, 60_000)']] as const;

/**
 * Whether this system has the special files the file-system tests plant (FIFOs made with mkfifo,
 * /dev/zero, symlinks): Linux and macOS do, Windows does not.
 */
export const hasPosixFiles = process.platform !== 'win32' && canSymlink;
if (!hasPosixFiles) console.warn('This system has no FIFOs or /dev/zero: the tests that plant them are skipped.');

/** Whether a test can stop a child process with Ctrl-C (SIGINT); on Windows a signal only kills it. */
export const canInterrupt = process.platform !== 'win32';
if (!canInterrupt) console.warn('This system cannot send Ctrl-C to a child process: the watch-mode test is skipped.');

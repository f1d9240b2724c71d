/**
 * Tests that run `roledoc` as a process (worker threads, time zones, concurrent builds, the
 * precompiled schema validators) run the compiled dist/. Compiling it first means they always test
 * the sources as they are, not a build left over from before an edit.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const repo = path.resolve(import.meta.dirname, '..', '..');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'inherit' });
}

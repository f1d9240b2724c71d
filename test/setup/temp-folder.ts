/**
 * Every temporary folder the tests make (projects, builds, a packed and installed roledoc — a few
 * hundred megabytes a run) goes into one folder for the run, removed when the run ends. The test
 * workers and the processes they start find it through TMPDIR (TEMP and TMP on Windows).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const VARIABLES = ['TMPDIR', 'TEMP', 'TMP'] as const;

export default function setup(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'roledoc-tests-'));
  const before = VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of VARIABLES) process.env[name] = folder;
  return () => {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(folder, { recursive: true, force: true });
  };
}

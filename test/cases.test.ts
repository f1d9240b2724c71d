/**
 * One folder per diagnostic case (test/cases/<case>/): a small project with role files, and
 * expected.txt holding the exit code and every diagnostic as `file:line:col  severity  code  message`
 * with its hint. Set UPDATE_EXPECTED=1 to rewrite the expected files after a deliberate change —
 * then read the diff: it is the review of every message a user sees.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const CASES_DIR = path.join(import.meta.dirname, 'cases');
const update = process.env['UPDATE_EXPECTED'] === '1';

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
  hint?: string;
}

function describeResult(exitCode: number, diagnostics: readonly JsonDiagnostic[]): string {
  const lines = [`exit: ${exitCode}`];
  for (const d of diagnostics) {
    lines.push(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.code}  ${d.message}`);
    if (d.hint) lines.push(`  → ${d.hint}`);
  }
  return `${lines.join('\n')}\n`;
}

const cases = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('diagnostic cases', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(CASES_DIR, name);
    const result = await runCli(['validate', '--format', 'json'], dir);
    expect(result.stderr).toBe('');
    const actual = describeResult(result.exitCode, JSON.parse(result.stdout) as JsonDiagnostic[]);
    const expectedPath = path.join(dir, 'expected.txt');
    if (update) writeFileSync(expectedPath, actual);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });
});

/**
 * `roledoc` as installed runs the schemas' precompiled validators (dist/validate/precompiled/, made
 * by `npm run build`), the tests the ones ajv compiles at run time: both must say the same. Every
 * case that has a schema error, run as a process.
 */
describe('diagnostic cases, with the precompiled validators', () => {
  const BIN = path.join(import.meta.dirname, '..', 'bin', 'roledoc.js');
  const schemaCases = cases.filter((name) => /\bschema\./.test(readFileSync(path.join(CASES_DIR, name, 'expected.txt'), 'utf8')));

  it('has precompiled validators to run, made from the schemas as they are', async () => {
    const { precompiledPath } = await import('../src/validate/schemas.js');
    const built = precompiledPath('role').href.replace('/src/validate/', '/dist/validate/');
    expect(existsSync(new URL(built))).toBe(true);
    expect(schemaCases.length).toBeGreaterThan(10);
  });

  it.each(schemaCases)('%s', (name) => {
    const dir = path.join(CASES_DIR, name);
    const result = spawnSync(process.execPath, [BIN, 'validate', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    const actual = describeResult(result.status ?? -1, JSON.parse(result.stdout) as JsonDiagnostic[]);
    expect(actual).toBe(readFileSync(path.join(dir, 'expected.txt'), 'utf8'));
  });
});


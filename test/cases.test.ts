/**
 * One folder per diagnostic case (test/cases/<case>/): a small project with role files, and
 * expected.txt holding the exit code and every diagnostic as `file:line:col  severity  code  message`
 * with its hint. Set UPDATE_EXPECTED=1 to rewrite the expected files after a deliberate change —
 * then read the diff: it is the review of every message a user sees.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runDistCli } from './helpers/run-cli.js';

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
 * case that has a schema error, through the compiled CLI in dist/.
 */
describe('diagnostic cases, with the precompiled validators', () => {
  const schemaCases = cases.filter((name) => /\bschema\./.test(readFileSync(path.join(CASES_DIR, name, 'expected.txt'), 'utf8')));

  it('has precompiled validators to run, made from the schemas as they are', async () => {
    const { precompiledPath, schemaHash, schemaPath } = await import('../src/validate/schemas.js');
    const require = createRequire(import.meta.url);
    for (const kind of ['role', 'config', 'template', 'locale'] as const) {
      const built = precompiledPath(kind).replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
      expect(existsSync(built), kind).toBe(true);
      // The compiled CLI uses a precompiled validator only when it was made from this very schema.
      const validator = require(built) as { schemaHash?: unknown };
      expect(validator.schemaHash, kind).toBe(schemaHash(readFileSync(schemaPath(kind), 'utf8')));
    }
    expect(schemaCases.length).toBeGreaterThan(10);
  });

  it.each(schemaCases)('%s', async (name) => {
    const dir = path.join(CASES_DIR, name);
    const result = await runDistCli(['validate', '--format', 'json'], dir);
    expect(result.stderr).toBe('');
    const actual = describeResult(result.exitCode, JSON.parse(result.stdout) as JsonDiagnostic[]);
    expect(actual).toBe(readFileSync(path.join(dir, 'expected.txt'), 'utf8'));
  });
});


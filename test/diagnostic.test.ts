import { describe, expect, it } from 'vitest';
import { normalizeDiagnostics, type Diagnostic, type DiagnosticCode } from '../src/core/diagnostic.js';
import { suggest } from '../src/validate/explain.js';

const at = (file: string, line: number, column: number, code: DiagnosticCode = 'yaml.syntax'): Diagnostic => ({
  severity: 'error',
  code,
  message: 'm',
  file,
  span: { line, column, endLine: line, endColumn: column + 1 },
});

describe('normalizeDiagnostics', () => {
  it('sorts by file, line and column and drops exact repeats', () => {
    const result = normalizeDiagnostics([at('b.yaml', 1, 1), at('a.yaml', 10, 1), at('a.yaml', 2, 5), at('a.yaml', 2, 5), at('a.yaml', 2, 1)]);
    expect(result.map((d) => `${d.file}:${d.span.line}:${d.span.column}`)).toEqual(['a.yaml:2:1', 'a.yaml:2:5', 'a.yaml:10:1', 'b.yaml:1:1']);
  });
});

describe('suggest', () => {
  const keys = ['responsibilities', 'remarks', 'reports_to', 'title', 'duties'];
  it('finds plausible typos and case slips', () => {
    expect(suggest('responsibilites', keys)).toBe('responsibilities');
    expect(suggest('titel', keys)).toBe('title');
    expect(suggest('Duties', keys)).toBe('duties');
  });
  it('suggests nothing for unrelated words', () => {
    expect(suggest('salary_band', keys)).toBeUndefined();
    // Two characters against two: within the edit limit, yet not one of them in common.
    expect(suggest('<<', ['id', 'title'])).toBeUndefined();
    expect(suggest('ud', ['id', 'title'])).toBe('id');
  });
});

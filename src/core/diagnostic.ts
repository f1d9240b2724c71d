/**
 * One type for every problem a user caused, from undecodable bytes to a dangling role link.
 * Stages return diagnostics as data; only the CLI prints them.
 */

export type Severity = 'error' | 'warning';

/** A place in a source file. Lines and columns are 1-based; columns count UTF-16 code units, as editors do. */
export interface SourceSpan {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `schema.unknown-key`, `link.unknown-role`. */
  readonly code: string;
  readonly message: string;
  /** Project-relative path with forward slashes. */
  readonly file: string;
  readonly span: SourceSpan;
  readonly hint?: string;
}

export const START_OF_FILE: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders by file, line, column, then code, so reports are stable across runs and machines. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.span.line - b.span.line ||
    a.span.column - b.span.column ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}

/** Drops exact repeats (same place, code and message) and returns a new, sorted array. */
export function normalizeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.file}\u0000${d.span.line}\u0000${d.span.column}\u0000${d.code}\u0000${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(d);
    }
  }
  return unique.sort(compareDiagnostics);
}

/**
 * One type for every problem a user caused, from undecodable bytes to a dangling role link.
 * Stages return diagnostics as data; only the CLI prints them.
 */

/** info: a reviewer's hint (a vague requirement), never a reason to stop. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Every diagnostic code roledoc reports, with its severity: a warning never stops a build, an
 * error always does. The sentences live in messages/ (one catalog per language).
 */
export const DIAGNOSTIC_CODES = {
  // the file itself
  'load.not-utf8': 'error',
  'load.too-large': 'error',
  'load.empty': 'error',
  'load.outside-project': 'warning',
  'text.control-character': 'warning',
  // YAML, and the slips of a Chinese keyboard
  'yaml.syntax': 'error',
  'yaml.too-deep': 'error',
  'yaml.duplicate-key': 'error',
  'yaml.multiple-documents': 'error',
  'yaml.recursive-alias': 'error',
  'yaml.alias-limit': 'error',
  'yaml.merged-list-item': 'error',
  'yaml.multiline-text': 'warning',
  'yaml.fullwidth-comma': 'warning',
  'yaml.fullwidth-space': 'error',
  'yaml.fullwidth-dash': 'error',
  'yaml.dash-without-space': 'error',
  'yaml.fullwidth-colon': 'error',
  'yaml.fullwidth-quotes': 'warning',
  // the schema
  'schema.unknown-key': 'error',
  'schema.missing-key': 'error',
  'schema.type': 'error',
  'schema.empty-value': 'error',
  'schema.enum': 'error',
  'schema.pattern': 'error',
  'schema.min-items': 'error',
  'schema.max-items': 'error',
  'schema.empty-text': 'error',
  'schema.too-long': 'error',
  'schema.range': 'error',
  'schema.duplicate-items': 'error',
  'schema.invalid': 'error',
  // across files
  'role.duplicate-id': 'error',
  'role.reserved-id': 'error',
  'link.unknown-role': 'error',
  'link.cycle': 'error',
  'kpi.weights-sum': 'error',
  // the config
  'config.path-outside': 'error',
  'config.unknown-order': 'warning',
  'config.template-not-found': 'error',
  'config.locale-not-found': 'error',
  // templates and locale catalogs
  'template.missing-file': 'error',
  'template.path-outside': 'warning',
  'template.bad-font': 'error',
  'template.font-collection': 'error',
  'template.bad-image': 'error',
  'template.image-too-large': 'error',
  'template.unknown-placeholder': 'error',
  'template.stray-brace': 'error',
  'template.duplicate-section': 'error',
  'locale.unknown-placeholder': 'error',
  'locale.stray-brace': 'error',
  'locale.incomplete': 'error',
  // the PDF font
  'font.missing-glyph': 'warning',
  'font.contents-unpaged': 'warning',
  // YAML roledoc does not support, and values that cannot be
  'yaml.tag': 'error',
  'yaml.merge-key': 'error',
  'yaml.complex-key': 'error',
  'value.blank-text': 'error',
  'value.impossible-date': 'error',
  // the file system (harden-io): a path that is not the regular file it should be
  'load.not-a-file': 'error',
  'config.not-a-file': 'error',
  'config.not-a-folder': 'error',
  'config.bad-pattern': 'error',
  'template.not-a-file': 'error',
  // roledoc lint: the reviewer's rules (their level is the config's: lint.rules)
  'lint.gender': 'warning',
  'lint.age': 'warning',
  'lint.marital': 'warning',
  'lint.hukou': 'warning',
  'lint.ethnicity': 'warning',
  'lint.religion': 'warning',
  'lint.health': 'warning',
  'lint.appearance': 'warning',
  'lint.vague': 'info',
  'lint.duplicate': 'warning',
  'lint.kpi-trace': 'info',
  'lint.punctuation': 'info',
  'lint.custom': 'warning',
  'lint.silence-without-reason': 'warning',
  'lint.silence-unused': 'warning',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

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
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Project-relative path with forward slashes. */
  readonly file: string;
  readonly span: SourceSpan;
  readonly hint?: string;
}

export const START_OF_FILE: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** A diagnostic of `code`, with the severity the code has. */
export function diagnostic(code: DiagnosticCode, file: string, span: SourceSpan, message: string, hint?: string): Diagnostic {
  return { severity: DIAGNOSTIC_CODES[code], code, message, file, span, ...(hint === undefined ? {} : { hint }) };
}

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

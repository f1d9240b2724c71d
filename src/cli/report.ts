/**
 * Diagnostics → text for people, JSON for programs, workflow commands for GitHub Actions.
 * Pure formatters: the caller decides colour and where the text goes.
 */
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Diagnostic } from '../core/diagnostic.js';
import type { CliMessages } from '../messages/cli-messages.js';
import { sourceLine, type SourceFile } from '../load/source-file.js';

export type ReportFormat = 'text' | 'json' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

export interface TextReportOptions {
  readonly chalk: ChalkInstance;
  readonly sources: ReadonlyMap<string, SourceFile>;
  readonly messages: CliMessages;
}

/**
 * Control characters from a file must not reach the terminal: an ESC sequence in a role could
 * retitle the window or recolour the screen. Each becomes "?", one column, so carets still line up.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '?');
}

/** Lines longer than this are shown as a window around the problem, not whole. */
const EXCERPT_WINDOW = 120;

/** The quoted source line with a caret under the span, aligned for double-width CJK characters. */
function excerpt(d: Diagnostic, source: SourceFile | undefined, chalk: ChalkInstance): string[] {
  if (!source) return [];
  const full = printable(sourceLine(source, d.span.line).replaceAll('\t', ' '));
  if (full.trim() === '') return [];
  const column = Math.min(d.span.column - 1, full.length);
  // A 900 KB line must not be measured (or printed) whole: show the part around the column.
  const from = full.length > EXCERPT_WINDOW ? Math.max(0, column - EXCERPT_WINDOW / 2) : 0;
  const to = Math.min(full.length, from + EXCERPT_WINDOW);
  const line = `${from > 0 ? '…' : ''}${full.slice(from, to)}${to < full.length ? '…' : ''}`;
  const shift = from > 0 ? 1 - from : 0;
  const startIndex = column + shift;
  const spanEnd = d.span.endLine === d.span.line ? Math.max(d.span.endColumn - 1, column + 1) : full.length;
  const endIndex = Math.min(spanEnd, to) + shift;
  const pad = stringWidth(line.slice(0, startIndex));
  const width = Math.max(1, stringWidth(line.slice(startIndex, Math.max(startIndex, endIndex))));
  const gutter = String(d.span.line).padStart(5);
  return [
    `${chalk.dim(`${gutter} |`)} ${line}`,
    `${chalk.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(pad)}${chalk.red('^'.repeat(width))}`,
  ];
}

export function formatText(diagnostics: readonly Diagnostic[], options: TextReportOptions): string {
  const { chalk, sources, messages } = options;
  const blocks = diagnostics.map((d) => {
    const where = chalk.bold(`${d.file}:${d.span.line}:${d.span.column}`);
    const severity = d.severity === 'error' ? chalk.red('error') : d.severity === 'warning' ? chalk.yellow('warning') : chalk.cyan('info');
    const lines = [`${where}  ${severity}  ${chalk.dim(d.code)}  ${printable(d.message)}`, ...excerpt(d, sources.get(d.file), chalk)];
    if (d.hint) lines.push(`  ${chalk.cyan(messages.hint)}${printable(d.hint)}`);
    return lines.join('\n');
  });
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

/** Diagnostics as the JSON reports give them (a flat object each), for a report that holds them among other things. */
export function plainDiagnostics(diagnostics: readonly Diagnostic[]): object[] {
  return diagnostics.map((d) => ({
    file: d.file,
    line: d.span.line,
    column: d.span.column,
    endLine: d.span.endLine,
    endColumn: d.span.endColumn,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
  }));
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(plainDiagnostics(diagnostics), null, 2)}\n`;
}

/** GitHub's workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`. */
function escapeData(text: string): string {
  return printable(text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.span.line}`,
        `col=${d.span.column}`,
        // GitHub reads endColumn only for a span on a single line.
        ...(d.span.endLine === d.span.line ? [`endColumn=${d.span.endColumn}`] : [`endLine=${d.span.endLine}`]),
        `title=${escapeProperty(d.code)}`,
      ].join(',');
      const body = d.hint ? `${d.message}\n${d.hint}` : d.message;
      // GitHub's workflow commands say notice for a hint.
      return `::${d.severity === 'info' ? 'notice' : d.severity} ${props}::${escapeData(body)}\n`;
    })
    .join('');
}

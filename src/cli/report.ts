/**
 * Diagnostics → text for people, JSON for programs, workflow commands for GitHub Actions.
 * Pure formatters: the caller decides colour and where the text goes.
 */
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Diagnostic } from '../core/diagnostic.js';
import type { CliMessages } from '../i18n/cli-messages.js';
import { sourceLine, type SourceFile } from '../load/source-file.js';

export type ReportFormat = 'text' | 'json' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

export interface TextReportOptions {
  readonly chalk: ChalkInstance;
  readonly sources: ReadonlyMap<string, SourceFile>;
  readonly messages: CliMessages;
}

/** The quoted source line with a caret under the span, aligned for double-width CJK characters. */
function excerpt(d: Diagnostic, source: SourceFile | undefined, chalk: ChalkInstance): string[] {
  if (!source) return [];
  const line = sourceLine(source, d.span.line).replaceAll('\t', ' ');
  if (line.trim() === '') return [];
  const startIndex = Math.min(d.span.column - 1, line.length);
  const endIndex = d.span.endLine === d.span.line ? Math.min(Math.max(d.span.endColumn - 1, startIndex), line.length) : line.length;
  const pad = stringWidth(line.slice(0, startIndex));
  const width = Math.max(1, stringWidth(line.slice(startIndex, endIndex)));
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
    const severity = d.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
    const lines = [`${where}  ${severity}  ${chalk.dim(d.code)}  ${d.message}`, ...excerpt(d, sources.get(d.file), chalk)];
    if (d.hint) lines.push(`  ${chalk.cyan(messages.hint)}${d.hint}`);
    return lines.join('\n');
  });
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const plain = diagnostics.map((d) => ({
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
  return `${JSON.stringify(plain, null, 2)}\n`;
}

/** GitHub's workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
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
      return `::${d.severity} ${props}::${escapeData(body)}\n`;
    })
    .join('');
}

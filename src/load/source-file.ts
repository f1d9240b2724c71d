/** A text file as roledoc read it, with a way to turn offsets into editor positions. */
import type { LineCounter } from 'yaml';
import type { SourceSpan } from '../core/diagnostic.js';

export interface SourceFile {
  /** Project-relative path with forward slashes: what the user sees in every message. */
  readonly path: string;
  /** Decoded text without a byte-order mark. */
  readonly text: string;
}

/** Start offsets of each line, for offset → line/column and for quoting a line in reports. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return starts;
}

const linesCache = new WeakMap<SourceFile, readonly string[]>();

/**
 * The text of a 1-based line, without its line break (LF or CRLF). The lines of a file are split
 * once: a report of thousands of problems in one file must not rescan it for each.
 */
export function sourceLine(source: SourceFile, line: number): string {
  let lines = linesCache.get(source);
  if (!lines) {
    lines = source.text.split('\n').map((l) => l.replace(/\r$/, ''));
    linesCache.set(source, lines);
  }
  return lines[line - 1] ?? '';
}

/** Offsets in a parsed YAML text → the span an editor shows (1-based lines and columns). */
export function spanOfRange(lineCounter: LineCounter, start: number, end: number): SourceSpan {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

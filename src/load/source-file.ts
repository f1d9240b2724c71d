/** A text file as roledoc read it, with a way to turn offsets into editor positions. */
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

/** The text of a 1-based line, without its line break (LF or CRLF). */
export function lineText(text: string, line: number): string {
  const starts = lineStarts(text);
  const start = starts[line - 1];
  if (start === undefined) return '';
  const next = starts[line];
  const end = next === undefined ? text.length : next - 1;
  return text.slice(start, end).replace(/\r$/, '');
}

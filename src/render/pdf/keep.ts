/**
 * What must stay together: the least of a paragraph or a table row that may stand at the foot of a
 * page, and where a row may split. One rule decides every page break (see render-pdf.ts): a block
 * starts on this page only if its first piece fits.
 */
import type { CellLook } from '../../layout/geometry.js';
import type { CellContent } from '../../layout/layout.js';
import { CELL_PADDING } from '../../layout/metrics.js';
import type { PdfCursor } from './cursor.js';
import type { Line } from './wrap.js';

/** A table cell prepared for drawing: where it is, how it looks, and its wrapped lines. */
export interface PreparedCell {
  readonly x: number;
  readonly width: number;
  readonly lines: readonly Line[];
  /** How far each line is indented from the cell's text edge: the wrapped lines of a numbered task hang after its label. */
  readonly indents: readonly number[];
  readonly look: CellLook;
  /** What the cell says at the top of a page its row continues on (a duty and （续）); none: blank there. */
  readonly continued?: CellContent;
  /** A header cell (TH) of its column (a header row) or of its row (a form's label); none: a data cell (TD). */
  readonly scope?: 'Row' | 'Column';
}

export type PreparedRow = readonly PreparedCell[];

export interface PreparedTable {
  readonly header: PreparedRow | undefined;
  readonly rows: readonly PreparedRow[];
}

/** A table row split across pages leaves at least this many lines on each side. */
export const MIN_SPLIT_LINES = 2;

export const rowLines = (row: PreparedRow): number => Math.max(1, ...row.map((cell) => cell.lines.length));

/**
 * How many lines of a row (from `from`, at most `fits`) can go on this page so that every cell
 * breaks between paragraphs or has finished, or 0 when there is no such point. Searching from
 * `fits` down gives the most; `smallest` searches up instead, for the least a page must hold.
 */
export function cleanSplit(row: PreparedRow, from: readonly number[], fits: number, smallest = false): number {
  const clean = (count: number): boolean =>
    row.every((cell, index) => {
      const start = from[index] ?? 0;
      return cell.lines.length - start <= count || cell.lines[start + count - 1]?.endsParagraph === true;
    });
  if (smallest) {
    for (let count = MIN_SPLIT_LINES; count <= fits; count++) if (clean(count)) return count;
    return 0;
  }
  for (let count = fits; count >= MIN_SPLIT_LINES; count--) if (clean(count)) return count;
  return 0;
}

/** Height of a paragraph's lines if they fit on one page (they are kept together), else two lines. */
export function keptHeight(cursor: PdfCursor, lines: readonly Line[], size: number): number {
  const end = lines.findIndex((line) => line.endsParagraph);
  const height = ((end < 0 ? lines.length - 1 : end) + 1) * cursor.lineHeight(size);
  return height <= cursor.pageHeight ? height : Math.min(lines.length, MIN_SPLIT_LINES) * cursor.lineHeight(size);
}

/** Height of `lines` lines of table text with the cell padding above and below. */
export function rowHeight(cursor: PdfCursor, lines: number): number {
  return lines * cursor.lineHeight(cursor.style.sizes.table) + 2 * CELL_PADDING.y;
}

/** The least of a row that may stand at a page bottom: all of a short row, else its first clean split. */
function firstRowPiece(cursor: PdfCursor, row: PreparedRow): number {
  const total = rowLines(row);
  if (total <= 3) return rowHeight(cursor, total);
  // The same rule as paintTable: a split leaves at least MIN_SPLIT_LINES lines for the next page.
  const lines = cleanSplit(row, row.map(() => 0), total - MIN_SPLIT_LINES, true);
  return rowHeight(cursor, lines === 0 ? total : lines);
}

/** The least of a table that may start at a page bottom: its header and the first piece of its first row. */
export function tableStart(cursor: PdfCursor, table: PreparedTable): number {
  const header = table.header ? rowHeight(cursor, rowLines(table.header)) : 0;
  const first = table.rows[0];
  return header + (first ? firstRowPiece(cursor, first) : 0);
}

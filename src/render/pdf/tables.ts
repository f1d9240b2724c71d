/**
 * Tables and the field grid. Cells are wrapped first (prepared), then drawn row by row; a row that
 * does not fit splits between paragraphs and continues under a repeated header — what pdfkit's own
 * doc.table() cannot do.
 */
import { columnWidths, FIELD_LABEL_LOOK, FIELD_VALUE_LOOK, fieldGridColumns, innerWidth, tableCellLook, type CellLook } from '../../layout/geometry.js';
import type { CellContent, FieldGridBlock, TableBlock, TableCell } from '../../layout/layout.js';
import { CELL_PADDING } from '../../layout/metrics.js';
import type { PdfCursor } from './cursor.js';
import { css, drawLine } from './draw-line.js';
import { cleanSplit, MIN_SPLIT_LINES, rowHeight, rowLines, tableStart, type PreparedCell, type PreparedRow, type PreparedTable } from './keep.js';

/** Width of table borders, in points. */
export const BORDER_WIDTH = 0.6;

function prepareCell(cursor: PdfCursor, content: CellContent, x: number, width: number, look: CellLook): PreparedCell {
  const inner = innerWidth(width);
  const size = cursor.style.sizes.table;
  const lines = content.flatMap((paragraph) => cursor.wrap(paragraph, inner, size, look.bold));
  return { x, width, lines, look };
}

export function prepareTable(cursor: PdfCursor, block: TableBlock): PreparedTable {
  const widths = columnWidths(cursor.width, block.columns.map((column) => column.width));
  const xs: number[] = [];
  let x = cursor.left;
  for (const width of widths) {
    xs.push(x);
    x += width;
  }
  const prepare = (cells: readonly TableCell[], header: boolean): PreparedRow =>
    cells.map((cell, index) => prepareCell(cursor, cell.content, xs[index] ?? cursor.left, widths[index] ?? 0, tableCellLook(cell, header)));
  return { header: block.header ? prepare(block.header, true) : undefined, rows: block.rows.map((row) => prepare(row, false)) };
}

export function prepareFieldGrid(cursor: PdfCursor, block: FieldGridBlock): PreparedTable {
  const { left } = cursor;
  const { label: labelWidth, value: valueWidth, secondValue, wideValue } = fieldGridColumns(cursor.width, block.labelWidth);
  const label = (text: string, x: number): PreparedCell => prepareCell(cursor, [[{ text }]], x, labelWidth, FIELD_LABEL_LOOK);
  const value = (content: CellContent, x: number, width: number): PreparedCell => prepareCell(cursor, content, x, width, FIELD_VALUE_LOOK);
  const rows = block.rows.map(([first, second]): PreparedRow => {
    if (!second) return [label(first.label, left), value(first.value, left + labelWidth, wideValue)];
    const right = left + labelWidth + valueWidth;
    return [
      label(first.label, left),
      value(first.value, left + labelWidth, valueWidth),
      label(second.label, right),
      value(second.value, right + labelWidth, secondValue),
    ];
  });
  return { header: undefined, rows };
}

/** Rows with borders; a row that does not fit splits between paragraphs and continues under a repeated header. */
export function paintTable(cursor: PdfCursor, table: PreparedTable): void {
  const { style, doc } = cursor;
  const size = style.sizes.table;
  const lineHeight = cursor.lineHeight(size);
  const { header } = table;
  const headerHeight = header ? rowHeight(cursor, rowLines(header)) : 0;

  const drawSegment = (row: PreparedRow, from: readonly number[], count: number, whole: boolean): void => {
    const height = rowHeight(cursor, count);
    row.forEach((cell, index) => {
      if (cell.look.shaded) doc.rect(cell.x, cursor.y, cell.width, height).fill(css(style.colors.labelFill));
      const start = from[index] ?? 0;
      const lines = cell.lines.slice(start, start + count);
      const offset = whole && cell.look.middle ? ((count - lines.length) * lineHeight) / 2 : 0;
      const inner = innerWidth(cell.width);
      lines.forEach((line, lineIndex) => {
        const x = cell.x + CELL_PADDING.x + (cell.look.centred ? Math.max(0, (inner - line.width) / 2) : 0);
        drawLine(cursor, line, x, cursor.y + CELL_PADDING.y + offset + lineIndex * lineHeight, inner, size, {
          justify: !cell.look.centred,
          color: style.colors.text,
        });
      });
    });
    doc.lineWidth(BORDER_WIDTH).strokeColor(css(style.colors.border));
    if (style.tableStyle === 'grid') {
      for (const cell of row) doc.rect(cell.x, cursor.y, cell.width, height).stroke();
    } else {
      // Lines between rows only: across the row, above and below it.
      const first = row[0];
      const last = row[row.length - 1];
      if (first && last) {
        for (const y of [cursor.y, cursor.y + height]) doc.moveTo(first.x, y).lineTo(last.x + last.width, y).stroke();
      }
    }
    cursor.y += height;
  };
  const drawHeader = (): void => {
    if (header) drawSegment(header, header.map(() => 0), rowLines(header), true);
  };

  cursor.ensureSpace(tableStart(cursor, table));
  drawHeader();
  for (const row of table.rows) {
    const total = rowLines(row);
    const next = row.map(() => 0);
    let remaining = total;
    while (remaining > 0) {
      const atPageTop = cursor.y <= cursor.top + headerHeight + 1e-6;
      const fits = Math.floor((cursor.bottom - cursor.y - 2 * CELL_PADDING.y + 1e-6) / lineHeight);
      // Short rows stay whole; longer ones split between paragraphs, two lines or more a side.
      const count = remaining <= fits ? remaining : total <= 3 && remaining === total ? 0 : cleanSplit(row, next, Math.min(fits, remaining - MIN_SPLIT_LINES));
      if (count === 0 && !atPageTop) {
        cursor.newPage();
        drawHeader();
        continue;
      }
      // Only a paragraph taller than the whole page is cut between its lines.
      const drawn = count === 0 ? Math.max(1, Math.min(fits, remaining)) : count;
      drawSegment(row, next, drawn, drawn === total);
      for (let i = 0; i < next.length; i++) next[i] = (next[i] ?? 0) + drawn;
      remaining -= drawn;
      if (remaining > 0) {
        cursor.newPage();
        drawHeader();
      }
    }
  }
  cursor.y += style.blockSpacing;
}

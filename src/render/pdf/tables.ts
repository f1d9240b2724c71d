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
import { isNumberedCell } from '../../layout/cell-labels.js';
import { hangParagraph } from './hanging.js';
import { cleanSplit, MIN_SPLIT_LINES, rowHeight, rowLines, tableStart, type PreparedCell, type PreparedRow, type PreparedTable } from './keep.js';
import type { Tag } from './tags.js';
import type { Line } from './wrap.js';

/** Width of table borders, in points. */
export const BORDER_WIDTH = 0.6;

/**
 * @param scope a header cell's: of its column (the header row) or of its row (a form's label).
 * @param hang whether numbered paragraphs hang after their labels (body cells of a table).
 */
function prepareCell(cursor: PdfCursor, source: Pick<TableCell, 'content' | 'continued'>, x: number, width: number, look: CellLook, scope: 'Row' | 'Column' | undefined, hang = false): PreparedCell {
  const inner = innerWidth(width);
  const size = cursor.style.sizes.table;
  const { content, continued } = source;
  const cell = { x, width, look, ...(continued === undefined ? {} : { continued }), ...(scope === undefined ? {} : { scope }) };
  if (hang && !look.centred && isNumberedCell(content)) {
    const hung = content.map((paragraph) => hangParagraph(cursor, paragraph, inner, size, look.bold));
    return { ...cell, lines: hung.flatMap((paragraph) => paragraph.lines), indents: hung.flatMap((paragraph) => paragraph.indents) };
  }
  const lines = content.flatMap((paragraph) => cursor.wrap(paragraph, inner, size, look.bold));
  return { ...cell, lines, indents: lines.map(() => 0) };
}

/** What a row's first cell says at the top of a page its row continues on, when all of it was on the page before: compose's words (a duty and （续）). */
function continuedLines(cursor: PdfCursor, cell: PreparedCell): readonly Line[] {
  const again = cell.continued ?? [];
  return again.flatMap((paragraph) => cursor.wrap(paragraph, innerWidth(cell.width), cursor.style.sizes.table, cell.look.bold));
}

export function prepareTable(cursor: PdfCursor, block: TableBlock): PreparedTable {
  const widths = columnWidths(cursor.width, block.columns.map((column) => column.width));
  const xs: number[] = [];
  let x = cursor.left;
  for (const width of widths) {
    xs.push(x);
    x += width;
  }
  // A header row's cells head their columns; a shaded body cell (a label table's label) heads its row.
  const prepare = (cells: readonly TableCell[], header: boolean): PreparedRow =>
    cells.map((cell, index) =>
      prepareCell(cursor, cell, xs[index] ?? cursor.left, widths[index] ?? 0, tableCellLook(cell, header), header ? 'Column' : cell.shaded === true ? 'Row' : undefined, !header),
    );
  return { header: block.header ? prepare(block.header, true) : undefined, rows: block.rows.map((row) => prepare(row, false)) };
}

export function prepareFieldGrid(cursor: PdfCursor, block: FieldGridBlock): PreparedTable {
  const { left } = cursor;
  const { label: labelWidth, value: valueWidth, secondValue, wideValue } = fieldGridColumns(cursor.width, block.labelWidth);
  const label = (text: string, x: number): PreparedCell => prepareCell(cursor, { content: [[{ text }]] }, x, labelWidth, FIELD_LABEL_LOOK, 'Row');
  const value = (content: CellContent, x: number, width: number): PreparedCell => prepareCell(cursor, { content }, x, width, FIELD_VALUE_LOOK, undefined);
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

/**
 * Rows with borders; a row that does not fit splits between paragraphs and continues under a
 * repeated header, its first cell said again with "（续）" when all of it was on the page before.
 *
 * Tagged as Table → TR → TH | TD, the header's cells heading their columns and a form's labels
 * their rows. A row split over pages stays one TR whose cells have content on both; the header
 * repeated on a later page, the repeated first cell, the shading and the borders are artifacts.
 */
export function paintTable(cursor: PdfCursor, table: PreparedTable): void {
  const { style, doc, tags } = cursor;
  const size = style.sizes.table;
  const lineHeight = cursor.lineHeight(size);
  const { header } = table;
  const headerHeight = header ? rowHeight(cursor, rowLines(header)) : 0;
  const tableTag = tags.create('Table');
  const cellTags = (row: PreparedRow): (Tag | undefined)[] => {
    const rowTag = tags.create('TR', {}, tableTag);
    return [rowTag, ...row.map((cell) => tags.create(cell.scope === undefined ? 'TD' : 'TH', cell.scope === undefined ? {} : { scope: cell.scope }, rowTag))];
  };
  const endRow = (rowTags: readonly (Tag | undefined)[]): void => {
    for (const tag of rowTags.slice(1)) tags.end(tag);
    tags.end(rowTags[0]);
  };

  /**
   * Draws `count` lines of a row from line `from` of each cell. `cellTag(index)` is the element a
   * cell's text belongs to (none: an artifact); `repeat`, the lines the first cell says again.
   */
  const drawSegment = (row: PreparedRow, from: readonly number[], count: number, whole: boolean, cellTag: (index: number) => Tag | undefined, repeat: readonly Line[] = []): void => {
    const height = rowHeight(cursor, Math.max(count, repeat.length));
    // Shading first, all of the row's, so that the text's marked content is not cut up by it.
    tags.artifact(() => {
      for (const cell of row) if (cell.look.shaded) doc.rect(cell.x, cursor.y, cell.width, height).fill(css(style.colors.labelFill));
    });
    row.forEach((cell, index) => {
      const start = from[index] ?? 0;
      const repeated = index === 0 && repeat.length > 0;
      const lines = repeated ? repeat : cell.lines.slice(start, start + count);
      const indents = repeated ? [] : cell.indents.slice(start, start + count);
      const offset = whole && cell.look.middle ? ((count - lines.length) * lineHeight) / 2 : 0;
      const inner = innerWidth(cell.width);
      const draw = (): void =>
        lines.forEach((line, lineIndex) => {
          const indent = indents[lineIndex] ?? 0;
          const x = cell.x + CELL_PADDING.x + indent + (cell.look.centred ? Math.max(0, (inner - line.width) / 2) : 0);
          drawLine(cursor, line, x, cursor.y + CELL_PADDING.y + offset + lineIndex * lineHeight, inner - indent, size, {
            justify: !cell.look.centred,
            color: style.colors.text,
          });
        });
      const tag = repeated ? undefined : cellTag(index);
      if (tag) tags.into(tag, draw);
      else tags.artifact(draw, 'Pagination');
    });
    tags.artifact(() => {
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
    });
    cursor.y += height;
  };
  let headerDrawn = false;
  const drawHeader = (): void => {
    if (!header) return;
    if (headerDrawn || !tags.marking) {
      // On every later page the header is a repetition, not content.
      drawSegment(header, header.map(() => 0), rowLines(header), true, () => undefined);
      return;
    }
    headerDrawn = true;
    const headerTags = cellTags(header);
    drawSegment(header, header.map(() => 0), rowLines(header), true, (index) => headerTags[index + 1]);
    endRow(headerTags);
  };

  cursor.ensureSpace(tableStart(cursor, table));
  drawHeader();
  for (const row of table.rows) {
    const rowTags = cellTags(row);
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
      // A continued row whose first cell was all on the page before says it again, at most as tall as the page allows.
      const first = row[0];
      const continues = remaining < total && first !== undefined && (next[0] ?? 0) >= first.lines.length;
      const repeat = continues ? continuedLines(cursor, first).slice(0, Math.max(drawn, fits)) : [];
      drawSegment(row, next, drawn, drawn === total, (index) => rowTags[index + 1], repeat);
      for (let i = 0; i < next.length; i++) next[i] = (next[i] ?? 0) + drawn;
      remaining -= drawn;
      if (remaining > 0) {
        cursor.newPage();
        drawHeader();
      }
    }
    endRow(rowTags);
  }
  tags.end(tableTag);
  cursor.y += style.blockSpacing;
}

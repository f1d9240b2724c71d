/**
 * Tables and the field grid. Every table is fixed-layout and exactly as wide as the text, so Word
 * and LibreOffice draw the same grid; its header row repeats on every page.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { ITableBordersOptions } from 'docx';
import { FIELD_LABEL_LOOK, FIELD_VALUE_LOOK, fieldGridColumns, innerWidth, isCjk, justifies, lineHeight, tableCellLook, type CellLook } from '../../layout/geometry.js';
import type { CellContent, FieldGridBlock, LayoutStyle, RichText, TableBlock, TableCell as LayoutTableCell } from '../../layout/layout.js';
import { CELL_PADDING } from '../../layout/metrics.js';
import { isNumberedCell, leadingLabel } from '../../layout/cell-labels.js';
import { TableInPieces, type BodyChild, type DocxContext } from './context.js';
import { TABLE_TEXT_STYLE } from './styles.js';
import { raggedIfUnbreakable, textRuns } from './text.js';
import { splitWidth, twips, TWIPS_PER_POINT, WHOLE_TWIPS } from './units.js';

/** Padding inside every table cell, in twips (the same as the PDF's). */
const CELL_MARGINS = {
  top: twips(CELL_PADDING.y),
  bottom: twips(CELL_PADDING.y),
  left: twips(CELL_PADDING.x),
  right: twips(CELL_PADDING.x),
} as const;

/** Border width of tables, in eighths of a point (4 = ½ pt, the hairline of printed forms). */
export const BORDER_SIZE = 4;

/** No line: the borders of charts and of the header and footer tables. */
export const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

export const NO_BORDERS: ITableBordersOptions = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/**
 * The gap after a table. Word has no "space after" for tables, and two tables with nothing between them merge
 * into one, so every table is followed by an empty paragraph exactly blockSpacing high.
 */
export function spacer(style: LayoutStyle): Paragraph {
  const height = Math.max(20, twips(style.blockSpacing));
  return new Paragraph({
    spacing: { before: 0, after: 0, line: height, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

/** grid: every cell bordered; rows: lines between rows only, open at the sides. */
function tableBorders(style: LayoutStyle): ITableBordersOptions {
  const line = { style: BorderStyle.SINGLE, size: BORDER_SIZE, color: style.colors.border };
  if (style.tableStyle === 'rows') return { top: line, bottom: line, left: NO_BORDER, right: NO_BORDER, insideHorizontal: line, insideVertical: NO_BORDER };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

export function labelShading(style: LayoutStyle): { type: typeof ShadingType.CLEAR; fill: string; color: string } {
  return { type: ShadingType.CLEAR, fill: style.colors.labelFill, color: 'auto' };
}

/** Every table is fixed-layout and exactly as wide as the text, so Word and LibreOffice draw the same grid. */
function fixedTable(ctx: DocxContext, columnWidths: readonly number[], rows: TableRow[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: ctx.textWidth, type: WidthType.DXA },
    columnWidths,
    margins: { ...CELL_MARGINS, marginUnitType: WidthType.DXA },
    borders: tableBorders(ctx.style),
    rows,
  });
}

/** A cell's paragraphs centred, at the left, or justified (the document default). */
const CELL_ALIGNMENT = {
  center: { alignment: AlignmentType.CENTER },
  left: { alignment: AlignmentType.LEFT },
  justify: {},
} as const;

function cellParagraphs(content: CellContent, look: { bold: boolean; align: keyof typeof CELL_ALIGNMENT }, ctx: DocxContext): Paragraph[] {
  // A cell must hold at least one paragraph, or Word reports the file as damaged.
  const paragraphs: readonly RichText[] = content.length > 0 ? content : [[]];
  const numbered = isNumberedCell(content);
  const size = ctx.style.sizes.table;
  return paragraphs.map((text) => {
    const label = numbered ? leadingLabel(text) : undefined;
    return new Paragraph({
      style: TABLE_TEXT_STYLE,
      ...CELL_ALIGNMENT[look.align],
      ...(look.align === 'justify' ? raggedIfUnbreakable(text) : {}),
      // The tasks （1）…（n）: the label at the cell's edge, wrapped lines aligned after it, as the PDF sets them.
      ...(label === undefined ? {} : { indent: { left: twips(labelWidthEm(label) * size), hanging: twips(labelWidthEm(label) * size) } }),
      ...(isLatinOnly(text) ? { spacing: { line: twips(lineHeight(ctx.style, size)), lineRule: LineRuleType.EXACT } } : {}),
      children: textRuns(text, ctx, look.bold ? { bold: true } : {}),
    });
  });
}

/**
 * A label's width in em, as Word and LibreOffice draw it: a full-width character (（ ） 、 ①) one
 * em in every CJK face, a digit half an em (Times New Roman, and most Latin faces' figures), the
 * narrow signs as Times New Roman has them. The label is text of the paragraph, so the hanging
 * indent must match its width for the wrapped lines to align after it.
 */
export function labelWidthEm(label: string): number {
  let em = 0;
  for (const char of label) em += isCjk(char) || FULL_WIDTH_SIGNS.test(char) ? 1 : (NARROW_SIGNS[char] ?? 0.5);
  return em;
}

const FULL_WIDTH_SIGNS = /[\u2460-\u24ff\u3000-\u303f\u3251-\u32bf]/u;
const NARROW_SIGNS: Readonly<Record<string, number>> = { '(': 1 / 3, ')': 1 / 3, '.': 1 / 4, ' ': 1 / 4, '•': 0.35 };

/**
 * Whether a cell paragraph is Latin text only (CS-01, 5000-8000). "At least" line spacing puts a
 * short line's spare height above it, so its baseline sits at the line's bottom less the font's
 * descent — and a Latin face descends less than a CJK one (Liberation Serif 0.22 em, Noto Serif
 * CJK 0.29 em): in LibreOffice such a cell's text sat 0.7 pt lower than the CJK text beside it.
 * "Exactly" the same height places it as the CJK line; Latin glyphs are far shorter than the line,
 * so nothing is clipped (other scripts, whose fallback faces may be taller, keep "at least").
 */
function isLatinOnly(text: RichText): boolean {
  const joined = text.map((run) => run.text).join('');
  return joined.trim() !== '' && LATIN_ONLY.test(joined);
}

const LATIN_ONLY = /^[\t\n\r\u0020-\u024f\u2000-\u206f\u20a0-\u20bf\u2100-\u214f]*$/u;

interface CellSpec {
  readonly content: CellContent;
  readonly look: CellLook;
  /** Index of the first grid column the cell covers, and how many it covers. */
  readonly column: number;
  readonly span: number;
}

/** Centred, or running text: justified where a line is wide enough (justifies), else at the left. */
function cellAlign(look: CellLook, width: number, style: LayoutStyle): keyof typeof CELL_ALIGNMENT {
  if (look.centred) return 'center';
  return justifies(innerWidth(width, CELL_MARGINS.left), style.sizes.table * TWIPS_PER_POINT) ? 'justify' : 'left';
}

function cell(spec: CellSpec, widths: readonly number[], ctx: DocxContext): TableCell {
  const { style } = ctx;
  const width = widths.slice(spec.column, spec.column + spec.span).reduce((a, b) => a + b, 0);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(spec.span > 1 ? { columnSpan: spec.span } : {}),
    verticalAlign: spec.look.middle ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    ...(spec.look.shaded ? { shading: labelShading(style) } : {}),
    children: cellParagraphs(spec.content, { bold: spec.look.bold, align: cellAlign(spec.look, width, style) }, ctx),
  });
}

/**
 * A bordered table. The header row repeats on every page (w:tblHeader) and never splits; body rows may split, since
 * a duty with six long tasks can be taller than what is left of a page, or than a page. All cells align to the top.
 * A table of more than ROWS_PER_PIECE rows is made a piece at a time (TableInPieces): the same XML.
 */
export function table(block: TableBlock, ctx: DocxContext): Table {
  return tableOfRows(block, ctx, block.header, block.rows);
}

/** Rows per piece of a long table: a piece of the handbook's role index is a few hundred kilobytes of objects. */
export const ROWS_PER_PIECE = 100;

function tablePieces(block: TableBlock, ctx: DocxContext): TableInPieces {
  return new TableInPieces(function* () {
    for (let start = 0; start < block.rows.length; start += ROWS_PER_PIECE) {
      yield tableOfRows(block, ctx, start === 0 ? block.header : undefined, block.rows.slice(start, start + ROWS_PER_PIECE));
    }
  });
}

function tableOfRows(block: TableBlock, ctx: DocxContext, header: TableBlock['header'], bodyRows: TableBlock['rows']): Table {
  const widths = splitWidth(
    ctx.textWidth,
    block.columns.map((column) => column.width),
  );
  const rowCells = (cells: readonly LayoutTableCell[], header: boolean): TableCell[] => {
    if (cells.length > widths.length) {
      throw new Error(`renderDocx: a table row has ${cells.length} cells but the table has ${widths.length} columns`);
    }
    return cells.map((c, i) =>
      cell(
        {
          content: c.content,
          look: tableCellLook(c, header),
          column: i,
          // A short row's last cell takes the columns left over, so the right border still closes.
          span: i === cells.length - 1 ? widths.length - i : 1,
        },
        widths,
        ctx,
      ),
    );
  };
  const rows: TableRow[] = [];
  if (header !== undefined && header.length > 0) {
    // keepNext: the header never stays alone at the foot of a page.
    rows.push(
      new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: rowCells(header, true) }),
    );
  }
  for (const row of bodyRows) {
    if (row.length > 0) rows.push(new TableRow({ children: rowCells(row, false) }));
  }
  return fixedTable(ctx, widths, rows);
}

/**
 * The form at the top of a job description: label | value | label | value. compose decides the
 * rows and the label width (enough for style.labelColumnChars characters); the two value columns
 * share the rest. Labels and values are centred vertically alike, so a label stays level with its
 * value when the value wraps.
 */
function fieldGrid(block: FieldGridBlock, ctx: DocxContext): Table {
  const { label, value, secondValue } = fieldGridColumns(ctx.textWidth, block.labelWidth, WHOLE_TWIPS);
  const widths = [label, value, label, secondValue];
  type GridField = FieldGridBlock['rows'][number][number];

  const labelCell = (field: GridField, column: number): TableCell =>
    cell({ content: [[{ text: field.label }]], look: FIELD_LABEL_LOOK, column, span: 1 }, widths, ctx);
  const valueCell = (field: GridField, column: number, span: number): TableCell =>
    cell({ content: field.value, look: FIELD_VALUE_LOOK, column, span }, widths, ctx);

  const rows = block.rows.map((row) => {
    const [first, second] = row;
    return new TableRow({
      children: second
        ? [labelCell(first, 0), valueCell(first, 1, 1), labelCell(second, 2), valueCell(second, 3, 1)]
        : [labelCell(first, 0), valueCell(first, 1, 3)],
    });
  });
  return fixedTable(ctx, widths, rows);
}

export function fieldGridBlock(block: FieldGridBlock, ctx: DocxContext): BodyChild[] {
  return block.rows.length === 0 ? [] : [fieldGrid(block, ctx), spacer(ctx.style)];
}

export function tableBlock(block: TableBlock, ctx: DocxContext): BodyChild[] {
  // A table without rows is not valid WordprocessingML; an empty table has nothing to show anyway.
  if ([...(block.header ?? []), ...block.rows.flat()].length === 0) return [];
  return [block.rows.length > ROWS_PER_PIECE ? tablePieces(block, ctx) : table(block, ctx), spacer(ctx.style)];
}

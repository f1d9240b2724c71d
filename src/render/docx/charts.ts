/**
 * Org charts and career paths, as borderless Word tables: boxes are bordered cells, connecting
 * lines the edges of empty cells. Word, WPS and LibreOffice all draw tables the same way, unlike
 * floating drawings.
 */
import { AlignmentType, BorderStyle, HeightRule, InternalHyperlink, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import type { ITableCellBorders } from 'docx';
import { chartBoxCentre, chartBoxLook, chartColumnWidth, orgChartColumn, PATH_CHART_LINE_GAP, pathChartBoxWidth } from '../../layout/geometry.js';
import type { ChartBox, OrgChartBlock, PathChartBlock } from '../../layout/layout.js';
import { CHART, chartTextSize } from '../../layout/metrics.js';
import { anchorPlaceholder, type BodyChild, type DocxContext, type PageBreakOption } from './context.js';
import { lineSpacing } from './styles.js';
import { BORDER_SIZE, labelShading, NO_BORDER, NO_BORDERS, spacer } from './tables.js';
import { halfPoints, twips, WHOLE_TWIPS } from './units.js';

/** The box of a chart as a table cell: bordered and shaded for a role (dashed and blank for free text), its title a link. */
function chartBoxCell(box: ChartBox, span: number, width: number, ctx: DocxContext, size: number): TableCell {
  const { style } = ctx;
  const look = chartBoxLook(box);
  const line = { style: look.dashed ? BorderStyle.DASHED : BorderStyle.SINGLE, size: BORDER_SIZE + 2, color: style.colors.border };
  const paragraph = (text: string, bold: boolean, link: string | undefined): Paragraph => {
    // The whole box reads as the role; its title links there but keeps the text colour, as in the PDF.
    const run = new TextRun({ text, size: halfPoints(size), ...(bold ? { bold: true } : {}) });
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 0, after: 0, ...lineSpacing(style, size) },
      children: [link === undefined ? run : new InternalHyperlink({ anchor: anchorPlaceholder(link), children: [run] })],
    });
  };
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: line, bottom: line, left: line, right: line },
    ...(look.shaded ? { shading: labelShading(style) } : {}),
    margins: { top: twips(CHART.padding), bottom: twips(CHART.padding), left: twips(CHART.padding), right: twips(CHART.padding), marginUnitType: WidthType.DXA },
    children: [paragraph(box.text, look.boldTitle, box.link), ...(box.detail === undefined ? [] : [paragraph(box.detail, false, undefined)])],
  });
}

/** An empty chart cell; `borders` draws the connecting lines along its edges. */
function blankCell(span: number, width: number, borders: ITableCellBorders, rowHeight: number | undefined): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, ...borders },
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
    // An empty paragraph tiny enough not to stretch a connector row.
    children: [new Paragraph({ spacing: { before: 0, after: 0, line: rowHeight ?? 240, lineRule: rowHeight === undefined ? LineRuleType.AUTO : LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] })],
  });
}

/**
 * Sub-columns of one chart grid column: a box covers the middle four (CHART.boxShare of six), centred
 * on a column or between two.
 */
const SUB_COLUMNS = 6;

const BOX_SUB_COLUMNS = Math.round(SUB_COLUMNS * CHART.boxShare);

/**
 * The reporting tree as a borderless Word table on a fine grid: boxes are bordered cells, and the
 * connecting lines are the edges of empty cells in two thin rows under each level (a stub down
 * from the box and the bar along the bottom of the first, drops to the boxes in the second).
 * Word, WPS and LibreOffice all draw tables the same way, unlike floating drawings.
 */
export function orgChart(block: OrgChartBlock, ctx: DocxContext, pageBreak: PageBreakOption): BodyChild[] {
  const { style } = ctx;
  const size = chartTextSize(style.sizes.table);
  const unit = orgChartColumn(ctx.textWidth, block.columns, twips(chartColumnWidth(CHART.maxBoxChars, size)), WHOLE_TWIPS);
  const sub = Math.floor(unit / SUB_COLUMNS);
  const gridCount = block.columns * SUB_COLUMNS;
  const widths = Array.from({ length: gridCount }, () => sub);
  const line = { style: BorderStyle.SINGLE, size: BORDER_SIZE + 2, color: style.colors.border };
  const centreOf = (box: { column: number; span: number }): number => chartBoxCentre(box) * SUB_COLUMNS;
  const connector = twips(CHART.levelGap / 2);

  /** A row of empty cells, one per sub-column, merged where nothing is drawn between them. */
  const connectorRow = (left: ReadonlySet<number>, bottom: (column: number) => boolean): TableRow => {
    const cells: TableCell[] = [];
    let start = 0;
    while (start < gridCount) {
      let end = start + 1;
      while (end < gridCount && !left.has(end) && bottom(end) === bottom(start)) end++;
      cells.push(blankCell(end - start, sub * (end - start), { ...(left.has(start) ? { left: line } : {}), ...(bottom(start) ? { bottom: line } : {}) }, connector));
      start = end;
    }
    return new TableRow({ cantSplit: true, height: { value: connector, rule: HeightRule.EXACT }, children: cells });
  };

  const rows: TableRow[] = [];
  for (let row = 0; row < block.rows; row++) {
    const boxes = block.boxes.filter((box) => box.row === row).sort((a, b) => a.column - b.column);
    const cells: TableCell[] = [];
    let cursor = 0;
    for (const box of boxes) {
      const from = centreOf(box) - BOX_SUB_COLUMNS / 2;
      if (from > cursor) cells.push(blankCell(from - cursor, sub * (from - cursor), {}, undefined));
      cells.push(chartBoxCell(box, BOX_SUB_COLUMNS, sub * BOX_SUB_COLUMNS, ctx, size));
      cursor = from + BOX_SUB_COLUMNS;
    }
    if (cursor < gridCount) cells.push(blankCell(gridCount - cursor, sub * (gridCount - cursor), {}, undefined));
    rows.push(new TableRow({ cantSplit: true, children: cells }));

    const edges = block.edges.filter((edge) => block.boxes[edge.from]?.row === row);
    if (edges.length === 0) continue;
    const stubs = new Set<number>();
    const drops = new Set<number>();
    const bars: [number, number][] = [];
    for (const edge of edges) {
      const parent = block.boxes[edge.from];
      if (!parent) continue;
      const centres = edge.to.flatMap((index) => {
        const child = block.boxes[index];
        return child ? [centreOf(child)] : [];
      });
      stubs.add(centreOf(parent));
      for (const centre of centres) drops.add(centre);
      bars.push([Math.min(centreOf(parent), ...centres), Math.max(centreOf(parent), ...centres)]);
    }
    // The bar runs along the bottom of the stub row, from the first child's centre to the last's.
    rows.push(connectorRow(stubs, (column) => bars.some(([from, to]) => column >= from && column < to)));
    rows.push(connectorRow(drops, () => false));
  }

  const caption =
    block.caption === undefined
      ? []
      : [
          new Paragraph({
            ...pageBreak,
            keepNext: true,
            alignment: AlignmentType.LEFT,
            spacing: { before: 0, after: twips(CHART.padding), ...lineSpacing(style, size) },
            children: [new TextRun({ text: block.caption, size: halfPoints(size) })],
          }),
        ];
  const chart = new Table({
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    width: { size: sub * gridCount, type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows,
  });
  return [...caption, chart, spacer(style)];
}

/** One career path as a table: boxes with arrows between; a long path carries on, arrow first, in the next row. */
function pathTable(block: PathChartBlock, path: readonly ChartBox[], ctx: DocxContext): Table {
  const { style } = ctx;
  const size = chartTextSize(style.sizes.table);
  const arrow = twips(CHART.arrowWidth);
  const box = pathChartBoxWidth(ctx.textWidth, block.perLine, arrow, WHOLE_TWIPS);
  const widths = Array.from({ length: 2 * block.perLine + 1 }, (_, i) => (i % 2 === 0 ? arrow : box));
  const arrowCell = (shown: boolean): TableCell =>
    new TableCell({
      width: { size: arrow, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 0, after: 0 },
          children: [new TextRun({ text: shown ? '→' : '', bold: true, size: halfPoints(size * 1.6), color: style.colors.border })],
        }),
      ],
    });
  const rows: TableRow[] = [];
  for (let start = 0; start < path.length; start += block.perLine) {
    const steps = path.slice(start, start + block.perLine);
    const continues = start + block.perLine < path.length;
    const cells: TableCell[] = [arrowCell(start > 0)];
    steps.forEach((step, index) => {
      cells.push(chartBoxCell(step, 1, box, ctx, size));
      cells.push(arrowCell(index < steps.length - 1 || continues));
    });
    const unused = block.perLine - steps.length;
    if (unused > 0) cells.push(blankCell(unused * 2, unused * (box + arrow), {}, undefined));
    // A thin empty row keeps the lines of a long path apart, as in the PDF.
    if (start > 0) rows.push(new TableRow({ cantSplit: true, height: { value: twips(PATH_CHART_LINE_GAP), rule: HeightRule.EXACT }, children: [blankCell(widths.length, widths.reduce((a, b) => a + b, 0), {}, twips(PATH_CHART_LINE_GAP))] }));
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return new Table({ layout: TableLayoutType.FIXED, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, borders: NO_BORDERS, rows });
}

/** Every career path of the block as a table of its own, with the gap of a table after it; each made when it is asked for. */
export function* pathChart(block: PathChartBlock, ctx: DocxContext): Generator<BodyChild> {
  for (const path of block.paths) yield* [pathTable(block, path, ctx), spacer(ctx.style)];
}

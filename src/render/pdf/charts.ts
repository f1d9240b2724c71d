/** Org charts and career paths: boxes drawn as rectangles, joined by lines and arrows. */
import {
  chartBoxCentre,
  chartBoxLook,
  chartColumnWidth,
  innerWidth,
  orgChartBoxWidth,
  orgChartColumn,
  PATH_CHART_LINE_GAP,
  pathChartBoxWidth,
} from '../../layout/geometry.js';
import type { ChartBox, OrgChartBlock, PathChartBlock } from '../../layout/layout.js';
import { isCjk } from '../../layout/geometry.js';
import { CHART, chartTextSize } from '../../layout/metrics.js';
import type { PdfCursor } from './cursor.js';
import { css, drawLine } from './draw-line.js';
import { BORDER_WIDTH } from './tables.js';
import type { Tag } from './tags.js';
import type { Line } from './wrap.js';

/** A box as a screen reader hears it: its title, and its detail (the headcount) in brackets. */
const boxWords = (box: ChartBox, cjk: boolean): string => (box.detail === undefined ? box.text : cjk ? `${box.text}（${box.detail}）` : `${box.text} (${box.detail})`);

/** Whether the chart's words are Chinese: its punctuation in the alternative text follows them. */
const chineseChart = (boxes: readonly ChartBox[]): boolean => boxes.some((box) => Array.from(box.text).some((char) => isCjk(char)));

/**
 * An org chart's alternative text: the caption, then each box with the boxes under it —
 * "客服经理：客服主管（2人）、质检专员" — one sentence a box that has reports, and every box
 * that is in no such sentence (a role reporting to no one in the chart, beside the tree) on its own.
 */
export function orgChartAlt(block: OrgChartBlock): string {
  const cjk = chineseChart(block.boxes);
  const said = new Set<number>();
  const sentences = block.edges.flatMap((edge) => {
    const parent = block.boxes[edge.from];
    if (!parent) return [];
    said.add(edge.from);
    for (const index of edge.to) said.add(index);
    const children = edge.to.flatMap((index) => block.boxes[index] ?? []).map((box) => boxWords(box, cjk));
    return [`${boxWords(parent, cjk)}${cjk ? '：' : ': '}${children.join(cjk ? '、' : ', ')}`];
  });
  const alone = block.boxes.filter((_, index) => !said.has(index)).map((box) => boxWords(box, cjk));
  return [...(block.caption === undefined ? [] : [block.caption]), ...sentences, ...alone].join(cjk ? '；' : '; ');
}

/** A career-path chart's alternative text: each path as its steps joined by arrows. */
export function pathChartAlt(block: PathChartBlock): string {
  const cjk = chineseChart(block.paths.flat());
  return block.paths.map((path) => path.map((box) => boxWords(box, cjk)).join(' → ')).join(cjk ? '；' : '; ');
}

/** Box text of a chart, wrapped: the title in bold, the detail under it. */
function chartLines(cursor: PdfCursor, box: ChartBox, width: number, size: number): Line[] {
  return [...cursor.wrap([{ text: box.text }], width, size, chartBoxLook(box).boldTitle), ...(box.detail === undefined ? [] : cursor.wrap([{ text: box.detail }], width, size))];
}

/** A box of a chart tagged as `figure`: its link annotation a Link element of the figure's. */
function drawChartBox(cursor: PdfCursor, figure: Tag | undefined, box: ChartBox, lines: readonly Line[], x: number, y: number, width: number, height: number, size: number): void {
  const { doc, style } = cursor;
  // A role is a shaded box; a step that is not a role of the project, a dashed outline.
  const look = chartBoxLook(box);
  if (look.shaded) doc.rect(x, y, width, height).fill(css(style.colors.labelFill));
  if (look.dashed) doc.dash(2, { space: 2 });
  doc.lineWidth(BORDER_WIDTH * 1.5).strokeColor(css(style.colors.border));
  doc.rect(x, y, width, height).stroke();
  if (look.dashed) doc.undash();
  const lineHeight = cursor.lineHeight(size);
  let lineY = y + (height - lines.length * lineHeight) / 2;
  for (const line of lines) {
    drawLine(cursor, line, x + (width - line.width) / 2, lineY, line.width, size, { justify: false, color: style.colors.text });
    lineY += lineHeight;
  }
  if (box.link !== undefined) {
    const { tags } = cursor;
    const link = tags.create('Link', {}, figure);
    doc.goTo(x, y, width, height, box.link, link ? { structParent: link.element } : undefined);
    tags.end(link);
  }
}

/** Where an org chart's boxes go, relative to its top: sizes, wrapped box text, the top of each level, the whole height. */
export function orgChartGeometry(cursor: PdfCursor, block: OrgChartBlock) {
  const size = chartTextSize(cursor.style.sizes.table);
  const unit = orgChartColumn(cursor.width, block.columns, chartColumnWidth(CHART.maxBoxChars, size));
  const boxWidth = orgChartBoxWidth(unit);
  const origin = cursor.left + (cursor.width - unit * block.columns) / 2;
  const boxes = block.boxes.map((box) => ({ box, lines: chartLines(cursor, box, innerWidth(boxWidth, CHART.padding), size) }));
  const rowHeights = Array.from({ length: block.rows }, (_, row) =>
    Math.max(0, ...boxes.filter(({ box }) => box.row === row).map(({ lines }) => lines.length * cursor.lineHeight(size) + 2 * CHART.padding)),
  );
  const caption = block.caption === undefined ? [] : cursor.wrap([{ text: block.caption }], cursor.width, size);
  const captionHeight = caption.length * cursor.lineHeight(size) + (caption.length > 0 ? CHART.padding : 0);
  const rowTops: number[] = [];
  let y = captionHeight;
  for (const height of rowHeights) {
    rowTops.push(y);
    y += height + CHART.levelGap;
  }
  return { size, unit, boxWidth, origin, boxes, rowHeights, rowTops, caption, height: y - CHART.levelGap };
}

/** A reporting tree: boxes on levels, joined by lines from each box down to its reports. */
export function paintOrgChart(cursor: PdfCursor, block: OrgChartBlock): void {
  const { style } = cursor;
  const g = orgChartGeometry(cursor, block);
  if (cursor.y + g.height > cursor.bottom + 1e-6 && cursor.y > cursor.top) cursor.newPage();
  const top = cursor.y;
  // Taller than a page (titles that wrap to many lines, on six levels): drawn smaller, whole, on one page.
  const scale = Math.min(1, (cursor.bottom - top) / g.height);
  // One Figure for the whole chart, its boxes' words its alternative text; its box the chart's.
  const figure = cursor.tags.create('Figure', { alt: cursor.tags.marking ? orgChartAlt(block) : '', bbox: [cursor.left, top, cursor.left + cursor.width, top + g.height * scale] });
  cursor.tags.into(figure, () => drawOrgChart(cursor, block, g, top, scale, figure));
  cursor.tags.end(figure);
  cursor.y = top + g.height * scale + style.blockSpacing * 2;
}

function drawOrgChart(cursor: PdfCursor, block: OrgChartBlock, g: ReturnType<typeof orgChartGeometry>, top: number, scale: number, figure: Tag | undefined): void {
  const { doc, style } = cursor;
  // Marked before the transformation, so that the chart's marked content holds it whole.
  cursor.tags.mark();
  if (scale < 1) {
    const middle = cursor.left + cursor.width / 2;
    doc.save().translate(middle, top).scale(scale).translate(-middle, -top);
  }
  for (const line of g.caption) {
    drawLine(cursor, line, cursor.left, cursor.y, cursor.width, g.size, { justify: false, color: style.colors.text });
    cursor.y += cursor.lineHeight(g.size);
  }
  const centre = (box: { column: number; span: number }): number => g.origin + chartBoxCentre(box) * g.unit;
  const rowTop = (row: number): number => top + (g.rowTops[row] ?? 0);
  const rowHeight = (row: number): number => g.rowHeights[row] ?? 0;
  for (const { box, lines } of g.boxes) {
    drawChartBox(cursor, figure, box, lines, centre(box) - g.boxWidth / 2, rowTop(box.row), g.boxWidth, rowHeight(box.row), g.size);
  }
  doc.lineWidth(BORDER_WIDTH * 1.5).strokeColor(css(style.colors.border));
  for (const edge of block.edges) {
    const parent = block.boxes[edge.from];
    const children = edge.to.flatMap((index) => block.boxes[index] ?? []);
    const first = children[0];
    if (!parent || !first) continue;
    const px = centre(parent);
    const bottom = rowTop(parent.row) + rowHeight(parent.row);
    const bar = bottom + CHART.levelGap / 2;
    const xs = children.map((child) => centre(child));
    doc.moveTo(px, bottom).lineTo(px, bar).stroke();
    doc.moveTo(Math.min(px, ...xs), bar).lineTo(Math.max(px, ...xs), bar).stroke();
    for (const x of xs) doc.moveTo(x, bar).lineTo(x, rowTop(first.row)).stroke();
  }
  if (scale < 1) doc.restore();
}

function pathGeometry(cursor: PdfCursor, block: PathChartBlock): { size: number; boxWidth: number } {
  const size = chartTextSize(cursor.style.sizes.table);
  const boxWidth = pathChartBoxWidth(cursor.width, block.perLine, CHART.arrowWidth);
  return { size, boxWidth };
}

/** The height of the first line of boxes: what a career-path chart needs to start on a page. */
export function pathLineHeight(cursor: PdfCursor, block: PathChartBlock): number {
  const { size, boxWidth } = pathGeometry(cursor, block);
  const first = block.paths[0]?.slice(0, block.perLine) ?? [];
  return Math.max(0, ...first.map((box) => chartLines(cursor, box, innerWidth(boxWidth, CHART.padding), size).length)) * cursor.lineHeight(size) + 2 * CHART.padding;
}

/** An arrow from (x1, y) to (x2, y), its head at x2. */
function drawArrow(cursor: PdfCursor, x1: number, x2: number, y: number): void {
  const { doc, style } = cursor;
  const head = 4;
  doc.lineWidth(BORDER_WIDTH * 1.5).strokeColor(css(style.colors.border));
  doc.moveTo(x1, y).lineTo(x2 - head, y).stroke();
  doc.moveTo(x2, y).lineTo(x2 - head * 1.6, y - head).lineTo(x2 - head * 1.6, y + head).fill(css(style.colors.border));
}

/** Career paths: each a row of boxes joined by arrows; a long path carries on, arrow first, on the next row. */
export function paintPathChart(cursor: PdfCursor, block: PathChartBlock): void {
  const { doc, left, tags } = cursor;
  const { size, boxWidth } = pathGeometry(cursor, block);
  // One Figure, its paths its alternative text; a chart that runs over a page has content on both.
  const figure = tags.create('Figure', { alt: tags.marking ? pathChartAlt(block) : '' });
  for (const path of block.paths) {
    for (let start = 0; start < path.length; start += block.perLine) {
      const steps = path.slice(start, start + block.perLine);
      const prepared = steps.map((box) => ({ box, lines: chartLines(cursor, box, innerWidth(boxWidth, CHART.padding), size) }));
      const height = Math.max(...prepared.map(({ lines }) => lines.length)) * cursor.lineHeight(size) + 2 * CHART.padding;
      if (cursor.y + height > cursor.bottom + 1e-6 && cursor.y > cursor.top) cursor.newPage();
      // A step whose words are taller than a page is drawn smaller, never off the page.
      const scale = Math.min(1, (cursor.bottom - cursor.y) / height);
      const lineTop = cursor.y;
      tags.into(figure, () => {
        tags.mark();
        if (scale < 1) doc.save().translate(left, lineTop).scale(scale).translate(-left, -lineTop);
        const middle = cursor.y + height / 2;
        if (start > 0) drawArrow(cursor, left, left + CHART.arrowWidth - 2, middle);
        prepared.forEach(({ box, lines }, index) => {
          const x = left + CHART.arrowWidth + index * (boxWidth + CHART.arrowWidth);
          drawChartBox(cursor, figure, box, lines, x, cursor.y, boxWidth, height, size);
          const last = index === prepared.length - 1;
          if (!last || start + block.perLine < path.length) drawArrow(cursor, x + boxWidth + 2, x + boxWidth + CHART.arrowWidth - 2, middle);
        });
        if (scale < 1) doc.restore();
      });
      cursor.y = lineTop + height * scale + PATH_CHART_LINE_GAP;
    }
    // The same gap again between two paths (Word leaves the gap after a table there).
    cursor.y += PATH_CHART_LINE_GAP;
  }
  tags.end(figure);
  cursor.y += cursor.style.blockSpacing;
}

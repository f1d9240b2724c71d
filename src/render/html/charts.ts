/**
 * The handbook's charts: an org chart as inline SVG on compose's grid (boxes, the lines from a box
 * down to its children, links to the roles), career paths as lists of boxes with arrows between.
 * SVG text does not wrap by itself: a title too long for its box is broken into lines here, and
 * each row of boxes is as tall as its longest title needs, so no title runs into the next box.
 */
import { isCjk } from '../../layout/geometry.js';
import type { ChartBox, OrgChartBlock, PathChartBlock } from '../../layout/layout.js';
import { anchorHref, escapeHtml } from './text.js';

/** About the text width of a page in points, so that the chart's units draw at about their size. */
const WIDTH = 480;
/** A box at most this wide however few boxes a row has: a two-box chart is not a page-wide bar. */
const MAX_BOX = 150;
const GAP = 10;
const PADDING = 6;
const LINE = 13;
/** The font size of a box's title in the chart's units; render-html.ts's .box-text draws it so. */
const TEXT_SIZE = 10.5;
/** Space between rows for the lines that join them. */
const ROW_GAP = 24;

/** How wide text is at a font size: a CJK character a square, anything else about half of one. */
const widthOf = (text: string, size: number): number => Array.from(text).reduce((sum, ch) => sum + (isCjk(ch) ? size : size * 0.55), 0);

/** The text as lines that fit `width`, broken between characters (Chinese has no spaces to break at). */
function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line !== '' && widthOf(line + ch, size) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

type PlacedBox = OrgChartBlock['boxes'][number];

export function orgChartHtml(block: OrgChartBlock): string {
  const columns = Math.max(1, block.columns);
  const columnWidth = Math.min(WIDTH / columns, MAX_BOX);
  const width = columnWidth * columns;
  const boxWidth = (box: PlacedBox): number => box.span * columnWidth - GAP;
  const linesOf = block.boxes.map((box) => wrap(box.text, boxWidth(box) - 2 * PADDING, TEXT_SIZE));
  const boxHeight = (index: number): number => (linesOf[index]?.length ?? 1) * LINE + (block.boxes[index]?.detail === undefined ? 0 : LINE) + 2 * PADDING;
  // Each row as tall as its tallest box.
  const rowHeights = Array.from({ length: block.rows }, (_, row) => Math.max(LINE + 2 * PADDING, ...block.boxes.flatMap((box, index) => (box.row === row ? [boxHeight(index)] : []))));
  const rowTop = rowHeights.map((_, row) => rowHeights.slice(0, row).reduce((sum, h) => sum + h + ROW_GAP, 0) + 1);
  const height = rowHeights.reduce((sum, h) => sum + h, 0) + ROW_GAP * Math.max(0, block.rows - 1) + 2;

  const frame = (index: number): { x: number; top: number; bottom: number } => {
    const box = block.boxes[index];
    if (!box) return { x: 0, top: 0, bottom: 0 };
    const top = rowTop[box.row] ?? 0;
    return { x: box.column * columnWidth + (box.span * columnWidth) / 2, top, bottom: top + boxHeight(index) };
  };
  // From a box down to a bar halfway to its children's row, along it, and down to each child.
  const edges = block.edges.map((edge) => {
    const from = frame(edge.from);
    const children = edge.to.map(frame);
    if (children.length === 0) return '';
    const bar = from.bottom + ROW_GAP / 2;
    const xs = [from.x, ...children.map((child) => child.x)];
    const parts = [`M${from.x} ${from.bottom}V${bar}`, `M${Math.min(...xs)} ${bar}H${Math.max(...xs)}`, ...children.map((child) => `M${child.x} ${bar}V${child.top}`)];
    return `<path d="${parts.join('')}" class="edge"/>`;
  });
  const boxes = block.boxes.map((box, index) => {
    const { x: centre, top } = frame(index);
    const x = box.column * columnWidth + GAP / 2;
    const lines = linesOf[index] ?? [];
    const texts = lines.map((line, n) => `<text x="${centre}" y="${top + PADDING + LINE * (n + 1) - 3}" class="box-text">${escapeHtml(line)}</text>`);
    if (box.detail !== undefined) texts.push(`<text x="${centre}" y="${top + PADDING + LINE * (lines.length + 1) - 3}" class="box-detail">${escapeHtml(box.detail)}</text>`);
    const shape = `<rect x="${x}" y="${top}" width="${boxWidth(box)}" height="${boxHeight(index)}" rx="3" class="${box.plain ? 'box plain' : 'box'}"/>${texts.join('')}`;
    return box.link === undefined ? `<g>${shape}</g>` : `<a href="${anchorHref(box.link)}">${shape}</a>`;
  });
  const caption = block.caption === undefined ? '' : `<figcaption class="chart-caption">${escapeHtml(block.caption)}</figcaption>`;
  return `<figure class="org-chart">${caption}<svg viewBox="0 0 ${width} ${height}" width="${width}pt" xmlns="http://www.w3.org/2000/svg">${edges.join('')}${boxes.join('')}</svg></figure>`;
}

function pathBoxHtml(box: ChartBox): string {
  const text = `${escapeHtml(box.text)}${box.detail === undefined ? '' : ` <small>${escapeHtml(box.detail)}</small>`}`;
  if (box.link !== undefined) return `<li><a class="step" href="${anchorHref(box.link)}">${text}</a></li>`;
  return `<li><span class="${box.plain ? 'step plain' : 'step'}">${text}</span></li>`;
}

export function pathChartHtml(block: PathChartBlock): string {
  return `<div class="path-chart">${block.paths.map((path) => `<ol class="path">${path.map(pathBoxHtml).join('')}</ol>`).join('')}</div>`;
}

/**
 * The handbook's charts: an org chart as inline SVG on compose's grid (boxes, the lines from a box
 * down to its children, links to the roles), career paths as lists of boxes with arrows between.
 */
import type { ChartBox, OrgChartBlock, PathChartBlock } from '../../layout/layout.js';
import { anchorHref, escapeHtml } from './text.js';

/** About the text width of a page in points, so that the chart's units draw at about their size. */
const WIDTH = 480;
const ROW = 62;
const BOX = 38;
const GAP = 10;

function boxSvg(box: ChartBox & { readonly column: number; readonly span: number; readonly row: number }, columnWidth: number): string {
  const x = box.column * columnWidth + GAP / 2;
  const y = box.row * ROW + 1;
  const width = box.span * columnWidth - GAP;
  const centre = x + width / 2;
  const lines = box.detail === undefined ? [`<text x="${centre}" y="${y + BOX / 2 + 4}" class="box-text">${escapeHtml(box.text)}</text>`] : [`<text x="${centre}" y="${y + 17}" class="box-text">${escapeHtml(box.text)}</text>`, `<text x="${centre}" y="${y + 31}" class="box-detail">${escapeHtml(box.detail)}</text>`];
  const shape = `<rect x="${x}" y="${y}" width="${width}" height="${BOX}" rx="3" class="${box.plain ? 'box plain' : 'box'}"/>${lines.join('')}`;
  return box.link === undefined ? `<g>${shape}</g>` : `<a href="${anchorHref(box.link)}">${shape}</a>`;
}

export function orgChartHtml(block: OrgChartBlock): string {
  const columnWidth = WIDTH / Math.max(1, block.columns);
  const height = block.rows * ROW - (ROW - BOX) + 2;
  const centreOf = (index: number): { x: number; top: number; bottom: number } => {
    const box = block.boxes[index];
    if (!box) return { x: 0, top: 0, bottom: 0 };
    return { x: box.column * columnWidth + (box.span * columnWidth) / 2, top: box.row * ROW + 1, bottom: box.row * ROW + 1 + BOX };
  };
  // From a box down to a bar halfway to its children's row, along it, and down to each child.
  const edges = block.edges.map((edge) => {
    const from = centreOf(edge.from);
    const children = edge.to.map(centreOf);
    if (children.length === 0) return '';
    const bar = from.bottom + (ROW - BOX) / 2;
    const xs = [from.x, ...children.map((child) => child.x)];
    const parts = [`M${from.x} ${from.bottom}V${bar}`, `M${Math.min(...xs)} ${bar}H${Math.max(...xs)}`, ...children.map((child) => `M${child.x} ${bar}V${child.top}`)];
    return `<path d="${parts.join('')}" class="edge"/>`;
  });
  const caption = block.caption === undefined ? '' : `<p class="chart-caption">${escapeHtml(block.caption)}</p>`;
  const boxes = block.boxes.map((box) => boxSvg(box, columnWidth)).join('');
  return `<figure class="org-chart">${caption}<svg viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">${edges.join('')}${boxes}</svg></figure>`;
}

function pathBoxHtml(box: ChartBox): string {
  const text = `${escapeHtml(box.text)}${box.detail === undefined ? '' : ` <small>${escapeHtml(box.detail)}</small>`}`;
  if (box.link !== undefined) return `<li><a class="step" href="${anchorHref(box.link)}">${text}</a></li>`;
  return `<li><span class="${box.plain ? 'step plain' : 'step'}">${text}</span></li>`;
}

export function pathChartHtml(block: PathChartBlock): string {
  return `<div class="path-chart">${block.paths.map((path) => `<ol class="path">${path.map(pathBoxHtml).join('')}</ol>`).join('')}</div>`;
}

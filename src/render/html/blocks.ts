/** Every block of a Layout as HTML, in order; a page break starts the next block on a new printed page. */
import type { Block } from '../../layout/layout.js';
import { orgChartHtml, pathChartHtml } from './charts.js';
import { contentsHtml, coverHtml } from './handbook.js';
import { listHtml } from './lists.js';
import { fieldGridHtml, tableHtml, type ColumnWidths } from './tables.js';
import { headingHtml, paragraphHtml, titleHtml } from './text.js';

export function blocksHtml(blocks: readonly Block[], widths: ColumnWidths): string {
  const out: string[] = [];
  let breakBefore = false;
  for (const block of blocks) {
    if (block.kind === 'page-break') {
      breakBefore = true;
      continue;
    }
    const html = blockHtml(block, widths);
    out.push(breakBefore ? `<div class="page-break">${html}</div>` : html);
    breakBefore = false;
  }
  return out.join('\n');
}

function blockHtml(block: Exclude<Block, { readonly kind: 'page-break' }>, widths: ColumnWidths): string {
  switch (block.kind) {
    case 'title':
      return titleHtml(block);
    case 'heading':
      return headingHtml(block);
    case 'paragraph':
      return paragraphHtml(block.text);
    case 'list':
      return listHtml(block);
    case 'field-grid':
      return fieldGridHtml(block, widths);
    case 'table':
      return tableHtml(block, widths);
    case 'cover':
      return coverHtml(block);
    case 'contents':
      return contentsHtml(block);
    case 'org-chart':
      return orgChartHtml(block);
    case 'path-chart':
      return pathChartHtml(block);
  }
}

/**
 * The Layout's blocks → painters, and the space each block needs to start at the bottom of a page
 * (what a heading takes with it to the next page).
 */
import type { Block } from '../../layout/layout.js';
import { orgChartGeometry, paintOrgChart, paintPathChart, pathLineHeight } from './charts.js';
import type { PdfCursor } from './cursor.js';
import { paintContents, paintCover } from './handbook.js';
import { keptHeight, tableStart } from './keep.js';
import { listIndentOf, paintList } from './lists.js';
import { paintTable, prepareFieldGrid, prepareTable } from './tables.js';
import { headingHeight, paintHeading, paintParagraph, paintTitle } from './text.js';

/** Paints every block of the Layout, then the furniture of the last page. */
export function paintLayout(cursor: PdfCursor): void {
  paintBlocks(cursor);
  cursor.finishPage();
}

/** Paints the Layout's blocks before `end` (default: all), leaving the last page open. */
export function paintBlocks(cursor: PdfCursor, end = cursor.layout.blocks.length): void {
  cursor.layout.blocks.slice(0, end).forEach((block, index) => paintBlock(cursor, block, index));
}

function paintBlock(cursor: PdfCursor, block: Block, index: number): void {
  switch (block.kind) {
    case 'title':
      return paintTitle(cursor, block);
    case 'heading':
      return paintHeading(cursor, block, startHeight(cursor, index));
    case 'paragraph':
      return paintParagraph(cursor, block);
    case 'list':
      return paintList(cursor, block);
    case 'field-grid':
      return paintTable(cursor, prepareFieldGrid(cursor, block));
    case 'table':
      return paintTable(cursor, prepareTable(cursor, block));
    case 'page-break':
      if (cursor.y > cursor.top) cursor.newPage();
      return;
    case 'cover':
      return paintCover(cursor, block);
    case 'contents':
      return paintContents(cursor, block);
    case 'org-chart':
      return paintOrgChart(cursor, block);
    case 'path-chart':
      return paintPathChart(cursor, block);
  }
}

/** The height block `index` needs on this page to start here: its first piece (see render-pdf.ts). */
function startHeight(cursor: PdfCursor, index: number): number {
  const block = cursor.layout.blocks[index];
  if (!block) return 0;
  const body = cursor.style.sizes.body;
  switch (block.kind) {
    case 'title':
    case 'page-break':
    case 'cover':
    case 'contents':
      return 0;
    case 'org-chart':
      return Math.min(orgChartGeometry(cursor, block).height, cursor.pageHeight);
    case 'path-chart':
      return pathLineHeight(cursor, block);
    case 'heading':
      return headingHeight(cursor, block) + startHeight(cursor, index + 1);
    case 'paragraph':
      return keptHeight(cursor, cursor.wrap(block.text, cursor.width, body), body);
    case 'list': {
      const first = block.items[0];
      return first ? keptHeight(cursor, cursor.wrap(first, cursor.width - listIndentOf(cursor, block.numbering, block.items.length), body), body) : 0;
    }
    case 'field-grid':
      return tableStart(cursor, { header: undefined, rows: prepareFieldGrid(cursor, block).rows.slice(0, 1) });
    case 'table':
      return tableStart(cursor, prepareTable(cursor, { ...block, rows: block.rows.slice(0, 1) }));
  }
}

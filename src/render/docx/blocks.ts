/** The Layout's blocks → body paragraphs and tables, and the page breaks between them. */
import { PageBreak, Paragraph } from 'docx';
import type { Block } from '../../layout/layout.js';
import { orgChart, pathChart } from './charts.js';
import type { BodyChild, DocxContext } from './context.js';
import { contents, cover } from './handbook.js';
import { listParagraphs } from './lists.js';
import { fieldGridBlock, tableBlock } from './tables.js';
import { headingParagraph, paragraph } from './text.js';

/**
 * The body's children one at a time, each made when it is asked for: a part writes each as it
 * comes (parts.ts), so only one child's docx objects exist at a time — a department of 1,000
 * roles has 1,000 career paths, a table each.
 * @param around.afterCover the blocks follow a cover (in another part): the first starts a page.
 * @param around.followed more blocks follow in another part: a cover at the end leaves its page
 *   break to them instead of writing a break paragraph.
 */
export function* renderBlocks(blocks: readonly Block[], ctx: DocxContext, around: { afterCover?: boolean; followed?: boolean } = {}): Generator<BodyChild> {
  let breakBefore = around.afterCover === true;
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'page-break') {
      // A page break is carried by the next paragraph (w:pageBreakBefore) so the new page does not start with an
      // empty line; only when no paragraph follows (a table, another break, the end) is a break paragraph written.
      const next = blocks[i + 1];
      if (next !== undefined && startsWithParagraph(next) && !breakBefore) {
        breakBefore = true;
      } else {
        yield breakParagraph(breakBefore);
        breakBefore = false;
      }
      continue;
    }
    yield* renderBlock(block, ctx, breakBefore);
    // The cover is a page of its own: what follows starts on the next one.
    breakBefore = block.kind === 'cover';
  }
  if (breakBefore && around.followed !== true) yield breakParagraph(false);
}

function startsWithParagraph(block: Block): boolean {
  return (
    block.kind === 'title' ||
    block.kind === 'heading' ||
    block.kind === 'paragraph' ||
    block.kind === 'cover' ||
    block.kind === 'contents' ||
    (block.kind === 'org-chart' && block.caption !== undefined) ||
    (block.kind === 'list' && block.items.length > 0)
  );
}

function breakParagraph(alsoBefore: boolean): Paragraph {
  return new Paragraph({
    ...(alsoBefore ? { pageBreakBefore: true } : {}),
    spacing: { before: 0, after: 0 },
    children: [new PageBreak()],
  });
}

function renderBlock(block: Exclude<Block, { kind: 'page-break' }>, ctx: DocxContext, breakBefore: boolean): Iterable<BodyChild> {
  const pageBreak = breakBefore ? { pageBreakBefore: true } : {};
  switch (block.kind) {
    case 'title':
    case 'heading':
      return [headingParagraph(block, ctx, pageBreak)];
    case 'paragraph':
      return [paragraph(block, ctx, pageBreak)];
    case 'cover':
      return cover(block, ctx, pageBreak);
    case 'contents':
      return contents(block, ctx, pageBreak);
    case 'org-chart':
      return orgChart(block, ctx, pageBreak);
    case 'path-chart':
      return pathChart(block, ctx);
    case 'list':
      return listParagraphs(block, ctx, pageBreak);
    case 'field-grid':
      return fieldGridBlock(block, ctx);
    case 'table':
      return tableBlock(block, ctx);
  }
}

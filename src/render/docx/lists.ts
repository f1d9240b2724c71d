/** Numbered lists, as Word's own numbering: Word, WPS and LibreOffice count the items themselves. */
import { Paragraph } from 'docx';
import type { ListBlock } from '../../layout/layout.js';
import type { DocxContext, PageBreakOption } from './context.js';
import { raggedIfUnbreakable, textRuns } from './text.js';
import { twips } from './units.js';

/** One paragraph per item, numbered by the list's own definition. */
export function listParagraphs(block: ListBlock, ctx: DocxContext, pageBreak: PageBreakOption): Paragraph[] {
  if (block.items.length === 0) return [];
  const reference = ctx.lists.next(block.numbering, block.items.length);
  const last = block.items.length - 1;
  return block.items.map(
    (item, i) =>
      new Paragraph({
        ...(i === 0 ? pageBreak : {}),
        numbering: { reference, level: 0 },
        // Items sit close together; the list as a whole keeps the block spacing after it.
        spacing: { after: i === last ? twips(ctx.style.blockSpacing) : 0 },
        ...raggedIfUnbreakable(item),
        children: textRuns(item, ctx),
      }),
  );
}

/** Numbered lists: each number drawn with the first line of its item, the text hanging after it. */
import { listIndent } from '../../layout/geometry.js';
import type { ListBlock, NumberingStyle } from '../../layout/layout.js';
import { itemLabel } from '../../layout/numbering.js';
import type { PdfCursor } from './cursor.js';
import { drawLabel } from './draw-line.js';
import { flowLines } from './text.js';

/** Numbers hang in the indent: as wide as the .docx makes it, more only when the labels need it. */
export function listIndentOf(cursor: PdfCursor, numbering: NumberingStyle, count: number): number {
  const size = cursor.style.sizes.body;
  let widest = 0;
  for (let index = 0; index < count; index++) widest = Math.max(widest, cursor.measure.width(itemLabel(numbering, index), 'regular', size));
  return Math.max(listIndent(numbering, count, size), widest + size * 0.4);
}

export function paintList(cursor: PdfCursor, block: ListBlock): void {
  const size = cursor.style.sizes.body;
  const indent = listIndentOf(cursor, block.numbering, block.items.length);
  const { tags } = cursor;
  tags.within('L', {}, () =>
    block.items.forEach((item, index) => {
      const label = itemLabel(block.numbering, index);
      // LI → Lbl (the number) + LBody (the text), made in reading order before either is drawn.
      const listItem = tags.create('LI');
      const labelTag = tags.create('Lbl', {}, listItem);
      const body = tags.create('LBody', {}, listItem);
      // The number is drawn with the item's first line, on whichever page that line lands.
      tags.into(body, () =>
        flowLines(cursor, cursor.wrap(item, cursor.width - indent, size), cursor.left + indent, cursor.width - indent, size, () => {
          tags.into(labelTag, () => drawLabel(cursor, label, cursor.left, cursor.y, size));
        }),
      );
      tags.end(labelTag);
      tags.end(body);
      tags.end(listItem);
    }),
  );
  cursor.y += cursor.style.blockSpacing;
}

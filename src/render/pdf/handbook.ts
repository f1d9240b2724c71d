/** The handbook's own blocks: the cover and the contents, with page numbers from the first pass. */
import { contentsEntryLook, contentsIndentStep, coverMetrics, headingSize, headingSpacing } from '../../layout/geometry.js';
import type { ContentsBlock, CoverBlock } from '../../layout/layout.js';
import type { PdfCursor } from './cursor.js';
import { css, drawCentred, drawLabel, drawLine } from './draw-line.js';
import { dataUri } from './page-furniture.js';
import { drawTitleLines } from './text.js';

/** The cover: title a third down the page, the other lines under it; no header, no page number. */
export function paintCover(cursor: PdfCursor, block: CoverBlock): void {
  const { style } = cursor;
  if (cursor.y > cursor.top) cursor.newPage();
  cursor.leaveBare();
  const { titleSize, gapAfterTitle, lineSize } = coverMetrics(style);
  cursor.y = cursor.top + cursor.pageHeight * 0.3;
  const { tags } = cursor;
  if (block.logo && cursor.drawing) {
    // The logo above the title, centred, as on a letterhead: a Figure named after the organisation.
    const { logo } = block;
    const x = cursor.left + (cursor.width - logo.width) / 2;
    const y = cursor.y - logo.height - titleSize;
    const alt = cursor.layout.meta.author === '' ? cursor.layout.meta.title : cursor.layout.meta.author;
    tags.within('Figure', { alt, bbox: [x, y, x + logo.width, y + logo.height] }, () => {
      tags.mark();
      cursor.doc.image(dataUri(logo), x, y, { width: logo.width, height: logo.height });
    });
  }
  tags.within('H1', {}, () => drawCentred(cursor, cursor.wrap([{ text: block.title }], cursor.width, titleSize, true), titleSize, style.colors.heading));
  cursor.y += gapAfterTitle;
  for (const text of block.lines) tags.within('P', {}, () => drawCentred(cursor, cursor.wrap([{ text }], cursor.width, lineSize), lineSize, style.colors.text));
  cursor.newPage();
}

/** Contents: every entry a link; dotted leaders and page numbers are drawn once the pages are known. */
export function paintContents(cursor: PdfCursor, block: ContentsBlock): void {
  const { style, tags } = cursor;
  const titleSize = headingSize(style.sizes, 'title');
  tags.within('H1', {}, () => drawTitleLines(cursor, cursor.wrap([{ text: block.title }], cursor.width, titleSize, true), titleSize));
  // TOC → TOCI → Link: an entry's words and page number are its link's, the link annotation its OBJR.
  const toc = tags.create('TOC');
  cursor.y += headingSpacing('title', style.blockSpacing).after;
  const size = style.sizes.body;
  const numberWidth = cursor.measure.width('0000', 'regular', size);
  for (const entry of block.entries) {
    const indent = entry.depth * contentsIndentStep(size);
    const x = cursor.left + indent;
    const available = cursor.width - indent - numberWidth - size;
    const { bold, spaceBefore } = contentsEntryLook(entry.depth, style.blockSpacing);
    const lines = cursor.wrap([{ text: entry.text }], available, size, bold);
    const height = lines.length * cursor.lineHeight(size);
    cursor.ensureSpace(height + spaceBefore);
    if (cursor.y > cursor.top) cursor.y += spaceBefore;
    const top = cursor.y;
    const item = tags.create('TOCI', {}, toc);
    const link = tags.create('Link', {}, item);
    tags.into(link, () =>
      lines.forEach((line, index) => {
        drawLine(cursor, line, x, cursor.y, available, size, { justify: false, color: style.colors.text });
        if (index === lines.length - 1) drawPageNumberOf(cursor, entry.anchor, x + line.width, cursor.y, size);
        cursor.y += cursor.lineHeight(size);
      }),
    );
    // The whole entry, number included, is the link.
    cursor.doc.goTo(x, top, cursor.left + cursor.width - x, height, entry.anchor, link ? { structParent: link.element } : undefined);
    tags.end(link);
    tags.end(item);
  }
  tags.end(toc);
  cursor.y += style.blockSpacing;
}

/** A contents entry's page number at the right margin, with a dotted leader from the entry's text (`textEnd`). */
function drawPageNumberOf(cursor: PdfCursor, anchor: string, textEnd: number, y: number, size: number): void {
  const target = cursor.pagination?.anchorPages.get(anchor);
  if (target === undefined) return;
  const number = String(target + 1);
  const numberX = cursor.left + cursor.width - cursor.measure.width(number, 'regular', size);
  drawLabel(cursor, number, numberX, y, size);
  const from = textEnd + size * 0.5;
  const to = numberX - size * 0.5;
  if (to > from) {
    const baseline = y + cursor.lineHeight(size) * 0.72;
    cursor.tags.artifact(() => {
      cursor.doc.lineWidth(0.8).strokeColor(css(cursor.style.colors.border)).dash(0.8, { space: 2.4 });
      cursor.doc.moveTo(from, baseline).lineTo(to, baseline).stroke();
      cursor.doc.undash();
    });
  }
}

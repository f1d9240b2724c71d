/** Titles, headings and paragraphs, and the flow of lines down the page that lists share. */
import { headingAlignment, headingKindOf, headingSize, headingSpacing } from '../../layout/geometry.js';
import type { HeadingBlock, ParagraphBlock, TitleBlock } from '../../layout/layout.js';
import { HEADING_SPACE } from '../../layout/metrics.js';
import type { PdfCursor } from './cursor.js';
import { css, drawCentred, drawLine, drawLines } from './draw-line.js';
import { keptHeight } from './keep.js';
import { headingRole } from './tags.js';
import type { Line } from './wrap.js';

/** The rule under a section heading, when the template draws one. */
const HEADING_RULE_WIDTH = 0.75;

/**
 * The PDF's own spacing around a title and a second-level heading, which differs from Word's
 * (headingSpacing): one block spacing after a title where Word leaves two, and a second-level
 * heading spaced as a first-level one where Word leaves less. Kept as it was, so that sharing the
 * geometry changed no document; making the two agree is a visible change of its own.
 */
const TITLE_SPACE_AFTER = (blockSpacing: number): number => blockSpacing;
const pdfHeadingSpacing = (blockSpacing: number): { before: number; after: number } => headingSpacing('heading1', blockSpacing);

export function paintTitle(cursor: PdfCursor, block: TitleBlock): void {
  const size = headingSize(cursor.style.sizes, 'title');
  const lines = cursor.wrap([{ text: block.text }], cursor.width, size, true);
  cursor.ensureSpace(lines.length * cursor.lineHeight(size));
  const depth = block.outline ?? 0;
  cursor.bookmark(block.text, depth);
  cursor.anchor(block.anchor);
  cursor.tags.within(headingRole(depth), {}, () => drawTitleLines(cursor, lines, size));
  cursor.y += TITLE_SPACE_AFTER(cursor.style.blockSpacing);
}

/** A title's lines, centred or at the left as the template aligns titles. */
export function drawTitleLines(cursor: PdfCursor, lines: readonly Line[], size: number): void {
  const { style } = cursor;
  if (headingAlignment('title', style.titleAlign) === 'center') drawCentred(cursor, lines, size, style.colors.heading);
  else drawLines(cursor, lines, cursor.left, cursor.width, size, style.colors.heading, false);
}

/** The height a heading takes, with the space above and below it. */
export function headingHeight(cursor: PdfCursor, block: HeadingBlock): number {
  const size = headingSize(cursor.style.sizes, headingKindOf(block));
  const lines = cursor.wrap([{ text: block.text }], cursor.width, size, true);
  // The space of pdfHeadingSpacing above and below, added up before it is scaled, as it always was.
  return lines.length * cursor.lineHeight(size) + cursor.style.blockSpacing * (HEADING_SPACE.before + HEADING_SPACE.after);
}

/**
 * A heading goes to the next page with whatever it heads, never alone at the bottom: `keepWith` is
 * its own height and the start of the block after it (blocks.ts startHeight).
 */
export function paintHeading(cursor: PdfCursor, block: HeadingBlock, keepWith: number): void {
  const { style } = cursor;
  cursor.ensureSpace(keepWith);
  const space = pdfHeadingSpacing(style.blockSpacing);
  if (cursor.y > cursor.top) cursor.y += space.before;
  // A title is the outline's depth 0 and H1; a section heading one deeper (H2 in a role's document).
  const depth = block.outline ?? block.level;
  cursor.bookmark(block.text, depth);
  cursor.anchor(block.anchor);
  const size = headingSize(style.sizes, headingKindOf(block));
  cursor.tags.within(headingRole(depth), {}, () =>
    drawLines(cursor, cursor.wrap([{ text: block.text }], cursor.width, size, true), cursor.left, cursor.width, size, style.colors.heading, false),
  );
  if (block.level === 1 && style.headingRule && cursor.drawing) {
    // The template's rule under a section heading, in the accent colour, as in the .docx.
    const rule = cursor.y + 1;
    cursor.tags.artifact(() =>
      cursor.doc.lineWidth(HEADING_RULE_WIDTH).strokeColor(css(style.colors.accent)).moveTo(cursor.left, rule).lineTo(cursor.left + cursor.width, rule).stroke(),
    );
  }
  cursor.y += space.after;
}

/**
 * Draws paragraphs line by line. A paragraph that fits on a page is kept on one page (a sentence
 * cut by a page break reads badly and no longer extracts as one string); a longer one flows on.
 * `before` runs when the first line's place is known (a list item draws its number there).
 */
export function flowLines(cursor: PdfCursor, lines: readonly Line[], x: number, width: number, size: number, before?: () => void): void {
  const height = cursor.lineHeight(size);
  let paragraphStart = 0;
  lines.forEach((line, index) => {
    if (index === paragraphStart) cursor.ensureSpace(keptHeight(cursor, lines.slice(index), size));
    cursor.ensureSpace(height);
    if (index === 0) before?.();
    drawLine(cursor, line, x, cursor.y, width, size, { justify: true, color: cursor.style.colors.text });
    cursor.y += height;
    if (line.endsParagraph) paragraphStart = index + 1;
  });
}

export function paintParagraph(cursor: PdfCursor, block: ParagraphBlock): void {
  const size = cursor.style.sizes.body;
  cursor.tags.within('P', {}, () => flowLines(cursor, cursor.wrap(block.text, cursor.width, size), cursor.left, cursor.width, size));
  cursor.y += cursor.style.blockSpacing;
}

/** Runs of text, titles, headings and paragraphs. */
import { AlignmentType, Bookmark, HeadingLevel, InternalHyperlink, Paragraph, TextRun } from 'docx';
import type { IRunStylePropertiesOptions, ParagraphChild } from 'docx';
import { hasUnbreakableRun, headingKindOf, UNBREAKABLE_CHARS } from '../../layout/geometry.js';
import type { HeadingBlock, ParagraphBlock, RichText, TitleBlock } from '../../layout/layout.js';
import { anchorPlaceholder, type DocxContext, type PageBreakOption } from './context.js';
import { outlineStyleId } from './styles.js';

/**
 * One TextRun per line of each Run. A "\n" inside a Run becomes a line break (<w:br/>) before the next piece, so no
 * text is lost and none is trimmed. A Run with a link becomes an internal hyperlink to the anchor's bookmark.
 */
export function textRuns(text: RichText, ctx: DocxContext, extra: IRunStylePropertiesOptions = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of text) {
    const look = { ...extra, ...(run.bold === true ? { bold: true } : {}), ...(run.link === undefined ? {} : { color: ctx.style.colors.link }) };
    const pieces = run.text.split(/\r\n|\r|\n/).map((line, i) => new TextRun({ ...look, text: line, ...(i > 0 ? { break: 1 } : {}) }));
    if (run.link === undefined) out.push(...pieces);
    else out.push(new InternalHyperlink({ anchor: anchorPlaceholder(run.link), children: pieces }));
  }
  return out;
}

/** A paragraph with a word longer than a line in it (a URL) stays ragged: see UNBREAKABLE_CHARS. */
export function raggedIfUnbreakable(text: RichText): { alignment?: (typeof AlignmentType)['LEFT'] } {
  return hasUnbreakableRun(text.map((run) => run.text).join(''), UNBREAKABLE_CHARS) ? { alignment: AlignmentType.LEFT } : {};
}

/** A title or heading: its style, and a bookmark around its text when something links to it. */
export function headingParagraph(block: TitleBlock | HeadingBlock, ctx: DocxContext, pageBreak: PageBreakOption): Paragraph {
  // In a handbook the outline is department → role → section, given by styles with their own outline levels.
  const runs = textRuns([{ text: block.text }], ctx);
  return new Paragraph({
    ...(block.outline === undefined
      ? { heading: block.kind === 'title' ? HeadingLevel.TITLE : block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }
      : { style: outlineStyleId(headingKindOf(block), block.outline) }),
    ...pageBreak,
    children: block.anchor === undefined ? runs : [new Bookmark({ id: anchorPlaceholder(block.anchor), children: runs })],
  });
}

export function paragraph(block: ParagraphBlock, ctx: DocxContext, pageBreak: PageBreakOption): Paragraph {
  return new Paragraph({ ...pageBreak, ...raggedIfUnbreakable(block.text), children: textRuns(block.text, ctx) });
}

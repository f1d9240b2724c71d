/** Runs of text, titles, headings and paragraphs. */
import { AlignmentType, Bookmark, InternalHyperlink, Paragraph, TextRun } from 'docx';
import type { IRunStylePropertiesOptions, ParagraphChild } from 'docx';
import { hasUnbreakableRun, UNBREAKABLE_CHARS } from '../../layout/geometry.js';
import type { HeadingBlock, ParagraphBlock, RichText, TitleBlock } from '../../layout/layout.js';
import { anchorPlaceholder, type DocxContext, type PageBreakOption } from './context.js';
import { fontsOf, headingStyleId } from './styles.js';

/**
 * One TextRun per line of each Run. A "\n" inside a Run becomes a line break (<w:br/>) before the next piece, so no
 * text is lost and none is trimmed. A Run with a link becomes an internal hyperlink to the anchor's bookmark.
 * Bold text is set in the heading font (classic: 黑体 labels in a 宋体 form), as the PDF sets it in its bold face.
 */
export function textRuns(text: RichText, ctx: DocxContext, extra: IRunStylePropertiesOptions = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of text) {
    const bold = run.bold === true || extra.bold === true;
    const look = { ...extra, ...(bold ? { bold: true, font: fontsOf(ctx.style.fonts.heading) } : {}), ...(run.link === undefined ? {} : { color: ctx.style.colors.link }) };
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
  // Title and Heading 1/2 in a role's document; in a handbook Word's built-in heading of the block's outline depth.
  const runs = textRuns([{ text: block.text }], ctx);
  return new Paragraph({
    style: headingStyleId(block, block.outline),
    ...pageBreak,
    children: block.anchor === undefined ? runs : [new Bookmark({ id: anchorPlaceholder(block.anchor), children: runs })],
  });
}

export function paragraph(block: ParagraphBlock, ctx: DocxContext, pageBreak: PageBreakOption): Paragraph {
  return new Paragraph({ ...pageBreak, ...raggedIfUnbreakable(block.text), children: textRuns(block.text, ctx) });
}

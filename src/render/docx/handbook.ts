/** The handbook's own blocks: the cover and the contents. */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { contentsEntryLook, contentsIndentStep, coverMetrics, headingAlignment, headingSize, headingSpacing } from '../../layout/geometry.js';
import type { ContentsBlock, CoverBlock } from '../../layout/layout.js';
import type { DocxContext, PageBreakOption } from './context.js';
import { imageRun, LOGO_IDS } from './page-furniture.js';
import { ALIGNMENTS, headingLook, lineSpacing } from './styles.js';
import { textRuns } from './text.js';
import { halfPoints, twips } from './units.js';

/**
 * Word has no fixed place on the page for a paragraph in the flow: the cover's title is pushed
 * down by space before it (the PDF places it at 30% of the text height), and a logo by space
 * before the logo, in points.
 */
const COVER_TITLE_DROP = 200;
const COVER_LOGO_DROP = 120;

/** The cover: the title a third down the page, the organisation and the date under it. */
export function cover(block: CoverBlock, ctx: DocxContext, pageBreak: PageBreakOption): Paragraph[] {
  const { style } = ctx;
  const { titleSize, gapAfterTitle, lineSize } = coverMetrics(style);
  const logo = block.logo
    ? [new Paragraph({ ...pageBreak, alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: twips(COVER_LOGO_DROP), after: 0 }, children: [imageRun(block.logo, LOGO_IDS.cover)] })]
    : [];
  return [
    ...logo,
    new Paragraph({
      ...(block.logo ? {} : pageBreak),
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: twips(COVER_TITLE_DROP), after: twips(gapAfterTitle), ...lineSpacing(style, titleSize) },
      children: [new TextRun({ ...headingLook('title', style).run, text: block.title, size: halfPoints(titleSize) })],
    }),
    ...block.lines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 0, ...lineSpacing(style, lineSize) },
          children: [new TextRun({ text: line, size: halfPoints(lineSize) })],
        }),
    ),
  ];
}

/**
 * The contents as hyperlinks to the bookmarks of the titles: they work in Word, WPS and LibreOffice
 * without a TOC field to update, at the price of page numbers, which only Word's layout knows.
 */
export function contents(block: ContentsBlock, ctx: DocxContext, pageBreak: PageBreakOption): Paragraph[] {
  const { style } = ctx;
  const indent = twips(contentsIndentStep(style.sizes.body));
  return [
    new Paragraph({
      ...pageBreak,
      alignment: ALIGNMENTS[headingAlignment('title', style.titleAlign)],
      spacing: { before: 0, after: twips(headingSpacing('title', style.blockSpacing).after), ...lineSpacing(style, headingSize(style.sizes, 'title')) },
      children: [new TextRun({ ...headingLook('title', style).run, text: block.title })],
    }),
    ...block.entries.map((entry) => {
      const look = contentsEntryLook(entry.depth, style.blockSpacing);
      return new Paragraph({
        alignment: AlignmentType.LEFT,
        indent: { left: indent * entry.depth },
        spacing: { before: twips(look.spaceBefore), after: 0 },
        children: textRuns([{ text: entry.text, link: entry.anchor, ...(look.bold ? { bold: true } : {}) }], ctx),
      });
    }),
  ];
}

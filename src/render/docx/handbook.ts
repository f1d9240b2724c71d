/** The handbook's own blocks: the cover and the contents. */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { coverMetrics } from '../../layout/geometry.js';
import type { ContentsBlock, CoverBlock } from '../../layout/layout.js';
import { anchorPlaceholder, RawXml, type DocxContext, type PageBreakOption } from './context.js';
import { imageRun, LOGO_IDS } from './page-furniture.js';
import { CONTENTS_TITLE_STYLE, contentsEntryStyle, headingLook, lineSpacing } from './styles.js';
import { halfPoints, twips } from './units.js';
import { escapeXml } from './xml.js';

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
 * The contents: a TOC field (what Word's References › Table of Contents writes, in a content
 * control of the TOC gallery) whose result already holds every entry — a hyperlink to its title's
 * bookmark, a right tab with a dotted leader, and a PAGEREF field whose result is the page roledoc's
 * own pagination found (the PDF's pages, which LibreOffice's pages of this .docx match). Word, WPS
 * and LibreOffice show the numbers as they open the file; Word's "Update field" makes them again
 * from the headings: `\o` collects the built-in headings of the entries' depths (department and
 * role titles: Heading 1 and 2), `\h` keeps the entries links. Without the pages (no fonts to
 * paginate with) the numbers are left empty and the field marked dirty, for Word to fill in.
 */
export function contents(block: ContentsBlock, ctx: DocxContext, pageBreak: PageBreakOption): RawXml[] {
  const levels = Math.min(9, Math.max(0, ...block.entries.map((entry) => entry.depth)) + 1);
  const pages = block.entries.map((entry) => ctx.anchorPages?.get(entry.anchor));
  const known = pages.every((page) => page !== undefined);
  const instruction = ` TOC \\o "1-${levels}" \\h \\z `;
  const begin = `${run(`<w:fldChar w:fldCharType="begin"${known ? '' : ' w:dirty="true"'}/>`)}${run(`<w:instrText xml:space="preserve">${escapeXml(instruction)}</w:instrText>`)}${run('<w:fldChar w:fldCharType="separate"/>')}`;
  const end = run('<w:fldChar w:fldCharType="end"/>');
  const title = `<w:p><w:pPr><w:pStyle w:val="${CONTENTS_TITLE_STYLE}"/>${pageBreak.pageBreakBefore === true ? '<w:pageBreakBefore/>' : ''}</w:pPr>${textRun(block.title)}</w:p>`;
  const tabs = `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${ctx.textWidth}"/></w:tabs>`;
  const entries = block.entries.map((entry, i) => {
    const page = pages[i];
    const target = anchorPlaceholder(entry.anchor);
    const link =
      `<w:hyperlink w:anchor="${escapeXml(target)}" w:history="1">${textRun(entry.text.replace(/\s+/g, ' '))}${run('<w:tab/>')}` +
      run('<w:fldChar w:fldCharType="begin"/>') +
      run(`<w:instrText xml:space="preserve"> PAGEREF ${escapeXml(target)} \\h </w:instrText>`) +
      run('<w:fldChar w:fldCharType="separate"/>') +
      (page === undefined ? '' : pageNumberRun(String(page + 1), ctx.style.fonts.body)) +
      run('<w:fldChar w:fldCharType="end"/>') +
      '</w:hyperlink>';
    return `<w:p><w:pPr><w:pStyle w:val="${contentsEntryStyle(entry.depth)}"/>${tabs}</w:pPr>${i === 0 ? begin : ''}${link}${i === block.entries.length - 1 ? end : ''}</w:p>`;
  });
  const field = block.entries.length === 0 ? [`<w:p>${begin}${end}</w:p>`] : entries;
  return [new RawXml(`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>${title}${field.join('')}</w:sdtContent></w:sdt>`)];
}

const run = (content: string): string => `<w:r>${content}</w:r>`;
const textRun = (text: string): string => run(`<w:t xml:space="preserve">${escapeXml(text)}</w:t>`);
/** A page number in the body font and regular weight, as the PDF draws it, also beside a bold (department) entry. */
function pageNumberRun(text: string, font: { readonly eastAsia: string; readonly latin: string }): string {
  const latin = escapeXml(font.latin);
  const fonts = `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:cs="${latin}" w:eastAsia="${escapeXml(font.eastAsia)}"/>`;
  return `<w:r><w:rPr>${fonts}<w:b w:val="0"/><w:bCs w:val="0"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

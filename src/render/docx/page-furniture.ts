/** What every page carries besides its content: the running header with the logo, and the footer with PAGE and NUMPAGES fields. */
import { AlignmentType, BorderStyle, Footer, Header, ImageRun, LineRuleType, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import type { Layout, LayoutStyle, PageText, PageTextPart, PlacedImage } from '../../layout/layout.js';
import { pageTextColumns, pageTextColumnWidths } from '../../layout/page-text.js';
import { ALIGNMENTS, lineSpacing } from './styles.js';
import { BORDER_SIZE, NO_BORDER, NO_BORDERS } from './tables.js';
import { halfPoints, PIXELS_PER_POINT } from './units.js';

/** Header or footer text as runs: words, PAGE and NUMPAGES fields that Word fills in. */
function pageTextChildren(parts: readonly PageTextPart[]): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  return parts.map((part) => ('field' in part ? (part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES) : part.text));
}

/**
 * A header or footer: centre text alone is one centred paragraph; otherwise a borderless table of
 * the columns pageTextColumns gives (as the PDF has them), so long text wraps in its own column
 * instead of running into the next, and the logo sits at the start of the left one.
 */
function pageTextBlock(text: PageText, style: LayoutStyle, textWidth: number, options: { logo?: PlacedImage; rule?: boolean }): Paragraph | Table {
  const size = halfPoints(style.sizes.footer);
  const spacing = { ...lineSpacing(style, style.sizes.footer), before: 0, after: 0 };
  const rule = { style: BorderStyle.SINGLE, size: BORDER_SIZE, color: style.colors.border, space: 2 };
  const shares = pageTextColumns(text, options.logo !== undefined);
  if (shares[1] === 1) {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      ...(options.rule === true ? { border: { bottom: rule } } : {}),
      spacing,
      children: [new TextRun({ size, children: pageTextChildren(text.center) })],
    });
  }
  const widths = pageTextColumnWidths(text, options.logo !== undefined, textWidth);
  const columns = (['left', 'center', 'right'] as const)
    .map((position, index) => ({ position, width: Math.round(widths[index] ?? 0) }))
    .filter((column) => column.width > 0);
  const cells = columns.map(
    ({ position, width }) =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.BOTTOM,
        children: [
          new Paragraph({
            alignment: ALIGNMENTS[position],
            spacing,
            children: [
              ...(position === 'left' && options.logo ? [imageRun(options.logo, LOGO_IDS.header), new TextRun({ size, text: ' ' })] : []),
              new TextRun({ size, children: pageTextChildren(text[position]) }),
            ],
          }),
        ],
      }),
  );
  const bottom = options.rule === true ? { style: BorderStyle.SINGLE, size: BORDER_SIZE, color: style.colors.border } : NO_BORDER;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: columns.map((column) => column.width),
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
    borders: { ...NO_BORDERS, bottom },
    rows: [new TableRow({ children: cells })],
  });
}

/** Word wants a header or footer to end with a paragraph: after a table, an empty one a point high. */
function endWithParagraph(block: Paragraph | Table): (Paragraph | Table)[] {
  return block instanceof Table ? [block, new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] })] : [block];
}

export function pageFooter(layout: Layout, textWidth: number): Footer {
  return new Footer({ children: endWithParagraph(pageTextBlock(layout.footer, layout.style, textWidth, {})) });
}

/** The running header over a hairline: its text and the logo. */
export function pageHeader(header: NonNullable<Layout['header']>, style: LayoutStyle, textWidth: number): Header {
  return new Header({ children: endWithParagraph(pageTextBlock(header.text, style, textWidth, { ...(header.logo ? { logo: header.logo } : {}), rule: true })) });
}

/** Drawing ids of the two pictures a document may hold; docx would number them per process, not per document. */
export const LOGO_IDS = { header: 1, cover: 2 } as const;

export function imageRun(placed: PlacedImage, id: number): ImageRun {
  const data = Buffer.from(placed.image.data, 'base64');
  const transformation = { width: Math.round(placed.width * PIXELS_PER_POINT), height: Math.round(placed.height * PIXELS_PER_POINT) };
  const altText = { id: String(id), name: `logo-${id}`, description: 'logo', title: 'logo' };
  return placed.image.format === 'png'
    ? new ImageRun({ type: 'png', data, transformation, altText })
    : new ImageRun({ type: 'jpg', data, transformation, altText });
}

/** What every page carries besides its content: the running header with the logo, and the footer (第 N 页 / 共 M 页). */
import type { PageText, PageTextPart, PlacedImage } from '../../layout/layout.js';
import { pageTextColumnWidths } from '../../layout/page-text.js';
import type { PdfCursor } from './cursor.js';
import { css, drawLine } from './draw-line.js';
import { BORDER_WIDTH } from './tables.js';

/** An image as pdfkit embeds it: once per document, however often it is drawn. */
export const dataUri = (placed: PlacedImage): string => `data:image/${placed.image.format};base64,${placed.image.data}`;

/** The running header and the footer of the page being left, in a document of `pages` pages. */
export function paintPageFurniture(cursor: PdfCursor, pages: number): void {
  const { doc, layout } = cursor;
  const size = cursor.style.sizes.footer;
  const { header, footer } = layout;
  // With the bottom margin in place, pdfkit would start a new page for text below it.
  doc.page.margins = { ...doc.page.margins, bottom: 0 };
  if (header !== undefined) {
    // The running header over a hairline in the top margin, the logo at its left end.
    const rule = cursor.top - layout.page.margins.top * 0.3;
    const textTop = rule - cursor.lineHeight(size) - 2;
    let indent = 0;
    if (header.logo) {
      doc.image(dataUri(header.logo), cursor.left, rule - 3 - header.logo.height, { width: header.logo.width, height: header.logo.height });
      indent = header.logo.width + size * 0.6;
    }
    drawPageText(cursor, pages, header.text, textTop, size, indent, true);
    doc.lineWidth(BORDER_WIDTH).strokeColor(css(cursor.style.colors.border)).moveTo(cursor.left, rule).lineTo(cursor.left + cursor.width, rule).stroke();
  }
  const middle = layout.page.height - layout.page.margins.bottom / 2;
  drawPageText(cursor, pages, footer, middle - cursor.lineHeight(size) / 2, size, 0, false);
}

/**
 * Left, centre and right text of a header or footer, with this page's number filled in, each in
 * its column (pageTextColumns, as the .docx has them), wrapping there as Word wraps it: a header's
 * lines stack upwards from `baseline` (its last line's top), a footer's downwards. `indent` is
 * the room the logo takes at the start of the left column.
 */
function drawPageText(cursor: PdfCursor, pages: number, text: PageText, baseline: number, size: number, indent: number, upwards: boolean): void {
  const pageHeight = cursor.layout.page.height;
  const shown = (parts: readonly PageTextPart[]): string =>
    parts.map((part) => ('field' in part ? String(part.field === 'page' ? cursor.page + 1 : pages) : part.text)).join('');
  const columns = pageTextColumnWidths(text, indent > 0, cursor.width);
  let x = cursor.left;
  (['left', 'center', 'right'] as const).forEach((position, index) => {
    const width = columns[index] ?? 0;
    const start = x + (position === 'left' ? indent : 0);
    const room = Math.max(width - (position === 'left' ? indent : 0), size * 4);
    x += width;
    const parts = text[position];
    if (parts.length === 0) return;
    // Text too long for the margin is set smaller, down to 60%, rather than run off the page.
    const fits = (lines: number, step: number): boolean => (upwards ? baseline - (lines - 1) * step >= 2 : baseline + lines * step <= pageHeight - 2);
    let fitted = size;
    let lines = cursor.wrap([{ text: shown(parts) }], room, fitted);
    while (!fits(lines.length, cursor.lineHeight(fitted)) && fitted > size * 0.6) {
      fitted *= 0.9;
      lines = cursor.wrap([{ text: shown(parts) }], room, fitted);
    }
    const step = cursor.lineHeight(fitted);
    const last = upwards ? baseline + cursor.lineHeight(size) - step : baseline;
    lines.forEach((line, lineIndex) => {
      const top = upwards ? last - (lines.length - 1 - lineIndex) * step : last + lineIndex * step;
      const offset = position === 'left' ? 0 : position === 'center' ? (room - line.width) / 2 : room - line.width;
      drawLine(cursor, line, start + offset, top, line.width, fitted, { justify: false, color: cursor.style.colors.text });
    });
  });
}

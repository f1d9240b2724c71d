/**
 * What surrounds the pages: the running header and the footer, as the page margin boxes of print
 * CSS (a browser prints them on every page, page numbers included) and, on screen, the header above
 * the document; images as data: URLs, so a document is one file.
 */
import type { PageText, PageTextPart, PlacedImage } from '../../layout/layout.js';
import { escapeHtml } from './text.js';

export function imageHtml(placed: PlacedImage): string {
  const type = placed.image.format === 'png' ? 'image/png' : 'image/jpeg';
  return `<img src="data:${type};base64,${placed.image.data}" width="${Math.round(placed.width)}" height="${Math.round(placed.height)}" alt="">`;
}

/**
 * Text as a CSS string inside the page's <style>: quotes and backslashes escaped, and every < as
 * the CSS escape \3c, so no text (a title, an organisation's name) can close the style element.
 */
export function cssString(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('<', '\\3c ').replace(/[\n\r]/g, ' ')}"`;
}

/** A CSS string of a header or footer part: words quoted, the page number and count as counters. */
function cssContent(parts: readonly PageTextPart[]): string {
  return parts.map((part) => ('text' in part ? cssString(part.text) : part.field === 'page' ? 'counter(page)' : 'counter(pages)')).join(' ');
}

/** The @page margin boxes that print the header and the footer. */
export function marginBoxesCss(header: PageText | undefined, footer: PageText): string {
  const boxes: string[] = [];
  const place = (text: PageText | undefined, edge: 'top' | 'bottom'): void => {
    if (!text) return;
    for (const [side, parts] of [['left', text.left], ['center', text.center], ['right', text.right]] as const) {
      if (parts.length > 0) boxes.push(`@${edge}-${side}{content:${cssContent(parts)}}`);
    }
  };
  place(header, 'top');
  place(footer, 'bottom');
  return boxes.join('');
}

/** The header's words, for the screen (print has the margin boxes). */
export function screenHeaderHtml(header: PageText | undefined, logo: PlacedImage | undefined): string {
  if (!header) return '';
  const words = (parts: readonly PageTextPart[]): string => parts.map((part) => ('text' in part ? escapeHtml(part.text) : '')).join('');
  const cells = [words(header.left), words(header.center), words(header.right)];
  if (cells.every((cell) => cell === '') && !logo) return '';
  return `<header class="page-header" aria-hidden="true">${logo ? imageHtml(logo) : ''}<span>${cells[0]}</span><span>${cells[1]}</span><span>${cells[2]}</span></header>`;
}

/**
 * Where the PDF's pages break, without a PDF: the renderer's first, drawing-free pass (cursor.ts)
 * over a Layout — the PDF's own first pass, and for a document in another format that shows page
 * numbers, the handbook .docx's contents. The .docx lays out page for page as the PDF does
 * (LibreOffice's rendering of it shows the same pages), so the PDF's pages are the .docx's.
 */
import type { Layout } from '../../layout/layout.js';
import type { FontSet } from '../fonts.js';
import { paintLayout } from './blocks.js';
import { PdfCursor, type Pagination } from './cursor.js';
import { paintPageFurniture } from './page-furniture.js';
import type { Line } from './wrap.js';

/** The first pass draws nothing and writes no date: any will do. */
const NO_DATE = new Date(0);

/**
 * The page count and the 0-based page of every anchor of the Layout, as its PDF has them.
 * @param wrapped the lines wrapped so far, by paragraph: the second pass reuses them.
 */
export function paginate(layout: Layout, fonts: FontSet, wrapped = new Map<string, readonly Line[]>()): Pagination {
  const firstPass = new PdfCursor(layout, fonts, NO_DATE, undefined, wrapped, paintPageFurniture);
  paintLayout(firstPass);
  return firstPass.paginated();
}

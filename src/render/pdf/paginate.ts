/**
 * Where the PDF's pages break, without a PDF: the renderer's first, drawing-free pass (cursor.ts)
 * over a Layout, for a document in another format that shows page numbers — the handbook .docx's
 * contents. The .docx lays out page for page as the PDF does (LibreOffice's rendering of it shows
 * the same pages), so the PDF's pages are the .docx's.
 */
import type { Layout } from '../../layout/layout.js';
import type { FontSet } from '../fonts.js';
import { paintLayout } from './blocks.js';
import { PdfCursor } from './cursor.js';
import { paintPageFurniture } from './page-furniture.js';

/** The first pass draws nothing and writes no date: any will do. */
const NO_DATE = new Date(0);

/** The 0-based page of every anchor of the Layout, as its PDF has it. */
export function anchorPages(layout: Layout, fonts: FontSet): ReadonlyMap<string, number> {
  const firstPass = new PdfCursor(layout, fonts, NO_DATE, undefined, new Map(), paintPageFurniture);
  paintLayout(firstPass);
  return firstPass.paginated().anchorPages;
}

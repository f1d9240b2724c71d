/**
 * Layout → PDF bytes with pdfkit. roledoc does its own line-level layout (wrap.ts) and draws
 * each line itself, because pdfkit's doc.table() silently drops text in rows taller than a page
 * and never repeats a header. Every page break is decided by one rule: a block starts on
 * this page only if its first piece fits — a whole list item, a whole paragraph, a table header
 * with its first row (or the first sentences of a long row) — and a heading goes with that piece.
 *
 * A document with contents takes two passes: a first, drawing-free pass learns the page count and
 * the page of every anchor (cursor.ts, Pagination), so the second writes each page out as soon as
 * it is full. Any other (a role's) is drawn in one pass, its pages kept until the end, when the
 * count is known and their headers and footers are drawn. A PdfCursor holds the page and the
 * height reached on it; painters by block family — text, lists, tables, charts, handbook (cover,
 * contents), page-furniture, the same files as the .docx backend's — move it down, and keep.ts and
 * blocks.ts decide what must stay together.
 *
 * The drawing pass also writes the structure tree (tags.ts: headings, paragraphs, lists, tables,
 * links, figures; decoration as artifacts) and the document's language, title and XMP metadata,
 * PDF/A's too when the config asks for it (archive.ts).
 */
import { roledocVersion } from '../../core/version.js';
import type { Layout } from '../../layout/layout.js';
import type { PdfStandard } from '../../model/config.js';
import type { FontSet } from '../fonts.js';
import { paintLayout } from './blocks.js';
import { PAGES_UNKNOWN, PdfCursor, type Pagination } from './cursor.js';
import { canUseStableCodes } from './font-subset.js';
import { paginateParts, renderPdfFromParts, type PdfPartStore } from './link-parts.js';
import { paginate } from './paginate.js';
import { paintPageFurniture } from './page-furniture.js';
import type { Line } from './wrap.js';

export interface PdfRenderOptions {
  readonly fonts: FontSet;
  /** Written as the document's CreationDate; pdfkit derives the file ID from it, so it fixes the bytes. */
  readonly createdAt: Date;
  /** Write the document as PDF/A (archive.ts); every document is tagged either way (tags.ts). */
  readonly standard?: PdfStandard | undefined;
  /** The parts of documents with parts (the handbook) drawn before, kept between builds; none: every part is drawn. */
  readonly parts?: PdfPartStore | undefined;
}

/**
 * Whether the document is drawn part by part and joined (link-parts.ts): a document with parts (the
 * handbook) whose faces allow it (TrueType, as the bundled ones). Any other, or a CFF face: in one go.
 */
function fromParts(layout: Layout, fonts: FontSet): boolean {
  return layout.partStarts !== undefined && canUseStableCodes(fonts);
}

export async function renderPdf(layout: Layout, options: PdfRenderOptions): Promise<Uint8Array> {
  const { fonts } = options;
  if (fromParts(layout, fonts)) {
    return renderPdfFromParts(layout, { fonts, createdAt: options.createdAt, standard: options.standard, store: options.parts, version: roledocVersion() });
  }
  if (!layout.blocks.some((block) => block.kind === 'contents')) {
    // Nothing before the end needs a page's number (no contents): one pass, each page's header and
    // footer drawn when the document is finished. A role's PDF: its first pass was an eighth of it.
    const cursor = new PdfCursor(layout, fonts, options.createdAt, PAGES_UNKNOWN, new Map(), paintPageFurniture, { standard: options.standard, furnitureAtEnd: true });
    paintLayout(cursor);
    return cursor.finish();
  }
  // Shared by both passes, so no paragraph is wrapped twice.
  const wrapped = new Map<string, readonly Line[]>();
  const cursor = new PdfCursor(layout, fonts, options.createdAt, paginate(layout, fonts, wrapped), wrapped, paintPageFurniture, { standard: options.standard });
  paintLayout(cursor);
  return cursor.finish();
}

/**
 * Where the document's PDF breaks its pages, as renderPdf makes it, without drawing it: a document
 * of parts from its kept parts (paginated one by one where none is kept), any other by its first
 * pass. The handbook .docx numbers its contents with it.
 */
export function pdfPagination(layout: Layout, options: Pick<PdfRenderOptions, 'fonts' | 'standard' | 'parts'>): Pagination {
  const { fonts } = options;
  if (!fromParts(layout, fonts)) return paginate(layout, fonts);
  return paginateParts(layout, { fonts, standard: options.standard, store: options.parts, version: roledocVersion() });
}

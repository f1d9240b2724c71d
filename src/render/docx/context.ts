/** What every block renderer of the .docx is handed: the style, the text width and the numbering of the part's lists. */
import type { Paragraph, Table } from 'docx';
import type { LayoutStyle } from '../../layout/layout.js';
import type { ListNumbering } from './numbering.js';

export interface DocxContext {
  readonly style: LayoutStyle;
  /** Width between the page margins, in twips: the width of every table. */
  readonly textWidth: number;
  readonly lists: ListNumbering;
  /**
   * The 0-based page of each anchor, as roledoc paginates the document (the PDF's pages): the
   * contents' page numbers. None: the contents are written for Word to fill in.
   */
  readonly anchorPages?: ReadonlyMap<string, number> | undefined;
}

/**
 * A bookmark's name as a part's XML holds it until the document is assembled: Word wants a letter
 * first, letters, digits and underscores only, and at most 40 characters, which a role id (hyphens,
 * up to 64) does not promise. assemble.ts names them roledoc_1, roledoc_2, … in order of first use
 * in the whole document, so a part rendered once names its links right in any document it joins.
 */
export const ANCHOR_PLACEHOLDER = 'roledoc-anchor:';
export const anchorPlaceholder = (anchor: string): string => `${ANCHOR_PLACEHOLDER}${anchor}`;

/**
 * WordprocessingML written as it is, for what docx has no component for: the contents, a TOC field
 * whose result holds hyperlinked entries with PAGEREF fields (handbook.ts). Only a part's body
 * holds one (parts.ts writes it as it is); the shell's cover never does.
 */
export class RawXml {
  constructor(readonly xml: string) {}
}

/**
 * A long table made and written a few rows at a time (tables.ts, parts.ts): the first piece a
 * docx Table with the header and the first rows, each further one a Table of the next rows, whose
 * rows are taken out of it. The XML is the whole table's; but only one piece's objects exist at a
 * time — made whole, the handbook's role index of 10,000 rows held docx's objects for every row,
 * and their formatted objects, at once: a gigabyte.
 */
export class TableInPieces {
  constructor(readonly pieces: () => Iterable<Table>) {}
}

export type BodyChild = Paragraph | Table | RawXml | TableInPieces;

/** A page break carried by the first paragraph of a block (see blocks.ts). */
export type PageBreakOption = { pageBreakBefore?: boolean };

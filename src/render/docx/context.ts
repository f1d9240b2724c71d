/** What every block renderer of the .docx is handed: the style, the text width and the document's numbering and bookmarks. */
import type { Paragraph, Table } from 'docx';
import type { LayoutStyle } from '../../layout/layout.js';
import type { ListNumbering } from './numbering.js';

export interface DocxContext {
  readonly style: LayoutStyle;
  /** Width between the page margins, in twips: the width of every table. */
  readonly textWidth: number;
  readonly lists: ListNumbering;
  readonly bookmarks: BookmarkNames;
}

/**
 * Word bookmark names for the Layout's anchors: Word wants a letter first, letters, digits and
 * underscores only, and at most 40 characters, which a role id (hyphens, up to 64) does not
 * promise. Names are numbered in order of first use, so the same Layout gives the same names.
 */
export class BookmarkNames {
  readonly #names = new Map<string, string>();

  of(anchor: string): string {
    let name = this.#names.get(anchor);
    if (name === undefined) {
      name = `roledoc_${this.#names.size + 1}`;
      this.#names.set(anchor, name);
    }
    return name;
  }
}

export type BodyChild = Paragraph | Table;

/** A page break carried by the first paragraph of a block (see blocks.ts). */
export type PageBreakOption = { pageBreakBefore?: boolean };

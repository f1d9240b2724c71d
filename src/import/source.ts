/**
 * A source document as the importer reads it, whatever made it: paragraphs and tables in reading
 * order, each piece with its place in the source so the report can point at it. Word files, text
 * and Markdown all become this shape before any role is recognised.
 */

/** Where a piece of text is in its source: a line of a text file, or a table cell of a Word file. */
export interface SourcePlace {
  /** 1-based line of a text or Markdown file. */
  readonly line?: number;
  /** 1-based paragraph of a Word file's body. */
  readonly paragraph?: number;
  /** 1-based table, row and column (after merged cells are spread out) of a Word or Markdown table. */
  readonly table?: number;
  readonly row?: number;
  readonly column?: number;
}

export interface SourceParagraph {
  readonly kind: 'paragraph';
  readonly text: string;
  /** A heading's level (1 for a title or 标题 1), absent for body text. */
  readonly heading?: number;
  /** A list item whose number or bullet is not part of its text (Word numbering, Markdown lists). */
  readonly listItem?: boolean;
  readonly place: SourcePlace;
}

export interface SourceCell {
  readonly paragraphs: readonly SourceParagraph[];
  /** How many grid columns the cell spans (Word gridSpan, HTML colspan). */
  readonly span: number;
  /** The cell continues the one above it (a vertical merge): its text is the one above's. */
  readonly continued: boolean;
}

export interface SourceTable {
  readonly kind: 'table';
  readonly rows: readonly (readonly SourceCell[])[];
  readonly place: SourcePlace;
}

export type SourceBlock = SourceParagraph | SourceTable;

export interface SourceDocument {
  readonly blocks: readonly SourceBlock[];
  /**
   * The role ids roledoc wrote into a document it made (its custom property), in document order:
   * a role brought back in keeps its id.
   */
  readonly roleIds?: readonly string[];
}

/** A cell's text, a line a paragraph. */
export function cellText(cell: SourceCell): string {
  return cell.paragraphs.map((paragraph) => paragraph.text).join('\n');
}

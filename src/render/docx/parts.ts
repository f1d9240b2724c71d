/**
 * A document's body as parts: each range of blocks between two of the Layout's part starts is
 * turned into docx's components and at once into XML (xml.ts), so the document is never one tree of
 * objects. A part's XML holds its lists and bookmarks by local numbers and its links by anchor;
 * assemble.ts numbers them for the whole document. A part depends on nothing but its blocks, the
 * style and the text width, so the handbook keeps the parts of its unchanged roles from one build
 * to the next (`PartStore`) and only renders the roles that changed.
 */
import { createHash } from 'node:crypto';
import type { Document, IContext } from 'docx';
import type { Block } from '../../layout/layout.js';
import { renderBlocks } from './blocks.js';
import type { PieceStore } from './kept-pieces.js';
import { RawXml, TableInPieces, type BodyChild, type DocxContext } from './context.js';
import { ListNumbering, type ListDefinition } from './numbering.js';
import { xmlOf } from './xml.js';

/** One part of a body, rendered: its XML and what assemble.ts numbers in it. */
export interface DocxPart {
  /** Paragraphs and tables; lists as `{roledoc-list-N-0}` (N from 1), bookmark ids from 0. */
  readonly xml: string;
  /** The part's lists, in the order of their N. */
  readonly lists: readonly ListDefinition[];
}

/** Rendered parts kept between documents or builds, by a key of everything a part is made of. */
export interface PartStore {
  get(key: string): DocxPart | undefined;
  set(key: string, part: DocxPart): void;
  /** Counts a kept part as used without reading it (its placed piece was taken instead: see kept-pieces.ts). */
  keep?(key: string): void;
  /** The placed and deflated pieces of document.xml kept between builds, if they are. */
  readonly pieces?: PieceStore | undefined;
}

/**
 * A part of a document of parts by its key, read from the store or rendered (and stored) only
 * when its text is wanted: a kept piece of document.xml stands in for it otherwise.
 */
export interface StoredPart {
  readonly key: string;
  load(): DocxPart;
  /** Its piece was taken: the part is used, though not read. */
  keep(): void;
}

/**
 * Changes whenever this renderer would write a part differently for the same blocks: a stored part
 * made by another version of roledoc is never used.
 */
const PART_FORMAT = 'docx-part/2';

export interface PartInputs {
  readonly blocks: readonly Block[];
  readonly style: DocxContext['style'];
  readonly textWidth: number;
  readonly afterCover: boolean;
  readonly followed: boolean;
  readonly version: string;
  /** The pages of the document's anchors, for a part with the contents (their page numbers). */
  readonly anchorPages?: ReadonlyMap<string, number> | undefined;
}

/**
 * The pages a part shows: those of its contents' entries, in order (a part without contents shows
 * none, so a role's part is kept however the pages move).
 */
function shownPages(inputs: PartInputs): (number | null)[] {
  return inputs.blocks.flatMap((block) => (block.kind === 'contents' ? block.entries.map((entry) => inputs.anchorPages?.get(entry.anchor) ?? null) : []));
}

export function partKey(inputs: PartInputs): string {
  const { blocks, style, textWidth, afterCover, followed, version } = inputs;
  const pages = shownPages(inputs);
  return createHash('sha256')
    .update(JSON.stringify([PART_FORMAT, version, style, textWidth, afterCover, followed, blocks, ...(pages.length > 0 ? [pages] : [])]))
    .digest('hex');
}

/**
 * Renders blocks as one part. `file` is only the context docx's components are formatted in (the
 * numbering of that file is never used: the part's lists stay placeholders).
 */
export function renderPart(inputs: PartInputs, file: Document): DocxPart {
  const lists = new ListNumbering();
  const ctx: DocxContext = { style: inputs.style, textWidth: inputs.textWidth, lists, anchorPages: inputs.anchorPages };
  const children = renderBlocks(inputs.blocks, ctx, { afterCover: inputs.afterCover, followed: inputs.followed });
  const context: IContext = { file, viewWrapper: file.Document, stack: [] };
  // Bookmarks numbered child by child, in one numbering for the part: no second copy of a long part's XML.
  const bookmarkIds = new Map<string, number>();
  let xml = '';
  for (const child of children) xml += localBookmarkIds(childXml(child, context), bookmarkIds);
  return { xml, lists: lists.definitions() };
}

/** One child of a body as XML. */
function childXml(child: BodyChild, context: IContext): string {
  if (child instanceof RawXml) return child.xml;
  if (child instanceof TableInPieces) return piecewiseXml(child, context);
  const formatted = child.prepForXml(context);
  return formatted ? xmlOf(formatted) : '';
}

/** The first row of a table's XML: `<w:tr>` (not `<w:trPr>`). */
const FIRST_ROW = /<w:tr[\s>]/;
const TABLE_END = '</w:tbl>';

/** A table made a piece at a time, as one table: the first piece's properties, grid and rows, then each further piece's rows. */
function piecewiseXml(table: TableInPieces, context: IContext): string {
  let xml = '';
  for (const piece of table.pieces()) {
    const formatted = piece.prepForXml(context);
    if (!formatted) continue;
    const text = xmlOf(formatted);
    const end = text.lastIndexOf(TABLE_END);
    if (xml === '') {
      xml = text.slice(0, end);
      continue;
    }
    const rows = text.search(FIRST_ROW);
    if (rows < 0 || end < rows) throw new Error('renderDocx: a piece of a table has no rows');
    xml += text.slice(rows, end);
  }
  return xml === '' ? '' : `${xml}${TABLE_END}`;
}

/**
 * docx numbers bookmarks from a counter global to the process; in a part they are numbered from 0
 * in order of appearance, so the part is the same whenever and wherever it is rendered.
 */
export function localBookmarkIds(xml: string, ids = new Map<string, number>()): string {
  return xml.replace(BOOKMARK_ID, (_match, before: string, id: string) => {
    let local = ids.get(id);
    if (local === undefined) {
      local = ids.size;
      ids.set(id, local);
    }
    return `${before}${local}"`;
  });
}

const BOOKMARK_ID = /(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(\d+)"/g;

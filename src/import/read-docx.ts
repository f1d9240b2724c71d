/**
 * A .docx file's body as a SourceDocument: paragraphs (with their heading level and whether Word
 * numbers them) and tables (with merged cells kept as spans and continuations), in reading order.
 * Pure: bytes in. What a damaged or foreign file is, is said with an ImportSourceError.
 */
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { ROLE_IDS_PROPERTY } from '../layout/layout.js';
import type { SourceBlock, SourceCell, SourceDocument, SourceParagraph, SourcePlace, SourceTable } from './source.js';

/** Why a file cannot be read as a Word document. */
export type SourceProblem = 'not-word' | 'encrypted' | 'legacy-word' | 'damaged' | 'empty' | 'not-text';

export class ImportSourceError extends Error {
  constructor(readonly problem: SourceProblem, detail = '') {
    super(detail === '' ? problem : `${problem}: ${detail}`);
  }
}


/** An element of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }`. */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attribute(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'];
  if (attributes === null || typeof attributes !== 'object') return undefined;
  const value = (attributes as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** An OLE file that holds an encrypted Office package (a password-protected .docx) says so in a UTF-16 stream name. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let j = 0; j < name.length; j++) if (bytes[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

/** What kind of file these bytes are, for the reader to pick: a .docx package, an old .doc, or neither. */
export function wordKind(bytes: Uint8Array): 'docx' | 'doc' | 'encrypted' | 'other' {
  if (startsWith(bytes, ZIP_SIGNATURE)) return 'docx';
  if (startsWith(bytes, OLE_SIGNATURE)) return isEncryptedPackage(bytes) ? 'encrypted' : 'doc';
  return 'other';
}

interface Styles {
  /** styleId → heading level (1 for Title and 标题 1). */
  readonly headings: ReadonlyMap<string, number>;
  /** Styles that number their paragraphs (List Number, 列表编号 …). */
  readonly numbered: ReadonlySet<string>;
}

function readStyles(xml: string | undefined): Styles {
  const headings = new Map<string, number>();
  const numbered = new Set<string>();
  if (xml === undefined) return { headings, numbered };
  const root = (parser.parse(xml) as XmlNode[]).find((node) => tagOf(node) === 'w:styles');
  for (const style of root ? childrenOf(root) : []) {
    if (tagOf(style) !== 'w:style') continue;
    const id = attribute(style, 'w:styleId');
    if (id === undefined) continue;
    const name = (attribute(child(style, 'w:name') ?? {}, 'w:val') ?? '').toLowerCase();
    const pPr = child(style, 'w:pPr');
    const outline = pPr ? attribute(child(pPr, 'w:outlineLvl') ?? {}, 'w:val') : undefined;
    const named = /^heading\s*(\d)$/.exec(name);
    const level = name === 'title' ? 1 : named ? Number(named[1]) : outline !== undefined && /^\d$/.test(outline) ? Number(outline) + 1 : undefined;
    if (level !== undefined && level <= 9) headings.set(id, level);
    if (pPr && child(pPr, 'w:numPr')) numbered.add(id);
  }
  return { headings, numbered };
}

/** The text of a paragraph's runs, in order: tabs as spaces, breaks as new lines, deleted text left out. */
function paragraphText(node: XmlNode): string {
  let text = '';
  const walk = (nodes: readonly XmlNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === '#text') continue;
      if (tag === 'w:t') {
        for (const t of childrenOf(n)) if (typeof t['#text'] === 'string') text += t['#text'];
      } else if (tag === 'w:tab' || tag === 'w:ptab') {
        text += ' ';
      } else if (tag === 'w:br' || tag === 'w:cr') {
        text += '\n';
      } else if (tag === 'w:noBreakHyphen') {
        text += '-';
      } else if (tag === 'w:del' || tag === 'w:pPr' || tag === 'w:rPr' || tag === 'mc:Fallback' || tag === 'w:instrText') {
        // deleted text, properties, a drawing's second copy for old readers, field codes: not the document's words
      } else {
        walk(childrenOf(n));
      }
    }
  };
  walk(childrenOf(node));
  return text;
}

class BodyReader {
  private paragraphCount = 0;
  private tableCount = 0;

  constructor(private readonly styles: Styles) {}

  paragraph(node: XmlNode, place: SourcePlace | undefined): SourceParagraph {
    const pPr = child(node, 'w:pPr');
    const styleId = pPr ? attribute(child(pPr, 'w:pStyle') ?? {}, 'w:val') : undefined;
    const numPr = pPr ? child(pPr, 'w:numPr') : undefined;
    const numId = numPr ? attribute(child(numPr, 'w:numId') ?? {}, 'w:val') : undefined;
    const outline = pPr ? attribute(child(pPr, 'w:outlineLvl') ?? {}, 'w:val') : undefined;
    const heading =
      (styleId === undefined ? undefined : this.styles.headings.get(styleId)) ?? (outline !== undefined && /^\d$/.test(outline) ? Number(outline) + 1 : undefined);
    // numId 0 switches a style's numbering off.
    const listItem = numPr ? numId !== '0' : styleId !== undefined && this.styles.numbered.has(styleId);
    if (place === undefined) this.paragraphCount += 1;
    return {
      kind: 'paragraph',
      text: paragraphText(node),
      ...(heading === undefined ? {} : { heading }),
      ...(listItem ? { listItem: true } : {}),
      place: place ?? { paragraph: this.paragraphCount },
    };
  }

  /** A cell's paragraphs; a table nested in it gives its cells' paragraphs in reading order. */
  private cellParagraphs(node: XmlNode, place: SourcePlace): SourceParagraph[] {
    const paragraphs: SourceParagraph[] = [];
    for (const c of childrenOf(node)) {
      const tag = tagOf(c);
      if (tag === 'w:p') paragraphs.push(this.paragraph(c, place));
      else if (tag === 'w:tbl') for (const row of this.rowsOf(c, place)) for (const cell of row) paragraphs.push(...cell.paragraphs);
      else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') paragraphs.push(...this.cellParagraphs(c, place));
    }
    return paragraphs;
  }

  private rowsOf(table: XmlNode, tablePlace: SourcePlace): SourceCell[][] {
    const rows: SourceCell[][] = [];
    const rowNodes = childrenOf(table).flatMap((c) => (tagOf(c) === 'w:tr' ? [c] : tagOf(c) === 'w:sdt' ? childrenOf(child(c, 'w:sdtContent') ?? {}).filter((r) => tagOf(r) === 'w:tr') : []));
    for (const [rowIndex, tr] of rowNodes.entries()) {
      const cells: SourceCell[] = [];
      let column = 1;
      for (const tc of childrenOf(tr)) {
        if (tagOf(tc) !== 'w:tc') continue;
        const tcPr = child(tc, 'w:tcPr');
        const span = Number(attribute(child(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? '1');
        const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
        const continued = vMerge !== undefined && attribute(vMerge, 'w:val') !== 'restart';
        const place = { ...tablePlace, row: rowIndex + 1, column };
        cells.push({ paragraphs: this.cellParagraphs(tc, place), span: Number.isInteger(span) && span > 0 ? span : 1, continued });
        column += Number.isInteger(span) && span > 0 ? span : 1;
      }
      rows.push(cells);
    }
    return rows;
  }

  table(node: XmlNode): SourceTable {
    this.tableCount += 1;
    const place = { table: this.tableCount };
    return { kind: 'table', rows: this.rowsOf(node, place), place };
  }

  blocks(nodes: readonly XmlNode[]): SourceBlock[] {
    const blocks: SourceBlock[] = [];
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') blocks.push(this.paragraph(node, undefined));
      else if (tag === 'w:tbl') blocks.push(this.table(node));
      else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') blocks.push(...this.blocks(childrenOf(node)));
    }
    return blocks;
  }
}

function roleIdsOf(xml: string | undefined): string[] | undefined {
  if (xml === undefined) return undefined;
  const root = (parser.parse(xml) as XmlNode[]).find((node) => tagOf(node) === 'Properties');
  for (const property of root ? childrenOf(root) : []) {
    if (attribute(property, 'name') !== ROLE_IDS_PROPERTY) continue;
    const value = childrenOf(property).flatMap((v) => childrenOf(v)).map((t) => (typeof t['#text'] === 'string' ? t['#text'] : '')).join('');
    const ids = value.split(/\s+/).filter((id) => id !== '');
    return ids.length > 0 ? ids : undefined;
  }
  return undefined;
}

function text(files: Unzipped, name: string): string | undefined {
  const bytes = files[name];
  return bytes === undefined ? undefined : strFromU8(bytes);
}

/**
 * @throws ImportSourceError: not a Word file, a password-protected one, an old .doc (which needs
 *   converting first), or a package without a readable body.
 */
export function readDocx(bytes: Uint8Array): SourceDocument {
  const kind = wordKind(bytes);
  if (kind === 'encrypted') throw new ImportSourceError('encrypted');
  if (kind === 'doc') throw new ImportSourceError('legacy-word');
  if (kind === 'other') throw new ImportSourceError('not-word');
  let files: Unzipped;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' || file.name === 'word/styles.xml' || file.name === 'docProps/custom.xml' });
  } catch (error) {
    throw new ImportSourceError('damaged', error instanceof Error ? error.message : String(error));
  }
  const documentXml = text(files, 'word/document.xml');
  if (documentXml === undefined) throw new ImportSourceError('not-word', 'no word/document.xml');
  let parsed: XmlNode[];
  try {
    parsed = parser.parse(documentXml) as XmlNode[];
  } catch (error) {
    throw new ImportSourceError('damaged', error instanceof Error ? error.message : String(error));
  }
  const documentNode = parsed.find((node) => tagOf(node) === 'w:document');
  const body = documentNode ? child(documentNode, 'w:body') : undefined;
  if (body === undefined) throw new ImportSourceError('damaged', 'no document body');
  const reader = new BodyReader(readStyles(text(files, 'word/styles.xml')));
  const roleIds = roleIdsOf(text(files, 'docProps/custom.xml'));
  return { blocks: reader.blocks(childrenOf(body)), ...(roleIds ? { roleIds } : {}) };
}

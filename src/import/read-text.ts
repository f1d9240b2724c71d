/**
 * Text and Markdown as a SourceDocument: a paragraph a line (text pasted from a web page or typed
 * in Notepad keeps one field or one item to a line), Markdown headings, list items and pipe tables
 * as such. Pure. Bytes are read as UTF-8 or UTF-16 (by their byte-order mark), else as GB18030, the
 * encoding Chinese Windows saved text in for decades.
 */
import { ImportSourceError } from './read-docx.js';
import type { SourceBlock, SourceCell, SourceDocument, SourceParagraph } from './source.js';

export interface DecodedText {
  readonly text: string;
  /** The encoding the bytes were read in when it was not UTF-8. */
  readonly encoding?: 'UTF-16LE' | 'UTF-16BE' | 'GB18030';
}

/** @throws ImportSourceError('not-text') for bytes that are no text in any of these encodings (a binary file). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (body.includes(0)) throw new ImportSourceError('not-text');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'GB18030' };
    } catch {
      throw new ImportSourceError('not-text');
    }
  }
}

/** A plain text file: each non-blank line a paragraph, numbers and all (the recogniser reads them). */
export function readText(text: string): SourceDocument {
  const blocks: SourceBlock[] = [];
  for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
    const trimmed = line.trim();
    if (trimmed !== '') blocks.push({ kind: 'paragraph', text: trimmed, place: { line: index + 1 } });
  }
  return { blocks };
}

/** Markdown's inline marks (emphasis, code, links, escapes) dropped, its words kept. */
function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\\*])\*(?!\s)([^*]+?)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .trim();
}

const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => plainInline(cell));
}

/** A Markdown file: headings, list items (their markers dropped) and pipe tables; other lines as text. */
export function readMarkdown(text: string): SourceDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: SourceBlock[] = [];
  let tables = 0;
  let fence = false;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) {
      fence = !fence;
      continue;
    }
    if (line === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(line) || /^<!--.*-->$/.test(line)) continue;
    const place = { line: index + 1 };
    const next = (lines[index + 1] ?? '').trim();
    if (!fence && line.includes('|') && TABLE_RULE.test(next)) {
      tables += 1;
      const rows: SourceCell[][] = [];
      const rowOf = (cellsText: readonly string[], row: number): SourceCell[] =>
        cellsText.map((cell, column) => ({
          paragraphs: cell.split('\n').map((part): SourceParagraph => ({ kind: 'paragraph', text: part.trim(), place: { table: tables, row, column: column + 1 } })),
          span: 1,
          continued: false,
        }));
      rows.push(rowOf(tableCells(line), 1));
      index += 1;
      while (index + 1 < lines.length && (lines[index + 1] ?? '').includes('|') && (lines[index + 1] ?? '').trim() !== '') {
        index += 1;
        rows.push(rowOf(tableCells(lines[index] ?? ''), rows.length + 1));
      }
      blocks.push({ kind: 'table', rows, place: { table: tables } });
      continue;
    }
    const heading = fence ? null : /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'paragraph', text: plainInline(heading[2] ?? ''), heading: (heading[1] ?? '#').length, place });
      continue;
    }
    const item = fence ? null : /^(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (item) {
      blocks.push({ kind: 'paragraph', text: plainInline(item[1] ?? ''), listItem: true, place });
      continue;
    }
    const quoted = line.replace(/^>\s?/, '');
    blocks.push({ kind: 'paragraph', text: fence ? quoted : plainInline(quoted), place });
  }
  return { blocks: blocks.filter((block) => block.kind === 'table' || block.text !== '') };
}

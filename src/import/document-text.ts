/**
 * A Word document's words in reading order, a paragraph a line and a table row a line (its cells
 * apart by " | "), for `git diff` on committed documents (`roledoc textconv`). Pure.
 */
import { readDocx } from './read-docx.js';
import { cellText, type SourceBlock } from './source.js';

function blockLines(block: SourceBlock): string[] {
  if (block.kind === 'paragraph') return block.text.trim() === '' ? [] : [block.text.replace(/\n/g, ' ').trim()];
  return block.rows
    .map((row) =>
      row
        .filter((cell) => !cell.continued)
        .map((cell) => cellText(cell).replace(/\n/g, ' / ').trim())
        .join(' | '),
    )
    .filter((line) => line.replace(/[|\s]/g, '') !== '');
}

/** @throws ImportSourceError for bytes that are not a readable .docx. */
export function docxText(bytes: Uint8Array): string {
  return `${readDocx(bytes).blocks.flatMap(blockLines).join('\n')}\n`;
}

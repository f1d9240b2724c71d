/**
 * Numbered paragraphs in a table cell (compose writes the duty table's tasks as `（1）task`): both
 * renderers hang their wrapped lines after the label. A cell counts as numbered only when every
 * paragraph begins with a label — a cell of numbered tasks, not a sentence that starts "1." —
 * in any of the list styles (numbering.ts) or the built-in catalogs' task labels.
 */
import type { CellContent, RichText } from './layout.js';

const NUMBER = String.raw`(?:\d{1,3}|[一二三四五六七八九十百]{1,4})`;
/**
 * A label at a paragraph's start: （1）(1)（一）, 1. 1) 1、一、 (not 1.5), a. A) followed by a
 * space (not "e.g."), ① … ㊿, •; with the space or ideographic space after it.
 */
const LEADING_LABEL = new RegExp(
  String.raw`^(?:[（(]${NUMBER}[）)]|${NUMBER}[.)、．](?!\d)|[a-zA-Z][.)](?= )|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|•)[ \u3000]?`,
  'u',
);

/** The label a paragraph begins with, if it begins with one and has text after it. */
export function leadingLabel(paragraph: RichText): string | undefined {
  const first = paragraph[0];
  if (!first || first.link !== undefined) return undefined;
  const label = LEADING_LABEL.exec(first.text)?.[0];
  if (label === undefined) return undefined;
  const rest = paragraph.reduce((length, run) => length + run.text.length, 0) - label.length;
  return rest > 0 ? label : undefined;
}

/** Whether a cell is numbered paragraphs: every one of them begins with a label. */
export const isNumberedCell = (content: CellContent): boolean => content.length > 0 && content.every((paragraph) => leadingLabel(paragraph) !== undefined);

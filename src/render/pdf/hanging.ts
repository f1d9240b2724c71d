/**
 * Numbered paragraphs inside a table cell — the tasks （1）…（n） of the duty table — set as a
 * numbered list is: the label at the cell's edge, the text after it, and every wrapped line
 * aligned with the text, not back under the label. Which cells are numbered, and where a label
 * ends, is layout/cell-labels.ts (the .docx hangs the same labels).
 */
import type { RichText } from '../../layout/layout.js';
import { leadingLabel } from '../../layout/cell-labels.js';
import type { PdfCursor } from './cursor.js';
import type { Fragment, Line } from './wrap.js';

/** A cell's wrapped lines, with how far each is indented from the cell's text edge. */
export interface HungLines {
  readonly lines: readonly Line[];
  readonly indents: readonly number[];
}

/**
 * A numbered paragraph wrapped with its text hanging after its label: the text is wrapped to the
 * width left after the label, its first line drawn with the label in front (as wide as the whole
 * line, so it looks and justifies as it did), the others indented by the label's width.
 */
export function hangParagraph(cursor: PdfCursor, paragraph: RichText, width: number, size: number, bold: boolean): HungLines {
  const label = leadingLabel(paragraph);
  if (label === undefined) {
    const lines = cursor.wrap(paragraph, width, size, bold);
    return { lines, indents: lines.map(() => 0) };
  }
  const [first, ...others] = paragraph;
  const labelBold = bold || first?.bold === true;
  const labelFragments: Fragment[] = [];
  let labelWidth = 0;
  for (const char of label) {
    const face = cursor.measure.faceOf(char, labelBold);
    labelWidth += cursor.measure.width(char, face, size);
    const last = labelFragments[labelFragments.length - 1];
    if (last && last.face === face) labelFragments[labelFragments.length - 1] = { text: last.text + char, face };
    else labelFragments.push({ text: char, face });
  }
  // Text too narrow to hang (a label as wide as the cell): wrapped as it was.
  if (labelWidth >= width / 2 || !first) {
    const lines = cursor.wrap(paragraph, width, size, bold);
    return { lines, indents: lines.map(() => 0) };
  }
  const rest: RichText = [{ ...first, text: first.text.slice(label.length) }, ...others].filter((run) => run.text !== '');
  const wrapped = cursor.wrap(rest, width - labelWidth, size, bold);
  const lines = wrapped.map((line, index): Line => (index === 0 ? { ...line, fragments: [...labelFragments, ...line.fragments], width: labelWidth + line.width } : line));
  return { lines, indents: lines.map((_, index) => (index === 0 ? 0 : labelWidth)) };
}

/**
 * Drawing one wrapped line of text: its fonts, colours, links and justification. roledoc does its
 * own line layout (wrap.ts); this is where a line meets pdfkit.
 */
import { isCjk, justifies } from '../../layout/geometry.js';
import { FONT_NAMES, type PdfCursor } from './cursor.js';
import type { Face } from './measure.js';
import type { Line } from './wrap.js';


/** Justification never spreads a gap wider than this share of the font size; such a line stays ragged. */
const MAX_GAP_EM = 0.6;
/** Layout colours are bare hex; pdfkit reads CSS-style '#RRGGBB'. */
export const css = (hex: string): string => `#${hex}`;

/** A piece of a line set in one go: a run of CJK characters (justified one by one) or a Latin word or phrase. */
interface Token {
  readonly text: string;
  readonly face: Face;
  readonly cjk: boolean;
  readonly link: string | undefined;
}

function tokensOf(line: Line): Token[] {
  const tokens: Token[] = [];
  for (const fragment of line.fragments) {
    for (const char of fragment.text) {
      const cjk = isCjk(char);
      const last = tokens[tokens.length - 1];
      if (last && last.face === fragment.face && last.cjk === cjk && last.link === fragment.link) tokens[tokens.length - 1] = { ...last, text: last.text + char };
      else tokens.push({ text: char, face: fragment.face, cjk, link: fragment.link });
    }
  }
  return tokens;
}

/**
 * Draws one line with its top at `y`. A justified line spreads its slack over the gaps between
 * CJK characters and the spaces between words — never inside a Latin word (no "K P I").
 */
export function drawLine(cursor: PdfCursor, line: Line, x: number, y: number, width: number, size: number, options: { justify: boolean; color: string }): void {
  // The first pass only paginates: where a line goes never depends on drawing it.
  if (!cursor.drawing) return;
  const { doc, measure } = cursor;
  const tokens = tokensOf(line);
  const spaces = (text: string): number => (text.match(/ /g) ?? []).length;
  // Gaps: between neighbouring tokens, inside CJK runs, and at the spaces of Latin runs.
  const gaps = tokens.reduce((n, t, i) => n + (i > 0 ? 1 : 0) + (t.cjk ? Array.from(t.text).length - 1 : spaces(t.text)), 0);
  const slack = width - line.width;
  const justify = options.justify && !line.endsParagraph && line.ragged !== true && justifies(width, size) && gaps > 0 && slack > 0;
  const gap = justify && slack / gaps <= size * MAX_GAP_EM ? slack / gaps : 0;
  // pdfkit places text by the top of the font's box; centre that box in the line height.
  const top = y + (cursor.lineHeight(size) - cursor.fontBoxEm * size) / 2;
  let at = x;
  tokens.forEach((token, index) => {
    if (index > 0) at += gap;
    doc.fillColor(css(token.link === undefined ? options.color : cursor.style.colors.link));
    doc.font(FONT_NAMES[token.face]).fontSize(size);
    const count = Array.from(token.text).length;
    // pdfkit adds characterSpacing after every character (the last one too) and wordSpacing at every space.
    const spacing = token.cjk ? { characterSpacing: gap } : { wordSpacing: gap };
    doc.text(token.text, at, top, { lineBreak: false, ...spacing });
    const advance = measure.width(token.text, token.face, size) + (token.cjk ? gap * (count - 1) : gap * spaces(token.text));
    if (token.link !== undefined) doc.goTo(at, y, advance, cursor.lineHeight(size), token.link);
    at += advance;
  });
}

/** Lines one under the other from the cursor down, at `x`. */
export function drawLines(cursor: PdfCursor, lines: readonly Line[], x: number, width: number, size: number, color: string, justify: boolean): void {
  for (const line of lines) {
    drawLine(cursor, line, x, cursor.y, width, size, { justify, color });
    cursor.y += cursor.lineHeight(size);
  }
}

/** Lines centred between the margins, from the cursor down. */
export function drawCentred(cursor: PdfCursor, lines: readonly Line[], size: number, color: string): void {
  for (const line of lines) {
    drawLine(cursor, line, cursor.left + (cursor.width - line.width) / 2, cursor.y, line.width, size, { justify: false, color });
    cursor.y += cursor.lineHeight(size);
  }
}

/** A label of one line (a list number, a page number) at `x`, as wide as its text. */
export function drawLabel(cursor: PdfCursor, text: string, x: number, y: number, size: number): void {
  const width = cursor.measure.width(text, 'regular', size);
  drawLine(cursor, { fragments: [{ text, face: 'regular' }], width, endsParagraph: true }, x, y, width, size, { justify: false, color: cursor.style.colors.text });
}

/**
 * Line breaking for the PDF renderer: rich text → lines that fit a width.
 * Break opportunities come from UAX #14 (the `linebreak` package pdfkit itself uses), which keeps
 * closing punctuation off the start of a line and opening brackets off its end (禁则); where a word
 * longer than the line has to be cut between characters, the cut obeys the same rule.
 */
import LineBreaker from 'linebreak';
import { hasUnbreakableRun, UNBREAKABLE_CHARS } from '../../layout/geometry.js';
import type { RichText } from '../../layout/layout.js';
import type { Face, Measurer } from './measure.js';

/** Must not start a line. */
export const NO_LINE_START = new Set([...'，。；、：？！）》」』】”’,.;:?!)]}%…〉〕．']);
/** Must not end a line. */
export const NO_LINE_END = new Set([...'（《「『【“‘([{〈〔']);

export interface Fragment {
  readonly text: string;
  readonly face: Face;
  /** The anchor this text links to. */
  readonly link?: string;
}

export interface Line {
  readonly fragments: readonly Fragment[];
  /** Width of the text without trailing spaces. */
  readonly width: number;
  /** The last line of a paragraph (or before a forced break) is never justified. */
  readonly endsParagraph: boolean;
  /** A line of a paragraph with a word longer than a line in it (a URL) is never justified either, as in the .docx. */
  readonly ragged?: true;
}

/** A character with the face it is set in. */
interface Glyph {
  readonly char: string;
  readonly face: Face;
  readonly link: string | undefined;
}

function glyphsOf(text: RichText, measure: Measurer): Glyph[] {
  return text.flatMap((run) => Array.from(run.text, (char) => ({ char, face: measure.faceOf(char, run.bold === true), link: run.link })));
}

function fragmentsOf(glyphs: readonly Glyph[]): Fragment[] {
  const out: { text: string; face: Face; link: string | undefined }[] = [];
  for (const g of glyphs) {
    const last = out[out.length - 1];
    if (last && last.face === g.face && last.link === g.link) last.text += g.char;
    else out.push({ text: g.char, face: g.face, link: g.link });
  }
  return out.map(({ link, ...fragment }) => (link === undefined ? fragment : { ...fragment, link }));
}

function widthOf(glyphs: readonly Glyph[], size: number, measure: Measurer): number {
  return fragmentsOf(glyphs).reduce((sum, f) => sum + measure.width(f.text, f.face, size), 0);
}

function trimEnd(glyphs: readonly Glyph[]): Glyph[] {
  let end = glyphs.length;
  while (end > 0 && /\s/.test(glyphs[end - 1]?.char ?? '')) end--;
  return glyphs.slice(0, end);
}

/** Cuts a run of glyphs at UAX #14 opportunities; positions are in UTF-16 units of the joined text. */
function pieces(glyphs: readonly Glyph[]): Glyph[][] {
  const textOf = glyphs.map((g) => g.char).join('');
  const breaker = new LineBreaker(textOf);
  const out: Glyph[][] = [];
  let unitOffset = 0;
  let glyphIndex = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const piece: Glyph[] = [];
    while (glyphIndex < glyphs.length && unitOffset < bk.position) {
      const g = glyphs[glyphIndex++];
      if (!g) break;
      piece.push(g);
      unitOffset += g.char.length;
    }
    if (piece.length > 0) out.push(piece);
  }
  return out;
}

/** Wraps one paragraph of rich text into lines no wider than `maxWidth`. A "\n" forces a break. */
export function wrapRichText(text: RichText, maxWidth: number, size: number, measure: Measurer): Line[] {
  const all = glyphsOf(text, measure);
  const segments: Glyph[][] = [[]];
  for (const g of all) {
    if (g.char === '\n') segments.push([]);
    else if (g.char !== '\r') segments[segments.length - 1]?.push(g);
  }

  const lines: Line[] = [];
  for (const segment of segments) {
    const raw: Glyph[][] = [];
    let line: Glyph[] = [];
    let lineWidth = 0;
    const queue = pieces(segment);
    while (queue.length > 0) {
      const piece = queue.shift() ?? [];
      const fitWidth = widthOf(trimEnd(piece), size, measure);
      if (line.length === 0 || lineWidth + fitWidth <= maxWidth + 1e-6) {
        if (line.length === 0 && fitWidth > maxWidth) {
          // A word longer than the whole line (a URL): cut it between characters, keeping at least one.
          let take = 1;
          while (take < piece.length && widthOf(piece.slice(0, take + 1), size, measure) <= maxWidth) take++;
          const badCut = (at: number): boolean => NO_LINE_START.has(piece[at]?.char ?? '') || NO_LINE_END.has(piece[at - 1]?.char ?? '');
          const fitted = take;
          while (take > 1 && badCut(take)) take--;
          // A run of closing marks longer than the line has no good cut: let them hang past the edge.
          if (badCut(take)) {
            take = fitted;
            while (take < piece.length && badCut(take)) take++;
          }
          line.push(...piece.slice(0, take));
          if (take < piece.length) queue.unshift(piece.slice(take));
          raw.push(line);
          line = [];
          lineWidth = 0;
          continue;
        }
        line.push(...piece);
        lineWidth += widthOf(piece, size, measure);
      } else {
        // Start a new line and look at the piece again there: it may itself need cutting.
        raw.push(line);
        line = [];
        lineWidth = 0;
        queue.unshift(piece);
      }
    }
    if (line.length > 0 || raw.length === 0) raw.push(line);
    const ragged = hasUnbreakableRun(segment.map((g) => g.char).join(''), UNBREAKABLE_CHARS);
    raw.forEach((glyphs, index) => {
      const visible = trimEnd(glyphs);
      const endsParagraph = index === raw.length - 1;
      lines.push({ fragments: fragmentsOf(visible), width: widthOf(visible, size, measure), endsParagraph, ...(ragged ? { ragged: true } : {}) });
    });
  }
  return lines;
}

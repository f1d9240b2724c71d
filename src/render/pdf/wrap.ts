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

/** A character with the face it is set in, and its advance when it needs no shaping. */
interface Glyph {
  readonly char: string;
  readonly face: Face;
  readonly link: string | undefined;
  /** Advance in font units when shaping cannot change it (Measurer.plainUnits); NaN when it can. */
  readonly units: number;
  /** White space: trimmed from a line's end. */
  readonly space: boolean;
}

function glyphsOf(text: RichText, measure: Measurer): Glyph[] {
  const glyphs: Glyph[] = [];
  for (const run of text) {
    const bold = run.bold === true;
    for (const char of run.text) {
      const face = measure.faceOf(char, bold);
      glyphs.push({ char, face, link: run.link, units: measure.plainUnits(char.codePointAt(0) ?? 0, face) ?? Number.NaN, space: /\s/.test(char) });
    }
  }
  return glyphs;
}

/** The glyphs from `start` to `end` as fragments: runs of one face and one link. */
function fragmentsOf(glyphs: readonly Glyph[], start: number, end: number): Fragment[] {
  const out: Fragment[] = [];
  let index = start;
  while (index < end) {
    const first = glyphs[index];
    if (!first) break;
    let text = '';
    while (index < end && glyphs[index]?.face === first.face && glyphs[index]?.link === first.link) text += glyphs[index++]?.char ?? '';
    out.push(first.link === undefined ? { text, face: first.face } : { text, face: first.face, link: first.link });
  }
  return out;
}

/**
 * The width of the glyphs from `start` to `end`: each fragment measured whole, as Measurer.width
 * measures it. A fragment of plain glyphs is their unit sum over the em, times the size, which is
 * what width() computes for it; only a fragment with a glyph that needs shaping is joined and measured.
 */
function widthOf(glyphs: readonly Glyph[], start: number, end: number, size: number, measure: Measurer): number {
  let sum = 0;
  let index = start;
  while (index < end) {
    const first = glyphs[index];
    if (!first) break;
    const from = index;
    let units = 0;
    while (index < end && glyphs[index]?.face === first.face && glyphs[index]?.link === first.link) units += glyphs[index++]?.units ?? Number.NaN;
    if (Number.isNaN(units)) {
      let text = '';
      for (let at = from; at < index; at++) text += glyphs[at]?.char ?? '';
      sum += measure.width(text, first.face, size);
    } else {
      sum += (units / measure.unitsPerEm(first.face)) * size;
    }
  }
  return sum;
}

/** Where the glyphs from `start` to `end` end without their trailing white space. */
function trimmedEnd(glyphs: readonly Glyph[], start: number, end: number): number {
  while (end > start && glyphs[end - 1]?.space === true) end--;
  return end;
}

/** A stretch of a segment's glyphs: [start, end). */
type Range = [start: number, end: number];

/** Cuts a segment's glyphs at UAX #14 opportunities; positions are in UTF-16 units of the joined text. */
function pieces(glyphs: readonly Glyph[], text: string): Range[] {
  const breaker = new LineBreaker(text);
  const out: Range[] = [];
  let unitOffset = 0;
  let glyphIndex = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const start = glyphIndex;
    while (glyphIndex < glyphs.length && unitOffset < bk.position) unitOffset += glyphs[glyphIndex++]?.char.length ?? 1;
    if (glyphIndex > start) out.push([start, glyphIndex]);
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
    const segmentText = segment.map((g) => g.char).join('');
    const width = (start: number, end: number): number => widthOf(segment, start, end, size, measure);
    const charAt = (index: number): string => segment[index]?.char ?? '';
    const raw: Range[] = [];
    // The line being filled: empty while lineStart === lineEnd.
    let lineStart = 0;
    let lineEnd = 0;
    let lineWidth = 0;
    const queue = pieces(segment, segmentText);
    while (queue.length > 0) {
      const [start, end] = queue.shift() ?? [0, 0];
      const fitWidth = width(start, trimmedEnd(segment, start, end));
      const empty = lineEnd === lineStart;
      if (empty || lineWidth + fitWidth <= maxWidth + 1e-6) {
        if (empty && fitWidth > maxWidth) {
          // A word longer than the whole line (a URL): cut it between characters, keeping at least one.
          const length = end - start;
          let take = 1;
          while (take < length && width(start, start + take + 1) <= maxWidth) take++;
          const badCut = (at: number): boolean => (at < length && NO_LINE_START.has(charAt(start + at))) || NO_LINE_END.has(charAt(start + at - 1));
          const fitted = take;
          while (take > 1 && badCut(take)) take--;
          // A run of closing marks longer than the line has no good cut: let them hang past the edge.
          if (badCut(take)) {
            take = fitted;
            while (take < length && badCut(take)) take++;
          }
          raw.push([start, start + take]);
          if (take < length) queue.unshift([start + take, end]);
          lineStart = lineEnd = end;
          lineWidth = 0;
          continue;
        }
        if (empty) lineStart = start;
        lineEnd = end;
        lineWidth += width(start, end);
      } else {
        // Start a new line and look at the piece again there: it may itself need cutting.
        raw.push([lineStart, lineEnd]);
        lineStart = lineEnd = start;
        lineWidth = 0;
        queue.unshift([start, end]);
      }
    }
    if (lineEnd > lineStart || raw.length === 0) raw.push([lineStart, lineEnd]);
    const ragged = hasUnbreakableRun(segmentText, UNBREAKABLE_CHARS);
    raw.forEach(([start, end], index) => {
      const visibleEnd = trimmedEnd(segment, start, end);
      const endsParagraph = index === raw.length - 1;
      lines.push({ fragments: fragmentsOf(segment, start, visibleEnd), width: width(start, visibleEnd), endsParagraph, ...(ragged ? { ragged: true } : {}) });
    });
  }
  return lines;
}

/**
 * Drawing one wrapped line of text: its fonts, colours, links and justification. roledoc does its
 * own line layout (wrap.ts); this is where a line meets pdfkit.
 *
 * A line is written as one text object (BT … ET) with the glyphs in TJ arrays, the justification
 * in Tc and in TJ's gaps. pdfkit's text() would cost a text object, a font lookup and a fontkit
 * shaping per call, once per CJK run or Latin word (~300 a role); here glyph ids come from the
 * worker's glyph table (glyphs.ts) and are registered in pdfkit's font subset as its own
 * EmbeddedFont.encode registers them, so pdfkit still writes the fonts, their widths and ToUnicode.
 * Every glyph lands where text() put it: the same shaping, the same spacing rules (pdfkit's
 * characterSpacing for CJK runs, its wordSpacing for Latin ones, which drops the spaces and moves
 * each word by a space and the gap), the same baseline.
 */
import type PDFDocument from 'pdfkit';
import type { EmbeddedFont } from 'pdfkit';
import { isCjk, justifies } from '../../layout/geometry.js';
import type { FontGlyph } from '../fonts.js';
import { FONT_NAMES, type PdfCursor } from './cursor.js';
import { glyphCode, useFastSubset } from './font-subset.js';
import { glyphTableOf, type GlyphTable } from './glyphs.js';
import type { Face } from './measure.js';
import type { PdfTags, Tag } from './tags.js';
import type { Line } from './wrap.js';

/** Justification never spreads a gap wider than this share of the font size; such a line stays ragged. */
const MAX_GAP_EM = 0.6;
/** Layout colours are bare hex; pdfkit reads CSS-style '#RRGGBB'. */
export const css = (hex: string): string => `#${hex}`;

/** A piece of a line set in one go: a run of CJK characters (justified one by one) or a Latin word or phrase. */
interface Token {
  text: string;
  readonly face: Face;
  readonly cjk: boolean;
  readonly link: string | undefined;
}

function tokensOf(line: Line): Token[] {
  const tokens: Token[] = [];
  let last: Token | undefined;
  for (const fragment of line.fragments) {
    for (const char of fragment.text) {
      const cjk = isCjk(char);
      if (last && last.face === fragment.face && last.cjk === cjk && last.link === fragment.link) last.text += char;
      else tokens.push((last = { text: char, face: fragment.face, cjk, link: fragment.link }));
    }
  }
  return tokens;
}

const countSpaces = (text: string): number => {
  let count = 0;
  for (let index = text.indexOf(' '); index >= 0; index = text.indexOf(' ', index + 1)) count++;
  return count;
};

/**
 * Draws one line with its top at `y`. A justified line spreads its slack over the gaps between
 * CJK characters and the spaces between words — never inside a Latin word (no "K P I").
 */
export function drawLine(cursor: PdfCursor, line: Line, x: number, y: number, width: number, size: number, options: { justify: boolean; color: string }): void {
  // The first pass only paginates: where a line goes never depends on drawing it.
  if (!cursor.drawing) return;
  const { doc, measure } = cursor;
  const tokens = tokensOf(line);
  if (tokens.length === 0) return;
  // Gaps: between neighbouring tokens, inside CJK runs, and at the spaces of Latin runs.
  const gaps = tokens.reduce((n, t, i) => n + (i > 0 ? 1 : 0) + (t.cjk ? Array.from(t.text).length - 1 : countSpaces(t.text)), 0);
  const slack = width - line.width;
  const justify = options.justify && !line.endsParagraph && line.ragged !== true && justifies(width, size) && gaps > 0 && slack > 0;
  const gap = justify && slack / gaps <= size * MAX_GAP_EM ? slack / gaps : 0;
  // Text is placed by the top of the font's box, centred in the line height.
  const top = y + (cursor.lineHeight(size) - cursor.fontBoxEm * size) / 2;
  // A line with a link is marked piece by piece inside its text object (the link's text is its
  // Link element's); any other line's text belongs to the element being drawn, marked around it.
  const { tags } = cursor;
  const linked = tags.marking && tokens.some((token) => token.link !== undefined);
  if (linked) tags.close();
  else tags.mark();
  const writer = new LineWriter(doc, size, top, linked ? tags : undefined);
  let at = x;
  tokens.forEach((token, index) => {
    if (index > 0) at += gap;
    const count = token.cjk ? Array.from(token.text).length : 0;
    const link = writer.token(token, at, css(token.link === undefined ? options.color : cursor.style.colors.link), gap);
    const advance = measure.width(token.text, token.face, size) + (token.cjk ? gap * (count - 1) : gap * countSpaces(token.text));
    if (token.link !== undefined) doc.goTo(at, y, advance, cursor.lineHeight(size), token.link, link ? { structParent: link.element } : undefined);
    at += advance;
  });
  writer.finish();
}

/** pdfkit's number format in content streams: at most six decimals. */
const pdfNumber = (n: number): number => Math.round(n * 1e6) / 1e6;

/** A glyph as registered in a document's font subset: its code in the content stream and its width there. */
interface SubsetGlyph {
  readonly code: number;
  /** Four hex digits: the glyph's code in the document's font (font-subset.ts), which Identity-H encodes as the character code. */
  readonly hex: string;
  /** In thousandths of an em, as the font's /W gives it. */
  readonly width: number;
}

/**
 * Told what a drawing uses of the fonts: each face as a line sets it (in order), each glyph as it
 * is written, by its code in the content stream. The handbook keeps its pages' furniture between
 * builds (kept-furniture.ts) with what it needs of the fonts.
 */
export interface DrawingObserver {
  face(font: EmbeddedFont): void;
  glyph(font: EmbeddedFont, code: number): void;
}

let observer: DrawingObserver | undefined;

/** Runs `draw` with `watch` told of every face and glyph drawLine uses meanwhile. */
export function observeDrawing<T>(watch: DrawingObserver, draw: () => T): T {
  const outer = observer;
  observer = watch;
  try {
    return draw();
  } finally {
    observer = outer;
  }
}

/**
 * Per document font: fontkit glyph id → its subset entry, so a glyph is registered once per
 * document; and the factor from the face's units to the PDF's thousandths of an em, read once
 * (fontkit's unitsPerEm getter looks the head table up on every call).
 */
const registered = new WeakMap<EmbeddedFont, { readonly glyphs: Map<number, SubsetGlyph>; readonly toThousandths: number }>();

/**
 * The subset entry for a glyph, registering it on first use as pdfkit's EmbeddedFont.encode does:
 * the subset's number for it, its width and the characters it stands for (for ToUnicode).
 */
function subsetGlyph(font: EmbeddedFont, glyph: FontGlyph): SubsetGlyph {
  let fontGlyphs = registered.get(font);
  if (!fontGlyphs) {
    fontGlyphs = { glyphs: new Map(), toThousandths: 1000 / font.font.unitsPerEm };
    registered.set(font, fontGlyphs);
  }
  const { glyphs } = fontGlyphs;
  let entry = glyphs.get(glyph.id);
  if (!entry) {
    const id = glyphCode(font, glyph);
    if (font.widths[id] == null) font.widths[id] = glyph.advanceWidth * fontGlyphs.toThousandths;
    if (font.unicode[id] == null) font.unicode[id] = glyph.codePoints;
    entry = { code: id, hex: `0000${id.toString(16)}`.slice(-4), width: font.widths[id] ?? 0 };
    glyphs.set(glyph.id, entry);
  }
  return entry;
}

/**
 * Writes one line's text object. It keeps where the PDF's text position (`pen`) is after the
 * glyphs so far, and moves it to each glyph's place with a TJ gap where they differ.
 */
class LineWriter {
  readonly #doc: PDFDocument;
  readonly #size: number;
  readonly #top: number;
  /** Operators not yet handed to pdfkit: one addContent per line is much cheaper than one per operator. */
  readonly #out: string[] = [];
  /** The TJ array being written: hex strings and gaps. */
  readonly #array: string[] = [];
  #hex = '';
  #font: EmbeddedFont | undefined;
  #table: GlyphTable | undefined;
  #face: Face | undefined;
  #color: string | undefined;
  #charSpacing = 0;
  #baseline = Number.NaN;
  #pen = 0;
  #open = false;
  /** Marks the line's pieces when it has links (see drawLine); the piece open now and the link it is for. */
  readonly #tags: PdfTags | undefined;
  #piece: Tag | undefined;
  #pieceLink: string | undefined;

  constructor(doc: PDFDocument, size: number, top: number, tags: PdfTags | undefined) {
    this.#doc = doc;
    this.#size = size;
    this.#top = top;
    this.#tags = tags;
  }

  /** Writes a token; returns the Link element its text was marked as, when it is a link's. */
  token(token: Token, at: number, color: string, gap: number): Tag | undefined {
    const doc = this.#doc;
    if (color !== this.#color) {
      // pdfkit writes the colour operators itself; inside the text object they apply to what follows.
      this.#flushContent();
      doc.fillColor(color);
      this.#color = color;
    }
    const firstToken = !this.#open;
    if (!this.#open) {
      this.#out.push('q', `1 0 0 -1 0 ${doc.page.height} cm`, 'BT');
      this.#open = true;
    }
    const tags = this.#tags;
    if (tags && (firstToken || token.link !== this.#pieceLink)) {
      // The operators so far go out first: the marks are written by pdfkit, in order after them.
      this.#flushContent();
      tags.endInline(this.#piece);
      this.#piece = tags.inline(token.link !== undefined);
      this.#pieceLink = token.link;
    }
    const piece = token.link === undefined ? undefined : this.#piece;
    if (token.face !== this.#face) this.#setFace(token.face);
    const font = this.#font;
    const table = this.#table;
    if (!font || !table) return piece;
    const size = this.#size;
    // pdfkit sets the top of the font's box at `top`: the baseline is an ascender lower (y grows upwards here).
    const baseline = doc.page.height - this.#top - (font.ascender / 1000) * size;
    if (baseline !== this.#baseline) this.#moveTo(at, baseline);
    // Rounded as it is written, so the pen follows what a reader will do.
    const charSpacing = token.cjk ? pdfNumber(gap) : 0;
    if (charSpacing !== this.#charSpacing) {
      this.#closeArray();
      this.#out.push(`${charSpacing} Tc`);
      this.#charSpacing = charSpacing;
    }
    if (!token.cjk && gap !== 0) this.#justifiedWords(font, table, token.text, at, gap);
    else this.#runs(font, table, token.text, at);
    return piece;
  }

  finish(): void {
    if (!this.#open) return;
    if (this.#tags) {
      // The last piece's mark closes inside the text object it opened in.
      this.#flushContent();
      this.#tags.endInline(this.#piece);
      this.#piece = undefined;
    }
    this.#closeArray();
    this.#out.push('ET', 'Q');
    this.#flushContent();
  }

  #setFace(face: Face): void {
    const doc = this.#doc;
    this.#closeArray();
    doc.font(FONT_NAMES[face]);
    const font = doc._font ?? undefined;
    if (!font) return;
    useFastSubset(font);
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    observer?.face(font);
    this.#out.push(`/${font.id} ${pdfNumber(this.#size)} Tf`);
    this.#font = font;
    this.#table = glyphTableOf(font.font);
    this.#face = face;
  }

  /** Text set as pdfkit's text() sets it without word spacing: shaped a space-ended run at a time, from `x`. */
  #runs(font: EmbeddedFont, table: GlyphTable, text: string, x: number): void {
    let start = 0;
    // pdfkit shapes up to and including each space or tab, as its layout() does.
    for (let index = 0; index <= text.length; index++) {
      const char = text.charAt(index);
      if (index < text.length && char !== ' ' && char !== '\t') continue;
      const end = Math.min(index + 1, text.length);
      if (end > start) x = this.#place(font, table, start === 0 && end === text.length ? text : text.slice(start, end), x);
      start = end;
    }
  }

  /**
   * pdfkit's wordSpacing: the text's runs of whitespace collapse, its ends are trimmed, and each word
   * is followed by a space's width and the gap instead of its space.
   */
  #justifiedWords(font: EmbeddedFont, table: GlyphTable, text: string, x: number, gap: number): void {
    const spaceWidth = (table.shape(' ').advanceWidth / table.unitsPerEm) * this.#size;
    for (const word of text.replace(/\s{2,}/g, ' ').trim().split(/\s+/)) {
      if (word === '') continue;
      x = this.#place(font, table, word, x) + spaceWidth + gap;
    }
  }

  /** Writes the glyphs of `text`, shaped as fontkit shapes it, from `x`; returns where the next glyph goes. */
  #place(font: EmbeddedFont, table: GlyphTable, text: string, x: number): number {
    const scale = this.#size / table.unitsPerEm;
    const spacing = this.#charSpacing;
    if (table.plainAdvance(text) !== undefined) {
      for (let index = 0; index < text.length; index++) {
        const codePoint = text.codePointAt(index) ?? 0;
        if (codePoint > 0xffff) index++;
        const glyph = table.glyph(codePoint);
        this.#glyph(font, glyph, x);
        x += glyph.advanceWidth * scale + spacing;
      }
      return x;
    }
    const run = table.shape(text);
    run.glyphs.forEach((glyph, index) => {
      const position = run.positions[index];
      const dx = (position?.xOffset ?? 0) * scale;
      const dy = (position?.yOffset ?? 0) * scale;
      if (dx !== 0 || dy !== 0) {
        // A glyph moved off its origin (a mark): placed on its own, as pdfkit does, and the next one placed again.
        const baseline = this.#baseline;
        this.#moveTo(x + dx, baseline + dy);
        this.#glyph(font, glyph, x + dx);
        this.#moveTo(x + (position?.xAdvance ?? glyph.advanceWidth) * scale + spacing, baseline);
      } else {
        this.#glyph(font, glyph, x);
      }
      x += (position?.xAdvance ?? glyph.advanceWidth) * scale + spacing;
    });
    return x;
  }

  /** A new text position: a Tm, as pdfkit starts each text() call. */
  #moveTo(x: number, baseline: number): void {
    this.#closeArray();
    this.#out.push(`1 0 0 1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm`);
    this.#baseline = baseline;
    this.#pen = x;
  }

  /** One glyph with its origin at `x`: a TJ gap first when the pen is elsewhere. */
  #glyph(font: EmbeddedFont, glyph: FontGlyph, x: number): void {
    const size = this.#size;
    const move = pdfNumber(((x - this.#pen) * 1000) / size);
    if (move !== 0) {
      if (this.#hex !== '') this.#array.push(`<${this.#hex}>`);
      this.#hex = '';
      this.#array.push(String(-move));
      this.#pen += (move * size) / 1000;
    }
    const entry = subsetGlyph(font, glyph);
    observer?.glyph(font, entry.code);
    this.#hex += entry.hex;
    this.#pen += (entry.width * size) / 1000 + this.#charSpacing;
  }

  #closeArray(): void {
    if (this.#hex !== '') this.#array.push(`<${this.#hex}>`);
    this.#hex = '';
    if (this.#array.length > 0) this.#out.push(`[${this.#array.join(' ')}] TJ`);
    this.#array.length = 0;
  }

  #flushContent(): void {
    this.#closeArray();
    // As bytes, with the line end pdfkit would add: pdfkit converts a string a character at a time.
    if (this.#out.length > 0) this.#doc.addContent(Buffer.from(`${this.#out.join('\n')}\n`, 'latin1'));
    this.#out.length = 0;
  }
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

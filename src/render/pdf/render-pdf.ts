/**
 * Layout → PDF bytes with pdfkit. roledoc does its own line-level layout (wrap.ts) and draws
 * each line itself, because pdfkit's doc.table() silently drops text in rows taller than a page
 * and never repeats a header. Every page break is decided here, by one rule: a block starts on
 * this page only if its first piece fits — a whole list item, a whole paragraph, a table header
 * with its first row (or the first sentences of a long row) — and a heading goes with that piece.
 */
import PDFDocument, { type OutlineItem } from 'pdfkit';
import type {
  Block,
  CellContent,
  ChartBox,
  ContentsBlock,
  CoverBlock,
  FieldGridBlock,
  Layout,
  NumberingStyle,
  OrgChartBlock,
  PageText,
  PageTextPart,
  PathChartBlock,
  PlacedImage,
  RichText,
  TableBlock,
  TableCell,
} from '../../layout/layout.js';
import {
  chartBoxCentre,
  chartBoxLook,
  chartColumnWidth,
  columnWidths,
  contentsIndentStep,
  coverMetrics,
  fieldGridColumns,
  headingAlignment,
  headingSize,
  headingSpacing,
  innerWidth,
  isCjk,
  justifies,
  lineHeight,
  listIndent,
  orgChartBoxWidth,
  orgChartColumn,
  pathChartBoxWidth,
  textWidth,
} from '../../layout/geometry.js';
import { CELL_PADDING, CHART, chartTextSize, HEADING_SPACE } from '../../layout/metrics.js';
import { itemLabel } from '../../layout/numbering.js';
import { pageTextColumnWidths } from '../../layout/page-text.js';
import type { FontSet } from '../fonts.js';
import { measurerFor, type Face, type Measurer } from './measure.js';
import { wrapRichText, type Line } from './wrap.js';

export interface PdfRenderOptions {
  readonly fonts: FontSet;
  /** Written as the document's CreationDate; pdfkit derives the file ID from it, so it fixes the bytes. */
  readonly createdAt: Date;
}

const FONT_NAMES: Record<Face, string> = { regular: 'roledoc-regular', bold: 'roledoc-bold', fallback: 'roledoc-fallback' };
const BORDER_WIDTH = 0.6;
/** Justification never spreads a gap wider than this share of the font size; such a line stays ragged. */
const MAX_GAP_EM = 0.6;
/** A table row split across pages leaves at least this many lines on each side. */
const MIN_SPLIT_LINES = 2;
/** Layout colours are bare hex; pdfkit reads CSS-style '#RRGGBB'. */
const css = (hex: string): string => `#${hex}`;
const dataUri = (placed: PlacedImage): string => `data:image/${placed.image.format};base64,${placed.image.data}`;
/** The rule under a section heading, when the template draws one. */
const HEADING_RULE_WIDTH = 0.75;
/**
 * The PDF's own spacing around a title and a second-level heading, which differs from Word's
 * (headingSpacing): one block spacing after a title where Word leaves two, and a second-level
 * heading spaced as a first-level one where Word leaves less. Kept as it was, so that sharing the
 * geometry changed no document; making the two agree is a visible change of its own.
 */
const TITLE_SPACE_AFTER = (blockSpacing: number): number => blockSpacing;
const pdfHeadingSpacing = (blockSpacing: number): { before: number; after: number } => headingSpacing('heading1', blockSpacing);

/** A table cell prepared for drawing: where it is, and its wrapped lines. */
interface PreparedCell {
  readonly x: number;
  readonly width: number;
  readonly lines: readonly Line[];
  readonly shaded: boolean;
  readonly middle: boolean;
  readonly center: boolean;
}

type PreparedRow = readonly PreparedCell[];

interface PreparedTable {
  readonly header: PreparedRow | undefined;
  readonly rows: readonly PreparedRow[];
}

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
 * What a first, drawing-free pass over the Layout learns, so the second pass can write each page
 * out as soon as it is full: the page count (for 共 M 页) and the page of every anchor (for the
 * contents). Without it every page would have to stay in memory until the end — 2,000 pages of a
 * 1,000-role handbook took a gigabyte.
 */
interface Pagination {
  readonly pages: number;
  readonly anchorPages: ReadonlyMap<string, number>;
}

/** A stand-in for the PDF document in the first pass: every call does nothing and chains. */
function paperless(): PDFDocument {
  const nothing: ProxyHandler<() => void> = { get: () => stand, apply: () => stand };
  const stand: unknown = new Proxy(() => undefined, nothing);
  return stand as PDFDocument;
}

const rowLines = (row: PreparedRow): number => Math.max(1, ...row.map((cell) => cell.lines.length));

/**
 * How many lines of a row (from `from`, at most `fits`) can go on this page so that every cell
 * breaks between paragraphs or has finished, or 0 when there is no such point. Searching from
 * `fits` down gives the most; `smallest` searches up instead, for the least a page must hold.
 */
function cleanSplit(row: PreparedRow, from: readonly number[], fits: number, smallest = false): number {
  const clean = (count: number): boolean =>
    row.every((cell, index) => {
      const start = from[index] ?? 0;
      return cell.lines.length - start <= count || cell.lines[start + count - 1]?.endsParagraph === true;
    });
  if (smallest) {
    for (let count = MIN_SPLIT_LINES; count <= fits; count++) if (clean(count)) return count;
    return 0;
  }
  for (let count = fits; count >= MIN_SPLIT_LINES; count--) if (clean(count)) return count;
  return 0;
}

class PdfComposer {
  private readonly doc: PDFDocument;
  private readonly measure: Measurer;
  private readonly left: number;
  private readonly width: number;
  private readonly top: number;
  private readonly bottom: number;
  /** Height of the font's ascent-to-descent box per point of size: what pdfkit positions text by. */
  private readonly fontBoxEm: number;
  private y: number;
  /** The open bookmark at each outline depth, top first. */
  private outlineStack: OutlineItem[] = [];
  /** Index of the page being laid out. */
  private page = 0;
  /** Pages without running header and page number: the cover. */
  private readonly bare = new Set<number>();
  private readonly anchorPages = new Map<string, number>();

  /**
   * @param pagination what the first pass found; without it this is the first pass, which draws
   *   nothing. `wrapped` is shared by both passes, so no paragraph is wrapped twice.
   */
  constructor(
    private readonly layout: Layout,
    fonts: FontSet,
    createdAt: Date,
    private readonly pagination: Pagination | undefined,
    private readonly wrapped: Map<string, readonly Line[]>,
  ) {
    const { page, meta } = layout;
    this.doc = pagination === undefined ? paperless() : new PDFDocument({
      size: [page.width, page.height],
      margins: page.margins,
      // Each page is written out when the next one starts: nothing is drawn on a page once it is left.
      bufferPages: false,
      lang: meta.lang,
      displayTitle: true,
      // No Helvetica: a Latin-only font would turn Chinese into garbage without a word.
      font: null,
      info: {
        Title: meta.title,
        Author: meta.author,
        Subject: meta.subject,
        Keywords: meta.keywords.join(', '),
        Creator: 'roledoc',
        Producer: 'roledoc',
        CreationDate: createdAt,
      },
    });
    this.doc.registerFont(FONT_NAMES.regular, fonts.regular).registerFont(FONT_NAMES.bold, fonts.bold);
    if (fonts.fallback) this.doc.registerFont(FONT_NAMES.fallback, fonts.fallback);
    this.measure = measurerFor(fonts);
    this.fontBoxEm = (fonts.regular.ascent - fonts.regular.descent) / fonts.regular.unitsPerEm;
    this.left = page.margins.left;
    this.width = textWidth(page);
    this.top = page.margins.top;
    this.bottom = page.height - page.margins.bottom;
    this.y = this.top;
  }

  private get style() {
    return this.layout.style;
  }

  private get pageHeight(): number {
    return this.bottom - this.top;
  }

  private lineHeight(size: number): number {
    return lineHeight(this.style, size);
  }

  private newPage(): void {
    this.finishPage();
    this.doc.addPage();
    this.page += 1;
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits on this one (or cannot fit on any). */
  private ensureSpace(height: number): void {
    if (this.y + height > this.bottom + 1e-6 && this.y > this.top && height <= this.pageHeight) this.newPage();
  }

  /**
   * Wrapped lines, computed once per text, width and size: deciding where a block starts wraps it
   * (and the block after a heading) before it is drawn, so each paragraph is asked for several times.
   */
  private wrap(text: RichText, width: number, size: number, bold = false): readonly Line[] {
    const key = `${width}|${size}|${bold ? 1 : 0}|${JSON.stringify(text)}`;
    let lines = this.wrapped.get(key);
    if (!lines) {
      lines = wrapRichText(bold ? text.map((run) => ({ ...run, bold: true })) : text, width, size, this.measure);
      this.wrapped.set(key, lines);
    }
    return lines;
  }

  /**
   * Draws one line with its top at `y`. A justified line spreads its slack over the gaps between
   * CJK characters and the spaces between words — never inside a Latin word (no "K P I").
   */
  private drawLine(line: Line, x: number, y: number, width: number, size: number, options: { justify: boolean; color: string }): void {
    // The first pass only paginates: where a line goes never depends on drawing it.
    if (!this.pagination) return;
    const tokens = tokensOf(line);
    const spaces = (text: string): number => (text.match(/ /g) ?? []).length;
    // Gaps: between neighbouring tokens, inside CJK runs, and at the spaces of Latin runs.
    const gaps = tokens.reduce((n, t, i) => n + (i > 0 ? 1 : 0) + (t.cjk ? Array.from(t.text).length - 1 : spaces(t.text)), 0);
    const slack = width - line.width;
    const justify = options.justify && !line.endsParagraph && justifies(width, size) && gaps > 0 && slack > 0;
    const gap = justify && slack / gaps <= size * MAX_GAP_EM ? slack / gaps : 0;
    // pdfkit places text by the top of the font's box; centre that box in the line height.
    const top = y + (this.lineHeight(size) - this.fontBoxEm * size) / 2;
    let cursor = x;
    tokens.forEach((token, index) => {
      if (index > 0) cursor += gap;
      this.doc.fillColor(css(token.link === undefined ? options.color : this.style.colors.link));
      this.doc.font(FONT_NAMES[token.face]).fontSize(size);
      const count = Array.from(token.text).length;
      // pdfkit adds characterSpacing after every character (the last one too) and wordSpacing at every space.
      const spacing = token.cjk ? { characterSpacing: gap } : { wordSpacing: gap };
      this.doc.text(token.text, cursor, top, { lineBreak: false, ...spacing });
      const advance = this.measure.width(token.text, token.face, size) + (token.cjk ? gap * (count - 1) : gap * spaces(token.text));
      if (token.link !== undefined) this.doc.goTo(cursor, y, advance, this.lineHeight(size), token.link);
      cursor += advance;
    });
  }

  private drawLines(lines: readonly Line[], x: number, width: number, size: number, color: string, justify: boolean): void {
    for (const line of lines) {
      this.drawLine(line, x, this.y, width, size, { justify, color });
      this.y += this.lineHeight(size);
    }
  }

  /** A bookmark at `depth` of the outline, under the last one of the depth above. */
  private bookmark(text: string, depth: number): void {
    const options = { fit: false, top: this.y, left: this.layout.page.width, expanded: depth < 1 };
    const level = Math.min(depth, this.outlineStack.length);
    const parent = level === 0 ? this.doc.outline : (this.outlineStack[level - 1] ?? this.doc.outline);
    const item = parent.addItem(text, options);
    this.outlineStack.length = level;
    this.outlineStack.push(item);
  }

  /** A named destination here, for links and contents entries to lead to. */
  private anchor(name: string | undefined): void {
    if (name === undefined) return;
    this.doc.addNamedDestination(name, 'XYZ', this.left, this.y, null);
    this.anchorPages.set(name, this.page);
  }

  render(): void {
    this.layout.blocks.forEach((block, index) => this.block(block, index));
    this.finishPage();
  }

  /** What this pass found: the first pass hands it to the second. */
  paginated(): Pagination {
    return { pages: this.page + 1, anchorPages: this.anchorPages };
  }

  private block(block: Block, index: number): void {
    switch (block.kind) {
      case 'title':
        return this.title(block.text, block.outline ?? 0, block.anchor);
      case 'heading':
        return this.heading(block.text, block.level, index, block.outline ?? block.level, block.anchor);
      case 'paragraph':
        return this.paragraph(block.text);
      case 'list':
        return this.list(block.items, block.numbering);
      case 'field-grid':
        return this.drawTable(this.prepareFieldGrid(block));
      case 'table':
        return this.drawTable(this.prepareTable(block));
      case 'page-break':
        if (this.y > this.top) this.newPage();
        return;
      case 'cover':
        return this.cover(block);
      case 'contents':
        return this.contents(block);
      case 'org-chart':
        return this.orgChart(block);
      case 'path-chart':
        return this.pathChart(block);
    }
  }

  // ---- the space a block needs before it may start at the bottom of a page ------------------

  /** Height of a paragraph's lines if they fit on one page (they are kept together), else two lines. */
  private keptHeight(lines: readonly Line[], size: number): number {
    const end = lines.findIndex((line) => line.endsParagraph);
    const height = ((end < 0 ? lines.length - 1 : end) + 1) * this.lineHeight(size);
    return height <= this.pageHeight ? height : Math.min(lines.length, MIN_SPLIT_LINES) * this.lineHeight(size);
  }

  private rowHeight(lines: number): number {
    return lines * this.lineHeight(this.style.sizes.table) + 2 * CELL_PADDING.y;
  }

  /** The least of a row that may stand at a page bottom: all of a short row, else its first clean split. */
  private firstRowPiece(row: PreparedRow): number {
    const total = rowLines(row);
    if (total <= 3) return this.rowHeight(total);
    // The same rule as drawTable: a split leaves at least MIN_SPLIT_LINES lines for the next page.
    const lines = cleanSplit(row, row.map(() => 0), total - MIN_SPLIT_LINES, true);
    return this.rowHeight(lines === 0 ? total : lines);
  }

  private tableStart(table: PreparedTable): number {
    const header = table.header ? this.rowHeight(rowLines(table.header)) : 0;
    const first = table.rows[0];
    return header + (first ? this.firstRowPiece(first) : 0);
  }

  private startHeight(index: number): number {
    const block = this.layout.blocks[index];
    if (!block) return 0;
    const body = this.style.sizes.body;
    switch (block.kind) {
      case 'title':
      case 'page-break':
      case 'cover':
      case 'contents':
        return 0;
      case 'org-chart':
        return Math.min(this.orgChartGeometry(block).height, this.pageHeight);
      case 'path-chart':
        return this.pathLineHeight(block);
      case 'heading':
        return this.headingHeight(block.text, block.level) + this.startHeight(index + 1);
      case 'paragraph':
        return this.keptHeight(this.wrap(block.text, this.width, body), body);
      case 'list': {
        const first = block.items[0];
        return first ? this.keptHeight(this.wrap(first, this.width - this.listIndent(block.numbering, block.items.length), body), body) : 0;
      }
      case 'field-grid':
        return this.tableStart({ header: undefined, rows: this.prepareFieldGrid(block).rows.slice(0, 1) });
      case 'table':
        return this.tableStart(this.prepareTable({ ...block, rows: block.rows.slice(0, 1) }));
    }
  }

  // ---- blocks ----------------------------------------------------------------------------------

  private title(text: string, outline: number, anchor: string | undefined): void {
    const size = headingSize(this.style.sizes, 'title');
    const lines = this.wrap([{ text }], this.width, size, true);
    this.ensureSpace(lines.length * this.lineHeight(size));
    this.bookmark(text, outline);
    this.anchor(anchor);
    this.drawTitleLines(lines, size);
    this.y += TITLE_SPACE_AFTER(this.style.blockSpacing);
  }

  /** A title's lines, centred or at the left as the template aligns titles. */
  private drawTitleLines(lines: readonly Line[], size: number): void {
    if (headingAlignment('title', this.style.titleAlign) === 'center') this.drawCentred(lines, size, this.style.colors.heading);
    else this.drawLines(lines, this.left, this.width, size, this.style.colors.heading, false);
  }

  /** Lines centred between the margins, from the current position down. */
  private drawCentred(lines: readonly Line[], size: number, color: string): void {
    for (const line of lines) {
      this.drawLine(line, this.left + (this.width - line.width) / 2, this.y, line.width, size, { justify: false, color });
      this.y += this.lineHeight(size);
    }
  }

  private headingSize(level: 1 | 2): number {
    return headingSize(this.style.sizes, level === 1 ? 'heading1' : 'heading2');
  }

  private headingHeight(text: string, level: 1 | 2): number {
    const size = this.headingSize(level);
    const lines = this.wrap([{ text }], this.width, size, true);
    // The space of pdfHeadingSpacing above and below, added up before it is scaled, as it always was.
    return lines.length * this.lineHeight(size) + this.style.blockSpacing * (HEADING_SPACE.before + HEADING_SPACE.after);
  }

  private heading(text: string, level: 1 | 2, index: number, outline: number, anchor: string | undefined): void {
    // A heading goes to the next page with whatever it heads, never alone at the bottom.
    this.ensureSpace(this.startHeight(index));
    const space = pdfHeadingSpacing(this.style.blockSpacing);
    if (this.y > this.top) this.y += space.before;
    this.bookmark(text, outline);
    this.anchor(anchor);
    const size = this.headingSize(level);
    this.drawLines(this.wrap([{ text }], this.width, size, true), this.left, this.width, size, this.style.colors.heading, false);
    if (level === 1 && this.style.headingRule && this.pagination) {
      // The template's rule under a section heading, in the accent colour, as in the .docx.
      const rule = this.y + 1;
      this.doc.lineWidth(HEADING_RULE_WIDTH).strokeColor(css(this.style.colors.accent)).moveTo(this.left, rule).lineTo(this.left + this.width, rule).stroke();
    }
    this.y += space.after;
  }

  /**
   * Draws paragraphs line by line. A paragraph that fits on a page is kept on one page (a sentence
   * cut by a page break reads badly and no longer extracts as one string); a longer one flows on.
   */
  private flowLines(lines: readonly Line[], x: number, width: number, size: number, before?: () => void): void {
    const height = this.lineHeight(size);
    let paragraphStart = 0;
    lines.forEach((line, index) => {
      if (index === paragraphStart) this.ensureSpace(this.keptHeight(lines.slice(index), size));
      this.ensureSpace(height);
      if (index === 0) before?.();
      this.drawLine(line, x, this.y, width, size, { justify: true, color: this.style.colors.text });
      this.y += height;
      if (line.endsParagraph) paragraphStart = index + 1;
    });
  }

  private paragraph(text: RichText): void {
    const size = this.style.sizes.body;
    this.flowLines(this.wrap(text, this.width, size), this.left, this.width, size);
    this.y += this.style.blockSpacing;
  }

  /** Numbers hang in the indent: as wide as the .docx makes it, more only when the labels need it. */
  private listIndent(style: NumberingStyle, count: number): number {
    const size = this.style.sizes.body;
    let widest = 0;
    for (let index = 0; index < count; index++) widest = Math.max(widest, this.measure.width(itemLabel(style, index), 'regular', size));
    return Math.max(listIndent(style, count, size), widest + size * 0.4);
  }

  private list(items: readonly RichText[], style: NumberingStyle): void {
    const size = this.style.sizes.body;
    const indent = this.listIndent(style, items.length);
    items.forEach((item, index) => {
      const label = itemLabel(style, index);
      // The number is drawn with the item's first line, on whichever page that line lands.
      this.flowLines(this.wrap(item, this.width - indent, size), this.left + indent, this.width - indent, size, () => {
        const width = this.measure.width(label, 'regular', size);
        this.drawLine({ fragments: [{ text: label, face: 'regular' }], width, endsParagraph: true }, this.left, this.y, width, size, {
          justify: false,
          color: this.style.colors.text,
        });
      });
    });
    this.y += this.style.blockSpacing;
  }

  // ---- tables ----------------------------------------------------------------------------------

  private prepareCell(cell: TableCell, x: number, width: number, placement: { middle?: boolean; center?: boolean } = {}): PreparedCell {
    const inner = innerWidth(width);
    const size = this.style.sizes.table;
    const lines = cell.content.flatMap((paragraph) => this.wrap(paragraph, inner, size, cell.bold === true));
    return { x, width, lines, shaded: cell.shaded === true, middle: placement.middle === true, center: placement.center === true };
  }

  private prepareTable(block: TableBlock): PreparedTable {
    const widths = columnWidths(this.width, block.columns.map((column) => column.width));
    const xs: number[] = [];
    let x = this.left;
    for (const width of widths) {
      xs.push(x);
      x += width;
    }
    const prepare = (cells: readonly TableCell[], center: boolean): PreparedRow =>
      cells.map((cell, index) => this.prepareCell(cell, xs[index] ?? this.left, widths[index] ?? 0, { center }));
    return { header: block.header ? prepare(block.header, true) : undefined, rows: block.rows.map((row) => prepare(row, false)) };
  }

  private prepareFieldGrid(block: FieldGridBlock): PreparedTable {
    const { label: labelWidth, value: valueWidth, secondValue, wideValue } = fieldGridColumns(this.width, block.labelWidth);
    const label = (text: string, x: number): PreparedCell =>
      this.prepareCell({ content: [[{ text }]], bold: true, shaded: true }, x, labelWidth, { middle: true, center: true });
    const value = (content: CellContent, x: number, width: number): PreparedCell => this.prepareCell({ content }, x, width, { middle: true });
    const rows = block.rows.map(([first, second]): PreparedRow => {
      if (!second) return [label(first.label, this.left), value(first.value, this.left + labelWidth, wideValue)];
      const right = this.left + labelWidth + valueWidth;
      return [
        label(first.label, this.left),
        value(first.value, this.left + labelWidth, valueWidth),
        label(second.label, right),
        value(second.value, right + labelWidth, secondValue),
      ];
    });
    return { header: undefined, rows };
  }

  /** Rows with borders; a row that does not fit splits between paragraphs and continues under a repeated header. */
  private drawTable(table: PreparedTable): void {
    const size = this.style.sizes.table;
    const lineHeight = this.lineHeight(size);
    const { header } = table;
    const headerHeight = header ? this.rowHeight(rowLines(header)) : 0;

    const drawSegment = (row: PreparedRow, from: readonly number[], count: number, whole: boolean): void => {
      const height = this.rowHeight(count);
      row.forEach((cell, index) => {
        if (cell.shaded) this.doc.rect(cell.x, this.y, cell.width, height).fill(css(this.style.colors.labelFill));
        const start = from[index] ?? 0;
        const lines = cell.lines.slice(start, start + count);
        const offset = whole && cell.middle ? ((count - lines.length) * lineHeight) / 2 : 0;
        const inner = innerWidth(cell.width);
        lines.forEach((line, lineIndex) => {
          const x = cell.x + CELL_PADDING.x + (cell.center ? Math.max(0, (inner - line.width) / 2) : 0);
          this.drawLine(line, x, this.y + CELL_PADDING.y + offset + lineIndex * lineHeight, inner, size, {
            justify: !cell.center,
            color: this.style.colors.text,
          });
        });
      });
      this.doc.lineWidth(BORDER_WIDTH).strokeColor(css(this.style.colors.border));
      if (this.style.tableStyle === 'grid') {
        for (const cell of row) this.doc.rect(cell.x, this.y, cell.width, height).stroke();
      } else {
        // Lines between rows only: across the row, above and below it.
        const first = row[0];
        const last = row[row.length - 1];
        if (first && last) {
          for (const y of [this.y, this.y + height]) this.doc.moveTo(first.x, y).lineTo(last.x + last.width, y).stroke();
        }
      }
      this.y += height;
    };
    const drawHeader = (): void => {
      if (header) drawSegment(header, header.map(() => 0), rowLines(header), true);
    };

    this.ensureSpace(this.tableStart(table));
    drawHeader();
    for (const row of table.rows) {
      const total = rowLines(row);
      const next = row.map(() => 0);
      let remaining = total;
      while (remaining > 0) {
        const atPageTop = this.y <= this.top + headerHeight + 1e-6;
        const fits = Math.floor((this.bottom - this.y - 2 * CELL_PADDING.y + 1e-6) / lineHeight);
        // Short rows stay whole; longer ones split between paragraphs, two lines or more a side.
        const count = remaining <= fits ? remaining : total <= 3 && remaining === total ? 0 : cleanSplit(row, next, Math.min(fits, remaining - MIN_SPLIT_LINES));
        if (count === 0 && !atPageTop) {
          this.newPage();
          drawHeader();
          continue;
        }
        // Only a paragraph taller than the whole page is cut between its lines.
        const drawn = count === 0 ? Math.max(1, Math.min(fits, remaining)) : count;
        drawSegment(row, next, drawn, drawn === total);
        for (let i = 0; i < next.length; i++) next[i] = (next[i] ?? 0) + drawn;
        remaining -= drawn;
        if (remaining > 0) {
          this.newPage();
          drawHeader();
        }
      }
    }
    this.y += this.style.blockSpacing;
  }

  // ---- handbook blocks ---------------------------------------------------------------------------

  /** The cover: title a third down the page, the other lines under it; no header, no page number. */
  private cover(block: CoverBlock): void {
    if (this.y > this.top) this.newPage();
    this.bare.add(this.page);
    const { titleSize, gapAfterTitle, lineSize } = coverMetrics(this.style);
    this.y = this.top + this.pageHeight * 0.3;
    if (block.logo && this.pagination) {
      // The logo above the title, centred, as on a letterhead.
      const { logo } = block;
      this.doc.image(dataUri(logo), this.left + (this.width - logo.width) / 2, this.y - logo.height - titleSize, { width: logo.width, height: logo.height });
    }
    this.drawCentred(this.wrap([{ text: block.title }], this.width, titleSize, true), titleSize, this.style.colors.heading);
    this.y += gapAfterTitle;
    for (const text of block.lines) this.drawCentred(this.wrap([{ text }], this.width, lineSize), lineSize, this.style.colors.text);
    this.newPage();
  }

  /** Contents: every entry a link; dotted leaders and page numbers are drawn once the pages are known. */
  private contents(block: ContentsBlock): void {
    const titleSize = headingSize(this.style.sizes, 'title');
    this.drawTitleLines(this.wrap([{ text: block.title }], this.width, titleSize, true), titleSize);
    this.y += headingSpacing('title', this.style.blockSpacing).after;
    const size = this.style.sizes.body;
    const numberWidth = this.measure.width('0000', 'regular', size);
    for (const entry of block.entries) {
      const indent = entry.depth * contentsIndentStep(size);
      const x = this.left + indent;
      const available = this.width - indent - numberWidth - size;
      const lines = this.wrap([{ text: entry.text }], available, size, entry.depth === 0);
      const height = lines.length * this.lineHeight(size);
      const spaceBefore = entry.depth === 0 ? this.style.blockSpacing / 2 : 0;
      this.ensureSpace(height + spaceBefore);
      if (this.y > this.top) this.y += spaceBefore;
      const top = this.y;
      lines.forEach((line, index) => {
        this.drawLine(line, x, this.y, available, size, { justify: false, color: this.style.colors.text });
        if (index === lines.length - 1) this.drawPageNumberOf(entry.anchor, x + line.width, this.y, size);
        this.y += this.lineHeight(size);
      });
      // The whole entry, number included, is the link.
      this.doc.goTo(x, top, this.left + this.width - x, height, entry.anchor);
    }
    this.y += this.style.blockSpacing;
  }

  /** A contents entry's page number at the right margin, with a dotted leader from the entry's text (`textEnd`). */
  private drawPageNumberOf(anchor: string, textEnd: number, y: number, size: number): void {
    const target = this.pagination?.anchorPages.get(anchor);
    if (target === undefined) return;
    const number = String(target + 1);
    const numberWidth = this.measure.width(number, 'regular', size);
    const numberX = this.left + this.width - numberWidth;
    this.drawLine({ fragments: [{ text: number, face: 'regular' }], width: numberWidth, endsParagraph: true }, numberX, y, numberWidth, size, {
      justify: false,
      color: this.style.colors.text,
    });
    const from = textEnd + size * 0.5;
    const to = numberX - size * 0.5;
    if (to > from) {
      const baseline = y + this.lineHeight(size) * 0.72;
      this.doc.lineWidth(0.8).strokeColor(css(this.style.colors.border)).dash(0.8, { space: 2.4 });
      this.doc.moveTo(from, baseline).lineTo(to, baseline).stroke();
      this.doc.undash();
    }
  }

  /** Box text of a chart, wrapped: the title in bold, the detail under it. */
  private chartLines(box: ChartBox, width: number, size: number): Line[] {
    return [...this.wrap([{ text: box.text }], width, size, chartBoxLook(box).boldTitle), ...(box.detail === undefined ? [] : this.wrap([{ text: box.detail }], width, size))];
  }

  private drawChartBox(box: ChartBox, lines: readonly Line[], x: number, y: number, width: number, height: number, size: number): void {
    // A role is a shaded box; a step that is not a role of the project, a dashed outline.
    const look = chartBoxLook(box);
    if (look.shaded) this.doc.rect(x, y, width, height).fill(css(this.style.colors.labelFill));
    if (look.dashed) this.doc.dash(2, { space: 2 });
    this.doc.lineWidth(BORDER_WIDTH * 1.5).strokeColor(css(this.style.colors.border));
    this.doc.rect(x, y, width, height).stroke();
    if (look.dashed) this.doc.undash();
    const lineHeight = this.lineHeight(size);
    let lineY = y + (height - lines.length * lineHeight) / 2;
    for (const line of lines) {
      this.drawLine(line, x + (width - line.width) / 2, lineY, line.width, size, { justify: false, color: this.style.colors.text });
      lineY += lineHeight;
    }
    if (box.link !== undefined) this.doc.goTo(x, y, width, height, box.link);
  }

  private orgChartGeometry(block: OrgChartBlock) {
    const size = chartTextSize(this.style.sizes.table);
    const unit = orgChartColumn(this.width, block.columns, chartColumnWidth(CHART.maxBoxChars, size));
    const boxWidth = orgChartBoxWidth(unit);
    const origin = this.left + (this.width - unit * block.columns) / 2;
    const boxes = block.boxes.map((box) => ({ box, lines: this.chartLines(box, innerWidth(boxWidth, CHART.padding), size) }));
    const rowHeights = Array.from({ length: block.rows }, (_, row) =>
      Math.max(0, ...boxes.filter(({ box }) => box.row === row).map(({ lines }) => lines.length * this.lineHeight(size) + 2 * CHART.padding)),
    );
    const caption = block.caption === undefined ? [] : this.wrap([{ text: block.caption }], this.width, size);
    const captionHeight = caption.length * this.lineHeight(size) + (caption.length > 0 ? CHART.padding : 0);
    const rowTops: number[] = [];
    let y = captionHeight;
    for (const height of rowHeights) {
      rowTops.push(y);
      y += height + CHART.levelGap;
    }
    return { size, unit, boxWidth, origin, boxes, rowHeights, rowTops, caption, height: y - CHART.levelGap };
  }

  /** A reporting tree: boxes on levels, joined by lines from each box down to its reports. */
  private orgChart(block: OrgChartBlock): void {
    const g = this.orgChartGeometry(block);
    if (this.y + g.height > this.bottom + 1e-6 && this.y > this.top) this.newPage();
    const top = this.y;
    // Taller than a page (titles that wrap to many lines, on six levels): drawn smaller, whole, on one page.
    const scale = Math.min(1, (this.bottom - top) / g.height);
    if (scale < 1) {
      const middle = this.left + this.width / 2;
      this.doc.save().translate(middle, top).scale(scale).translate(-middle, -top);
    }
    for (const line of g.caption) {
      this.drawLine(line, this.left, this.y, this.width, g.size, { justify: false, color: this.style.colors.text });
      this.y += this.lineHeight(g.size);
    }
    const centre = (box: { column: number; span: number }): number => g.origin + chartBoxCentre(box) * g.unit;
    const rowTop = (row: number): number => top + (g.rowTops[row] ?? 0);
    const rowHeight = (row: number): number => g.rowHeights[row] ?? 0;
    for (const { box, lines } of g.boxes) {
      this.drawChartBox(box, lines, centre(box) - g.boxWidth / 2, rowTop(box.row), g.boxWidth, rowHeight(box.row), g.size);
    }
    this.doc.lineWidth(BORDER_WIDTH * 1.5).strokeColor(css(this.style.colors.border));
    for (const edge of block.edges) {
      const parent = block.boxes[edge.from];
      const children = edge.to.flatMap((index) => block.boxes[index] ?? []);
      const first = children[0];
      if (!parent || !first) continue;
      const px = centre(parent);
      const bottom = rowTop(parent.row) + rowHeight(parent.row);
      const bar = bottom + CHART.levelGap / 2;
      const xs = children.map((child) => centre(child));
      this.doc.moveTo(px, bottom).lineTo(px, bar).stroke();
      this.doc.moveTo(Math.min(px, ...xs), bar).lineTo(Math.max(px, ...xs), bar).stroke();
      for (const x of xs) this.doc.moveTo(x, bar).lineTo(x, rowTop(first.row)).stroke();
    }
    if (scale < 1) this.doc.restore();
    this.y = top + g.height * scale + this.style.blockSpacing * 2;
  }

  private pathGeometry(block: PathChartBlock) {
    const size = chartTextSize(this.style.sizes.table);
    const boxWidth = pathChartBoxWidth(this.width, block.perLine, CHART.arrowWidth);
    return { size, boxWidth };
  }

  private pathLineHeight(block: PathChartBlock): number {
    const { size, boxWidth } = this.pathGeometry(block);
    const first = block.paths[0]?.slice(0, block.perLine) ?? [];
    return Math.max(0, ...first.map((box) => this.chartLines(box, innerWidth(boxWidth, CHART.padding), size).length)) * this.lineHeight(size) + 2 * CHART.padding;
  }

  /** An arrow from (x1, y) to (x2, y), its head at x2. */
  private arrow(x1: number, x2: number, y: number): void {
    const head = 4;
    this.doc.lineWidth(BORDER_WIDTH * 1.5).strokeColor(css(this.style.colors.border));
    this.doc.moveTo(x1, y).lineTo(x2 - head, y).stroke();
    this.doc.moveTo(x2, y).lineTo(x2 - head * 1.6, y - head).lineTo(x2 - head * 1.6, y + head).fill(css(this.style.colors.border));
  }

  /** Career paths: each a row of boxes joined by arrows; a long path carries on, arrow first, on the next row. */
  private pathChart(block: PathChartBlock): void {
    const { size, boxWidth } = this.pathGeometry(block);
    for (const path of block.paths) {
      for (let start = 0; start < path.length; start += block.perLine) {
        const steps = path.slice(start, start + block.perLine);
        const prepared = steps.map((box) => ({ box, lines: this.chartLines(box, innerWidth(boxWidth, CHART.padding), size) }));
        const height = Math.max(...prepared.map(({ lines }) => lines.length)) * this.lineHeight(size) + 2 * CHART.padding;
        if (this.y + height > this.bottom + 1e-6 && this.y > this.top) this.newPage();
        // A step whose words are taller than a page is drawn smaller, never off the page.
        const scale = Math.min(1, (this.bottom - this.y) / height);
        const lineTop = this.y;
        if (scale < 1) this.doc.save().translate(this.left, lineTop).scale(scale).translate(-this.left, -lineTop);
        const middle = this.y + height / 2;
        if (start > 0) this.arrow(this.left, this.left + CHART.arrowWidth - 2, middle);
        prepared.forEach(({ box, lines }, index) => {
          const x = this.left + CHART.arrowWidth + index * (boxWidth + CHART.arrowWidth);
          this.drawChartBox(box, lines, x, this.y, boxWidth, height, size);
          const last = index === prepared.length - 1;
          if (!last || start + block.perLine < path.length) this.arrow(x + boxWidth + 2, x + boxWidth + CHART.arrowWidth - 2, middle);
        });
        if (scale < 1) this.doc.restore();
        this.y = lineTop + height * scale + CHART.padding * 2;
      }
      this.y += CHART.padding * 2;
    }
    this.y += this.style.blockSpacing;
  }

  /** The running header and the footer (第 N 页 / 共 M 页) of the page being left; none on the cover. */
  private finishPage(): void {
    if (!this.pagination || this.bare.has(this.page)) return;
    const size = this.style.sizes.footer;
    const { header, footer } = this.layout;
    // With the bottom margin in place, pdfkit would start a new page for text below it.
    this.doc.page.margins = { ...this.doc.page.margins, bottom: 0 };
    if (header !== undefined) {
      // The running header over a hairline in the top margin, the logo at its left end.
      const rule = this.top - this.layout.page.margins.top * 0.3;
      const textTop = rule - this.lineHeight(size) - 2;
      let indent = 0;
      if (header.logo) {
        this.doc.image(dataUri(header.logo), this.left, rule - 3 - header.logo.height, { width: header.logo.width, height: header.logo.height });
        indent = header.logo.width + size * 0.6;
      }
      this.drawPageText(header.text, textTop, size, indent, true);
      this.doc.lineWidth(BORDER_WIDTH).strokeColor(css(this.style.colors.border)).moveTo(this.left, rule).lineTo(this.left + this.width, rule).stroke();
    }
    const middle = this.layout.page.height - this.layout.page.margins.bottom / 2;
    this.drawPageText(footer, middle - this.lineHeight(size) / 2, size, 0, false);
  }

  /**
   * Left, centre and right text of a header or footer, with this page's number filled in, each in
   * its column (pageTextColumns, as the .docx has them), wrapping there as Word wraps it: a header's
   * lines stack upwards from `baseline` (its last line's top), a footer's downwards. `indent` is
   * the room the logo takes at the start of the left column.
   */
  private drawPageText(text: PageText, baseline: number, size: number, indent: number, upwards: boolean): void {
    const pages = this.pagination?.pages ?? 0;
    const shown = (parts: readonly PageTextPart[]): string =>
      parts.map((part) => ('field' in part ? String(part.field === 'page' ? this.page + 1 : pages) : part.text)).join('');
    const columns = pageTextColumnWidths(text, indent > 0, this.width);
    let x = this.left;
    (['left', 'center', 'right'] as const).forEach((position, index) => {
      const width = columns[index] ?? 0;
      const start = x + (position === 'left' ? indent : 0);
      const room = Math.max(width - (position === 'left' ? indent : 0), size * 4);
      x += width;
      const parts = text[position];
      if (parts.length === 0) return;
      // Text too long for the margin is set smaller, down to 60%, rather than run off the page.
      const fits = (lines: number, step: number): boolean => (upwards ? baseline - (lines - 1) * step >= 2 : baseline + lines * step <= this.layout.page.height - 2);
      let fitted = size;
      let lines = this.wrap([{ text: shown(parts) }], room, fitted);
      while (!fits(lines.length, this.lineHeight(fitted)) && fitted > size * 0.6) {
        fitted *= 0.9;
        lines = this.wrap([{ text: shown(parts) }], room, fitted);
      }
      const step = this.lineHeight(fitted);
      const last = upwards ? baseline + this.lineHeight(size) - step : baseline;
      lines.forEach((line, lineIndex) => {
        const top = upwards ? last - (lines.length - 1 - lineIndex) * step : last + lineIndex * step;
        const offset = position === 'left' ? 0 : position === 'center' ? (room - line.width) / 2 : room - line.width;
        this.drawLine(line, start + offset, top, line.width, fitted, { justify: false, color: this.style.colors.text });
      });
    });
  }

  finish(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      this.doc.on('data', (chunk) => chunks.push(chunk));
      this.doc.on('end', () => {
        const joined = Buffer.concat(chunks);
        // A plain Uint8Array view, as the renderer interface promises (some readers refuse Buffers).
        resolve(new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength));
      });
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

export async function renderPdf(layout: Layout, options: PdfRenderOptions): Promise<Uint8Array> {
  const wrapped = new Map<string, readonly Line[]>();
  const firstPass = new PdfComposer(layout, options.fonts, options.createdAt, undefined, wrapped);
  firstPass.render();
  const composer = new PdfComposer(layout, options.fonts, options.createdAt, firstPass.paginated(), wrapped);
  composer.render();
  return composer.finish();
}

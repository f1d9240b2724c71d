/**
 * Layout → PDF bytes with pdfkit. roledoc does its own line-level layout (wrap.ts) and draws
 * each line itself, because pdfkit's doc.table() silently drops text in rows taller than a page
 * and never repeats a header. Here every page break is decided in one place: table rows split
 * between lines, the header row repeats, and borders close at the page end.
 */
import PDFDocument from 'pdfkit';
import { CELL_PADDING_PT, labelColumnShare } from '../../compose/style.js';
import type { Block, CellContent, FieldGridBlock, Layout, RichText, TableBlock, TableCell } from '../../layout/layout.js';
import { createMeasurer, type FontSet, type Measurer } from './measure.js';
import { wrapRichText, type Line } from './wrap.js';

export interface PdfRenderOptions {
  readonly fonts: FontSet;
  /** Written as the document's CreationDate; pdfkit derives the file ID from it, so it fixes the bytes. */
  readonly createdAt: Date;
}

const REGULAR = 'roledoc-regular';
const BOLD = 'roledoc-bold';
const BORDER_WIDTH = 0.6;
/** Justify only lines that hold at least this many characters (the docx renderer uses the same rule). */
const JUSTIFY_MIN_CHARS = 16;
/** Layout colours are bare hex; pdfkit reads CSS-style '#RRGGBB'. */
const css = (hex: string): string => `#${hex}`;

/**
 * The most lines (at most `fits`) a row can put on this page so that every cell breaks between
 * paragraphs or has finished; 0 when no such point exists.
 */
function splitPoint(row: PreparedRow, from: readonly number[], fits: number): number {
  for (let count = fits; count >= 1; count--) {
    const clean = row.every((cell, index) => {
      const start = from[index] ?? 0;
      const left = cell.lines.length - start;
      return left <= count || cell.lines[start + count - 1]?.endsParagraph === true;
    });
    if (clean) return count;
  }
  return 0;
}

/** A table cell prepared for drawing: where it is, and its wrapped lines. */
interface PreparedCell {
  readonly x: number;
  readonly width: number;
  readonly lines: readonly Line[];
  readonly shaded: boolean;
  readonly centerVertically: boolean;
  /** Header cells are centred, as Word shows them. */
  readonly centerHorizontally: boolean;
}

type PreparedRow = readonly PreparedCell[];

interface OutlineTarget {
  addItem(title: string, options?: { expanded?: boolean; fit?: boolean; top?: number; left?: number }): OutlineTarget;
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
  private outlineRoot: OutlineTarget | undefined;

  constructor(
    private readonly layout: Layout,
    fonts: FontSet,
    createdAt: Date,
  ) {
    const { page, meta } = layout;
    this.doc = new PDFDocument({
      size: [page.width, page.height],
      margins: page.margins,
      bufferPages: true,
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
    this.doc.registerFont(REGULAR, fonts.regular).registerFont(BOLD, fonts.bold);
    this.measure = createMeasurer(fonts);
    this.fontBoxEm = (fonts.regular.ascent - fonts.regular.descent) / fonts.regular.unitsPerEm;
    this.left = page.margins.left;
    this.width = page.width - page.margins.left - page.margins.right;
    this.top = page.margins.top;
    this.bottom = page.height - page.margins.bottom;
    this.y = this.top;
  }

  private get style() {
    return this.layout.style;
  }

  private lineHeight(size: number): number {
    return size * this.style.lineHeight;
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  private ensureSpace(height: number): void {
    if (this.y + height > this.bottom + 1e-6 && this.y > this.top) this.newPage();
  }

  private wrap(text: RichText, width: number, size: number, bold = false): Line[] {
    const runs = bold ? text.map((run) => ({ ...run, bold: true })) : text;
    return wrapRichText(runs, width, size, this.measure);
  }

  /**
   * Draws one line with its top at `y`. Lines that do not end a paragraph are justified by
   * spreading the slack across the characters, which is how CJK text is justified.
   */
  private drawLine(line: Line, x: number, y: number, width: number, size: number, options: { justify: boolean; color: string }): void {
    const chars = line.fragments.reduce((n, f) => n + Array.from(f.text).length, 0);
    const slack = width - line.width;
    // Narrow columns stay ragged: spreading a dozen characters over a wide gap letter-spaces them.
    const wideEnough = width >= JUSTIFY_MIN_CHARS * size;
    const spacing = options.justify && wideEnough && !line.endsParagraph && chars > 1 && slack > 0 && slack < size * 2 ? slack / (chars - 1) : 0;
    // pdfkit places text by the top of the font's box; centre that box in the line height.
    let cursor = x;
    const baselineTop = y + (this.lineHeight(size) - this.fontBoxEm * size) / 2;
    this.doc.fillColor(css(options.color));
    line.fragments.forEach((fragment) => {
      this.doc.font(fragment.bold ? BOLD : REGULAR).fontSize(size);
      this.doc.text(fragment.text, cursor, baselineTop, { lineBreak: false, characterSpacing: spacing });
      // pdfkit adds the spacing after every character, so the next fragment starts one gap later.
      cursor += this.measure.width(fragment.text, fragment.bold, size) + spacing * Array.from(fragment.text).length;
    });
  }

  private bookmark(text: string, level: 0 | 1): void {
    const options = { fit: false, top: this.y, left: this.layout.page.width, expanded: true };
    if (level === 0 || !this.outlineRoot) {
      const item = this.doc.outline.addItem(text, options);
      if (level === 0) this.outlineRoot = item;
    } else {
      this.outlineRoot.addItem(text, options);
    }
  }

  render(): void {
    this.layout.blocks.forEach((block, index) => this.block(block, this.layout.blocks[index + 1]));
    this.drawPageNumbers();
  }

  private block(block: Block, next: Block | undefined): void {
    switch (block.kind) {
      case 'title':
        return this.title(block.text);
      case 'heading':
        return this.heading(block.text, block.level, next);
      case 'paragraph':
        return this.paragraph(block.text);
      case 'list':
        return this.list(block.items);
      case 'field-grid':
        return this.fieldGrid(block);
      case 'table':
        return this.table(block);
      case 'page-break':
        if (this.y > this.top) this.newPage();
        return;
    }
  }

  private title(text: string): void {
    const size = this.style.sizes.title;
    const lines = this.wrap([{ text }], this.width, size, true);
    this.ensureSpace(lines.length * this.lineHeight(size));
    this.bookmark(text, 0);
    for (const line of lines) {
      this.drawLine(line, this.left + (this.width - line.width) / 2, this.y, line.width, size, { justify: false, color: this.style.colors.heading });
      this.y += this.lineHeight(size);
    }
    this.y += this.style.blockSpacing;
  }

  private heading(text: string, level: 1 | 2, next: Block | undefined): void {
    const size = level === 1 ? this.style.sizes.heading1 : this.style.sizes.heading2;
    const lines = this.wrap([{ text }], this.width, size, true);
    const height = lines.length * this.lineHeight(size) + this.style.blockSpacing / 2;
    // Keep a heading with the start of what it heads: never alone at the bottom of a page.
    const following = next === undefined || next.kind === 'heading' ? 0 : 3 * this.lineHeight(this.style.sizes.body) + 2 * CELL_PADDING_PT;
    this.y += this.style.blockSpacing / 2;
    this.ensureSpace(height + following);
    this.bookmark(text, 1);
    for (const line of lines) {
      this.drawLine(line, this.left, this.y, this.width, size, { justify: false, color: this.style.colors.heading });
      this.y += this.lineHeight(size);
    }
    this.y += this.style.blockSpacing / 2;
  }

  /**
   * Draws paragraphs line by line. A paragraph that fits on a page is kept on one page (a sentence
   * cut by a page break reads badly and no longer extracts as one string); a longer one flows on.
   */
  private flowLines(lines: readonly Line[], x: number, width: number, size: number): void {
    const height = this.lineHeight(size);
    let paragraphStart = 0;
    lines.forEach((line, index) => {
      if (index === paragraphStart) {
        const end = lines.findIndex((l, i) => i >= index && l.endsParagraph);
        const paragraphHeight = ((end < 0 ? lines.length - 1 : end) - index + 1) * height;
        if (paragraphHeight <= this.bottom - this.top) this.ensureSpace(paragraphHeight);
      }
      this.ensureSpace(height);
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

  private list(items: readonly RichText[]): void {
    const size = this.style.sizes.body;
    const labels = items.map((_, index) => `${index + 1}.`);
    const gap = size * 0.5;
    const indent = Math.max(...labels.map((label) => this.measure.width(label, false, size))) + gap;
    const lineHeight = this.lineHeight(size);
    items.forEach((item, index) => {
      const lines = this.wrap(item, this.width - indent, size);
      this.ensureSpace(lineHeight);
      const label = labels[index] ?? '';
      const labelWidth = this.measure.width(label, false, size);
      this.drawLine({ fragments: [{ text: label, bold: false }], width: labelWidth, endsParagraph: true }, this.left + indent - gap - labelWidth, this.y, labelWidth, size, {
        justify: false,
        color: this.style.colors.text,
      });
      this.flowLines(lines, this.left + indent, this.width - indent, size);
    });
    this.y += this.style.blockSpacing;
  }

  private cellLines(content: CellContent, width: number, bold: boolean): Line[] {
    const size = this.style.sizes.table;
    const inner = width - 2 * CELL_PADDING_PT;
    return content.flatMap((paragraph) => this.wrap(paragraph, inner, size, bold));
  }

  private prepareCell(cell: TableCell, x: number, width: number, placement: { middle?: boolean; center?: boolean } = {}): PreparedCell {
    return {
      x,
      width,
      lines: this.cellLines(cell.content, width, cell.bold === true),
      shaded: cell.shaded === true,
      centerVertically: placement.middle === true,
      centerHorizontally: placement.center === true,
    };
  }

  private table(block: TableBlock): void {
    const xs: number[] = [];
    let x = this.left;
    for (const column of block.columns) {
      xs.push(x);
      x += column.width * this.width;
    }
    const prepare = (cells: readonly TableCell[], center: boolean): PreparedRow =>
      cells.map((cell, index) => this.prepareCell(cell, xs[index] ?? this.left, (block.columns[index]?.width ?? 0) * this.width, { center }));
    const header = block.header ? prepare(block.header, true) : undefined;
    this.drawRows(block.rows.map((row) => prepare(row, false)), header);
  }

  private fieldGrid(block: FieldGridBlock): void {
    const labelWidth = labelColumnShare(this.layout.page, this.style) * this.width;
    const valueWidth = (this.width - 2 * labelWidth) / 2;
    const rows: PreparedCell[][] = [];
    let pending: PreparedCell[] | undefined;
    const label = (text: string, x: number): PreparedCell =>
      this.prepareCell({ content: [[{ text }]], bold: true, shaded: true }, x, labelWidth, { middle: true });
    const value = (content: CellContent, x: number, width: number): PreparedCell => this.prepareCell({ content }, x, width, { middle: true });
    block.fields.forEach((field, index) => {
      const isLast = index === block.fields.length - 1;
      if (pending) {
        const x = this.left + 2 * labelWidth + valueWidth;
        rows.push([...pending, label(field.label, x - labelWidth), value(field.value, x, valueWidth)]);
        pending = undefined;
      } else if (field.wide === true || isLast || block.fields[index + 1]?.wide === true) {
        rows.push([label(field.label, this.left), value(field.value, this.left + labelWidth, this.width - labelWidth)]);
      } else {
        pending = [label(field.label, this.left), value(field.value, this.left + labelWidth, valueWidth)];
      }
    });
    this.drawRows(rows, undefined);
  }

  /** Rows with borders; a row that does not fit splits between lines and continues under a repeated header. */
  private drawRows(rows: readonly PreparedRow[], header: PreparedRow | undefined): void {
    const size = this.style.sizes.table;
    const lineHeight = this.lineHeight(size);
    const pad = CELL_PADDING_PT;
    const rowLines = (row: PreparedRow): number => Math.max(1, ...row.map((cell) => cell.lines.length));
    const heightOf = (lines: number): number => lines * lineHeight + 2 * pad;

    const drawSegment = (row: PreparedRow, from: readonly number[], count: number, whole: boolean): void => {
      const height = heightOf(count);
      row.forEach((cell, index) => {
        if (cell.shaded) this.doc.rect(cell.x, this.y, cell.width, height).fill(css(this.style.colors.labelFill));
        const start = from[index] ?? 0;
        const lines = cell.lines.slice(start, start + count);
        const offset = whole && cell.centerVertically ? ((count - lines.length) * lineHeight) / 2 : 0;
        lines.forEach((line, lineIndex) => {
          const inner = cell.width - 2 * pad;
          const x = cell.x + pad + (cell.centerHorizontally ? Math.max(0, (inner - line.width) / 2) : 0);
          this.drawLine(line, x, this.y + pad + offset + lineIndex * lineHeight, inner, size, {
            justify: !cell.centerHorizontally,
            color: this.style.colors.text,
          });
        });
      });
      this.doc.lineWidth(BORDER_WIDTH).strokeColor(css(this.style.colors.border));
      for (const cell of row) this.doc.rect(cell.x, this.y, cell.width, height).stroke();
      this.y += height;
    };

    const drawHeader = (): void => {
      if (header) drawSegment(header, header.map(() => 0), rowLines(header), true);
    };

    // The header comes with at least the first lines of the first row.
    const firstRow = rows[0];
    const headerHeight = header ? heightOf(rowLines(header)) : 0;
    this.ensureSpace(headerHeight + heightOf(Math.min(firstRow ? rowLines(firstRow) : 1, 2)));
    drawHeader();

    for (const row of rows) {
      const total = rowLines(row);
      const next = row.map(() => 0);
      let remaining = total;
      let first = true;
      while (remaining > 0) {
        const fits = Math.floor((this.bottom - this.y - 2 * pad + 1e-6) / lineHeight);
        const atPageTop = this.y <= this.top + headerHeight + 1e-6;
        const count = remaining <= fits ? remaining : splitPoint(row, next, fits);
        // Short rows move whole to the next page; longer ones split between paragraphs; only a
        // paragraph taller than a whole page is cut between its lines.
        const mustMove = count === 0 || (first && remaining <= 3 && fits < remaining);
        if (mustMove && !atPageTop) {
          this.newPage();
          drawHeader();
          continue;
        }
        if (count === 0 && atPageTop && fits < 1) throw new Error('a table line is taller than the page');
        const drawn = count === 0 ? Math.max(1, fits) : count;
        drawSegment(row, next, drawn, drawn === total);
        for (let i = 0; i < next.length; i++) next[i] = (next[i] ?? 0) + drawn;
        remaining -= drawn;
        first = false;
        if (remaining > 0) {
          this.newPage();
          drawHeader();
        }
      }
    }
    this.y += this.style.blockSpacing;
  }

  /** 第 N 页 / 共 M 页 on every page, drawn once the page count is known. */
  private drawPageNumbers(): void {
    const { before, between, after } = this.layout.pageNumbers;
    const size = this.style.sizes.footer;
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // With the bottom margin in place, pdfkit would start a new page for text below it.
      this.doc.page.margins = { ...this.doc.page.margins, bottom: 0 };
      const label = `${before}${i + 1}${between}${range.count}${after}`;
      const width = this.measure.width(label, false, size);
      const y = this.layout.page.height - this.layout.page.margins.bottom / 2 - size / 2;
      this.drawLine({ fragments: [{ text: label, bold: false }], width, endsParagraph: true }, (this.layout.page.width - width) / 2, y - this.lineHeight(size) / 2 + size / 2, width, size, {
        justify: false,
        color: this.style.colors.text,
      });
    }
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
      this.doc.flushPages();
      this.doc.end();
    });
  }
}

export async function renderPdf(layout: Layout, options: PdfRenderOptions): Promise<Uint8Array> {
  const composer = new PdfComposer(layout, options.fonts, options.createdAt);
  composer.render();
  return composer.finish();
}

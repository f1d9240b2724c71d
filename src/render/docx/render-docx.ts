/**
 * Layout → .docx bytes. The only importer of `docx`; it never sees a role.
 *
 * Word and LibreOffice get real structure, not just looks: Title / Heading 1 / Heading 2 styles with outline levels
 * (navigation pane, PDF bookmarks), real numbered lists, tables whose header row repeats, PAGE / NUMPAGES fields.
 * Fonts, sizes and spacing live in the styles (document defaults, Normal, Title, Heading 1/2, Table Text), so a
 * user restyles the document from Word's style gallery instead of run by run.
 *
 * Units: the Layout speaks points; Word speaks twips (1/20 pt, "DXA") for lengths, half-points for font sizes
 * and eighths of a point for borders.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type {
  IFontAttributesProperties,
  INumberingOptions,
  IParagraphStylePropertiesOptions,
  IRunStylePropertiesOptions,
  ISpacingProperties,
  IStylesOptions,
  ITableBordersOptions,
  ITableCellBorders,
  ParagraphChild,
} from 'docx';
import type {
  Block,
  CellContent,
  ChartBox,
  ContentsBlock,
  CoverBlock,
  FieldGridBlock,
  FontPair,
  Layout,
  LayoutStyle,
  OrgChartBlock,
  PageText,
  PageTextPart,
  PathChartBlock,
  PlacedImage,
  RichText,
  TableBlock,
  TableCell as LayoutTableCell,
} from '../../layout/layout.js';
import {
  chartBoxCentre,
  chartBoxLook,
  chartColumnWidth,
  columnWidths,
  contentsIndentStep,
  coverMetrics,
  fieldGridColumns,
  hasUnbreakableRun,
  headingAlignment,
  headingKindOf,
  headingSize,
  headingSpacing,
  innerWidth,
  justifies,
  lineHeight,
  listIndent,
  orgChartColumn,
  pathChartBoxWidth,
  textWidth as textWidthOf,
  type HeadingKind,
  type Rounding,
} from '../../layout/geometry.js';
import { CELL_PADDING, CHART, chartTextSize } from '../../layout/metrics.js';
import type { NumberingStyle } from '../../layout/numbering.js';
import { pageTextColumns, pageTextColumnWidths } from '../../layout/page-text.js';
import { checkStampDate, stampDocx } from './stamp-docx.js';

export interface RenderDocxOptions {
  /** Written as the document's created and modified date and as every zip entry's time: the bytes depend on nothing else. */
  readonly createdAt: Date;
}

const TWIPS_PER_POINT = 20;

/** The paragraph style of everything inside a table: the table size, no space between paragraphs. */
const TABLE_TEXT_STYLE = 'TableText';

/** Padding inside every table cell, in twips (the same as the PDF's). */
const CELL_MARGINS = {
  top: twips(CELL_PADDING.y),
  bottom: twips(CELL_PADDING.y),
  left: twips(CELL_PADDING.x),
  right: twips(CELL_PADDING.x),
} as const;

/** Border width of tables, in eighths of a point (4 = ½ pt, the hairline of printed forms). */
const BORDER_SIZE = 4;
/** The rule under a heading: ¾ pt. */
const HEADING_RULE_SIZE = 6;


export async function renderDocx(layout: Layout, options: RenderDocxOptions): Promise<Uint8Array> {
  checkStampDate(options.createdAt);
  const { style, page } = layout;
  const geometry = pageGeometry(layout);
  const lists = new ListNumbering();
  const ctx: RenderContext = { style, textWidth: geometry.textWidth, lists, bookmarks: new BookmarkNames() };

  const children = renderBlocks(layout.blocks, ctx);
  // A cover page has no running header and no page number.
  const cover = layout.blocks[0]?.kind === 'cover';

  const doc = new Document({
    title: layout.meta.title,
    subject: layout.meta.subject,
    creator: layout.meta.author,
    keywords: layout.meta.keywords.join(', '),
    lastModifiedBy: 'roledoc',
    // A "\n" in the text is a soft line break; without this Word and LibreOffice stretch the line before it across
    // the whole width in a justified paragraph (备 注 ： 本 说 明 …).
    compatibility: { doNotExpandShiftReturn: true },
    styles: documentStyles(layout),
    numbering: { config: lists.config(style) },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height) },
            margin: {
              top: twips(page.margins.top),
              right: twips(page.margins.right),
              bottom: twips(page.margins.bottom),
              left: twips(page.margins.left),
              header: twips(page.margins.top / 2),
              footer: twips(page.margins.bottom / 2),
              gutter: 0,
            },
          },
          ...(cover ? { titlePage: true } : {}),
        },
        headers: {
          ...(layout.header === undefined ? {} : { default: pageHeader(layout.header, style, geometry.textWidth) }),
          ...(cover ? { first: new Header({ children: [] }) } : {}),
        },
        footers: { default: pageFooter(layout, geometry.textWidth), ...(cover ? { first: new Footer({ children: [] }) } : {}) },
        children,
      },
    ],
  });

  const packed = await Packer.toBuffer(doc);
  return stampDocx(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), options.createdAt);
}

interface RenderContext {
  readonly style: LayoutStyle;
  /** Width between the page margins, in twips: the width of every table. */
  readonly textWidth: number;
  readonly lists: ListNumbering;
  readonly bookmarks: BookmarkNames;
}

/**
 * Word bookmark names for the Layout's anchors: Word wants a letter first, letters, digits and
 * underscores only, and at most 40 characters, which a role id (hyphens, up to 64) does not
 * promise. Names are numbered in order of first use, so the same Layout gives the same names.
 */
class BookmarkNames {
  readonly #names = new Map<string, string>();

  of(anchor: string): string {
    let name = this.#names.get(anchor);
    if (name === undefined) {
      name = `roledoc_${this.#names.size + 1}`;
      this.#names.set(anchor, name);
    }
    return name;
  }
}

type BodyChild = Paragraph | Table;

// ---------------------------------------------------------------------------------------------------------------
// Units and geometry

/** Points → twips (DXA). */
function twips(points: number): number {
  return Math.round(points * TWIPS_PER_POINT);
}

/** Word's lengths are whole twips: a grid rounds to them, and still adds up to its table's width. */
const WHOLE_TWIPS: Rounding = { near: Math.round, down: Math.floor };

/** Points → half-points, Word's unit for font sizes. */
function halfPoints(points: number): number {
  return Math.round(points * 2);
}

function pageGeometry(layout: Layout): { textWidth: number } {
  const { page } = layout;
  const textWidth = textWidthOf(page, twips);
  if (textWidth <= 0) throw new Error(`renderDocx: the page margins leave no room for text (${page.width} pt wide)`);
  return { textWidth };
}

/**
 * Splits `total` twips into columns by share, rounding each and giving the rounding remainder to the last column,
 * so the columns add up to the table width exactly (fixed-layout tables are drawn from these numbers).
 */
function splitWidth(total: number, shares: readonly number[]): number[] {
  const widths = columnWidths(total, shares).map((width) => Math.max(1, Math.round(width)));
  const rest = total - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = Math.max(1, rest);
  return widths;
}

/** Line spacing for text of `size` points: at least size × lineHeight (see documentStyles for why "at least"). */
function lineSpacing(style: LayoutStyle, size: number): ISpacingProperties {
  return { line: twips(lineHeight(style, size)), lineRule: LineRuleType.AT_LEAST };
}

// ---------------------------------------------------------------------------------------------------------------
// Styles

function fontsOf(pair: FontPair): IFontAttributesProperties {
  return { ascii: pair.latin, hAnsi: pair.latin, cs: pair.latin, eastAsia: pair.eastAsia, hint: 'eastAsia' };
}

/** The look of a title or heading style: its run and paragraph properties, without an outline level. */
function headingLook(kind: HeadingKind, style: LayoutStyle): { run: IRunStylePropertiesOptions; paragraph: IParagraphStylePropertiesOptions } {
  const { sizes, colors, fonts } = style;
  const size = headingSize(sizes, kind);
  const run: IRunStylePropertiesOptions = { font: fontsOf(fonts.heading), size: halfPoints(size), bold: true, color: colors.heading };
  const space = headingSpacing(kind, style.blockSpacing);
  const spacing = { before: twips(space.before), after: twips(space.after) };
  // A rule under a first-level heading, when the template draws one: an accent-coloured bottom border.
  const rule = kind === 'heading1' && style.headingRule ? { border: { bottom: { style: BorderStyle.SINGLE, size: HEADING_RULE_SIZE, color: colors.accent, space: 2 } } } : {};
  return {
    run,
    paragraph: {
      alignment: ALIGNMENTS[headingAlignment(kind, style.titleAlign)],
      keepNext: true,
      keepLines: true,
      spacing: { ...lineSpacing(style, size), ...spacing },
      ...rule,
    },
  };
}

const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * The style of a title or heading placed at an explicit outline depth (the handbook: department →
 * role → section). Word fixes the outline level of its built-in Heading styles, whatever a
 * paragraph says, so these are styles of their own — based on Normal, with the heading's look and
 * the outline level of their depth — for the navigation pane of Word, WPS and LibreOffice alike.
 */
const outlineStyleId = (kind: HeadingKind, depth: number): string => `RoledocOutline${depth + 1}${kind === 'title' ? 'Title' : kind === 'heading1' ? 'Heading' : 'Subheading'}`;

/**
 * Why "at least" line spacing: the Layout gives line height as a multiple of the font size, which is what the PDF
 * renderer draws. Word's "multiple" spacing multiplies the font's own line height instead, which for CJK fonts is
 * 1.0–1.45 em depending on the font actually used (SimSun in Word, Noto CJK in LibreOffice), so the same document
 * would be airy in one and tight in the other. "At least size × lineHeight" gives the intended pitch in both and,
 * unlike "exactly", never clips a taller fallback glyph.
 */
function documentStyles(layout: Layout): IStylesOptions {
  const { style, meta } = layout;
  const { sizes, colors, fonts } = style;
  const title = headingLook('title', style);
  const heading1 = headingLook('heading1', style);
  const heading2 = headingLook('heading2', style);
  const outlined = new Map<string, { kind: HeadingKind; depth: number }>();
  for (const block of layout.blocks) {
    if ((block.kind === 'title' || block.kind === 'heading') && block.outline !== undefined) {
      const kind = headingKindOf(block);
      outlined.set(outlineStyleId(kind, block.outline), { kind, depth: block.outline });
    }
  }
  return {
    default: {
      // docDefaults: every paragraph, table cell and footer inherits the fonts and the language from here.
      document: {
        run: {
          font: fontsOf(fonts.body),
          size: halfPoints(sizes.body),
          color: colors.text,
          language: { value: latinLanguage(meta.lang), eastAsia: 'zh-CN' },
        },
        paragraph: {
          alignment: AlignmentType.BOTH,
          spacing: { ...lineSpacing(style, sizes.body), before: 0, after: twips(style.blockSpacing) },
        },
      },
      title,
      heading1: { run: heading1.run, paragraph: { ...heading1.paragraph, outlineLevel: 0 } },
      heading2: { run: heading2.run, paragraph: { ...heading2.paragraph, outlineLevel: 1 } },
    },
    paragraphStyles: [
      {
        id: TABLE_TEXT_STYLE,
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(sizes.table) },
        // A paragraph in a cell (a duty, a task) stays on one page when its row splits, as in the PDF.
        paragraph: { keepLines: true, spacing: { ...lineSpacing(style, sizes.table), before: 0, after: 0 } },
      },
      ...[...outlined].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, { kind, depth }]) => {
        const look = headingLook(kind, style);
        return { id, name: `Outline ${depth + 1} ${kind}`, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: look.run, paragraph: { ...look.paragraph, outlineLevel: depth } };
      }),
    ],
  };
}

/** w:lang w:val: the language of Latin text. Chinese documents still carry English words and digits. */
function latinLanguage(lang: string): string {
  if (lang === '' || lang === 'en' || /^zh\b/i.test(lang)) return 'en-US';
  return lang;
}

// ---------------------------------------------------------------------------------------------------------------
// Blocks

function renderBlocks(blocks: readonly Block[], ctx: RenderContext): BodyChild[] {
  const out: BodyChild[] = [];
  let breakBefore = false;
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'page-break') {
      // A page break is carried by the next paragraph (w:pageBreakBefore) so the new page does not start with an
      // empty line; only when no paragraph follows (a table, another break, the end) is a break paragraph written.
      const next = blocks[i + 1];
      if (next !== undefined && startsWithParagraph(next) && !breakBefore) {
        breakBefore = true;
      } else {
        out.push(breakParagraph(breakBefore));
        breakBefore = false;
      }
      continue;
    }
    out.push(...renderBlock(block, ctx, breakBefore));
    // The cover is a page of its own: what follows starts on the next one.
    breakBefore = block.kind === 'cover';
  }
  if (breakBefore) out.push(breakParagraph(false));
  return out;
}

function startsWithParagraph(block: Block): boolean {
  return (
    block.kind === 'title' ||
    block.kind === 'heading' ||
    block.kind === 'paragraph' ||
    block.kind === 'cover' ||
    block.kind === 'contents' ||
    (block.kind === 'org-chart' && block.caption !== undefined) ||
    (block.kind === 'list' && block.items.length > 0)
  );
}

function breakParagraph(alsoBefore: boolean): Paragraph {
  return new Paragraph({
    ...(alsoBefore ? { pageBreakBefore: true } : {}),
    spacing: { before: 0, after: 0 },
    children: [new PageBreak()],
  });
}

function renderBlock(block: Exclude<Block, { kind: 'page-break' }>, ctx: RenderContext, breakBefore: boolean): BodyChild[] {
  const pageBreak = breakBefore ? { pageBreakBefore: true } : {};
  switch (block.kind) {
    case 'title':
    case 'heading': {
      // In a handbook the outline is department → role → section, given by styles with their own outline levels.
      const runs = textRuns([{ text: block.text }], ctx);
      return [
        new Paragraph({
          ...(block.outline === undefined
            ? { heading: block.kind === 'title' ? HeadingLevel.TITLE : block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }
            : { style: outlineStyleId(headingKindOf(block), block.outline) }),
          ...pageBreak,
          children: block.anchor === undefined ? runs : [new Bookmark({ id: ctx.bookmarks.of(block.anchor), children: runs })],
        }),
      ];
    }
    case 'paragraph':
      return [new Paragraph({ ...pageBreak, ...raggedIfUnbreakable(block.text), children: textRuns(block.text, ctx) })];
    case 'cover':
      return cover(block, ctx, pageBreak);
    case 'contents':
      return contents(block, ctx, pageBreak);
    case 'org-chart':
      return orgChart(block, ctx, pageBreak);
    case 'path-chart':
      return block.paths.flatMap((path) => [pathTable(block, path, ctx), spacer(ctx.style)]);
    case 'list': {
      if (block.items.length === 0) return [];
      const reference = ctx.lists.next(block.numbering, block.items.length);
      const last = block.items.length - 1;
      return block.items.map(
        (item, i) =>
          new Paragraph({
            ...(i === 0 ? pageBreak : {}),
            numbering: { reference, level: 0 },
            // Items sit close together; the list as a whole keeps the block spacing after it.
            spacing: { after: i === last ? twips(ctx.style.blockSpacing) : 0 },
            ...raggedIfUnbreakable(item),
            children: textRuns(item, ctx),
          }),
      );
    }
    case 'field-grid':
      return block.rows.length === 0 ? [] : [fieldGrid(block, ctx), spacer(ctx.style)];
    case 'table':
      // A table without rows is not valid WordprocessingML; an empty table has nothing to show anyway.
      return [...(block.header ?? []), ...block.rows.flat()].length === 0 ? [] : [table(block, ctx), spacer(ctx.style)];
  }
}

/**
 * The gap after a table. Word has no "space after" for tables, and two tables with nothing between them merge
 * into one, so every table is followed by an empty paragraph exactly blockSpacing high.
 */
function spacer(style: LayoutStyle): Paragraph {
  const height = Math.max(20, twips(style.blockSpacing));
  return new Paragraph({
    spacing: { before: 0, after: 0, line: height, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/**
 * One TextRun per line of each Run. A "\n" inside a Run becomes a line break (<w:br/>) before the next piece, so no
 * text is lost and none is trimmed. A Run with a link becomes an internal hyperlink to the anchor's bookmark.
 */
function textRuns(text: RichText, ctx: RenderContext, extra: IRunStylePropertiesOptions = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of text) {
    const look = { ...extra, ...(run.bold === true ? { bold: true } : {}), ...(run.link === undefined ? {} : { color: ctx.style.colors.link }) };
    const pieces = run.text.split(/\r\n|\r|\n/).map((line, i) => new TextRun({ ...look, text: line, ...(i > 0 ? { break: 1 } : {}) }));
    if (run.link === undefined) out.push(...pieces);
    else out.push(new InternalHyperlink({ anchor: ctx.bookmarks.of(run.link), children: pieces }));
  }
  return out;
}

/** How a cell's paragraphs sit: centred (labels, header) or as running text (see cellAlign). */
type CellAlign = 'center' | 'text';


const CELL_ALIGNMENT = {
  center: { alignment: AlignmentType.CENTER },
  left: { alignment: AlignmentType.LEFT },
  justify: {},
} as const;

/** A run of this many characters with no space and no CJK in it is a word Word cannot break (a URL). */
const UNBREAKABLE_CHARS = 40;

/**
 * A word longer than a line (a URL) wraps early and leaves the line before it short; justified,
 * that line is spread apart character by character ("网      址"). Such paragraphs stay ragged.
 */
function raggedIfUnbreakable(text: RichText): { alignment?: (typeof AlignmentType)['LEFT'] } {
  return hasUnbreakableRun(text.map((run) => run.text).join(''), UNBREAKABLE_CHARS) ? { alignment: AlignmentType.LEFT } : {};
}

function cellParagraphs(content: CellContent, look: { bold: boolean; align: keyof typeof CELL_ALIGNMENT }, ctx: RenderContext): Paragraph[] {
  // A cell must hold at least one paragraph, or Word reports the file as damaged.
  const paragraphs: readonly RichText[] = content.length > 0 ? content : [[]];
  return paragraphs.map(
    (text) =>
      new Paragraph({
        style: TABLE_TEXT_STYLE,
        ...CELL_ALIGNMENT[look.align],
        ...(look.align === 'justify' ? raggedIfUnbreakable(text) : {}),
        children: textRuns(text, ctx, look.bold ? { bold: true } : {}),
      }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

/** grid: every cell bordered; rows: lines between rows only, open at the sides. */
function tableBorders(style: LayoutStyle): ITableBordersOptions {
  const line = { style: BorderStyle.SINGLE, size: BORDER_SIZE, color: style.colors.border };
  if (style.tableStyle === 'rows') return { top: line, bottom: line, left: NO_BORDER, right: NO_BORDER, insideHorizontal: line, insideVertical: NO_BORDER };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

function labelShading(style: LayoutStyle): { type: typeof ShadingType.CLEAR; fill: string; color: string } {
  return { type: ShadingType.CLEAR, fill: style.colors.labelFill, color: 'auto' };
}

/** Every table is fixed-layout and exactly as wide as the text, so Word and LibreOffice draw the same grid. */
function fixedTable(ctx: RenderContext, columnWidths: readonly number[], rows: TableRow[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: ctx.textWidth, type: WidthType.DXA },
    columnWidths,
    margins: { ...CELL_MARGINS, marginUnitType: WidthType.DXA },
    borders: tableBorders(ctx.style),
    rows,
  });
}

interface CellSpec {
  readonly content: CellContent;
  readonly bold: boolean;
  readonly shaded: boolean;
  readonly align: CellAlign;
  /** Index of the first grid column the cell covers, and how many it covers. */
  readonly column: number;
  readonly span: number;
  readonly verticalAlign: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable];
}

function cellAlign(align: CellAlign, width: number, style: LayoutStyle): keyof typeof CELL_ALIGNMENT {
  if (align === 'center') return 'center';
  return justifies(innerWidth(width, CELL_MARGINS.left), style.sizes.table * TWIPS_PER_POINT) ? 'justify' : 'left';
}

function cell(spec: CellSpec, widths: readonly number[], ctx: RenderContext): TableCell {
  const { style } = ctx;
  const width = widths.slice(spec.column, spec.column + spec.span).reduce((a, b) => a + b, 0);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(spec.span > 1 ? { columnSpan: spec.span } : {}),
    verticalAlign: spec.verticalAlign,
    ...(spec.shaded ? { shading: labelShading(style) } : {}),
    children: cellParagraphs(spec.content, { bold: spec.bold, align: cellAlign(spec.align, width, style) }, ctx),
  });
}

/**
 * A bordered table. The header row repeats on every page (w:tblHeader) and never splits; body rows may split, since
 * a duty with six long tasks can be taller than what is left of a page, or than a page. All cells align to the top.
 */
function table(block: TableBlock, ctx: RenderContext): Table {
  const widths = splitWidth(
    ctx.textWidth,
    block.columns.map((column) => column.width),
  );
  const rowCells = (cells: readonly LayoutTableCell[], header: boolean): TableCell[] => {
    if (cells.length > widths.length) {
      throw new Error(`renderDocx: a table row has ${cells.length} cells but the table has ${widths.length} columns`);
    }
    return cells.map((c, i) =>
      cell(
        {
          content: c.content,
          bold: header || c.bold === true,
          shaded: header || c.shaded === true,
          align: header ? 'center' : 'text',
          column: i,
          // A short row's last cell takes the columns left over, so the right border still closes.
          span: i === cells.length - 1 ? widths.length - i : 1,
          verticalAlign: VerticalAlignTable.TOP,
        },
        widths,
        ctx,
      ),
    );
  };
  const rows: TableRow[] = [];
  if (block.header !== undefined && block.header.length > 0) {
    // keepNext: the header never stays alone at the foot of a page.
    rows.push(
      new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: rowCells(block.header, true) }),
    );
  }
  for (const row of block.rows) {
    if (row.length > 0) rows.push(new TableRow({ children: rowCells(row, false) }));
  }
  return fixedTable(ctx, widths, rows);
}

/**
 * The form at the top of a job description: label | value | label | value. compose decides the
 * rows and the label width (enough for style.labelColumnChars characters); the two value columns
 * share the rest. Labels and values are centred vertically alike, so a label stays level with its
 * value when the value wraps.
 */
function fieldGrid(block: FieldGridBlock, ctx: RenderContext): Table {
  const { label, value, secondValue } = fieldGridColumns(ctx.textWidth, block.labelWidth, WHOLE_TWIPS);
  const widths = [label, value, label, secondValue];
  type GridField = FieldGridBlock['rows'][number][number];

  const labelCell = (field: GridField, column: number): TableCell =>
    cell(
      { content: [[{ text: field.label }]], bold: true, shaded: true, align: 'center', column, span: 1, verticalAlign: VerticalAlignTable.CENTER },
      widths,
      ctx,
    );
  const valueCell = (field: GridField, column: number, span: number): TableCell =>
    cell({ content: field.value, bold: false, shaded: false, align: 'text', column, span, verticalAlign: VerticalAlignTable.CENTER }, widths, ctx);

  const rows = block.rows.map((row) => {
    const [first, second] = row;
    return new TableRow({
      children: second
        ? [labelCell(first, 0), valueCell(first, 1, 1), labelCell(second, 2), valueCell(second, 3, 1)]
        : [labelCell(first, 0), valueCell(first, 1, 3)],
    });
  });
  return fixedTable(ctx, widths, rows);
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

/**
 * One numbering definition (abstractNum + num) per ListBlock, so every list starts at 1 on its own.
 *
 * Why not docx's `restart` / `instance`: `restart` draws ids from a module-global counter (different bytes for the
 * second document of a process), and lists sharing one abstractNum rely on w:startOverride, which LibreOffice has
 * honoured unevenly. Separate definitions are plain and restart everywhere.
 */
class ListNumbering {
  readonly #lists: { style: NumberingStyle; count: number }[] = [];

  next(style: NumberingStyle, count: number): string {
    this.#lists.push({ style, count });
    return `roledoc-list-${this.#lists.length}`;
  }

  config(style: LayoutStyle): INumberingOptions['config'] {
    return this.#lists.map((list, i) => {
      // Numbers hang in the indent at the margin; the text lines up after them, as in the source forms.
      const hanging = twips(listIndent(list.style, list.count, style.sizes.body));
      return {
        reference: `roledoc-list-${i + 1}`,
        levels: [{ level: 0, ...WORD_NUMBERING[list.style], start: 1, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: hanging, hanging } } } }],
      };
    });
  }
}

/** Each numbering style as Word's number format and level text: Word, WPS and LibreOffice count it themselves. */
const WORD_NUMBERING: Record<NumberingStyle, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }> = {
  '1.': { format: LevelFormat.DECIMAL, text: '%1.' },
  '1)': { format: LevelFormat.DECIMAL, text: '%1)' },
  '1、': { format: LevelFormat.DECIMAL, text: '%1、' },
  '(1)': { format: LevelFormat.DECIMAL, text: '(%1)' },
  '（1）': { format: LevelFormat.DECIMAL, text: '（%1）' },
  '一、': { format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  '（一）': { format: LevelFormat.CHINESE_COUNTING, text: '（%1）' },
  '①': { format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1' },
  'a.': { format: LevelFormat.LOWER_LETTER, text: '%1.' },
  'A.': { format: LevelFormat.UPPER_LETTER, text: '%1.' },
  '•': { format: LevelFormat.BULLET, text: '•' },
};

// ---------------------------------------------------------------------------------------------------------------
// Footer

/** Header or footer text as runs: words, PAGE and NUMPAGES fields that Word fills in. */
function pageTextChildren(parts: readonly PageTextPart[]): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  return parts.map((part) => ('field' in part ? (part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES) : part.text));
}

/**
 * A header or footer: centre text alone is one centred paragraph; otherwise a borderless table of
 * the columns pageTextColumns gives (as the PDF has them), so long text wraps in its own column
 * instead of running into the next, and the logo sits at the start of the left one.
 */
function pageTextBlock(text: PageText, style: LayoutStyle, textWidth: number, options: { logo?: PlacedImage; rule?: boolean }): Paragraph | Table {
  const size = halfPoints(style.sizes.footer);
  const spacing = { ...lineSpacing(style, style.sizes.footer), before: 0, after: 0 };
  const rule = { style: BorderStyle.SINGLE, size: BORDER_SIZE, color: style.colors.border, space: 2 };
  const shares = pageTextColumns(text, options.logo !== undefined);
  if (shares[1] === 1) {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      ...(options.rule === true ? { border: { bottom: rule } } : {}),
      spacing,
      children: [new TextRun({ size, children: pageTextChildren(text.center) })],
    });
  }
  const widths = pageTextColumnWidths(text, options.logo !== undefined, textWidth);
  const columns = (['left', 'center', 'right'] as const)
    .map((position, index) => ({ position, width: Math.round(widths[index] ?? 0) }))
    .filter((column) => column.width > 0);
  const cells = columns.map(
    ({ position, width }) =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.BOTTOM,
        children: [
          new Paragraph({
            alignment: ALIGNMENTS[position],
            spacing,
            children: [
              ...(position === 'left' && options.logo ? [imageRun(options.logo, LOGO_IDS.header), new TextRun({ size, text: ' ' })] : []),
              new TextRun({ size, children: pageTextChildren(text[position]) }),
            ],
          }),
        ],
      }),
  );
  const bottom = options.rule === true ? { style: BorderStyle.SINGLE, size: BORDER_SIZE, color: style.colors.border } : NO_BORDER;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: columns.map((column) => column.width),
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
    borders: { ...NO_BORDERS, bottom },
    rows: [new TableRow({ children: cells })],
  });
}

/** Word wants a header or footer to end with a paragraph: after a table, an empty one a point high. */
function endWithParagraph(block: Paragraph | Table): (Paragraph | Table)[] {
  return block instanceof Table ? [block, new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] })] : [block];
}

function pageFooter(layout: Layout, textWidth: number): Footer {
  return new Footer({ children: endWithParagraph(pageTextBlock(layout.footer, layout.style, textWidth, {})) });
}

/** The running header over a hairline: its text and the logo. */
function pageHeader(header: NonNullable<Layout['header']>, style: LayoutStyle, textWidth: number): Header {
  return new Header({ children: endWithParagraph(pageTextBlock(header.text, style, textWidth, { ...(header.logo ? { logo: header.logo } : {}), rule: true })) });
}

/** Drawing ids of the two pictures a document may hold; docx would number them per process, not per document. */
const LOGO_IDS = { header: 1, cover: 2 } as const;
const PIXELS_PER_POINT = 96 / 72;

function imageRun(placed: PlacedImage, id: number): ImageRun {
  const data = Buffer.from(placed.image.data, 'base64');
  const transformation = { width: Math.round(placed.width * PIXELS_PER_POINT), height: Math.round(placed.height * PIXELS_PER_POINT) };
  const altText = { id: String(id), name: `logo-${id}`, description: 'logo', title: 'logo' };
  return placed.image.format === 'png'
    ? new ImageRun({ type: 'png', data, transformation, altText })
    : new ImageRun({ type: 'jpg', data, transformation, altText });
}

// ---------------------------------------------------------------------------------------------------------------
// Handbook: cover, contents, charts

type PageBreakOption = { pageBreakBefore?: boolean };

/** The cover: the title a third down the page, the organisation and the date under it. */
function cover(block: CoverBlock, ctx: RenderContext, pageBreak: PageBreakOption): Paragraph[] {
  const { style } = ctx;
  const { titleSize, gapAfterTitle, lineSize } = coverMetrics(style);
  const logo = block.logo
    ? [new Paragraph({ ...pageBreak, alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: twips(120), after: 0 }, children: [imageRun(block.logo, LOGO_IDS.cover)] })]
    : [];
  return [
    ...logo,
    new Paragraph({
      ...(block.logo ? {} : pageBreak),
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: twips(200), after: twips(gapAfterTitle), ...lineSpacing(style, titleSize) },
      children: [new TextRun({ ...headingLook('title', style).run, text: block.title, size: halfPoints(titleSize) })],
    }),
    ...block.lines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 0, ...lineSpacing(style, lineSize) },
          children: [new TextRun({ text: line, size: halfPoints(lineSize) })],
        }),
    ),
  ];
}

/**
 * The contents as hyperlinks to the bookmarks of the titles: they work in Word, WPS and LibreOffice
 * without a TOC field to update, at the price of page numbers, which only Word's layout knows.
 */
function contents(block: ContentsBlock, ctx: RenderContext, pageBreak: PageBreakOption): Paragraph[] {
  const { style } = ctx;
  const indent = twips(contentsIndentStep(style.sizes.body));
  return [
    new Paragraph({
      ...pageBreak,
      alignment: ALIGNMENTS[headingAlignment('title', style.titleAlign)],
      spacing: { before: 0, after: twips(headingSpacing('title', style.blockSpacing).after), ...lineSpacing(style, headingSize(style.sizes, 'title')) },
      children: [new TextRun({ ...headingLook('title', style).run, text: block.title })],
    }),
    ...block.entries.map(
      (entry) =>
        new Paragraph({
          alignment: AlignmentType.LEFT,
          indent: { left: indent * entry.depth },
          spacing: { before: entry.depth === 0 ? twips(style.blockSpacing / 2) : 0, after: 0 },
          children: textRuns([{ text: entry.text, link: entry.anchor, ...(entry.depth === 0 ? { bold: true } : {}) }], ctx),
        }),
    ),
  ];
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS: ITableBordersOptions = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/** The box of a chart as a table cell: bordered and shaded for a role (dashed and blank for free text), its title a link. */
function chartBoxCell(box: ChartBox, span: number, width: number, ctx: RenderContext, size: number): TableCell {
  const { style } = ctx;
  const look = chartBoxLook(box);
  const line = { style: look.dashed ? BorderStyle.DASHED : BorderStyle.SINGLE, size: BORDER_SIZE + 2, color: style.colors.border };
  const paragraph = (text: string, bold: boolean, link: string | undefined): Paragraph => {
    // The whole box reads as the role; its title links there but keeps the text colour, as in the PDF.
    const run = new TextRun({ text, size: halfPoints(size), ...(bold ? { bold: true } : {}) });
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 0, after: 0, ...lineSpacing(style, size) },
      children: [link === undefined ? run : new InternalHyperlink({ anchor: ctx.bookmarks.of(link), children: [run] })],
    });
  };
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: line, bottom: line, left: line, right: line },
    ...(look.shaded ? { shading: labelShading(style) } : {}),
    margins: { top: twips(CHART.padding), bottom: twips(CHART.padding), left: twips(CHART.padding), right: twips(CHART.padding), marginUnitType: WidthType.DXA },
    children: [paragraph(box.text, look.boldTitle, box.link), ...(box.detail === undefined ? [] : [paragraph(box.detail, false, undefined)])],
  });
}

/** An empty chart cell; `borders` draws the connecting lines along its edges. */
function blankCell(span: number, width: number, borders: ITableCellBorders, rowHeight: number | undefined): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, ...borders },
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
    // An empty paragraph tiny enough not to stretch a connector row.
    children: [new Paragraph({ spacing: { before: 0, after: 0, line: rowHeight ?? 240, lineRule: rowHeight === undefined ? LineRuleType.AUTO : LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] })],
  });
}

/**
 * Sub-columns of one chart grid column: a box covers the middle four (CHART.boxShare of six), centred
 * on a column or between two.
 */
const SUB_COLUMNS = 6;
const BOX_SUB_COLUMNS = Math.round(SUB_COLUMNS * CHART.boxShare);

/**
 * The reporting tree as a borderless Word table on a fine grid: boxes are bordered cells, and the
 * connecting lines are the edges of empty cells in two thin rows under each level (a stub down
 * from the box and the bar along the bottom of the first, drops to the boxes in the second).
 * Word, WPS and LibreOffice all draw tables the same way, unlike floating drawings.
 */
function orgChart(block: OrgChartBlock, ctx: RenderContext, pageBreak: PageBreakOption): BodyChild[] {
  const { style } = ctx;
  const size = chartTextSize(style.sizes.table);
  const unit = orgChartColumn(ctx.textWidth, block.columns, twips(chartColumnWidth(CHART.maxBoxChars, size)), WHOLE_TWIPS);
  const sub = Math.floor(unit / SUB_COLUMNS);
  const gridCount = block.columns * SUB_COLUMNS;
  const widths = Array.from({ length: gridCount }, () => sub);
  const line = { style: BorderStyle.SINGLE, size: BORDER_SIZE + 2, color: style.colors.border };
  const centreOf = (box: { column: number; span: number }): number => chartBoxCentre(box) * SUB_COLUMNS;
  const connector = twips(CHART.levelGap / 2);

  /** A row of empty cells, one per sub-column, merged where nothing is drawn between them. */
  const connectorRow = (left: ReadonlySet<number>, bottom: (column: number) => boolean): TableRow => {
    const cells: TableCell[] = [];
    let start = 0;
    while (start < gridCount) {
      let end = start + 1;
      while (end < gridCount && !left.has(end) && bottom(end) === bottom(start)) end++;
      cells.push(blankCell(end - start, sub * (end - start), { ...(left.has(start) ? { left: line } : {}), ...(bottom(start) ? { bottom: line } : {}) }, connector));
      start = end;
    }
    return new TableRow({ cantSplit: true, height: { value: connector, rule: HeightRule.EXACT }, children: cells });
  };

  const rows: TableRow[] = [];
  for (let row = 0; row < block.rows; row++) {
    const boxes = block.boxes.filter((box) => box.row === row).sort((a, b) => a.column - b.column);
    const cells: TableCell[] = [];
    let cursor = 0;
    for (const box of boxes) {
      const from = centreOf(box) - BOX_SUB_COLUMNS / 2;
      if (from > cursor) cells.push(blankCell(from - cursor, sub * (from - cursor), {}, undefined));
      cells.push(chartBoxCell(box, BOX_SUB_COLUMNS, sub * BOX_SUB_COLUMNS, ctx, size));
      cursor = from + BOX_SUB_COLUMNS;
    }
    if (cursor < gridCount) cells.push(blankCell(gridCount - cursor, sub * (gridCount - cursor), {}, undefined));
    rows.push(new TableRow({ cantSplit: true, children: cells }));

    const edges = block.edges.filter((edge) => block.boxes[edge.from]?.row === row);
    if (edges.length === 0) continue;
    const stubs = new Set<number>();
    const drops = new Set<number>();
    const bars: [number, number][] = [];
    for (const edge of edges) {
      const parent = block.boxes[edge.from];
      if (!parent) continue;
      const centres = edge.to.flatMap((index) => {
        const child = block.boxes[index];
        return child ? [centreOf(child)] : [];
      });
      stubs.add(centreOf(parent));
      for (const centre of centres) drops.add(centre);
      bars.push([Math.min(centreOf(parent), ...centres), Math.max(centreOf(parent), ...centres)]);
    }
    // The bar runs along the bottom of the stub row, from the first child's centre to the last's.
    rows.push(connectorRow(stubs, (column) => bars.some(([from, to]) => column >= from && column < to)));
    rows.push(connectorRow(drops, () => false));
  }

  const caption =
    block.caption === undefined
      ? []
      : [
          new Paragraph({
            ...pageBreak,
            keepNext: true,
            alignment: AlignmentType.LEFT,
            spacing: { before: 0, after: twips(CHART.padding), ...lineSpacing(style, size) },
            children: [new TextRun({ text: block.caption, size: halfPoints(size) })],
          }),
        ];
  const chart = new Table({
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    width: { size: sub * gridCount, type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows,
  });
  return [...caption, chart, spacer(style)];
}

/** One career path as a table: boxes with arrows between; a long path carries on, arrow first, in the next row. */
function pathTable(block: PathChartBlock, path: readonly ChartBox[], ctx: RenderContext): Table {
  const { style } = ctx;
  const size = chartTextSize(style.sizes.table);
  const arrow = twips(CHART.arrowWidth);
  const box = pathChartBoxWidth(ctx.textWidth, block.perLine, arrow, WHOLE_TWIPS);
  const widths = Array.from({ length: 2 * block.perLine + 1 }, (_, i) => (i % 2 === 0 ? arrow : box));
  const arrowCell = (shown: boolean): TableCell =>
    new TableCell({
      width: { size: arrow, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 0, after: 0 },
          children: [new TextRun({ text: shown ? '→' : '', bold: true, size: halfPoints(size * 1.6), color: style.colors.border })],
        }),
      ],
    });
  const rows: TableRow[] = [];
  for (let start = 0; start < path.length; start += block.perLine) {
    const steps = path.slice(start, start + block.perLine);
    const continues = start + block.perLine < path.length;
    const cells: TableCell[] = [arrowCell(start > 0)];
    steps.forEach((step, index) => {
      cells.push(chartBoxCell(step, 1, box, ctx, size));
      cells.push(arrowCell(index < steps.length - 1 || continues));
    });
    const unused = block.perLine - steps.length;
    if (unused > 0) cells.push(blankCell(unused * 2, unused * (box + arrow), {}, undefined));
    // A thin empty row keeps the lines of a long path apart, as in the PDF.
    if (start > 0) rows.push(new TableRow({ cantSplit: true, height: { value: twips(CHART.padding * 2), rule: HeightRule.EXACT }, children: [blankCell(widths.length, widths.reduce((a, b) => a + b, 0), {}, twips(CHART.padding * 2))] }));
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return new Table({ layout: TableLayoutType.FIXED, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, borders: NO_BORDERS, rows });
}

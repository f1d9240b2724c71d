/**
 * The geometry every renderer shares: pure functions of a Layout's numbers, so a form has the same
 * proportions in Word, in PDF and in whatever format comes next, and a rule is written once.
 *
 * Units: none of its own. A length goes in and comes out in the caller's unit — the PDF passes
 * points, Word passes twips — and constants of metrics.ts, which are points, are turned into the
 * caller's unit by the caller. Each backend rounds at its own edge: the functions that place a grid
 * take a `Rounding` (the PDF keeps lengths exact; Word writes whole twips, and a fixed-layout grid
 * must add up to its table's width exactly), so *where* a grid rounds is decided here and *whether*
 * it does by the backend.
 */
import type { ChartBox, HeadingBlock, LayoutStyle, PageSetup, TableCell, TitleBlock } from './layout.js';
import { CELL_PADDING, CHART, COVER, HEADING_SPACE, JUSTIFY_MIN_CHARS, LIST_INDENT_CHARS } from './metrics.js';
import { listIndentEms, type NumberingStyle } from './numbering.js';

/** How a backend rounds a length in its unit: to the nearest whole unit, and down. */
export interface Rounding {
  readonly near: (length: number) => number;
  readonly down: (length: number) => number;
}

/** Lengths kept as they are (the PDF's points). */
export const EXACT: Rounding = { near: (length) => length, down: (length) => length };

const points = (length: number): number => length;

// ---- the page -------------------------------------------------------------------------------

/**
 * The width between the page margins, the width of every table. `toUnit` turns each edge into the
 * caller's unit on its own: Word stores the page width and each margin as whole twips, so its text
 * width is the difference of the rounded numbers, not the rounded difference.
 */
export function textWidth(page: PageSetup, toUnit: (points: number) => number = points): number {
  return toUnit(page.width) - toUnit(page.margins.left) - toUnit(page.margins.right);
}

/** The height of a line of text of `size`: the Layout gives line height as a multiple of the size. */
export function lineHeight(style: LayoutStyle, size: number): number {
  return size * style.lineHeight;
}

// ---- tables ---------------------------------------------------------------------------------

/**
 * Columns that take `shares` of `total`, in proportion. The Layout's shares add up to 1, but in
 * floating point (0.13 + 0.26 + …) they need not exactly; dividing by their sum keeps the columns
 * from overshooting the total.
 */
export function columnWidths(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  return shares.map((share) => (total * share) / (sum > 0 ? sum : 1));
}

/** The width text has in a cell (or a chart box) `width` wide with `padding` at each side. */
export function innerWidth(width: number, padding: number = CELL_PADDING.x): number {
  return width - 2 * padding;
}

/**
 * Running text is justified only where a line holds at least JUSTIFY_MIN_CHARS characters of its
 * size (see metrics.ts); `width` and `size` in one unit.
 */
export function justifies(width: number, size: number): boolean {
  return width >= JUSTIFY_MIN_CHARS * size;
}

/** How a table cell looks. */
export interface CellLook {
  readonly bold: boolean;
  /** Filled with the label colour. */
  readonly shaded: boolean;
  /** Centred between the cell's sides (labels, a header); otherwise running text (see justifies). */
  readonly centred: boolean;
  /** Centred between its top and bottom; otherwise at the top. */
  readonly middle: boolean;
}

/** A table's cell: a header cell bold, shaded and centred; a body cell as the Layout marks it, as running text; all at the top. */
export function tableCellLook(cell: TableCell, header: boolean): CellLook {
  return { bold: header || cell.bold === true, shaded: header || cell.shaded === true, centred: header, middle: false };
}

/**
 * The field grid's labels are bold, shaded and centred, its values running text; both are centred
 * between top and bottom alike, so a label stays level with its value when the value wraps.
 */
export const FIELD_LABEL_LOOK: CellLook = { bold: true, shaded: true, centred: true, middle: true };
export const FIELD_VALUE_LOOK: CellLook = { bold: false, shaded: false, centred: false, middle: true };

/** The four columns of a field grid (label, value, label, value), and the value of a row holding one field. */
export interface FieldGridColumns {
  readonly label: number;
  readonly value: number;
  /** The second value column: what the other three leave, so the grid adds up to the total. */
  readonly secondValue: number;
  /** A row with one field: its value takes the rest of the line after its label. */
  readonly wideValue: number;
}

/**
 * The form at the top of a job description: label | value | label | value. compose decides the label
 * share (enough for style.labelColumnChars characters); the two value columns share the rest.
 */
export function fieldGridColumns(total: number, labelShare: number, rounding: Rounding = EXACT): FieldGridColumns {
  const label = rounding.near(labelShare * total);
  const value = rounding.down((total - 2 * label) / 2);
  return { label, value, secondValue: total - 2 * label - value, wideValue: total - label };
}

/**
 * Share of the text width a label column needs for `labelColumnChars` characters of table text,
 * plus the cell padding and 3 pt so rounding never wraps a label; at most a quarter of the width.
 * (compose/style.ts labelColumnShare, in points.)
 */
export function labelColumnShare(textWidthPoints: number, style: LayoutStyle): number {
  return Math.min(0.25, (style.labelColumnChars * style.sizes.table + 2 * CELL_PADDING.x + 3) / textWidthPoints);
}

// ---- lists and contents ---------------------------------------------------------------------

/** The indent a list's numbers hang in, in points: LIST_INDENT_CHARS of the body size, more when its widest label needs it. */
export function listIndent(numbering: NumberingStyle, count: number, bodySize: number): number {
  return bodySize * listIndentEms(numbering, count, LIST_INDENT_CHARS);
}

/** A contents entry: a top entry (a department) is bold, with half a block spacing above it. */
export function contentsEntryLook(depth: number, blockSpacing: number): { readonly bold: boolean; readonly spaceBefore: number } {
  return { bold: depth === 0, spaceBefore: depth === 0 ? blockSpacing / 2 : 0 };
}

/** How far each level of the contents is indented, in points: as far as a list's text. */
export function contentsIndentStep(bodySize: number): number {
  return bodySize * LIST_INDENT_CHARS;
}

// ---- titles and headings --------------------------------------------------------------------

/** The three looks of a heading paragraph. */
export type HeadingKind = 'title' | 'heading1' | 'heading2';

/** The look of a title or heading block: a title, or a heading of its level. */
export const headingKindOf = (block: Pick<TitleBlock, 'kind'> | Pick<HeadingBlock, 'kind' | 'level'>): HeadingKind =>
  block.kind === 'title' ? 'title' : block.level === 1 ? 'heading1' : 'heading2';

/** The text size of a title or heading, in points. */
export function headingSize(sizes: LayoutStyle['sizes'], kind: HeadingKind): number {
  return kind === 'title' ? sizes.title : kind === 'heading1' ? sizes.heading1 : sizes.heading2;
}

/**
 * Space before and after a title or heading, in points: a title has none above and two block
 * spacings under it; a section heading HEADING_SPACE; a second-level heading less than a section.
 */
export function headingSpacing(kind: HeadingKind, blockSpacing: number): { readonly before: number; readonly after: number } {
  if (kind === 'title') return { before: 0, after: blockSpacing * 2 };
  if (kind === 'heading1') return { before: blockSpacing * HEADING_SPACE.before, after: blockSpacing * HEADING_SPACE.after };
  return { before: blockSpacing, after: blockSpacing * 0.5 };
}

/** A title (and the contents' title) follows the template's title_align; headings stay at the left. */
export function headingAlignment(kind: HeadingKind, titleAlign: LayoutStyle['titleAlign']): 'center' | 'left' {
  return kind === 'title' && titleAlign === 'center' ? 'center' : 'left';
}

/** The cover's title, COVER.titleScale times the title size, with an empty line of its size under it; its other lines at the heading-2 size. */
export function coverMetrics(style: LayoutStyle): { readonly titleSize: number; readonly gapAfterTitle: number; readonly lineSize: number } {
  const titleSize = style.sizes.title * COVER.titleScale;
  return { titleSize, gapAfterTitle: lineHeight(style, titleSize), lineSize: style.sizes.heading2 };
}

// ---- charts ---------------------------------------------------------------------------------

/** Width of a chart's grid column whose box holds `chars` characters at `size`: the box with its padding, and the gap beside it; in points. */
export function chartColumnWidth(chars: number, size: number): number {
  return (chars * size + 2 * CHART.padding) / CHART.boxShare;
}

/**
 * The grid column of an org chart: the text width shared by the chart's columns, but never wider
 * than `maxColumn` (chartColumnWidth(CHART.maxBoxChars, …) in the caller's unit): a narrow tree is
 * not stretched across the page.
 */
export function orgChartColumn(total: number, columns: number, maxColumn: number, rounding: Rounding = EXACT): number {
  return Math.min(rounding.down(total / Math.max(1, columns)), maxColumn);
}

/** A box takes CHART.boxShare of its grid column; the rest is the gap to the next box. */
export function orgChartBoxWidth(column: number): number {
  return column * CHART.boxShare;
}

/** The centre of a box, in grid columns from the chart's left edge. */
export function chartBoxCentre(box: { readonly column: number; readonly span: number }): number {
  return box.column + box.span / 2;
}

/**
 * How many grid columns an org chart may have on a line `textWidthPoints` wide: boxes never narrower
 * than CHART.minBoxChars (a wider tree is split into several charts). (compose/handbook.ts.)
 */
export function orgChartMaxColumns(textWidthPoints: number, size: number): number {
  return Math.max(1, Math.floor(textWidthPoints / chartColumnWidth(CHART.minBoxChars, size)));
}

/** The width of a career-step box when `perLine` boxes share `total` with an arrow before each and one after the last. */
export function pathChartBoxWidth(total: number, perLine: number, arrow: number, rounding: Rounding = EXACT): number {
  return rounding.down((total - (perLine + 1) * arrow) / perLine);
}

/** The space between the lines of a career path that carries on, in points. */
export const PATH_CHART_LINE_GAP = CHART.padding * 2;

/** How many career steps (CHART.stepChars wide) go on a line `textWidthPoints` wide, at least two. (compose/handbook.ts.) */
export function pathChartPerLine(textWidthPoints: number, size: number): number {
  const step = CHART.stepChars * size + 2 * CHART.padding;
  return Math.max(2, Math.floor((textWidthPoints - CHART.arrowWidth) / (step + CHART.arrowWidth)));
}

/** A role is a shaded box with its title in bold; a step that is not a role of the project, a dashed outline with plain text. */
export function chartBoxLook(box: ChartBox): { readonly shaded: boolean; readonly dashed: boolean; readonly boldTitle: boolean } {
  const role = box.plain !== true;
  return { shaded: role, dashed: !role, boldTitle: role };
}

// ---- page furniture (compose/page-furniture.ts) ---------------------------------------------

/** Room for the header's logo, in points: within the left third of the line, and the top margin above the header's rule (at 70% of the margin), less air. */
export function headerLogoRoom(page: PageSetup): { width: number; height: number } {
  return { width: textWidth(page) * 0.3, height: page.margins.top * 0.7 - 6 };
}

/** Room for the cover's logo, in points: the text width, and a quarter of the text height above the title. */
export function coverLogoRoom(page: PageSetup): { width: number; height: number } {
  return { width: textWidth(page), height: (page.height - page.margins.top - page.margins.bottom) * 0.25 };
}

// ---- characters -----------------------------------------------------------------------------

/**
 * CJK characters: radicals, kana, ideographs (with extensions and compatibility forms), full-width
 * forms and CJK punctuation. A line may break between any two of them, and justification spreads
 * them one by one; a run of anything else is a word.
 */
const CJK_RANGES = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u{20000}-\\u{3FFFF}';
const CJK = new RegExp(`[${CJK_RANGES}]`, 'u');

/** Whether `char` (one code point) is a CJK character. */
export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/**
 * A run of this many characters with no space and no CJK in it is a word neither Word nor the PDF
 * can break at a space (a URL). It wraps early and leaves the line before it short; justified, that
 * line is spread apart character by character ("网      址"), so such paragraphs stay ragged.
 */
export const UNBREAKABLE_CHARS = 40;

const unbreakableRuns = new Map<number, RegExp>();

/** Whether `text` holds a run of at least `length` characters with no break opportunity in it: no space and no CJK. */
export function hasUnbreakableRun(text: string, length: number): boolean {
  let run = unbreakableRuns.get(length);
  if (run === undefined) {
    run = new RegExp(`[^\\s${CJK_RANGES}]{${length},}`, 'u');
    unbreakableRuns.set(length, run);
  }
  return run.test(text);
}

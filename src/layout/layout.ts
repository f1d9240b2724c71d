/**
 * The Layout tree: the one contract between templates and renderers.
 * compose() turns a role into a Layout; each renderer turns a Layout into its format. Renderers
 * never see a role, templates never see docx or pdfkit, so a new look is a new template and a new
 * format is a new renderer — never an edit across every file.
 *
 * Units: lengths in points (1/72 inch), colours as 6-digit hex without '#'.
 */
import type { NumberingStyle } from './numbering.js';

/** A piece of text with one look. `bold` is the only emphasis the forms use. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  /** The anchor of a title or heading of the same document this text links to. */
  readonly link?: string;
}

/** A paragraph's worth of runs. */
export type RichText = readonly Run[];

/** The paragraphs inside a table cell or a field value. */
export type CellContent = readonly RichText[];

/** How a list numbers its items, written as its first label: 1. / 一、 / （1）/ ① / • … (see numbering.ts). */
export type { NumberingStyle };

/**
 * Where a title or heading sits in the document outline (PDF bookmarks, Word's navigation pane),
 * and the name links use to reach it. Without `outline`, a title is depth 0 and a heading its
 * level: the shape of a single role's document.
 */
interface Navigable {
  readonly outline?: number;
  readonly anchor?: string;
}

export interface TitleBlock extends Navigable {
  readonly kind: 'title';
  readonly text: string;
}

export interface HeadingBlock extends Navigable {
  readonly kind: 'heading';
  readonly level: 1 | 2;
  readonly text: string;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: RichText;
}

/** A numbered (or bulleted) list; numbering restarts with every list. */
export interface ListBlock {
  readonly kind: 'list';
  readonly numbering: NumberingStyle;
  readonly items: readonly RichText[];
}

/** One labelled value of a form. */
export interface Field {
  readonly label: string;
  readonly value: CellContent;
}

/**
 * The bordered form at the top of a job description: label | value | label | value, with shaded,
 * centred labels. A row holds two fields, or one that takes the whole width.
 */
export interface FieldGridBlock {
  readonly kind: 'field-grid';
  /** Share of the text width of each label column. */
  readonly labelWidth: number;
  readonly rows: readonly (readonly [Field] | readonly [Field, Field])[];
}

export interface TableColumn {
  /** Share of the text width; the shares of a table add up to 1. */
  readonly width: number;
}

export interface TableCell {
  readonly content: CellContent;
  readonly bold?: boolean;
  /** Label cells are shaded, as in the source form. */
  readonly shaded?: boolean;
  /**
   * What a row's first cell says at the top of a page its row continues on, once all of it was on
   * the page before (a duty and （续）); none: the cell is blank there.
   */
  readonly continued?: CellContent;
}

/**
 * A bordered table. The header row, when present, is repeated on every page the table spans;
 * body rows may split across pages (a row can be longer than a page).
 */
export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly header?: readonly TableCell[];
  readonly rows: readonly (readonly TableCell[])[];
}

export interface PageBreakBlock {
  readonly kind: 'page-break';
}

/** A cover page of its own: the logo, the title, then lines such as the organisation and the date, centred. */
export interface CoverBlock {
  readonly kind: 'cover';
  readonly title: string;
  readonly lines: readonly string[];
  readonly logo?: PlacedImage;
}

export interface ContentsEntry {
  readonly text: string;
  /** The anchor of the title or heading the entry leads to. */
  readonly anchor: string;
  /** 0 for a top entry (a department), 1 for one under it (a role). */
  readonly depth: number;
}

/** A table of contents: every entry is a link; the PDF adds page numbers. */
export interface ContentsBlock {
  readonly kind: 'contents';
  readonly title: string;
  readonly entries: readonly ContentsEntry[];
}

/** One box of a chart. */
export interface ChartBox {
  readonly text: string;
  /** A second, smaller line: the headcount. */
  readonly detail?: string;
  readonly link?: string;
  /** A box for something that is not a role of the project (a free-text career step): drawn lighter. */
  readonly plain?: boolean;
}

/**
 * A reporting tree laid out on a grid: every box covers `span` grid columns from `column` on row
 * `row` (its depth). compose decides the grid, so both renderers draw the same chart; a tree too
 * wide for the page is split by compose into several charts, never clipped.
 */
export interface OrgChartBlock {
  readonly kind: 'org-chart';
  readonly columns: number;
  readonly rows: number;
  readonly boxes: readonly (ChartBox & { readonly column: number; readonly span: number; readonly row: number })[];
  /** Lines from a box down to its children, by index into `boxes`. */
  readonly edges: readonly { readonly from: number; readonly to: readonly number[] }[];
  /** A line above the chart, e.g. who the top box reports to outside the department. */
  readonly caption?: string;
}

/** Career paths: each line a row of boxes joined by arrows; a path too long for a line goes on, arrow first, on the next. */
export interface PathChartBlock {
  readonly kind: 'path-chart';
  /** Boxes per line, decided by compose from the page width. */
  readonly perLine: number;
  readonly paths: readonly (readonly ChartBox[])[];
}

export type Block =
  | TitleBlock
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | FieldGridBlock
  | TableBlock
  | PageBreakBlock
  | CoverBlock
  | ContentsBlock
  | OrgChartBlock
  | PathChartBlock;

export interface FontPair {
  /** Font for Chinese text (Word's w:eastAsia), e.g. SimSun. */
  readonly eastAsia: string;
  /** Font for Latin text and digits, e.g. Times New Roman. */
  readonly latin: string;
}

export interface LayoutStyle {
  readonly fonts: { readonly body: FontPair; readonly heading: FontPair };
  /** The bundled families the PDF is set in where no font file is named (the template's pdf_fonts): what renderDocument loads by default. */
  readonly pdfFonts: { readonly regular: 'sans' | 'serif'; readonly bold: 'sans' | 'serif' };
  readonly sizes: {
    readonly title: number;
    readonly heading1: number;
    readonly heading2: number;
    readonly body: number;
    readonly table: number;
    readonly footer: number;
  };
  readonly colors: {
    readonly text: string;
    readonly heading: string;
    readonly border: string;
    /** Fill of label cells and header rows. */
    readonly labelFill: string;
    /** Rules under headings. */
    readonly accent: string;
    /** Text that links to another part of the document. */
    readonly link: string;
  };
  readonly titleAlign: 'center' | 'left';
  /** grid: every cell bordered, as a printed form; rows: thin lines between rows only. */
  readonly tableStyle: 'grid' | 'rows';
  /** A thin accent-coloured rule under each first-level heading. */
  readonly headingRule: boolean;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  /** Space after a paragraph, list or table, in points. */
  readonly blockSpacing: number;
  /** Width of a label column, in characters of the body size: wide enough for 8 CJK characters by default. */
  readonly labelColumnChars: number;
}

export interface PageSetup {
  readonly width: number;
  readonly height: number;
  readonly margins: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export interface DocumentMeta {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly keywords: readonly string[];
  /** BCP 47: zh-CN or en. */
  readonly lang: string;
  /**
   * The ids of the roles in the document, in order. The .docx keeps them as a custom property
   * (ROLE_IDS_PROPERTY), so that `roledoc import` gives a role brought back from it its id.
   */
  readonly roleIds?: readonly string[];
}

/** The .docx custom property that holds DocumentMeta.roleIds, space-separated. */
export const ROLE_IDS_PROPERTY = 'roledoc.roles';

export interface Layout {
  readonly meta: DocumentMeta;
  readonly page: PageSetup;
  readonly style: LayoutStyle;
  /** The running header on every page but a cover: text and, at its left, the logo. */
  readonly header?: { readonly text: PageText; readonly logo?: PlacedImage };
  /** The footer on every page but a cover, e.g. 第 {page} 页 / 共 {pages} 页. */
  readonly footer: PageText;
  readonly blocks: readonly Block[];
  /**
   * Where the document's parts begin, as indexes into `blocks` (ascending; each a page break): a
   * part — a role's pages in the handbook — looks the same wherever it stands, so a renderer may
   * make it once and reuse it while the rest of the document changes. None: one part.
   */
  readonly partStarts?: readonly number[];
}

/** A piece of header or footer text: words, or the page number / page count the reader's page shows. */
export type PageTextPart = { readonly text: string } | { readonly field: 'page' | 'pages' };

/** Header or footer text at the left, centre and right of the page; an empty list shows nothing. */
export interface PageText {
  readonly left: readonly PageTextPart[];
  readonly center: readonly PageTextPart[];
  readonly right: readonly PageTextPart[];
}

/** A PNG or JPEG, carried as base64 so a Layout stays plain data. */
export interface LayoutImage {
  readonly format: 'png' | 'jpeg';
  readonly data: string;
  readonly widthPx: number;
  readonly heightPx: number;
}

/** An image at a size on the page, in points. */
export interface PlacedImage {
  readonly image: LayoutImage;
  readonly width: number;
  readonly height: number;
}

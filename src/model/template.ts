/**
 * Templates: what a template file may say (`RawTemplate`, every key optional, as
 * `schemas/template.schema.json` guarantees) and the complete template a build uses (`Template`),
 * which is the file laid over the template it extends.
 */
import type { NumberingStyle } from '../layout/numbering.js';
import type { BundledFaces } from './fonts.js';

export type SectionKey =
  | 'info'
  | 'purpose'
  | 'responsibilities'
  | 'duties'
  | 'relations'
  | 'qualifications'
  | 'conditions'
  | 'kpis'
  | 'remarks'
  | 'extra_sections'
  | 'revisions';

export type SectionDisplay = 'field-grid' | 'label-table' | 'numbered-list' | 'duty-table' | 'kpi-table' | 'paragraph' | 'sections' | 'revision-table';

/** The lists a template may number its own way; `tasks` are the tasks inside the duty table. */
export type NumberedList = 'responsibilities' | 'duties' | 'tasks' | 'kpis' | 'extra_sections';

/** Text at the left, centre and right of the page header or footer, with {placeholders}. */
export interface PageTextSpec {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

export interface FontSpec {
  /** Word's font for Chinese text (w:eastAsia). */
  readonly east_asia: string;
  /** Word's font for Latin text. */
  readonly latin: string;
  /** The PDF's font file; in a complete Template an absolute path. */
  readonly pdf?: string;
}

export interface SectionEntry {
  readonly section: SectionKey;
  readonly as: SectionDisplay;
}

export type TableStyle = 'grid' | 'rows';

type DeepPartial<T> = { readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A logo as a template file names it. */
export interface RawLogo {
  /** PNG or JPEG, relative to the template's folder. */
  readonly file: string;
  readonly header_height_mm?: number;
  readonly cover_height_mm?: number;
}

/** The image of a logo, read when the template is loaded: compose and the renderers never touch the disk. */
export interface LogoImage {
  readonly format: 'png' | 'jpeg';
  /** The file's bytes, base64: a Layout is plain data (hashed as JSON, sent to render threads). */
  readonly data: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly header_height_mm: number;
  readonly cover_height_mm: number;
}

/** A complete template: every look the documents need is decided. */
export interface Template {
  readonly name: string;
  readonly description?: string;
  readonly page: {
    readonly size: 'A4' | 'Letter';
    readonly margins_mm: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  };
  readonly fonts: { readonly body: FontSpec; readonly heading: FontSpec };
  /**
   * The bundled families the PDF is set in where no font file is named (roledoc.config.yaml's
   * `fonts`, `fonts.*.pdf` here): classic's SimSun body is Noto Serif SC, its SimHei headings Noto Sans SC.
   */
  readonly pdf_fonts: BundledFaces;
  readonly sizes_pt: {
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
    readonly label_fill: string;
    readonly accent: string;
    readonly link: string;
  };
  readonly line_height: number;
  readonly block_spacing_pt: number;
  readonly label_column_chars: number;
  readonly title_align: 'center' | 'left';
  readonly table_style: TableStyle;
  readonly heading_rule: boolean;
  readonly sections: readonly SectionEntry[];
  readonly hide: readonly SectionKey[];
  readonly labels: Readonly<Record<string, string>>;
  readonly numbering: Readonly<Partial<Record<NumberedList, NumberingStyle>>>;
  readonly header?: PageTextSpec;
  readonly footer?: PageTextSpec;
  readonly logo?: LogoImage;
}

/** A template file as written: any part may be left to the template it extends. */
export type RawTemplate = DeepPartial<Omit<Template, 'logo' | 'sections' | 'hide' | 'labels' | 'numbering'>> & {
  /** A built-in template this one starts from; without it, `classic`. */
  readonly extends?: string;
  readonly sections?: readonly SectionEntry[];
  readonly hide?: readonly SectionKey[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly numbering?: Readonly<Partial<Record<NumberedList, NumberingStyle>>>;
  readonly logo?: RawLogo;
};

/** The placeholders header and footer text may use. */
export const PAGE_TEXT_PLACEHOLDERS = ['title', 'role', 'department', 'organization', 'page', 'pages'] as const;
export type PageTextPlaceholder = (typeof PAGE_TEXT_PLACEHOLDERS)[number];

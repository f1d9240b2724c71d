/** A template file as `schemas/template.schema.json` guarantees it. */

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
  | 'extra_sections';

export type SectionDisplay = 'field-grid' | 'label-table' | 'numbered-list' | 'duty-table' | 'kpi-table' | 'paragraph' | 'sections';

export interface RawFontPair {
  readonly east_asia: string;
  readonly latin: string;
}

export interface RawTemplate {
  readonly name: string;
  readonly description?: string;
  readonly page: {
    readonly size: 'A4' | 'Letter';
    readonly margins_mm: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  };
  readonly fonts: { readonly body: RawFontPair; readonly heading: RawFontPair };
  readonly sizes_pt: {
    readonly title: number;
    readonly heading1: number;
    readonly heading2: number;
    readonly body: number;
    readonly table: number;
    readonly footer: number;
  };
  readonly colors: { readonly text: string; readonly heading: string; readonly border: string; readonly label_fill: string };
  readonly line_height?: number;
  readonly block_spacing_pt?: number;
  readonly label_column_chars?: number;
  readonly sections: readonly { readonly section: SectionKey; readonly as: SectionDisplay }[];
}

/**
 * The shape of a locale catalog file (templates/locales/<name>.yaml, schemas/locale.schema.json):
 * words and patterns, no code. A pattern is text with placeholders in braces — `{title}职位说明书`.
 */
import type { Lang } from '../messages/lang.js';
import type { LabelKey } from './fields.js';

export const BUILTIN_LOCALES = ['zh-CN', 'en', 'zh-TW'] as const;
export type BuiltinLocaleName = (typeof BUILTIN_LOCALES)[number];

export function isBuiltinLocale(name: unknown): name is BuiltinLocaleName {
  return typeof name === 'string' && (BUILTIN_LOCALES as readonly string[]).includes(name);
}

export type SalaryPeriod = 'month' | 'year' | 'hour';

/** A complete catalog: what a built-in file holds, and what a project file becomes once merged over the one it extends. */
export interface LocaleData {
  /** BCP 47 tag of the documents. */
  readonly lang: string;
  /** Language of roledoc's own messages. */
  readonly messages: Lang;
  readonly document_title: string;
  readonly labels: Readonly<Record<LabelKey, string>>;
  readonly dates: {
    /** A year and month: `{year}年{month}月`, `{month_name} {year}`. */
    readonly month: string;
    /** A full date: `{year}年{month}月{day}日`, `{day} {month_name} {year}`. */
    readonly day: string;
    /** The twelve names {month_name} stands for; without them it is the month's number. */
    readonly month_names?: readonly string[];
  };
  readonly headcount: string;
  readonly weight: string;
  readonly salary: {
    /** Currency of a salary that names none. */
    readonly default_currency: string;
    /** How a currency code is written: CNY → 元; a code not listed is written as it is. */
    readonly currencies: Readonly<Record<string, string>>;
    readonly periods: Readonly<Record<SalaryPeriod, string>>;
    readonly unit: string;
    readonly amount_range: string;
    readonly range: string;
    readonly from: string;
    readonly up_to: string;
    readonly no_amount: string;
    readonly with_note: string;
  };
  readonly list_separator: string;
  readonly career_path_separator: string;
  /** Characters that end a sentence or clause: after one, no separator is added. */
  readonly punctuation: string;
  readonly sentences: { readonly end_mark: string; readonly separator: string };
  readonly note: { readonly separator: string; readonly after_punctuation: string; readonly attached_before: readonly string[] };
  readonly kpi_details: { readonly weight: string; readonly target: string; readonly separator: string; readonly wrap: string };
  readonly task_label: string;
  /** A row's first cell said again on a page the row continues on: `{text}（续）`; none: left blank there. */
  readonly continued_cell?: string;
  /** The Changes column of the revision history: a role file's first commit, and each later one. */
  readonly revisions: { readonly created: string; readonly changed: string };
  readonly handbook: {
    readonly contents: string;
    readonly index: string;
    readonly org_chart: string;
    readonly career_paths: string;
    readonly subtotal: string;
    readonly total: string;
    readonly reports_outside: string;
    readonly reports_to: string;
    readonly continued: string;
  };
  readonly page_footer: string;
}

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { readonly [K in keyof T]?: DeepPartial<T[K]> } : T;

/** A catalog file as written: a project's may name the built-in it extends and give only what differs. */
export type RawLocale = DeepPartial<LocaleData> & { readonly extends?: BuiltinLocaleName };

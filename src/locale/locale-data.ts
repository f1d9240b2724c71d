/**
 * The shape of a locale catalog file (templates/locales/<name>.yaml, schemas/locale.schema.json):
 * words and patterns, no code. A pattern is text with placeholders in braces — `{title}职位说明书` —
 * and PLACEHOLDERS says which placeholders each pattern may use.
 */
import type { Lang } from '../i18n/lang.js';
import type { LabelKey } from './locale.js';

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

/** The placeholders each pattern may use, by its path in the file. */
export const PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  document_title: ['title'],
  'dates.month': ['year', 'month', 'month_name'],
  'dates.day': ['year', 'month', 'month_name', 'day'],
  headcount: ['count'],
  weight: ['weight'],
  'salary.unit': ['currency', 'period'],
  'salary.amount_range': ['min', 'max'],
  'salary.range': ['amount', 'unit', 'currency', 'period'],
  'salary.from': ['amount', 'unit', 'currency', 'period'],
  'salary.up_to': ['amount', 'unit', 'currency', 'period'],
  'salary.no_amount': ['unit', 'currency', 'period'],
  'salary.with_note': ['salary', 'note'],
  'kpi_details.weight': ['weight'],
  'kpi_details.target': ['target'],
  'kpi_details.wrap': ['details'],
  task_label: ['n'],
  'handbook.subtotal': ['department'],
  'handbook.reports_outside': ['title', 'department'],
  'handbook.reports_to': ['text'],
  'handbook.continued': ['title'],
  page_footer: ['page', 'pages'],
};

/** `{name}` in a pattern. Anything in braces counts, so a misspelt `{titel}` is caught, not printed. */
export const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a pattern uses that it may not, in order of appearance. */
export function unknownPlaceholders(pattern: string, allowed: readonly string[]): string[] {
  return [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !allowed.includes(name));
}

/** Fills a pattern in one pass: a value that itself contains `{x}` is never filled again. */
export function fill(pattern: string, values: Readonly<Record<string, string | number>>): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

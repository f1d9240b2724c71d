/**
 * The built-in locale catalogs (templates/locales/<name>.yaml), read and checked once per process,
 * and what every document needs to know of a locale. A project's own catalog: load-locale.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../i18n/lang.js';
import { buildLocale, localeData } from './build-locale.js';
import { checkCatalog } from './catalog.js';
import { isBuiltinLocale, type BuiltinLocaleName, type LocaleData } from './locale-data.js';
import type { Locale } from './locale.js';

export { withLabels } from './build-locale.js';
export { BUILTIN_LOCALES, isBuiltinLocale, type BuiltinLocaleName } from './locale-data.js';
export { LABEL_KEYS, type LabelKey, type Locale } from './locale.js';

/** templates/locales/ sits two levels above both src/locale and dist/locale. */
export const BUILTIN_LOCALES_DIR = fileURLToPath(new URL('../../templates/locales/', import.meta.url));

const data = new Map<BuiltinLocaleName, LocaleData>();
const built = new Map<BuiltinLocaleName, Locale>();

/** A built-in catalog's data; a built-in that fails its own checks is a bug in roledoc, so it throws. */
export function builtinLocaleData(name: BuiltinLocaleName): LocaleData {
  let found = data.get(name);
  if (!found) {
    const shownAs = `templates/locales/${name}.yaml`;
    const checked = checkCatalog(shownAs, readFileSync(path.join(BUILTIN_LOCALES_DIR, `${name}.yaml`)), 'en');
    if (!checked.raw || checked.raw.extends !== undefined) {
      const problems = checked.diagnostics.map((d) => `${d.file}:${d.span.line}:${d.span.column} ${d.message}`).join('\n');
      throw new Error(`The built-in locale ${name} is not a complete catalog:\n${problems}`);
    }
    found = checked.raw as LocaleData;
    data.set(name, found);
  }
  return found;
}

/** A built-in locale: zh-CN, en or zh-TW. */
export function localeFor(name: BuiltinLocaleName): Locale {
  let locale = built.get(name);
  if (!locale) built.set(name, (locale = buildLocale(builtinLocaleData(name))));
  return locale;
}

/**
 * The language of roledoc's messages for a config's `locale:` when it can be known without reading
 * a file: a built-in's (zh-TW → zh-CN); undefined for a project catalog (its `messages` says).
 */
export function messagesLangFor(nameOrPath: string): Lang | undefined {
  return isBuiltinLocale(nameOrPath) ? builtinLocaleData(nameOrPath).messages : undefined;
}

/** Every piece of text a document shows besides the role's own: what the PDF font must be able to draw. */
export function localeText(locale: Locale): string {
  const catalog = localeData(locale);
  const currencies = catalog ? [catalog.salary.default_currency, ...Object.keys(catalog.salary.currencies)] : ['CNY'];
  const periods = ['month', 'year', 'hour'] as const;
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  return [
    ...Object.values(locale.labels),
    ...Object.values(locale.fields),
    ...Object.values(locale.sections),
    ...Object.values(locale.dutyTable),
    ...Object.values(locale.relations),
    ...Object.values(locale.qualifications),
    ...Object.values(locale.conditions),
    ...Object.values(locale.kpiTable),
    locale.documentTitle(''),
    ...months.map((month) => locale.formatDate(`2014-${month}`)),
    locale.formatDate('2014-09-01'),
    locale.formatHeadcount(4),
    ...currencies.flatMap((currency) => periods.map((period) => locale.formatSalary({ currency, period }))),
    locale.formatSalary({ min: 6000, max: 9000, note: '.' }),
    locale.formatSalary({ min: 6000 }),
    locale.formatSalary({ max: 9000 }),
    locale.formatWeight(60),
    locale.kpiDetails(60, ''),
    locale.joinList(['', '']),
    locale.joinSentences(['', '']),
    locale.joinNote('', ''),
    locale.joinNote('.', ''),
    locale.careerPathSeparator,
    locale.taskLabel(0),
    locale.handbook.contents,
    locale.handbook.index,
    locale.handbook.orgChart,
    locale.handbook.careerPaths,
    locale.handbook.subtotal(''),
    locale.handbook.total,
    locale.handbook.reportsOutside('', ''),
    locale.handbook.reportsTo(''),
    locale.handbook.continued(''),
    locale.formatPageFooter(1, 2),
    '0123456789',
  ].join('');
}

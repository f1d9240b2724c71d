import type { Lang } from '../i18n/lang.js';
import { en } from './en.js';
import type { Locale } from './locale.js';
import { zhCN } from './zh-CN.js';

const LOCALES: Record<Lang, Locale> = { 'zh-CN': zhCN, en };

export function localeFor(lang: Lang): Locale {
  return LOCALES[lang];
}

/** Every piece of text a document shows besides the role's own: what the PDF font must be able to draw. */
export function localeText(locale: Locale): string {
  const labels = [locale.fields, locale.sections, locale.dutyTable, locale.relations, locale.qualifications, locale.conditions, locale.kpiTable, locale.pageNumbers];
  return [
    ...labels.flatMap((group) => Object.values(group)),
    locale.documentTitle(''),
    locale.formatDate('2014-09-01'),
    locale.formatHeadcount(4),
    locale.formatSalary({ min: 6000, max: 9000 }),
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
    '0123456789',
  ].join('');
}

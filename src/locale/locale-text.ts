import type { Locale } from './locale.js';

/** Every piece of text a document shows besides the role's own: what the PDF font must be able to draw. */
export function localeText(locale: Locale): string {
  const { salary } = locale.catalog;
  const currencies = [salary.default_currency, ...Object.keys(salary.currencies)];
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

/**
 * The one builder: a catalog's words and patterns → the Locale the composer uses. Whatever differs
 * between languages is in the data (patterns, separators, the punctuation set, the words a note may
 * follow without a comma), never in a branch here.
 */
import { fieldsOf, isLabelKey, LABEL_KEYS, type FieldGroup, type GroupKey, type LabelKey } from '../model/fields.js';
import type { LocaleData } from '../model/locale.js';
import type { RawSalary } from '../model/role.js';
import { groupDigits, parseIsoDate, type Locale } from './locale.js';
import { fill } from './locale-data.js';

export function buildLocale(data: LocaleData): Locale {
  const l = data.labels;
  const endsWithPunctuation = (text: string): boolean => {
    const last = Array.from(text).pop();
    return last !== undefined && data.punctuation.includes(last);
  };
  const salaryText = (salary: RawSalary): string => {
    const s = data.salary;
    const code = salary.currency ?? s.default_currency;
    const currency = s.currencies[code] ?? code;
    const period = s.periods[salary.period ?? 'month'];
    const unit = fill(s.unit, { currency, period });
    const { min, max } = salary;
    const words = { unit, currency, period };
    const amount =
      min !== undefined && max !== undefined
        ? fill(s.range, { ...words, amount: min === max ? groupDigits(min) : fill(s.amount_range, { min: groupDigits(min), max: groupDigits(max) }) })
        : min !== undefined
          ? fill(s.from, { ...words, amount: groupDigits(min) })
          : max !== undefined
            ? fill(s.up_to, { ...words, amount: groupDigits(max) })
            : fill(s.no_amount, words);
    return salary.note ? fill(s.with_note, { salary: amount, note: salary.note }) : amount;
  };

  return {
    catalog: data,
    lang: data.lang,
    messages: data.messages,
    ...labelGroups(l),
    documentTitle: (title) => fill(data.document_title, { title }),
    formatDate(isoDate) {
      const { year, month, day } = parseIsoDate(isoDate);
      const values = { year, month, month_name: data.dates.month_names?.[month - 1] ?? String(month) };
      return day === undefined ? fill(data.dates.month, values) : fill(data.dates.day, { ...values, day });
    },
    formatHeadcount: (count) => fill(data.headcount, { count }),
    formatSalary: salaryText,
    formatWeight: (weight) => fill(data.weight, { weight }),
    joinList: (items) => items.join(data.list_separator),
    listSeparator: data.list_separator,
    joinSentences: (items) =>
      items.map((item, i) => (i < items.length - 1 && !endsWithPunctuation(item) ? `${item}${data.sentences.end_mark}` : item)).join(data.sentences.separator),
    kpiDetails(weight, target) {
      const k = data.kpi_details;
      const parts = [...(weight === undefined ? [] : [fill(k.weight, { weight })]), ...(target === undefined ? [] : [fill(k.target, { target })])];
      return parts.length === 0 ? '' : fill(k.wrap, { details: parts.join(k.separator) });
    },
    joinNote: (main, note) =>
      endsWithPunctuation(main) || data.note.attached_before.some((prefix) => prefix !== '' && note.startsWith(prefix))
        ? `${main}${data.note.after_punctuation}${note}`
        : `${main}${data.note.separator}${note}`,
    careerPathSeparator: data.career_path_separator,
    taskLabel: (index) => fill(data.task_label, { n: index + 1 }),
    continuedCell: (text) => (data.continued_cell === undefined ? undefined : fill(data.continued_cell, { text })),
    revisionChanges: (fields) => (fields === 'created' ? data.revisions.created : fill(data.revisions.changed, { fields: fields.join(data.list_separator) })),
    handbook: {
      contents: data.handbook.contents,
      index: data.handbook.index,
      orgChart: data.handbook.org_chart,
      careerPaths: data.handbook.career_paths,
      subtotal: (department) => fill(data.handbook.subtotal, { department }),
      total: data.handbook.total,
      reportsOutside: (title, department) => fill(data.handbook.reports_outside, { title, department }),
      reportsTo: (text) => fill(data.handbook.reports_to, { text }),
      continued: (title) => fill(data.handbook.continued, { title }),
    },
    pageFooter: data.page_footer,
    formatPageFooter: (page, pages) => fill(data.page_footer, { page, pages }),
  };
}

/**
 * The locale with some labels replaced (a template's `labels:`), everywhere they show: fields,
 * section titles, relation / qualification / condition rows, duty and KPI table headers. Keys that
 * are not in LABEL_KEYS are ignored.
 */
export function withLabels(locale: Locale, overrides: Readonly<Record<string, string>>): Locale {
  const changed = Object.entries(overrides).filter((entry): entry is [LabelKey, string] => isLabelKey(entry[0]));
  if (changed.length === 0) return locale;
  const labels = Object.fromEntries(LABEL_KEYS.map((key) => [key, locale.labels[key] ?? ''])) as Record<LabelKey, string>;
  for (const [key, value] of changed) labels[key] = value;
  return buildLocale({ ...locale.catalog, labels });
}

/** The label map and the groups the composer reads, which are views of it (see model/fields.ts). */
function labelGroups(l: Readonly<Record<LabelKey, string>>): Pick<Locale, 'labels' | 'fields' | 'sections' | 'dutyTable' | 'relations' | 'qualifications' | 'conditions' | 'kpiTable' | 'revisionTable'> {
  const group = <G extends FieldGroup>(name: G): Readonly<Record<GroupKey<G>, string>> =>
    Object.fromEntries(fieldsOf(name).map((field) => [field.key, l[field.key]])) as Record<GroupKey<G>, string>;
  return {
    labels: { ...l },
    fields: group('info'),
    sections: group('section'),
    dutyTable: group('duty-table'),
    relations: group('relations'),
    qualifications: group('qualifications'),
    conditions: group('conditions'),
    kpiTable: group('kpi-table'),
    revisionTable: group('revision-table'),
  };
}

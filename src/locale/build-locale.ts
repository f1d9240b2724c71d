/**
 * The one builder: a catalog's words and patterns → the Locale the composer uses. Whatever differs
 * between languages is in the data (patterns, separators, the punctuation set, the words a note may
 * follow without a comma), never in a branch here.
 */
import type { RawSalary } from '../model/role.js';
import { groupDigits, isLabelKey, LABEL_KEYS, parseIsoDate, type LabelKey, type Locale } from './locale.js';
import { fill, type LocaleData } from './locale-data.js';

/** The catalog each Locale was built from (localeText and withLabels read it). */
const dataOf = new WeakMap<Locale, LocaleData>();

export function localeData(locale: Locale): LocaleData | undefined {
  return dataOf.get(locale);
}

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

  const locale: Locale = {
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
  dataOf.set(locale, data);
  return locale;
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
  const data = dataOf.get(locale);
  if (data) return buildLocale({ ...data, labels });
  // A Locale not made by buildLocale (a test double): replace the label groups, keep its functions.
  return { ...locale, ...labelGroups(labels) };
}

/** The label map and the groups the composer reads, which are views of it. */
function labelGroups(l: Readonly<Record<LabelKey, string>>): Pick<Locale, 'labels' | 'fields' | 'sections' | 'dutyTable' | 'relations' | 'qualifications' | 'conditions' | 'kpiTable'> {
  return {
    labels: { ...l },
    fields: {
      title: l.title,
      code: l.code,
      department: l.department,
      unit: l.unit,
      grade: l.grade,
      headcount: l.headcount,
      reports_to: l.reports_to,
      direct_reports: l.direct_reports,
      established: l.established,
      salary: l.salary,
      career_path: l.career_path,
    },
    sections: {
      purpose: l.purpose,
      responsibilities: l.responsibilities,
      duties: l.duties,
      relations: l.relations,
      qualifications: l.qualifications,
      conditions: l.conditions,
      kpis: l.kpis,
      remarks: l.remarks,
    },
    dutyTable: { duty: l.duty, tasks: l.tasks },
    relations: { internal: l.internal, external: l.external },
    qualifications: {
      education: l.education,
      majors: l.majors,
      training: l.training,
      experience: l.experience,
      knowledge: l.knowledge,
      skills: l.skills,
      personal: l.personal,
    },
    conditions: { tools: l.tools, environment: l.environment, schedule: l.schedule, records: l.records },
    kpiTable: { name: l.name, weight: l.weight, target: l.target },
  };
}

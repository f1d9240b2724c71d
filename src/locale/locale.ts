/**
 * What a document says around the role's own words: section titles, field labels, and how dates,
 * headcounts and pay are written. The catalogs are data (templates/locales/<name>.yaml, or a
 * project's own file); one builder (build-locale.ts) turns any of them into this interface, so
 * renderers never see a language-specific branch.
 */
import type { Lang } from '../i18n/lang.js';
import type { RawSalary } from '../model/role.js';

/**
 * Every label a catalog names, keyed by the role file's own key where there is one: field labels,
 * section titles, the rows of relations / qualifications / conditions, and the headers of the duty
 * table (duty, tasks) and of the KPI table (name, weight, target). A template may override any of them.
 */
export const LABEL_KEYS = [
  // fields
  'title',
  'code',
  'department',
  'unit',
  'grade',
  'headcount',
  'reports_to',
  'direct_reports',
  'established',
  'salary',
  'career_path',
  // sections
  'purpose',
  'responsibilities',
  'duties',
  'relations',
  'qualifications',
  'conditions',
  'kpis',
  'remarks',
  // relations
  'internal',
  'external',
  // qualifications
  'education',
  'majors',
  'training',
  'experience',
  'knowledge',
  'skills',
  'personal',
  // conditions
  'tools',
  'environment',
  'schedule',
  'records',
  // duty table headers
  'duty',
  'tasks',
  // KPI table headers
  'name',
  'weight',
  'target',
] as const;

export type LabelKey = (typeof LABEL_KEYS)[number];

export function isLabelKey(key: string): key is LabelKey {
  return (LABEL_KEYS as readonly string[]).includes(key);
}

export interface Locale {
  /** BCP 47 language tag of the documents: zh-CN, en, zh-TW (document properties, sorting). */
  readonly lang: string;
  /** The language of roledoc's own messages for this catalog (zh-TW → zh-CN). */
  readonly messages: Lang;
  /** Every label by its key (see LABEL_KEYS); the groups below are views of it. */
  readonly labels: Readonly<Record<string, string>>;
  /** The document title for a role: 客服主管职位说明书 / Job Description: Customer Service Supervisor. */
  documentTitle(roleTitle: string): string;
  readonly fields: {
    readonly title: string;
    readonly code: string;
    readonly department: string;
    readonly unit: string;
    readonly grade: string;
    readonly headcount: string;
    readonly reports_to: string;
    readonly direct_reports: string;
    readonly established: string;
    readonly salary: string;
    readonly career_path: string;
  };
  readonly sections: {
    readonly purpose: string;
    readonly responsibilities: string;
    readonly duties: string;
    readonly relations: string;
    readonly qualifications: string;
    readonly conditions: string;
    readonly kpis: string;
    readonly remarks: string;
  };
  readonly dutyTable: { readonly duty: string; readonly tasks: string };
  readonly relations: { readonly internal: string; readonly external: string };
  readonly qualifications: {
    readonly education: string;
    readonly majors: string;
    readonly training: string;
    readonly experience: string;
    readonly knowledge: string;
    readonly skills: string;
    readonly personal: string;
  };
  readonly conditions: { readonly tools: string; readonly environment: string; readonly schedule: string; readonly records: string };
  readonly kpiTable: { readonly name: string; readonly weight: string; readonly target: string };
  /** `2014-09` → 2014年9月 / Sep 2014; `2014-09-01` → 2014年9月1日 / 1 Sep 2014. */
  formatDate(isoDate: string): string;
  formatHeadcount(count: number): string;
  /** 6,000–9,000 元/月; with no numbers 元/月, as the source form prints it. */
  formatSalary(salary: RawSalary): string;
  formatWeight(weight: number): string;
  /** Joins names in a sentence: 公司各部门、客服经理 / Sales, Support. */
  joinList(items: readonly string[]): string;
  /** What joinList puts between names: 、 / ", ". */
  readonly listSeparator: string;
  /** Joins whole sentences into one paragraph, adding a separator only where one is missing. */
  joinSentences(items: readonly string[]): string;
  /** A KPI's weight and target after its name, when they are shown in a list: （权重 60%，目标 ≥ 95%）. */
  kpiDetails(weight: number | undefined, target: string | undefined): string;
  /** Joins a value with its note: 大专以上 + 根据能力可放宽标准 → 大专以上，根据能力可放宽标准. */
  joinNote(main: string, note: string): string;
  readonly careerPathSeparator: string;
  /** Label of the n-th task (0-based) inside the duty table: （1）/ (1). */
  taskLabel(index: number): string;
  /** The words of the handbook around the roles. */
  readonly handbook: {
    readonly contents: string;
    readonly index: string;
    readonly orgChart: string;
    readonly careerPaths: string;
    /** Label of a department's headcount row in the index: 客服部小计. */
    subtotal(department: string): string;
    readonly total: string;
    /** Caption of a chart whose top role reports to a role of another department. */
    reportsOutside(title: string, department: string): string;
    /** The same for a reports_to written as free text, not a role of the project. */
    reportsTo(text: string): string;
    /** Caption of a chart that carries on a tree too wide or deep for one. */
    continued(title: string): string;
  };
  /** Footer pattern with {page} and {pages}: 第 {page} 页 / 共 {pages} 页, Page {page} of {pages}. */
  readonly pageFooter: string;
  /** The footer written out: formatPageFooter(2, 5) → 第 2 页 / 共 5 页. */
  formatPageFooter(page: number, pages: number): string;
}

/** Digits with thousands separators; integers stay integers. */
export function groupDigits(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function parseIsoDate(isoDate: string): { year: number; month: number; day: number | undefined } {
  const [year = 0, month = 1, day] = isoDate.split('-').map(Number);
  return { year, month, day };
}

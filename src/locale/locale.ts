/**
 * What a document says around the role's own words: section titles, field labels, and how dates,
 * headcounts and pay are written. One catalog per language; both implement this interface, so a
 * missing label is a compile error, not a blank in a printed form.
 */
import type { Lang } from '../i18n/lang.js';
import type { RawSalary } from '../model/role.js';

export interface Locale {
  readonly lang: Lang;
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
  /** Footer: `${before}N${between}M${after}`. */
  readonly pageNumbers: { readonly before: string; readonly between: string; readonly after: string };
}

/** Digits with thousands separators; integers stay integers. */
export function groupDigits(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function parseIsoDate(isoDate: string): { year: number; month: number; day: number | undefined } {
  const [year = 0, month = 1, day] = isoDate.split('-').map(Number);
  return { year, month, day };
}

/** The min–max part of a salary, or undefined when neither is given. */
export function salaryRange(salary: RawSalary): string | undefined {
  const { min, max } = salary;
  if (min !== undefined && max !== undefined) return min === max ? groupDigits(min) : `${groupDigits(min)}–${groupDigits(max)}`;
  if (min !== undefined) return groupDigits(min);
  if (max !== undefined) return groupDigits(max);
  return undefined;
}

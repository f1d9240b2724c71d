/**
 * What a document says around the role's own words: section titles, field labels, and how dates,
 * headcounts and pay are written. The catalogs are data (templates/locales/<name>.yaml, or a
 * project's own file); one builder (build-locale.ts) turns any of them into this interface, so
 * renderers never see a language-specific branch.
 */
import type { Lang } from '../messages/lang.js';
import type { GroupKey } from '../model/fields.js';
import type { LocaleData } from '../model/locale.js';
import type { RawSalary } from '../model/role.js';

export interface Locale {
  /** The catalog this was built from. */
  readonly catalog: LocaleData;
  /** BCP 47 language tag of the documents: zh-CN, en, zh-TW (document properties, sorting). */
  readonly lang: string;
  /** The language of roledoc's own messages for this catalog (zh-TW → zh-CN). */
  readonly messages: Lang;
  /** Every label by its key (see model/fields.ts); the groups below are views of it. */
  readonly labels: Readonly<Record<string, string>>;
  /** The document title for a role: 客服主管职位说明书 / Job Description: Customer Service Supervisor. */
  documentTitle(roleTitle: string): string;
  /** Labels of the 基本信息 grid (and of the role index's columns). */
  readonly fields: Readonly<Record<GroupKey<'info'>, string>>;
  /** Section titles. */
  readonly sections: Readonly<Record<GroupKey<'section'>, string>>;
  readonly dutyTable: Readonly<Record<GroupKey<'duty-table'>, string>>;
  /** Row labels of the relations, qualifications and conditions tables. */
  readonly relations: Readonly<Record<GroupKey<'relations'>, string>>;
  readonly qualifications: Readonly<Record<GroupKey<'qualifications'>, string>>;
  readonly conditions: Readonly<Record<GroupKey<'conditions'>, string>>;
  readonly kpiTable: Readonly<Record<GroupKey<'kpi-table'>, string>>;
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
  /** A row's first cell (a duty) as the top of a page its row continues on shows it: 职责（续）; undefined: blank. */
  continuedCell(text: string): string | undefined;
  /** The Changes of a revision: created, or the labels of the fields that changed. */
  revisionChanges(fields: readonly string[] | 'created'): string;
  readonly revisionTable: Readonly<Record<GroupKey<'revision-table'>, string>>;
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

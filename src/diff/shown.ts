/**
 * A role as its document shows it, field by field: the label the document prints and the value in
 * the document's words (4人, 2014年9月, 客服主管→客服经理, 大专以上，根据能力可放宽标准), or its list
 * of items. The diff compares these, so a change reads as HR reads the document. Pure.
 */
import type { Locale } from '../locale/locale.js';
import { fieldsOf } from '../model/fields.js';
import { refText, type Role, type RoleRef } from '../model/role.js';

export interface ShownField {
  /** Stable across both sides: headcount, relations.internal, extra:岗位权限. */
  readonly key: string;
  readonly label: string;
  readonly value?: string;
  readonly items?: readonly string[];
  /** Derived from other roles (直接下级): a change here is the echo of a change there. */
  readonly derived?: boolean;
  /** The ids a link names (直接上级, 发展通路): when they stay and the words change, another role was renamed. */
  readonly links?: readonly string[];
  /** What names each item apart from its words (a KPI's name), for matching items whose details changed. */
  readonly keys?: readonly string[];
}

const linkIds = (refs: readonly RoleRef[]): string[] => refs.map((ref) => (ref.kind === 'role' ? `#${ref.id}` : ref.text));

export function shownFields(role: Role, locale: Locale): ShownField[] {
  const f = locale.fields;
  const s = locale.sections;
  const shown: ShownField[] = [];
  const value = (key: string, label: string, text: string | undefined, extra: Partial<ShownField> = {}): void => {
    if (text !== undefined && text !== '') shown.push({ key, label, value: text, ...extra });
  };
  const items = (key: string, label: string, list: readonly string[] | undefined, extra: Partial<ShownField> = {}): void => {
    if (list !== undefined && list.length > 0) shown.push({ key, label, items: list, ...extra });
  };
  const within = (section: string, row: string): string => `${section} · ${row}`;

  for (const key of ['title', 'code', 'department', 'unit', 'work_location', 'grade'] as const) value(key, f[key], role[key]);
  value('headcount', f.headcount, role.headcount === undefined ? undefined : locale.formatHeadcount(role.headcount));
  if (role.reports_to) value('reports_to', f.reports_to, refText(role.reports_to), { links: linkIds([role.reports_to]) });
  items('direct_reports', f.direct_reports, role.direct_reports.map(refText), { derived: true });
  value('established', f.established, role.established === undefined ? undefined : locale.formatDate(role.established));
  value('salary', f.salary, role.salary === undefined ? undefined : locale.formatSalary(role.salary));
  if (role.career_path) value('career_path', f.career_path, role.career_path.map(refText).join(locale.careerPathSeparator), { links: linkIds(role.career_path) });
  value('career_note', f.career_path, role.career_note);
  value('purpose', s.purpose, role.purpose);
  items('responsibilities', s.responsibilities, role.responsibilities);
  for (const row of fieldsOf('relations')) items(`relations.${row.key}`, within(s.relations, locale.relations[row.key]), role.relations[row.key]);
  const q = role.qualifications;
  const noted = (main: string | undefined, note: string | undefined): string | undefined =>
    main === undefined ? note : note === undefined ? main : locale.joinNote(main, note);
  value('qualifications.education', within(s.qualifications, locale.qualifications.education), noted(q.education, q.education_note));
  value('qualifications.majors', within(s.qualifications, locale.qualifications.majors), noted(q.majors === undefined ? undefined : locale.joinList(q.majors), q.majors_note));
  for (const key of ['training', 'experience', 'knowledge', 'skills', 'personal'] as const) items(`qualifications.${key}`, within(s.qualifications, locale.qualifications[key]), q[key]);
  for (const row of fieldsOf('conditions')) items(`conditions.${row.key}`, within(s.conditions, locale.conditions[row.key]), role.conditions[row.key]);
  items('kpis', s.kpis, role.kpis.map((kpi) => `${kpi.name}${locale.kpiDetails(kpi.weight, kpi.target)}`), { keys: role.kpis.map((kpi) => kpi.name) });
  value('remarks', s.remarks, role.remarks);
  for (const section of role.extra_sections) {
    items(`extra:${section.title}`, section.title, [...(section.text === undefined ? [] : [section.text]), ...(section.items ?? [])]);
  }
  return shown;
}

/** Every word of a role as one text, for telling whether two roles under different ids are the same one. */
export function roleText(role: Role, locale: Locale): string {
  const duties = role.duties.flatMap((duty) => [duty.duty, ...duty.tasks]);
  return [...shownFields(role, locale).filter((field) => field.key !== 'title').flatMap((field) => field.items ?? [field.value ?? '']), ...duties].join('\n');
}

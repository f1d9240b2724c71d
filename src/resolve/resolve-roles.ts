/**
 * resolve: checked role files → the roles the documents show (pure). Every role is resolved
 * against all the others: a `reports_to` or `career_path` entry that is a role's id becomes a
 * reference to that role, anything else stays words; 直接下级 are derived from the roles that
 * report to a role; text-or-list fields become lists and KPIs objects. Compose then only decides
 * how things look.
 */
import type { RawRole, Role, RoleRef, TextOrList } from '../model/role.js';

const byIdOrder = (a: RoleRef, b: RoleRef): number => {
  const [x, y] = [a.kind === 'role' ? a.id : '', b.kind === 'role' ? b.id : ''];
  return x < y ? -1 : x > y ? 1 : 0;
};

const listOf = (value: TextOrList | undefined): readonly string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value);

/** The roles of a project, resolved against each other, in the order given. */
export function resolveRoles(raw: readonly RawRole[]): Role[] {
  const titles = new Map(raw.map((role) => [role.id, role.title]));
  const ref = (value: string): RoleRef => {
    const title = titles.get(value);
    return title === undefined ? { kind: 'text', text: value } : { kind: 'role', id: value, title };
  };
  const reports = new Map<string, RoleRef[]>();
  for (const role of raw) {
    if (role.reports_to === undefined || !titles.has(role.reports_to)) continue;
    const known = reports.get(role.reports_to);
    if (known) known.push(ref(role.id));
    else reports.set(role.reports_to, [ref(role.id)]);
  }
  return raw.map((role): Role => {
    const { reports_to, career_path, duties, relations, qualifications: q, conditions: c, kpis, extra_sections, ...rest } = role;
    return {
      ...rest,
      // One department however its characters were composed (e + ◌́ or é): the handbook groups by it.
      department: rest.department.normalize('NFC'),
      ...(reports_to === undefined ? {} : { reports_to: ref(reports_to) }),
      direct_reports: (reports.get(role.id) ?? []).sort(byIdOrder),
      ...(career_path === undefined ? {} : { career_path: career_path.map(ref) }),
      duties: duties ?? [],
      relations: { ...relations },
      qualifications: {
        ...(q?.education === undefined ? {} : { education: q.education }),
        ...(q?.education_note === undefined ? {} : { education_note: q.education_note }),
        ...(q?.majors === undefined ? {} : { majors: q.majors }),
        ...(q?.majors_note === undefined ? {} : { majors_note: q.majors_note }),
        training: listOf(q?.training),
        experience: listOf(q?.experience),
        knowledge: listOf(q?.knowledge),
        skills: listOf(q?.skills),
        personal: listOf(q?.personal),
      },
      conditions: { tools: listOf(c?.tools), environment: listOf(c?.environment), schedule: listOf(c?.schedule), records: listOf(c?.records) },
      kpis: (kpis ?? []).map((kpi) => (typeof kpi === 'string' ? { name: kpi } : kpi)),
      extra_sections: extra_sections ?? [],
    };
  });
}

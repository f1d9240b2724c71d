/**
 * The handbook's order (pure): departments by their first mention in the config's `order` (by
 * name, or by one of their role ids), then by name; in a department, the reporting tree from the
 * top, siblings by their mention in `order`, then title, then id.
 */
import type { Handbook, HandbookDepartment } from '../model/handbook.js';
import type { Role } from '../model/role.js';

/**
 * @param lang the documents' language: names sort as its readers expect (numeric: 主管2 before 主管10).
 */
export function resolveHandbook(roles: readonly Role[], order: readonly string[], lang: string): Handbook {
  const collator = new Intl.Collator(lang, { numeric: true });
  // Departments are named in NFC (resolveRoles); so is an `order` entry before it is looked for.
  const normalOrder = order.map((entry) => entry.normalize('NFC'));
  const rank = (key: string): number => {
    const index = normalOrder.indexOf(key.normalize('NFC'));
    return index < 0 ? Number.POSITIVE_INFINITY : index;
  };
  const byName = new Map<string, Role[]>();
  for (const role of roles) {
    const name = role.department.normalize('NFC');
    byName.set(name, [...(byName.get(name) ?? []), role]);
  }
  const departmentRank = (name: string, members: readonly Role[]): number => Math.min(rank(name), ...members.map((role) => rank(role.id)));
  const siblings = (a: Role, b: Role): number => rank(a.id) - rank(b.id) || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ordered = [...byName].sort(([a, am], [b, bm]) => departmentRank(a, am) - departmentRank(b, bm) || collator.compare(a, b) || (a < b ? -1 : 1));

  const departments = ordered.map(([name, members]): HandbookDepartment => {
    const ids = new Set(members.map((role) => role.id));
    const reports = new Map<string, Role[]>();
    const tops: Role[] = [];
    for (const role of [...members].sort(siblings)) {
      const boss = role.reports_to;
      if (boss?.kind === 'role' && ids.has(boss.id) && boss.id !== role.id) {
        reports.set(boss.id, [...(reports.get(boss.id) ?? []), role]);
      } else {
        tops.push(role);
      }
    }
    // Reading order: each tree from its top, depth first. The project rules refuse cycles; a role
    // left out by one anyway (its whole loop reports inside) is still printed, after the trees.
    const reading: Role[] = [];
    const seen = new Set<string>();
    const visit = (role: Role): void => {
      if (seen.has(role.id)) return;
      seen.add(role.id);
      reading.push(role);
      for (const report of reports.get(role.id) ?? []) visit(report);
    };
    tops.forEach(visit);
    for (const role of [...members].sort(siblings)) visit(role);
    return { name, roles: reading, tops, reports };
  });
  return { departments, byId: new Map(roles.map((role) => [role.id, role])) };
}

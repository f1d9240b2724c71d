/**
 * What one role's document needs to know about the others: titles behind linked ids, and the
 * derived 直接下级 (the roles whose reports_to names it).
 */
import type { RawRole } from '../model/role.js';

export interface RoleDirectory {
  /** The title of the role with this id, or undefined when the text is not a role id. */
  titleOf(id: string): string | undefined;
  /** Ids of the roles that report to this id, ordered by id for stable output. */
  directReportsOf(id: string): readonly string[];
}

export function buildDirectory(roles: readonly RawRole[]): RoleDirectory {
  const titles = new Map(roles.map((role) => [role.id, role.title]));
  const reports = new Map<string, string[]>();
  for (const role of roles) {
    if (role.reports_to === undefined || !titles.has(role.reports_to)) continue;
    reports.set(role.reports_to, [...(reports.get(role.reports_to) ?? []), role.id]);
  }
  return {
    titleOf: (id) => titles.get(id),
    directReportsOf: (id) => [...(reports.get(id) ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

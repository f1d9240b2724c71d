/** The handbook as the resolve stage orders it: departments, and in each its roles and reporting trees. */
import type { Role } from './role.js';

export interface HandbookDepartment {
  readonly name: string;
  /** The roles of the department in reading order: each reporting tree from its top, depth first. */
  readonly roles: readonly Role[];
  /** Roles whose reports_to is not a role of the department, in order: each the top of a tree. */
  readonly tops: readonly Role[];
  /** The roles of the department that report to a role of it, by that role's id, in order. */
  readonly reports: ReadonlyMap<string, readonly Role[]>;
}

export interface Handbook {
  readonly departments: readonly HandbookDepartment[];
  /** Every role of the handbook by id. */
  readonly byId: ReadonlyMap<string, Role>;
}

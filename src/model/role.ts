/**
 * A role twice over: `RawRole`, the file exactly as `schemas/role.schema.json` guarantees it once
 * ajv has accepted it, and `Role`, what the resolve stage makes of it for the documents — links
 * looked up, 直接下级 derived, every text-or-list a list, every KPI an object.
 */
import type { InfoTextKey } from './fields.js';

/** Text, or a list of text: `experience: 5年以上` and `experience: [5年以上, …]` are both fine. */
export type TextOrList = string | readonly string[];

export interface RawSalary {
  readonly min?: number;
  readonly max?: number;
  readonly currency?: string;
  readonly period?: 'month' | 'year' | 'hour';
  readonly note?: string;
}

export interface RawDuty {
  readonly duty: string;
  readonly tasks: readonly string[];
}

export interface RawKpi {
  readonly name: string;
  readonly weight?: number;
  readonly target?: string;
}

export interface RawExtraSection {
  readonly title: string;
  readonly text?: string;
  readonly items?: readonly string[];
}

/** The 基本信息 fields written as text (code, unit, grade …; see model/fields.ts); title and department are required. */
type InfoTexts = { readonly [K in Exclude<InfoTextKey, 'title' | 'department'>]?: string };

export interface RawRole extends InfoTexts {
  readonly id: string;
  readonly title: string;
  readonly department: string;
  readonly headcount?: number;
  readonly reports_to?: string;
  readonly established?: string;
  readonly salary?: RawSalary;
  readonly career_path?: readonly string[];
  readonly career_note?: string;
  readonly purpose?: string;
  readonly responsibilities: readonly string[];
  readonly duties?: readonly RawDuty[];
  readonly relations?: { readonly internal?: readonly string[]; readonly external?: readonly string[] };
  readonly qualifications?: {
    readonly education?: string;
    readonly education_note?: string;
    readonly majors?: readonly string[];
    readonly majors_note?: string;
    readonly training?: TextOrList;
    readonly experience?: TextOrList;
    readonly knowledge?: TextOrList;
    readonly skills?: TextOrList;
    readonly personal?: TextOrList;
  };
  readonly conditions?: {
    readonly tools?: TextOrList;
    readonly environment?: string;
    readonly schedule?: string;
    readonly records?: TextOrList;
  };
  readonly kpis?: readonly (string | RawKpi)[];
  readonly remarks?: string;
  readonly extra_sections?: readonly RawExtraSection[];
}

/** The id pattern of the format; a `reports_to` or `career_path` entry that matches it is a link. */
export const ROLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What a `reports_to` or `career_path` entry names: a role of the project (by its id), or just words. */
export type RoleRef = { readonly kind: 'role'; readonly id: string; readonly title: string } | { readonly kind: 'text'; readonly text: string };

/** The words a reference shows: a role's title, or the text as written. */
export const refText = (ref: RoleRef): string => (ref.kind === 'role' ? ref.title : ref.text);

/**
 * A role as the documents show it. Lists that a file may leave out are empty here; a field whose
 * absence the documents show differently from any value (purpose, salary …) stays optional.
 */
export interface Role extends InfoTexts {
  readonly id: string;
  readonly title: string;
  readonly department: string;
  readonly headcount?: number;
  readonly reports_to?: RoleRef;
  /** The roles whose reports_to names this one, by id: derived, never written. */
  readonly direct_reports: readonly RoleRef[];
  readonly established?: string;
  readonly salary?: RawSalary;
  /** Written at all: a path with only a note still takes its row. */
  readonly career_path?: readonly RoleRef[];
  readonly career_note?: string;
  readonly purpose?: string;
  readonly responsibilities: readonly string[];
  readonly duties: readonly RawDuty[];
  /** Each list as written, or absent. */
  readonly relations: { readonly internal?: readonly string[]; readonly external?: readonly string[] };
  readonly qualifications: {
    readonly education?: string;
    readonly education_note?: string;
    readonly majors?: readonly string[];
    readonly majors_note?: string;
    readonly training: readonly string[];
    readonly experience: readonly string[];
    readonly knowledge: readonly string[];
    readonly skills: readonly string[];
    readonly personal: readonly string[];
  };
  readonly conditions: {
    readonly tools: readonly string[];
    readonly environment: readonly string[];
    readonly schedule: readonly string[];
    readonly records: readonly string[];
  };
  readonly kpis: readonly RawKpi[];
  readonly remarks?: string;
  readonly extra_sections: readonly RawExtraSection[];
  /** The 修订记录, oldest first: from the role file's git history, when the config asks for it (revision_history). */
  readonly revisions?: readonly Revision[];
}

/** One row of a role's 修订记录: a commit that changed its file. */
export interface Revision {
  /** 1 for the first commit, counting up. */
  readonly version: number;
  /** The commit's author date, YYYY-MM-DD (UTC). */
  readonly date: string;
  /** What changed, in the documents' words: 新建, or 修改：定员人数、岗位职责. */
  readonly changes: string;
  readonly author: string;
}

/**
 * A role file exactly as `schemas/role.schema.json` guarantees it: the shape data has once ajv has
 * accepted it. The schema is the source of truth; this type mirrors it for the compiler.
 */

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

export interface RawRole {
  readonly id: string;
  readonly title: string;
  readonly code?: string;
  readonly department: string;
  readonly unit?: string;
  readonly grade?: string;
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

/**
 * What recognising a document gives, and the draft of a role it fills in as it reads: pieces of
 * source text by field, with the labels they came under. Shared by the reader (recognise.ts) and
 * the step that turns a draft into a role's fields (role-fields.ts).
 */
import type { GuessWords } from '../messages/import-messages.js';
import type { LabelKey } from '../model/fields.js';
import type { RawDuty, RawExtraSection, RawKpi, RawSalary, TextOrList } from '../model/role.js';
import type { LabelIndex } from './labels.js';
import type { SourcePlace } from './source.js';
import type { Piece, Token } from './tokens.js';

/** Why a value went where it went, when the source did not say (each has its sentence in the report's catalog). */
export type GuessReason = GuessWords;

export interface Guess {
  readonly reason: GuessReason;
  /** The role file key the value went to (qualifications.education, duties …). */
  readonly field: string;
  readonly value: string;
  readonly place?: SourcePlace;
}

/** Source text that no field holds, kept aside. */
export interface Kept {
  /** The source's own label for it, when it had one. */
  readonly label?: string;
  readonly field: 'remarks' | 'extra_sections';
  readonly text: string;
  readonly place?: SourcePlace;
}

/** A field filled from a label of the source. */
export interface Mapped {
  readonly field: string;
  readonly label: string;
  readonly place: SourcePlace;
}

/** A role as read, before it has an id: the role file's fields, in the role schema's shape. */
export interface ImportedRole {
  title?: string;
  code?: string;
  department?: string;
  unit?: string;
  work_location?: string;
  grade?: string;
  headcount?: number;
  reports_to?: string;
  established?: string;
  salary?: RawSalary;
  career_path?: string[];
  career_note?: string;
  purpose?: string;
  responsibilities: string[];
  duties?: RawDuty[];
  relations?: { internal?: string[]; external?: string[] };
  qualifications?: {
    education?: string;
    education_note?: string;
    majors?: string[];
    majors_note?: string;
    training?: TextOrList;
    experience?: TextOrList;
    knowledge?: TextOrList;
    skills?: TextOrList;
    personal?: TextOrList;
  };
  conditions?: { tools?: TextOrList; environment?: string; schedule?: string; records?: TextOrList };
  kpis?: (string | RawKpi)[];
  remarks?: string;
  extra_sections?: RawExtraSection[];
}

export interface RecognisedRole {
  readonly role: ImportedRole;
  /** 直接下级 as the source wrote it: derived from reports_to, so checked once every role is known. */
  readonly directReports?: { readonly names: readonly string[]; readonly label: string; readonly place: SourcePlace };
  readonly mapped: readonly Mapped[];
  readonly guesses: Guess[];
  readonly kept: Kept[];
  /** Labels the source showed with nothing after them (薪资待遇 元/月): left out. */
  readonly empty: readonly string[];
  readonly place: SourcePlace;
}

export interface Recognised {
  readonly roles: readonly RecognisedRole[];
  /** Text before the first role (a cover, a web page's frame): no role's. */
  readonly outside: readonly Piece[];
}

export interface RecogniseOptions {
  readonly labels: LabelIndex;
  /** The catalogs' words between a value and its note (，) and the words a note starts with (等). */
  readonly noteSeparators: readonly string[];
  readonly noteAttachedBefore: readonly string[];
  /** The department to give roles whose source names none (`--department`). */
  readonly department?: string;
  /** The source file's name without its extension, for a role that names no title at all. */
  readonly fileTitle: string;
  /**
   * A top-level heading that is neither a role's title nor a label ends the role before it: in a
   * handbook roledoc made, a department's title and org chart come between its roles.
   */
  readonly endsAtTopHeading?: boolean;
  /**
   * How many roles the document holds, when roledoc made it: each starts at its title, and what
   * comes before the first (a cover, contents, the index of roles, org charts) is no role's.
   */
  readonly expectedRoles?: number;
}

export type InfoKey = Extract<LabelKey, 'title' | 'code' | 'department' | 'unit' | 'work_location' | 'grade' | 'headcount' | 'reports_to' | 'direct_reports' | 'established' | 'salary' | 'career_path'>;
export type SectionKey = 'purpose' | 'responsibilities' | 'duties' | 'relations' | 'qualifications' | 'conditions' | 'kpis' | 'remarks';
export type Cursor =
  | { readonly at: 'info'; readonly key?: InfoKey; taken: number }
  | { readonly at: 'section'; readonly key: SectionKey; readonly sub?: string }
  | { readonly at: 'extra'; readonly index: number };

export interface LabeledPieces {
  readonly label: string;
  readonly place: SourcePlace;
  readonly pieces: Piece[];
}

export interface Draft {
  readonly place: SourcePlace;
  titleLine?: { title: string; place: SourcePlace };
  readonly info: Map<InfoKey, LabeledPieces>;
  readonly careerNote: Piece[];
  readonly loose: Piece[];
  readonly text: Map<'purpose' | 'responsibilities' | 'remarks' | 'kpis' | 'duties', Piece[]>;
  readonly dutyRows: { duty?: Piece; tasks: readonly Piece[] }[];
  readonly kpiRows: Extract<Token, { kind: 'kpi' }>[];
  /** relations / qualifications / conditions rows by key; by the section's own key, text under it with no row label. */
  readonly rows: Map<string, Piece[]>;
  readonly sectionLabels: Map<string, string>;
  readonly extras: LabeledPieces[];
  readonly mapped: Mapped[];
  readonly guesses: Guess[];
  /** Every piece of text the role took, labels too: where it goes if the role turns out to be none. */
  readonly seen: Piece[];
  content: boolean;
}

export const SECTION_KEYS: readonly string[] = ['purpose', 'responsibilities', 'duties', 'relations', 'qualifications', 'conditions', 'kpis', 'remarks'];
export const isSectionKey = (key: string): key is SectionKey => SECTION_KEYS.includes(key);
/** A label as a title: without its colon (薪资待遇: → 薪资待遇). */
export const bare = (label: string): string => label.replace(/[:：]\s*$/u, '').trim();
export const joinPieces = (pieces: readonly Piece[], separator: string): string => pieces.map((p) => p.text).join(separator).trim();

export function newDraft(place: SourcePlace): Draft {
  return { place, info: new Map(), careerNote: [], loose: [], text: new Map(), dutyRows: [], kpiRows: [], rows: new Map(), sectionLabels: new Map(), extras: [], mapped: [], guesses: [], seen: [], content: false };
}

export type OutputFormat = 'docx' | 'pdf' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf', 'html'];

/**
 * An archival PDF standard the PDFs are written to: PDF/A-2b (the pages look the same forever) or
 * PDF/A-2u (and every character's Unicode is known, so the text can be searched and copied).
 */
export type PdfStandard = 'PDF/A-2b' | 'PDF/A-2u';
export const PDF_STANDARDS: readonly PdfStandard[] = ['PDF/A-2b', 'PDF/A-2u'];

/** A font file, and for a TTC collection the face inside it. */
export type FontRef = string | { readonly path: string; readonly face?: string };

/** `roledoc.config.yaml` with every default filled in. */
export interface ProjectConfig {
  readonly title: string;
  readonly organization: string;
  readonly roles: string;
  readonly out: string;
  readonly template: string;
  /** A built-in locale (zh-CN, en, zh-TW) or a project catalog: a .yaml/.yml path relative to the project root. */
  readonly locale: string;
  readonly formats: readonly OutputFormat[];
  readonly handbook: boolean;
  /** A 修订记录 table in each role's documents, from its file's git history. */
  readonly revision_history: boolean;
  /** Handbook order: department names and role ids, first to last. */
  readonly order: readonly string[];
  /** roledoc lint: each rule's level, and the organisation's own phrase rules. */
  readonly lint: LintConfig;
  /** PDF fonts; without them the bundled Noto Sans SC is used. */
  readonly fonts?: { readonly regular?: FontRef; readonly bold?: FontRef; readonly fallback?: FontRef };
  /** Write the PDFs as PDF/A (archival); without it they are tagged PDFs of no standard. */
  readonly pdf_standard?: PdfStandard;
}

/** How much a lint rule's findings count: not at all, a hint, a warning, or an error that fails the check. */
export type LintLevel = 'off' | 'info' | 'warn' | 'error';

export interface LintConfig {
  /** A level for each rule by its id (gender, age, vague …); a rule not named keeps its default. */
  readonly rules: Readonly<Record<string, LintLevel>>;
  /** The organisation's own phrases to flag: a pattern (a regular expression), the message ({phrase} is the match), a hint. */
  readonly phrases: readonly { readonly pattern: string; readonly message: string; readonly hint?: string; readonly severity?: LintLevel }[];
}

/** The file as written: every key optional (see schemas/config.schema.json). */
export type RawConfig = Partial<ProjectConfig>;

export const DEFAULT_CONFIG: ProjectConfig = {
  title: '岗位说明书',
  organization: '',
  roles: 'roles',
  out: 'out',
  template: 'classic',
  locale: 'zh-CN',
  formats: ['docx', 'pdf'],
  handbook: true,
  revision_history: false,
  order: [],
  lint: { rules: {}, phrases: [] },
};

export const CONFIG_FILE_NAME = 'roledoc.config.yaml';

/** The handbook's own file names (out/handbook.pdf): a role with this id would overwrite it. */
export const HANDBOOK_NAME = 'handbook';

/**
 * What `roledoc preview` shows: the project checked, and the documents of every role whose file
 * is valid — even while another role's file is broken, so one mistake never blanks the others —
 * composed with the template and locale asked for (the page can switch them). Reads through the
 * same API as build; renders nothing itself.
 */
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import type { Layout } from '../layout/layout.js';
import { sourceLine, type SourceFile } from '../load/source-file.js';
import { checkProject } from './check-project.js';
import { compileDocuments } from './compile.js';
import { loadProjectLocale, loadProjectTemplate } from './load-look.js';
import { openProject } from './open-project.js';
import type { Lang } from '../messages/lang.js';

export interface PreviewRole {
  readonly id: string;
  readonly title: string;
  readonly department: string;
  readonly file: string;
}

/** A problem as the page shows it: where, the line itself, and the hint. */
export interface PreviewProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  /** The line of the file the problem is on, as written. */
  readonly source?: string;
}

export interface PreviewState {
  readonly roles: readonly PreviewRole[];
  readonly problems: readonly PreviewProblem[];
  /** The Layout of each document that could be made, by its name: a role's id, or `handbook`. */
  readonly layouts: ReadonlyMap<string, Layout>;
  /** A problem that kept the project from being read at all (no roles folder, an unreadable config). */
  readonly fatal?: { readonly message: string; readonly hint?: string };
  /** The template or the locale has errors: no document could be made, whatever the roles. */
  readonly lookFailed: boolean;
}

export interface PreviewOptions {
  readonly template?: string;
  readonly locale?: string;
  readonly lang?: Lang;
}

function problemOf(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>): PreviewProblem {
  const source = sources.get(d.file);
  return {
    file: d.file,
    line: d.span.line,
    column: d.span.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    ...(source ? { source: sourceLine(source, d.span.line) } : {}),
  };
}

/** @param root the project root (absolute). Never throws for the project's own files: their problems are in the state. */
export async function previewProject(root: string, options: PreviewOptions = {}): Promise<PreviewState> {
  let checked;
  try {
    checked = await checkProject(root, options.lang ? { lang: options.lang } : {});
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { roles: [], problems: [], layouts: new Map(), lookFailed: false, fatal: { message: error.message, ...(error.hint ? { hint: error.hint } : {}) } };
  }
  const { project } = checked;
  const problems = checked.diagnostics.map((d) => problemOf(d, checked.sources));
  const roles = checked.roles.map((entry) => ({ id: entry.role.id, title: entry.role.title, department: entry.role.department, file: entry.file }));
  // The look asked for in the page, or the project's own.
  const overridden = options.template !== undefined || options.locale !== undefined;
  const template = overridden ? (await loadProjectTemplate(await openProject(root, options.lang), options.template)).template : checked.template;
  const locale = overridden ? (await loadProjectLocale(project, options.locale)).locale : checked.locale;
  const layouts = new Map<string, Layout>();
  if (template && locale && checked.roles.length > 0) {
    const documents = compileDocuments(
      { config: project.config, roles: checked.roles, template, locale, templateFiles: [] },
      { formats: ['html'], documentsOf: checked.roles, handbook: project.config.handbook, epoch: undefined, commits: new Map(), fonts: undefined },
    );
    // A document's role is its id, or `handbook` (HANDBOOK_NAME) for the handbook.
    for (const document of documents) layouts.set(document.role, document.layout);
  }
  return { roles, problems, layouts, lookFailed: template === undefined || locale === undefined };
}

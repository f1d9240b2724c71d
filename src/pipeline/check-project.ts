/**
 * Checking a whole project, as `roledoc validate` does: the config, every role file, the rules
 * across them, the template and the locale, and what the PDF font cannot draw. Every problem at
 * once; nothing is written.
 */
import { hasErrors, normalizeDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { FileAccess } from '../core/file-access.js';
import { nodeFiles } from '../io/node-files.js';
import type { SourceFile } from '../load/source-file.js';
import type { Locale } from '../locale/locale.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor } from '../messages/messages.js';
import type { Template } from '../model/template.js';
import { checkProjectRoles, type CheckedRole } from './check-roles.js';
import { loadProjectLocale, loadProjectTemplate } from './load-look.js';
import { coveredConfig, openProject, type ProjectContext } from './open-project.js';
import { readRoleFiles } from './read-roles.js';

export interface CheckOptions {
  /** Role files or folders to report on (links are still checked against every role); none: the whole project, template and locale included. */
  readonly paths?: readonly string[];
  /** The language of messages; default the project's. */
  readonly lang?: Lang;
  /** How the template's files are read; default the disk. */
  readonly files?: FileAccess;
  /** Keep the reviewer's hints (`roledoc lint`): vague wording, KPIs that trace to no duty. */
  readonly lintHints?: boolean;
}

export interface CheckedProject {
  readonly project: ProjectContext;
  /** The role files reported on. */
  readonly targets: readonly string[];
  /** Every valid role of the project. */
  readonly roles: readonly CheckedRole[];
  /** Every problem, sorted: of the config, the target files, and (for a whole project) the template and locale. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, for reporters to quote. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** How many files were checked: the targets, the config, and the project's own template and catalog files. */
  readonly filesChecked: number;
  /** The template and locale the documents would be made with; undefined when they have errors. */
  readonly template: Template | undefined;
  readonly locale: Locale | undefined;
  /** The files the template and a project catalog are made of, as the project names them: they date the documents. */
  readonly lookFiles: readonly string[];
}

/** The files a check read, as a summary counts them: the role files, the config, and the project's own template and catalog files (not roledoc's built-in ones). */
export function countCheckedFiles(project: ProjectContext, roleFiles: readonly string[], lookSources: readonly SourceFile[]): number {
  return roleFiles.length + (project.configSource ? 1 : 0) + lookSources.filter((source) => !source.path.startsWith('roledoc:')).length;
}

/**
 * @param root the project root (absolute).
 * @throws UserError when the project cannot be checked at all (no roles folder, a font that cannot be read).
 */
export async function checkProject(root: string, options: CheckOptions = {}): Promise<CheckedProject> {
  const paths = options.paths ?? [];
  const project = await openProject(root, options.lang);
  const checked = checkProjectRoles(project, await readRoleFiles(project, paths), { lintHints: options.lintHints === true });
  const sources = new Map(checked.sources);
  let diagnostics = [...checked.diagnostics];
  let lookSources: SourceFile[] = [];
  let template: Template | undefined;
  let locale: Locale | undefined;
  let lookFiles: string[] = [];
  if (!hasErrors(project.configDiagnostics)) {
    const loaded = await loadProjectTemplate(project, undefined, options.files ?? nodeFiles);
    const catalog = await loadProjectLocale(project, undefined, options.files ?? nodeFiles);
    // The whole project includes its template: a typo there is as much an error as one in a role.
    if (paths.length === 0) {
      for (const source of [...loaded.sources, ...catalog.sources]) sources.set(source.path, source);
      lookSources = [...loaded.sources, ...catalog.sources];
      diagnostics.push(...loaded.diagnostics, ...catalog.diagnostics);
    }
    template = loaded.template;
    locale = catalog.locale;
    lookFiles = [...loaded.files, ...catalog.sources.map((source) => source.path)];
    // What the PDF font cannot draw, as `build` reports it.
    if (template && locale && project.config.formats.includes('pdf')) {
      // Loaded only here: fontkit is not for a project without PDFs to pay for.
      const { checkPdfCoverage, loadPdfFonts } = await import('./pdf-fonts.js');
      const { facts } = await loadPdfFonts(project.config, project.root, template, cliMessagesFor(project.lang));
      const wanted = new Set(checked.targets);
      diagnostics.push(
        ...checkPdfCoverage(
          facts,
          { locale, template, config: project.config, configFile: coveredConfig(project) },
          checked.roles.filter((entry) => wanted.has(entry.file)).map((entry) => ({ file: entry.file, data: entry.role, locator: entry.locator })),
          sources,
          { cli: cliMessagesFor(project.lang), files: messagesFor(project.lang) },
        ),
      );
    } else if (template && project.config.formats.includes('docx') && project.config.handbook) {
      // The handbook .docx's contents are paginated with the PDF fonts: one that cannot be read is a warning, as in build.
      const { paginationFonts } = await import('./pdf-fonts.js');
      const { diagnostics: unpaged } = await paginationFonts(project.config, project.root, template, project.configLocator, {
        cli: cliMessagesFor(project.lang),
        files: messagesFor(project.lang),
      });
      diagnostics.push(...unpaged);
    }
  }
  diagnostics = normalizeDiagnostics(diagnostics);
  return {
    project,
    targets: checked.targets,
    roles: checked.roles,
    diagnostics,
    sources,
    filesChecked: countCheckedFiles(project, checked.targets, lookSources),
    template,
    locale,
    lookFiles,
  };
}

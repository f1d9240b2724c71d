/**
 * A project from its files to the documents it would make, without rendering or writing them:
 * what a preview, a diff or a test needs. Each document carries its Layout and the hash of what it
 * is made from, as a build would plan it.
 */
import { hasErrors } from '../core/diagnostic.js';
import { readCommitDates } from '../io/git-dates.js';
import { nodeFiles } from '../io/node-files.js';
import { sourceDateEpoch } from '../incremental/document-date.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { messagesFor } from '../messages/messages.js';
import type { OutputFormat } from '../model/config.js';
import { checkProject, type CheckedProject, type CheckOptions } from './check-project.js';
import { compileDocuments, type PlannedDocument } from './compile.js';
import { revisionHistories } from './revision-history.js';

export interface CompileProjectOptions extends Pick<CheckOptions, 'lang' | 'files'> {
  /** Output formats; default the config's. */
  readonly formats?: readonly OutputFormat[];
  /** SOURCE_DATE_EPOCH, as the environment gives it; without it documents are dated by git. */
  readonly sourceDateEpoch?: string;
}

export interface CompiledProject {
  readonly checked: CheckedProject;
  /** Every role's documents and the handbook's (when the config wants one); none when the project has errors. */
  readonly documents: readonly PlannedDocument[];
}

/** @param root the project root (absolute). */
export async function compileProject(root: string, options: CompileProjectOptions = {}): Promise<CompiledProject> {
  const files = options.files ?? nodeFiles;
  const checked = await checkProject(root, { ...(options.lang ? { lang: options.lang } : {}), files });
  const { project } = checked;
  if (hasErrors(checked.diagnostics) || !checked.template || !checked.locale) return { checked, documents: [] };
  const formats = options.formats ?? project.config.formats;
  // The PDF fonts set the PDFs and paginate the handbook .docx (its contents' page numbers); without a PDF, a font
  // problem leaves those for Word to number, as a build does (checkProject has said so).
  const { config, root: projectRoot } = project;
  const messages = { cli: cliMessagesFor(project.lang), files: messagesFor(project.lang) };
  const pdf = formats.includes('pdf')
    ? await (await import('./pdf-fonts.js')).loadPdfFonts(config, projectRoot, checked.template, messages.cli)
    : formats.includes('docx') && config.handbook
      ? (await (await import('./pdf-fonts.js')).paginationFonts(config, projectRoot, checked.template, project.configLocator, messages)).fonts
      : undefined;
  const epoch = sourceDateEpoch(options.sourceDateEpoch, cliMessagesFor(project.lang));
  const documents = compileDocuments(
    {
      config: project.config,
      roles: checked.roles,
      template: checked.template,
      locale: checked.locale,
      templateFiles: checked.lookFiles,
      ...(project.config.revision_history ? { revisions: await revisionHistories(project.root, checked.roles.map((entry) => entry.file), checked.locale) } : {}),
    },
    {
      formats,
      documentsOf: checked.roles,
      handbook: project.config.handbook,
      epoch,
      commits: epoch ? new Map() : await readCommitDates(project.root),
      fonts: pdf?.facts,
    },
  );
  return { checked, documents };
}

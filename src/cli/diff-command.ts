/** `roledoc diff [REV_A] [REV_B]`: what changed in the job descriptions, as HR reads them. Writes nothing. */
import path from 'node:path';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, UserError } from '../core/errors.js';
import { FileProblemError } from '../core/file-access.js';
import { explainProblem, pathKind } from '../io/node-files.js';
import { RevisionError } from '../io/git-tree.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { diffMessagesFor } from '../messages/diff-messages.js';
import { isLang } from '../messages/lang.js';
import { diffProjects, type DiffSide, type LoadedSide } from '../pipeline/diff-projects.js';
import { documentText, TextconvError } from '../pipeline/textconv.js';
import { formatDiffMarkdown, formatDiffText } from './diff-report.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';
import { formatText, plainDiagnostics } from './report.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

export interface DiffCommandOptions {
  readonly format: DiffFormat;
  readonly exitCode?: boolean;
}

/** `roledoc textconv FILE`: the document's words for git diff, on stdout. */
export async function runTextconv(io: Io, options: GlobalOptions, file: string): Promise<number> {
  const m = diffMessagesFor(isLang(options.lang) ? options.lang : 'zh-CN');
  try {
    io.stdout(await documentText(path.resolve(io.cwd, file)));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof FileProblemError) throw new UserError(error.problem === 'missing' ? m.textconvMissing(file) : explainProblem(error, isLang(options.lang) ? options.lang : 'zh-CN'));
    if (!(error instanceof TextconvError)) throw error;
    if (error.problem === 'unsupported') throw new UserError(m.textconvUnsupported(file), m.textconvHint);
    // git runs textconv on every version of a document: one it cannot read (damaged, a Git LFS
    // pointer) says so in the diff, rather than stop the whole git diff or git log.
    io.stderr(`${m.textconvUnreadable(file)}\n`);
    io.stdout(`${m.textconvPlaceholder(path.basename(file))}\n`);
    return EXIT_OK;
  }
}

/** A folder that exists is a folder; anything else names a revision. */
async function sideOf(given: string, cwd: string): Promise<DiffSide> {
  const dir = path.resolve(cwd, given);
  return (await pathKind(dir)) === 'directory' ? { kind: 'folder', dir } : { kind: 'revision', revision: given };
}

export async function runDiff(io: Io, options: GlobalOptions, revisions: readonly string[], command: DiffCommandOptions): Promise<number> {
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  const [first, second] = revisions;
  const before: DiffSide = first === undefined ? { kind: 'revision', revision: 'HEAD' } : await sideOf(first, io.cwd);
  const after: DiffSide = second === undefined ? { kind: 'worktree' } : await sideOf(second, io.cwd);
  let result;
  try {
    result = await diffProjects(root, before, after, langOverride);
  } catch (error) {
    if (!(error instanceof RevisionError)) throw error;
    const m = diffMessagesFor(langOverride ?? 'zh-CN');
    throw new UserError(m.revision(error.problem, error.revision), m.revisionHint(error.problem));
  }
  const lang = langOverride ?? result.project.lang;
  const m = diffMessagesFor(lang);
  const name = (side: DiffSide, given: string | undefined): string => (side.kind === 'worktree' ? m.worktree : (given ?? 'HEAD'));
  const sides = { before: name(before, first), after: name(after, second) };
  const chalk = chalkFor(io, options.color);

  // A side that does not validate cannot be compared: said on stderr, so a Markdown report being
  // written to a file stays empty rather than wrong, and with exit 2, apart from --exit-code's 1.
  if (!result.diff) {
    const failed = [result.before, result.after].filter((side) => side.errors.length > 0);
    if (command.format === 'json') {
      const sideJson = (side: LoadedSide, label: string): unknown => ({ side: label, errors: plainDiagnostics(side.errors) });
      io.stdout(`${JSON.stringify({ before: sideJson(result.before, sides.before), after: sideJson(result.after, sides.after) }, null, 2)}\n`);
      return EXIT_USAGE;
    }
    const cli = cliMessagesFor(lang);
    const errChalk = chalkFor(io, options.color, 'stderr');
    for (const side of failed) {
      const label = side === result.before ? sides.before : sides.after;
      io.stderr(`${errChalk.red(m.sideErrors(label))}\n${formatText(side.errors, { chalk: errChalk, sources: side.sources, messages: cli })}`);
    }
    io.stderr(`${errChalk.cyan(cli.hint)}${m.sideErrorsHint}\n`);
    return EXIT_USAGE;
  }

  const { diff } = result;
  if (command.format === 'json') {
    const side = (loaded: LoadedSide, label: string): unknown => ({ side: label, ...(loaded.commit ? { commit: loaded.commit } : {}) });
    io.stdout(`${JSON.stringify({ before: side(result.before, sides.before), after: side(result.after, sides.after), config: result.config, roles: diff.roles }, null, 2)}\n`);
  } else if (command.format === 'markdown') {
    io.stdout(formatDiffMarkdown(diff, result.config, sides, m));
  } else {
    io.stdout(formatDiffText(diff, result.config, sides, m, chalk));
  }
  return command.exitCode === true && (diff.roles.length > 0 || result.config.length > 0) ? EXIT_INVALID : EXIT_OK;
}

/** `roledoc build [paths…]`: the options, the build (pipeline/build.ts), and what it says. */
import { EXIT_INVALID, EXIT_OK, UserError } from '../core/errors.js';
import { toProjectPath } from '../core/paths.js';
import { cliMessagesFor, type CliMessages } from '../messages/cli-messages.js';
import { isLang } from '../messages/lang.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../model/config.js';
import { BACKUP_FOLDER } from '../io/output-folder.js';
import { buildProject, type BuildResult } from '../pipeline/build.js';
import { openProject } from '../pipeline/open-project.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';
import { formatGithub, formatText, plainDiagnostics, REPORT_FORMATS, type ReportFormat } from './report.js';

export interface BuildOptions {
  /** Comma-separated: output formats (docx, pdf) and/or one report format (text, json, github). */
  readonly format?: string;
  readonly out?: string;
  readonly template?: string;
  readonly locale?: string;
  readonly force?: boolean;
  readonly check?: boolean;
  readonly watch?: boolean;
  /** false with --no-handbook: leave the handbook out of this build. */
  readonly handbook?: boolean;
  /** Build only the handbook, or only the role documents. */
  readonly only?: 'handbook' | 'roles';
  /** Render threads (--jobs); default one per CPU, at most 4. */
  readonly jobs?: number;
  /** --shard i/n: only the roles whose id hashes to share i of n (1-based). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** --overwrite: replace files roledoc did not write (or that were changed by hand), keeping each in <out>/.roledoc-backup/. */
  readonly overwrite?: boolean;
}

/**
 * ROLEDOC_RENDER_MEMORY_MB: the heap each render thread may use, below what Node.js gives the
 * process (a CI machine shared with other jobs, say). Unset: as much as the process may use.
 */
function renderMemoryOf(value: string | undefined, messages: CliMessages): { renderMemoryMb?: number } {
  if (value === undefined || value.trim() === '') return {};
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 16) throw new UserError(messages.badRenderMemory(value));
  return { renderMemoryMb: mb };
}

/** Progress is worth a line only on a terminal and for more than a handful of documents. */
const PROGRESS_THRESHOLD = 5;

export function parseFormats(value: string | undefined, messages: CliMessages): { outputs: OutputFormat[] | undefined; report: ReportFormat } {
  const parts = (value ?? '').split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  if (value !== undefined && parts.length === 0) throw new UserError(messages.badFormat(value));
  const outputs: OutputFormat[] = [];
  const reports: ReportFormat[] = [];
  for (const part of parts) {
    if ((OUTPUT_FORMATS as readonly string[]).includes(part)) outputs.push(part as OutputFormat);
    else if ((REPORT_FORMATS as readonly string[]).includes(part)) reports.push(part as ReportFormat);
    else throw new UserError(messages.badFormat(part));
  }
  if (new Set(reports).size > 1) throw new UserError(messages.oneReportFormat([...new Set(reports)], REPORT_FORMATS));
  return { outputs: outputs.length > 0 ? [...new Set(outputs)] : undefined, report: reports[0] ?? 'text' };
}

export interface BuildOutcome extends BuildResult {
  readonly report: ReportFormat;
  readonly messages: CliMessages;
  readonly milliseconds: number;
}

/** One build (or check), reporting as it goes: diagnostics as soon as they are known, progress on a terminal. */
export async function buildOnce(io: Io, options: GlobalOptions, paths: readonly string[], build: BuildOptions): Promise<BuildOutcome> {
  const started = performance.now();
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  const messages = cliMessagesFor((await openProject(root, langOverride)).lang);
  const { outputs, report } = parseFormats(build.format, messages);
  const chalk = chalkFor(io, options.color);
  const showProgress = io.stderrIsTty && report === 'text';
  const result = await buildProject(
    root,
    langOverride,
    {
      paths,
      ...(outputs ? { formats: outputs } : {}),
      ...build,
      sourceDateEpoch: io.env['SOURCE_DATE_EPOCH'],
      ...renderMemoryOf(io.env['ROLEDOC_RENDER_MEMORY_MB'], messages),
    },
    {
      onChecked: (diagnostics, sources) => {
        if (report !== 'text') return;
        const text = formatText(diagnostics, { chalk, sources, messages });
        if (text) io.stdout(`${text}\n`);
      },
      onWaiting: () => io.stderr(`${messages.waitingForLock}\n`),
      onLockDamaged: (lock) => io.stderr(`${messages.lockDamaged(lock)}\n`),
      ...(showProgress
        ? {
            onRendered: (done: number, total: number) => {
              if (total <= PROGRESS_THRESHOLD) return;
              io.stderr(done < total ? `\r${messages.progress(done, total)}` : '\r\u001b[K');
            },
          }
        : {}),
    },
  );
  for (const file of result.disowned) io.stderr(`${messages.disowned(file)}\n`);
  for (const { file, backup } of result.backups) io.stderr(`${messages.outputReplaced(file, backup)}\n`);
  return { ...result, report, messages, milliseconds: performance.now() - started };
}

export function printBuildResult(io: Io, options: GlobalOptions, result: BuildOutcome, check: boolean): void {
  const { messages, report } = result;
  const seconds = (result.milliseconds / 1000).toFixed(1);
  const shownOut = `${toProjectPath(io.cwd, result.outDir) || '.'}/`;
  if (report === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          ok: result.ok,
          outDir: shownOut,
          roles: result.roles,
          written: result.written,
          unchanged: result.unchanged,
          removed: result.removed,
          ...(check ? { problems: result.problems } : {}),
          ...(result.kept.length > 0 ? { kept: result.kept } : {}),
          ...(result.backups.length > 0 ? { backups: result.backups } : {}),
          diagnostics: plainDiagnostics(result.diagnostics),
          milliseconds: Math.round(result.milliseconds),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  if (report === 'github') io.stdout(formatGithub(result.diagnostics));
  const chalk = chalkFor(io, options.color);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    io.stdout(`${chalk.red(messages.problems(errors, result.diagnostics.length - errors, result.filesChecked))}\n`);
  } else if (result.kept.length > 0) {
    for (const file of result.kept) io.stdout(`${file}  ${chalk.red(messages.outputKeptStatus)}\n`);
    io.stdout(`${chalk.red(messages.outputsKept(result.kept.length))}\n  ${chalk.cyan(messages.hint)}${messages.outputsKeptHint(`${shownOut}${BACKUP_FOLDER}/`)}\n`);
  } else if (check) {
    for (const problem of result.problems) io.stdout(`${problem.file}  ${chalk.red(problem.status)}\n`);
    io.stdout(
      result.problems.length > 0
        ? `${chalk.red(messages.checkFailed(result.problems.length))}\n`
        : `${chalk.green(messages.checkPassed(result.roles, shownOut))}\n`,
    );
  } else {
    io.stdout(`${chalk.green(messages.built(result.roles, result.written.length, result.unchanged.length, result.removed.length, seconds, shownOut))}\n`);
  }
}

export async function runBuild(io: Io, options: GlobalOptions, paths: readonly string[], build: BuildOptions): Promise<number> {
  const result = await buildOnce(io, options, paths, build);
  printBuildResult(io, options, result, build.check === true);
  return result.ok ? EXIT_OK : EXIT_INVALID;
}

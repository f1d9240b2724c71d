/**
 * The command line: the only place that reads argv, prints, and decides the exit code.
 *   0  everything valid (warnings allowed)
 *   1  the role files (or the config) have errors
 *   2  roledoc could not run: bad option, missing folder, I/O error, or a bug in roledoc
 */
import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { UserError, EXIT_OK, EXIT_USAGE } from '../core/errors.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { isLang, LANGS, type Lang } from '../messages/lang.js';
import { roledocVersion } from '../core/version.js';
import { chalkFor, processIo, type GlobalOptions, type Io } from './io.js';
import { REPORT_FORMATS, type ReportFormat } from './report.js';
import type { BuildOptions } from './build-command.js';
import type { DiffCommandOptions } from './diff-command.js';
import type { PreviewOptions } from './preview-command.js';
import type { ImportCommandOptions } from './import-command.js';
import { commandOf, describeUsageError, EXPECTED_VALUES } from './usage-error.js';
import { runValidate } from './validate-command.js';
import { SCHEMA_KINDS, type SchemaKind } from '../validate/schemas.js';


function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name('roledoc')
    .description('Job descriptions (岗位说明书) as code: validate YAML role files and render them to Word and PDF.')
    .version(roledocVersion(), '-V, --version')
    .option('--cwd <dir>', 'project root (where roledoc.config.yaml is); default: the current folder')
    .addOption(new Option('--lang <lang>', 'language of messages (default: the project locale)').choices(LANGS))
    .option('--no-color', 'no colours in the output')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    // Commander's own error line is left unsaid: run() says it again in the user's language (usage-error.ts).
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });

  program
    .command('validate')
    .description('check role files and report every problem with file, line and column')
    .argument('[paths...]', 'role files or folders (default: the roles folder of the project)')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('text'))
    .action(async (paths: string[], options: { format: ReportFormat }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      setExitCode(await runValidate(io, globals, paths, options.format));
    });

  program
    .command('lint')
    .description('check role files against the reviewer\'s rules: discriminatory or vague requirements, repeated sentences (docs/rules/)')
    .argument('[paths...]', 'role files or folders (default: the roles folder of the project)')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('text'))
    .option('--fix', 'make the changes with one right answer (half-width punctuation between Chinese characters, a repeated list item), then report the rest')
    .action(async (paths: string[], options: { format: ReportFormat; fix?: boolean }, command: Command) => {
      const { runLint } = await import('./lint-command.js');
      setExitCode(await runLint(io, command.optsWithGlobals<GlobalOptions>(), paths, options.format, options.fix === true));
    });

  program
    .command('build')
    .description('validate, then render each role to <out>/<id>.docx and <out>/<id>.pdf, and the handbook of all roles')
    .argument('[paths...]', 'role files or folders (default: every role of the project)')
    .option(
      '--format <formats>',
      'comma-separated: output formats docx,pdf,html (default: the config formats) and/or a report format text|json|github',
      // Given twice (--format pdf --format json), the values add up rather than the last one winning.
      (value: string, previous: string | undefined) => (previous === undefined ? value : `${previous},${value}`),
    )
    .option('--out <dir>', 'output folder (default: the config out, usually out/)')
    .option('--template <name|dir>', 'built-in template name or template folder (default: the config template)')
    .option('--locale <locale>', 'language of the documents: zh-CN, en, zh-TW or a catalog file (default: the config locale)')
    .option('--force', 'render every document, even those whose inputs did not change (the handbook\'s kept parts too)')
    .option('--check', 'write nothing; exit 1 and list every document that is missing, stale or modified by hand')
    .option('--watch', 'rebuild what a saved change affects, until Ctrl-C')
    .option('--no-handbook', 'leave the handbook (out/handbook.docx, out/handbook.pdf) out of this build')
    .addOption(new Option('--only <part>', 'build only the handbook, or only the role documents').choices(['handbook', 'roles']))
    .option('--jobs <n>', 'render on n threads (default: one per CPU, at most 4)', positiveInteger)
    .option('--shard <i/n>', 'build the i-th of n stable shares of the role documents (for a CI matrix; no handbook)', shardOf)
    .option('--overwrite', 'replace files at the documents\' names that roledoc did not write or that were changed by hand, moving each into <out>/.roledoc-backup/ first')
    .action(async (paths: string[], options: BuildOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (options.watch === true) {
        if (options.check === true) throw new UserError(cliMessagesFor(isLang(globals.lang) ? globals.lang : 'zh-CN').checkWithWatch);
        const { watchBuild } = await import('./watch.js');
        setExitCode(await watchBuild(io, globals, paths, options));
        return;
      }
      // Loaded on demand: fonts and renderers are not for `validate` to pay for.
      const { runBuild } = await import('./build-command.js');
      setExitCode(await runBuild(io, globals, paths, options));
    });

  program
    .command('init')
    .description('scaffold an HR repository: config, an example role, schemas, VS Code settings, a CI workflow')
    .argument('[dir]', 'folder to set up (default: the current folder)')
    .option('--package <spec>', `where the CI workflow installs roledoc from: a version, a git URL or a tarball URL (default: roledoc@${roledocVersion()})`)
    .action(async (dir: string | undefined, options: { package?: string }, command: Command) => {
      const { runInit } = await import('./scaffold-commands.js');
      setExitCode(await runInit(io, command.optsWithGlobals<GlobalOptions>(), dir, options.package));
    });

  program
    .command('new')
    .description('write a new role file with every section and a comment on each')
    .argument('<id>', 'the role id, e.g. cs-agent')
    .option('--title <title>', 'the job title')
    .option('--department <department>', 'the department (also the folder under roles/)')
    .action(async (id: string, options: { title?: string; department?: string }, command: Command) => {
      const { runNew } = await import('./scaffold-commands.js');
      setExitCode(await runNew(io, command.optsWithGlobals<GlobalOptions>(), id, options));
    });

  program
    .command('diff')
    .description('what changed in the job descriptions between two git revisions (default: HEAD and the working tree) or two folders, as the documents read')
    .argument('[revisions...]', 'REV_A [REV_B]: git revisions or folders; REV_B defaults to the working tree')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--exit-code', 'exit 1 when there are changes, as git diff --exit-code does')
    .action(async (revisions: string[], options: DiffCommandOptions, command: Command) => {
      if (revisions.length > 2) throw new CommanderError(EXIT_USAGE, 'commander.excessArguments', `too many arguments for 'diff'. Expected 2 arguments but got ${revisions.length}.`);
      const { runDiff } = await import('./diff-command.js');
      setExitCode(await runDiff(io, command.optsWithGlobals<GlobalOptions>(), revisions, options));
    });

  program
    .command('preview')
    .description('show the documents in the browser at 127.0.0.1, updated as files are saved, until Ctrl-C')
    .option('--port <n>', 'the port (default: a free one)', portNumber)
    .option('--open', 'open the page in the default browser')
    .action(async (options: PreviewOptions, command: Command) => {
      const { runPreview } = await import('./preview-command.js');
      setExitCode(await runPreview(io, command.optsWithGlobals<GlobalOptions>(), options));
    });

  program
    .command('textconv')
    .description('print the text of a .docx or .pdf in reading order, for git diff (see .gitattributes)')
    .argument('<file>', 'a document roledoc made')
    .action(async (file: string, _options: object, command: Command) => {
      const { runTextconv } = await import('./diff-command.js');
      setExitCode(await runTextconv(io, command.optsWithGlobals<GlobalOptions>(), file));
    });

  program
    .command('import')
    .description('read existing job descriptions (.docx, .doc, .txt, .md, or a folder of them) and write a role file for each role found')
    .argument('[files...]', 'Word, text or Markdown files, or folders holding them')
    .option('--dry-run', 'write nothing; report what would be written')
    .option('--department <department>', 'the department of roles whose source names none')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .action(async (files: string[], options: ImportCommandOptions, command: Command) => {
      const { runImport } = await import('./import-command.js');
      setExitCode(await runImport(io, command.optsWithGlobals<GlobalOptions>(), files, options));
    });

  program
    .command('templates')
    .description('list the built-in templates and the project\'s own')
    .action(async (_options: object, command: Command) => {
      const { runTemplates } = await import('./template-commands.js');
      setExitCode(await runTemplates(io, command.optsWithGlobals<GlobalOptions>()));
    });
  program
    .command('template')
    .description('work with templates')
    .command('eject')
    .description('copy a built-in template into the project as a starting point (default folder: templates/<name>)')
    .argument('<name>', 'the built-in template, e.g. classic or modern')
    .argument('[dir]', 'folder to copy it to')
    .action(async (name: string, dir: string | undefined, _options: object, command: Command) => {
      const { runEject } = await import('./template-commands.js');
      setExitCode(await runEject(io, command.optsWithGlobals<GlobalOptions>(), name, dir));
    });
  program
    .command('schema')
    .description('print a JSON Schema, to publish or to wire into an editor')
    .addArgument(new Argument('[kind]', 'which schema').choices(SCHEMA_KINDS).default('role'))
    .action(async (kind: SchemaKind) => {
      const { runSchema } = await import('./scaffold-commands.js');
      setExitCode(await runSchema(io, kind));
    });

  return program;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError(EXPECTED_VALUES.threads);
  return n;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) throw new InvalidArgumentError(EXPECTED_VALUES.port);
  return n;
}

function shardOf(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError(EXPECTED_VALUES.shard);
  return { index, count };
}

/** The value of a global option, read from argv where commander's parse failed or never ran: `--name value` or `--name=value`. */
function optionFromArgv(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  const inline = argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  return inline ?? (index >= 0 ? argv[index + 1] : undefined);
}

/** Whether the command line asks for a JSON report (`--format json`, alone or with an output format). */
function wantsJson(argv: readonly string[]): boolean {
  return (optionFromArgv(argv, '--format') ?? '')
    .split(',')
    .some((part) => part.trim().toLowerCase() === 'json');
}

function langFromArgv(argv: readonly string[]): Lang | undefined {
  const value = optionFromArgv(argv, '--lang');
  return isLang(value) ? value : undefined;
}

/** The language of the project the command line is about (--cwd, else the current folder), for a usage error; Chinese when it cannot be told. */
async function projectLang(io: Io, argv: readonly string[]): Promise<Lang> {
  const cwd = optionFromArgv(argv, '--cwd');
  try {
    const { openProject } = await import('../pipeline/open-project.js');
    return (await openProject(path.resolve(io.cwd, cwd ?? '.'))).lang;
  } catch {
    return 'zh-CN';
  }
}

/** The errors an error wraps, each with its stack. */
function printCauses(io: Io, cause: unknown): void {
  for (let depth = 0; cause instanceof Error && depth < 8; depth++, cause = cause.cause) io.stderr(`Caused by: ${cause.stack ?? cause.message}\n`);
}

export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error: unknown) {
    const messages = cliMessagesFor(langFromArgv(argv) ?? 'zh-CN');
    const color = chalkFor(io, !argv.includes('--no-color'), 'stderr');
    if (error instanceof CommanderError) {
      // Help and version are successful exits; anything else commander rejects is a usage error.
      if (error.exitCode === 0) return EXIT_OK;
      const usage = cliMessagesFor(langFromArgv(argv) ?? (await projectLang(io, argv)));
      const report = describeUsageError(error, commandOf(argv, program.commands.map((command) => command.name())), usage);
      if (wantsJson(argv)) io.stdout(`${JSON.stringify({ ok: false, error: { message: report.message, hint: report.hint } }, null, 2)}\n`);
      io.stderr(`${color.red('✖')} ${report.message}\n  ${color.cyan(usage.hint)}${report.hint}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UserError) {
      // A program reading --format json gets the failure as JSON too, not an empty stdout.
      if (wantsJson(argv)) io.stdout(`${JSON.stringify({ ok: false, error: { message: error.message, ...(error.hint ? { hint: error.hint } : {}) } }, null, 2)}\n`);
      io.stderr(`${color.red('✖')} ${error.message}\n`);
      // The hint was written in the project's language, which argv may not tell: its label follows the hint.
      const hintLabel = error.hint && /[\u4e00-\u9fff]/.test(error.hint) ? cliMessagesFor('zh-CN').hint : cliMessagesFor('en').hint;
      if (error.hint) io.stderr(`  ${color.cyan(hintLabel)}${error.hint}\n`);
      // What went wrong underneath (a render thread's stack, say) is for --debug only.
      if (argv.includes('--debug')) printCauses(io, error.cause);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${color.red('✖')} ${messages.internalError(message)}\n`);
    if (argv.includes('--debug') && error instanceof Error && error.stack) {
      io.stderr(`${error.stack}\n`);
      printCauses(io, error.cause);
    }
    return EXIT_USAGE;
  }
}

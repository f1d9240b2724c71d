/**
 * `roledoc build [paths…]`: validate, then render each role to <out>/<id>.docx and <out>/<id>.pdf.
 * Validation comes first and any error stops the build before a single file is written, so a
 * broken commit never replaces a good document. Documents whose inputs did not change are neither
 * rendered nor rewritten; `--check` renders in memory and only reports.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, normalizeDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { errorCode, EXIT_INVALID, EXIT_OK, UserError } from '../core/errors.js';
import { documentDate, sourceDateEpoch } from '../build/build-date.js';
import { checkPdfCoverage, loadPdfFonts } from '../build/pdf-fonts.js';
import { MANIFEST_NAME, parseManifest, serializeManifest, sha256, type ManifestEntry } from '../build/manifest.js';
import { planBuild, type WantedOutput } from '../build/plan.js';
import { buildDirectory } from '../compose/directory.js';
import { composeRole } from '../compose/compose-role.js';
import { composeHandbook } from '../compose/handbook.js';
import { cliMessagesFor, type CliMessages } from '../i18n/cli-messages.js';
import { isLang } from '../i18n/lang.js';
import { messagesFor } from '../i18n/messages.js';
import type { Layout } from '../layout/layout.js';
import { loadLocale } from '../locale/load-locale.js';
import { CONFIG_FILE_NAME, HANDBOOK_NAME, OUTPUT_FORMATS, type OutputFormat } from '../model/config.js';
import { readCommitDates } from '../project/git-dates.js';
import { lockOutputFolder, removeStaleTemporaries, writeOutputs } from '../project/write-outputs.js';
import { renderAll } from '../build/render-pool.js';
import type { FontSet } from '../render/fonts.js';
import { loadTemplate } from '../template/load-template.js';
import { roledocVersion } from '../version.js';
import { checkProject } from './check-project.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';
import { openProject, toProjectPath } from '../project/read-project.js';
import { formatGithub, formatJson, formatText, REPORT_FORMATS, type ReportFormat } from './report.js';

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
}

/** Progress is worth a line only on a terminal and for more than a handful of roles. */
const PROGRESS_THRESHOLD = 5;

export type OutputStatus = 'missing' | 'stale' | 'foreign-modified' | 'orphaned';

export interface BuildResult {
  readonly exitCode: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
  /** With --check: every output that is not as a build would leave it. */
  readonly problems: readonly { readonly file: string; readonly status: OutputStatus }[];
  readonly roles: number;
  readonly outDir: string;
  readonly milliseconds: number;
}

/**
 * Whether a role belongs to share `index` of `count`: by a hash of its id, so a role stays in its
 * share on every machine and as other roles come and go.
 */
export function inShard(id: string, shard: { readonly index: number; readonly count: number }): boolean {
  return Number.parseInt(sha256(id).slice(0, 8), 16) % shard.count === shard.index - 1;
}

export function parseFormats(
  value: string | undefined,
  fallback: readonly OutputFormat[],
  messages: CliMessages,
): { outputs: OutputFormat[]; report: ReportFormat } {
  const parts = (value ?? '').split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  if (value !== undefined && parts.length === 0) throw new UserError(messages.badFormat(value));
  const outputs: OutputFormat[] = [];
  const reports: ReportFormat[] = [];
  for (const part of parts) {
    if ((OUTPUT_FORMATS as readonly string[]).includes(part)) outputs.push(part as OutputFormat);
    else if ((REPORT_FORMATS as readonly string[]).includes(part)) reports.push(part as ReportFormat);
    else throw new UserError(messages.badFormat(part));
  }
  if (reports.length > 1) throw new UserError(messages.badFormat(reports.join(',')));
  return { outputs: outputs.length > 0 ? [...new Set(outputs)] : [...fallback], report: reports[0] ?? 'text' };
}

/** What identifies a font for the manifest: the same on every machine, unlike its path. */
function fontIdentity(fonts: FontSet): string {
  return [fonts.regular, fonts.bold, fonts.fallback].map((font) => (font ? `${font.postscriptName}/${font.version}/${font.numGlyphs}` : '')).join('|');
}

async function readIfPresent(file: string): Promise<Uint8Array | undefined> {
  return readFile(file).catch(() => undefined);
}

type BuildOutcome = BuildResult & { report: ReportFormat; messages: CliMessages };

/**
 * One build (or check) of the project. A build takes the output folder's lock before it reads a
 * single input, so two builds at once run one after the other, each on the files as they are then.
 */
export async function buildOnce(io: Io, options: GlobalOptions, paths: readonly string[], build: BuildOptions): Promise<BuildOutcome> {
  if (build.check === true) return buildLocked(io, options, paths, build);
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  // The config is read here only to find the output folder to lock; buildLocked reads it again,
  // with the roles, once the lock is held, so everything a build uses is read under the lock.
  const project = await openProject(root, langOverride);
  // A config with errors (an out: that leaves the project, say) is reported without touching any folder.
  if (hasErrors(project.configDiagnostics)) return buildLocked(io, options, paths, build);
  const messages = cliMessagesFor(project.lang);
  const outDir = path.resolve(root, build.out ?? project.config.out);
  const release = await lockOutputFolder(outDir, () => io.stderr(`${messages.waitingForLock}\n`)).catch((error: unknown) => {
    throw new UserError(messages.cannotWrite(toProjectPath(root, outDir) || '.', errorCode(error) ?? String(error)));
  });
  try {
    return await buildLocked(io, options, paths, build);
  } finally {
    await release();
  }
}

async function buildLocked(io: Io, options: GlobalOptions, paths: readonly string[], build: BuildOptions): Promise<BuildOutcome> {
  const started = performance.now();
  const check = await checkProject(io, options, paths);
  const { project } = check;
  const messages = cliMessagesFor(project.lang);
  const { outputs: formats, report } = parseFormats(build.format, project.config.formats, messages);
  const outDir = path.resolve(project.root, build.out ?? project.config.out);
  const sources = new Map(check.sources);
  const chalk = chalkFor(io, options.color);
  const base = { report, messages, outDir, written: [], unchanged: [], removed: [], problems: [], roles: check.targets.length };
  type Outcome = Pick<BuildResult, 'exitCode' | 'diagnostics'> & Partial<Omit<BuildResult, 'exitCode' | 'diagnostics' | 'milliseconds'>>;
  const finish = (result: Outcome) => ({ ...base, ...result, milliseconds: performance.now() - started });
  const printDiagnostics = (diagnostics: readonly Diagnostic[]): void => {
    if (report !== 'text') return;
    const text = formatText(diagnostics, { chalk, sources, messages });
    if (text) io.stdout(`${text}\n`);
  };

  // A broken config may name a template that is not there: report the config first.
  if (hasErrors(check.allDiagnostics)) {
    printDiagnostics(check.allDiagnostics);
    return finish({ exitCode: EXIT_INVALID, diagnostics: check.allDiagnostics });
  }
  const origin = build.template === undefined && project.configLocator ? { file: CONFIG_FILE_NAME, locator: project.configLocator } : undefined;
  const loaded = await loadTemplate(build.template ?? project.config.template, project.root, project.lang, origin);
  const localeOrigin = build.locale === undefined && project.configLocator ? { file: CONFIG_FILE_NAME, locator: project.configLocator } : undefined;
  const catalog = await loadLocale(build.locale ?? project.config.locale, project.root, project.lang, localeOrigin);
  for (const source of [...loaded.sources, ...catalog.sources]) sources.set(source.path, source);
  let diagnostics = normalizeDiagnostics([...check.allDiagnostics, ...loaded.diagnostics, ...catalog.diagnostics]);
  if (hasErrors(diagnostics) || !loaded.template || !catalog.locale) {
    printDiagnostics(diagnostics);
    return finish({ exitCode: EXIT_INVALID, diagnostics });
  }
  const template = loaded.template;
  const locale = catalog.locale;

  const targets = new Set(check.targets);
  const roles = check.roles.filter((entry) => targets.has(entry.file) && (build.shard === undefined || inShard(entry.role.id, build.shard)));
  const pdf = formats.includes('pdf') ? loadPdfFonts(project.config, project.root, template, messages) : undefined;
  const fonts = pdf?.fonts;
  if (pdf) {
    const coverage = checkPdfCoverage(
      pdf.fonts,
      { locale, template, config: project.config },
      roles.map((entry) => ({ file: entry.file, data: entry.role, locator: entry.locator })),
      sources,
      { cli: messages, files: messagesFor(project.lang) },
    );
    diagnostics = normalizeDiagnostics([...diagnostics, ...coverage]);
  }
  printDiagnostics(diagnostics);

  // Compose every document (cheap, pure) and hash what each is made from.
  const directory = buildDirectory(check.roles.map((entry) => entry.role));
  const epoch = sourceDateEpoch(io.env, messages);
  const commits = epoch ? new Map<string, number>() : await readCommitDates(project.root);
  // The template's files and a project locale catalog date the documents, as roles and the config do.
  const templateFiles = [...loaded.files, ...catalog.sources.map((source) => source.path)];
  const planned: (WantedOutput & { layout: Layout; createdAt: Date; format: OutputFormat })[] = [];
  const want = (name: string, layout: Layout, createdAt: Date): void => {
    for (const format of formats) {
      const inputs = sha256(
        JSON.stringify({ roledoc: roledocVersion(), format, date: createdAt.toISOString(), fonts: format === 'pdf' && fonts ? fontIdentity(fonts) : '', layout }),
      );
      planned.push({ name: `${name}.${format}`, role: name, inputs, layout, createdAt, format });
    }
  };
  if (build.only !== 'handbook') {
    for (const entry of roles) {
      const layout = composeRole(entry.role, { template, locale, organization: project.config.organization, directory });
      // Dated by its own files only: a commit to another role (even one it links to) does not re-date it.
      want(entry.role.id, layout, documentDate([entry.file, CONFIG_FILE_NAME, ...templateFiles], epoch, commits));
    }
  }
  if (build.only === 'handbook' && (!project.config.handbook || build.handbook === false)) throw new UserError(messages.handbookOff, messages.handbookOffHint);
  if (build.only === 'handbook' && build.shard !== undefined) throw new UserError(messages.handbookNotSharded, messages.handbookNotShardedHint);
  // Named role files ask for those documents; the handbook comes with a whole build or --only handbook.
  const wholeBuild = build.only === undefined && paths.length === 0 && build.shard === undefined;
  const wantHandbook = project.config.handbook && build.handbook !== false && (build.only === 'handbook' || wholeBuild);
  if (wantHandbook) {
    // The handbook holds every role; it is as new as its newest part.
    const createdAt = documentDate([CONFIG_FILE_NAME, ...templateFiles, ...check.roles.map((entry) => entry.file)], epoch, commits);
    const layout = composeHandbook(
      check.roles.map((entry) => entry.role),
      { template, locale, organization: project.config.organization, directory, title: project.config.title, order: project.config.order, date: createdAt },
    );
    want(HANDBOOK_NAME, layout, createdAt);
  }

  if (build.check !== true) await removeStaleTemporaries(outDir);
  const manifestPath = path.join(outDir, MANIFEST_NAME);
  const manifestText = await readFile(manifestPath, 'utf8').catch(() => undefined);
  const manifest = parseManifest(manifestText);
  // What is on disk, by content: a hand edit that keeps the size is still a change.
  const onDisk = new Map<string, Uint8Array>();
  // Read a few dozen at a time: one by one, a thousand roles' documents spend a second waiting on the disk.
  const names = [...new Set([...planned.map((p) => p.name), ...manifest.keys()])];
  for (let start = 0; start < names.length; start += 32) {
    const batch = names.slice(start, start + 32);
    const contents = await Promise.all(batch.map((name) => readIfPresent(path.join(outDir, name))));
    batch.forEach((name, index) => {
      const bytes = contents[index];
      if (bytes) onDisk.set(name, bytes);
    });
  }
  const disk = new Map([...onDisk].map(([name, bytes]) => [name, { sha256: sha256(bytes) }]));
  // The handbook's files belong to the project while the config wants a handbook (--no-handbook only skips it).
  const allRoles = new Set([...check.roles.map((entry) => entry.role.id), ...(project.config.handbook ? [HANDBOOK_NAME] : [])]);
  const plan = planBuild(planned, manifest, disk, { force: build.force === true, wholeProject: wholeBuild, allRoles });

  const byName = new Map(planned.map((output) => [output.name, output]));
  const toRender = plan.render.flatMap((output) => byName.get(output.name) ?? []);
  const showProgress = io.stderrIsTty && toRender.length > PROGRESS_THRESHOLD && report === 'text';
  const rendered = await renderAll(
    toRender.map((output) => ({ name: output.name, format: output.format, layout: output.layout, createdAt: output.createdAt, heavy: output.role === HANDBOOK_NAME })),
    { jobs: build.jobs, fonts, fontChoice: pdf?.choice, ...(showProgress ? { onDone: (done: number) => io.stderr(`\r${messages.progress(done, toRender.length)}`) } : {}) },
  );
  if (showProgress) io.stderr('\r\u001b[K');

  // The manifest as this build leaves it: rendered documents in, removed and vanished ones out.
  const next = new Map<string, ManifestEntry>(manifest);
  for (const name of [...plan.remove, ...plan.disown, ...plan.forget]) next.delete(name);
  for (const output of toRender) {
    const bytes = rendered.get(output.name) ?? new Uint8Array();
    next.set(output.name, { inputs: output.inputs, sha256: sha256(bytes), size: bytes.byteLength, role: output.role });
  }
  const nextManifest = serializeManifest(next);
  const shown = (name: string): string => toProjectPath(project.root, path.join(outDir, name));

  if (build.check === true) {
    // Nothing is written: every document is what a build would leave, or it is named.
    const problems: { file: string; status: OutputStatus }[] = [];
    for (const output of planned) {
      const current = onDisk.get(output.name);
      const fresh = rendered.get(output.name);
      if (!current) problems.push({ file: shown(output.name), status: 'missing' });
      else if (fresh === undefined || sha256(current) === sha256(fresh)) continue;
      else problems.push({ file: shown(output.name), status: manifest.get(output.name)?.sha256 === sha256(current) ? 'stale' : 'foreign-modified' });
    }
    for (const name of plan.remove) problems.push({ file: shown(name), status: 'orphaned' });
    // A build would also rewrite the manifest: a missing or outdated one makes the folder not up to date.
    if (problems.length === 0 && manifestText !== nextManifest) problems.push({ file: shown(MANIFEST_NAME), status: manifestText === undefined ? 'missing' : 'stale' });
    return finish({ exitCode: problems.length > 0 ? EXIT_INVALID : EXIT_OK, diagnostics, problems, roles: roles.length });
  }

  // Everything rendered before anything is written, and each target checked first: a document
  // whose name is taken by a folder stops the build before any file changes.
  for (const name of rendered.keys()) {
    if ((await stat(path.join(outDir, name)).catch(() => undefined))?.isDirectory()) throw new UserError(messages.cannotWrite(shown(name), 'EISDIR'));
  }
  try {
    await writeOutputs(outDir, [...rendered].map(([name, bytes]) => ({ name, bytes })));
    for (const name of plan.remove) await rm(path.join(outDir, name), { force: true });
    if (manifestText !== nextManifest) await writeOutputs(outDir, [{ name: MANIFEST_NAME, bytes: new TextEncoder().encode(nextManifest) }]);
  } catch (error: unknown) {
    throw new UserError(messages.writeInterrupted(shown(''), errorCode(error) ?? String(error)));
  }
  for (const name of plan.disown) io.stderr(`${messages.disowned(shown(name))}\n`);
  return finish({
    exitCode: EXIT_OK,
    diagnostics,
    written: [...rendered.keys()],
    unchanged: plan.unchanged.map((output) => output.name),
    removed: [...plan.remove],
    roles: roles.length,
  });
}

export function printBuildResult(io: Io, options: GlobalOptions, result: Awaited<ReturnType<typeof buildOnce>>, check: boolean): void {
  const { messages, report } = result;
  const seconds = (result.milliseconds / 1000).toFixed(1);
  const shownOut = `${toProjectPath(io.cwd, result.outDir) || '.'}/`;
  if (report === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          ok: result.exitCode === EXIT_OK,
          outDir: shownOut,
          roles: result.roles,
          written: result.written,
          unchanged: result.unchanged,
          removed: result.removed,
          ...(check ? { problems: result.problems } : {}),
          diagnostics: JSON.parse(formatJson(result.diagnostics)) as unknown,
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
    io.stdout(`${chalk.red(messages.problems(errors, result.diagnostics.length - errors, result.roles))}\n`);
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
  return result.exitCode;
}

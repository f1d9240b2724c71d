/**
 * `roledoc build [paths…]`: validate, then render each role to out/<id>.docx and out/<id>.pdf.
 * Validation comes first and any error stops the build before a single file is written, so a
 * broken commit never replaces a good document.
 */
import path from 'node:path';
import { hasErrors, normalizeDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { EXIT_INVALID, EXIT_OK, UserError } from '../core/errors.js';
import { buildDate } from '../build/build-date.js';
import { checkGlyphCoverage, missingCharacters } from '../build/glyph-coverage.js';
import { buildDirectory } from '../compose/directory.js';
import { composeRole } from '../compose/compose-role.js';
import { cliMessagesFor } from '../i18n/cli-messages.js';
import { isLang } from '../i18n/lang.js';
import { messagesFor } from '../i18n/messages.js';
import { localeFor, localeText } from '../locale/index.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../model/config.js';
import { writeOutputs, type OutputFile } from '../project/write-outputs.js';
import { chooseFonts, FontError, loadFontSet } from '../render/fonts.js';
import type { FontSet } from '../render/pdf/measure.js';
import { loadRenderer } from '../render/renderers.js';
import { loadTemplate } from '../template/load-template.js';
import { checkProject } from './check-project.js';
import { chalkFor, type GlobalOptions, type Io } from './io.js';
import { formatText } from './report.js';

export interface BuildOptions {
  readonly format?: string;
  readonly out?: string;
  readonly template?: string;
  readonly locale?: string;
}

/** Progress is worth a line only on a terminal and for more than a handful of roles. */
const PROGRESS_THRESHOLD = 5;

function parseFormats(value: string | undefined, fallback: readonly OutputFormat[], badFormat: (v: string) => string): OutputFormat[] {
  if (value === undefined) return [...fallback];
  const formats = value.split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  if (formats.length === 0) throw new UserError(badFormat(value));
  for (const format of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UserError(badFormat(format));
  }
  return [...new Set(formats as OutputFormat[])];
}

function fontProblemMessage(error: FontError, lang: 'zh-CN' | 'en'): UserError {
  const messages = cliMessagesFor(lang);
  const problem = error.problem;
  switch (problem.kind) {
    case 'missing-file':
      return new UserError(messages.fontNotFound(problem.path));
    case 'missing-face':
      return problem.face === ''
        ? new UserError(messages.fontNeedsFace(problem.path), messages.fontFaces(problem.available))
        : new UserError(messages.fontFaceNotFound(problem.path, problem.face, problem.available));
    case 'unreadable':
      return new UserError(messages.fontUnreadable(problem.path, problem.reason));
    case 'none-found':
      return new UserError(messages.noCjkFont, messages.noCjkFontHint);
  }
}

export async function runBuild(io: Io, options: GlobalOptions, paths: readonly string[], build: BuildOptions): Promise<number> {
  const started = performance.now();
  const check = await checkProject(io, options, paths);
  const { project } = check;
  const messages = cliMessagesFor(project.lang);
  const chalk = chalkFor(io, options.color);
  const formats = parseFormats(build.format, project.config.formats, messages.badFormat);
  if (build.locale !== undefined && !isLang(build.locale)) throw new UserError(messages.badLocale(build.locale));
  const locale = localeFor(isLang(build.locale) ? build.locale : project.config.locale);
  const loaded = await loadTemplate(build.template ?? project.config.template, project.root, project.lang);

  const sources = new Map(check.sources);
  if (loaded.source) sources.set(loaded.source.path, loaded.source);
  const report = (diagnostics: readonly Diagnostic[]): void => {
    const text = formatText(diagnostics, { chalk, sources, messages });
    if (text) io.stdout(`${text}\n`);
  };

  let diagnostics = normalizeDiagnostics([...check.allDiagnostics, ...loaded.diagnostics]);
  if (hasErrors(diagnostics) || !loaded.template) {
    report(diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.stdout(`${chalk.red(messages.problems(errors, diagnostics.length - errors, check.targets.length))}\n`);
    return EXIT_INVALID;
  }
  const template = loaded.template;

  let fonts: FontSet | undefined;
  if (formats.includes('pdf')) {
    try {
      fonts = loadFontSet(chooseFonts(project.config.fonts, project.root));
    } catch (error: unknown) {
      if (error instanceof FontError) throw fontProblemMessage(error, project.lang);
      throw error;
    }
  }
  const targets = new Set(check.targets);
  const roles = check.roles.filter((entry) => targets.has(entry.file));
  if (fonts) {
    // The document's own words (labels, titles, page numbers) must be drawable, or every page is tofu.
    const lacking = missingCharacters(localeText(locale), fonts);
    if (lacking.length > 0) throw new UserError(messages.fontLacksLocale(lacking.join(''), locale.lang), messages.fontLacksLocaleHint);
    const coverage = checkGlyphCoverage(
      roles.map((entry) => ({ file: entry.file, data: entry.role, locator: entry.locator, source: sources.get(entry.file) })),
      fonts,
      messagesFor(project.lang),
    );
    diagnostics = normalizeDiagnostics([...diagnostics, ...coverage]);
  }
  report(diagnostics);

  const directory = buildDirectory(check.roles.map((entry) => entry.role));
  const renderers = await Promise.all(formats.map((format) => loadRenderer(format)));
  const ctx = { createdAt: buildDate(io.env), fonts };
  const outputs: OutputFile[] = [];
  const showProgress = io.stderrIsTty && roles.length > PROGRESS_THRESHOLD;
  for (const [index, entry] of roles.entries()) {
    const layout = composeRole(entry.role, { template, locale, organization: project.config.organization, directory });
    for (const renderer of renderers) {
      outputs.push({ name: `${entry.role.id}.${renderer.format}`, bytes: await renderer.render(layout, ctx) });
    }
    if (showProgress) io.stderr(`\r${messages.progress(index + 1, roles.length)}`);
  }
  if (showProgress) io.stderr('\r\u001b[K');

  // Everything rendered before anything is written: a failure half-way leaves the old documents.
  const outDir = path.resolve(project.root, build.out ?? project.config.out);
  await writeOutputs(outDir, outputs);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const shownOut = path.relative(io.cwd, outDir) || '.';
  io.stdout(`${chalk.green(messages.built(roles.length, outputs.length, seconds, `${shownOut.split(path.sep).join('/')}/`))}\n`);
  return EXIT_OK;
}

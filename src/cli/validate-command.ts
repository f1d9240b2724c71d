/** `roledoc validate [paths…]`: every problem in the role files, at once, with file:line:column. */
import { hasErrors, normalizeDiagnostics } from '../core/diagnostic.js';
import { EXIT_INVALID, EXIT_OK } from '../core/errors.js';
import { cliMessagesFor } from '../i18n/cli-messages.js';
import { messagesFor } from '../i18n/messages.js';
import { loadLocale } from '../locale/load-locale.js';
import { CONFIG_FILE_NAME } from '../model/config.js';
import { loadTemplate } from '../template/load-template.js';
import { checkProject } from './check-project.js';
import { chalkFor, type GlobalOptions, type Io } from './io.js';
import { formatGithub, formatJson, formatText, type ReportFormat } from './report.js';

export async function runValidate(io: Io, options: GlobalOptions, paths: readonly string[], format: ReportFormat): Promise<number> {
  const checked = await checkProject(io, options, paths);
  const { project, targets } = checked;
  let { diagnostics } = checked;
  const sources = new Map(checked.sources);
  const messages = cliMessagesFor(project.lang);
  /** The project's own template and catalog files checked besides the roles and the config. */
  let projectFiles = 0;
  if (!hasErrors(project.configDiagnostics)) {
    const origin = project.configLocator ? { file: CONFIG_FILE_NAME, locator: project.configLocator } : undefined;
    const template = await loadTemplate(project.config.template, project.root, project.lang, origin);
    const catalog = await loadLocale(project.config.locale, project.root, project.lang, origin);
    // The whole project includes its template: a typo there is as much an error as one in a role.
    if (paths.length === 0) {
      for (const source of [...template.sources, ...catalog.sources]) sources.set(source.path, source);
      projectFiles = [...template.sources, ...catalog.sources].filter((source) => !source.path.startsWith('roledoc:')).length;
      diagnostics = normalizeDiagnostics([...diagnostics, ...template.diagnostics, ...catalog.diagnostics]);
    }
    // What the PDF font cannot draw, as `build` reports it.
    if (template.template && catalog.locale && project.config.formats.includes('pdf')) {
      // Loaded only here: fontkit is not for a project without PDFs to pay for.
      const { checkPdfCoverage, loadPdfFonts } = await import('../build/pdf-fonts.js');
      const { fonts } = loadPdfFonts(project.config, project.root, template.template, messages);
      const wanted = new Set(targets);
      const coverage = checkPdfCoverage(
        fonts,
        { locale: catalog.locale, template: template.template, config: project.config },
        checked.roles.filter((entry) => wanted.has(entry.file)).map((entry) => ({ file: entry.file, data: entry.role, locator: entry.locator })),
        sources,
        { cli: messages, files: messagesFor(project.lang) },
      );
      diagnostics = normalizeDiagnostics([...diagnostics, ...coverage]);
    }
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const filesChecked = targets.length + (project.configSource ? 1 : 0) + projectFiles;
  const summary = errors > 0 ? messages.problems(errors, warnings, filesChecked) : messages.allValid(targets.length, warnings);
  if (format === 'json') {
    io.stdout(formatJson(diagnostics));
  } else if (format === 'github') {
    io.stdout(formatGithub(diagnostics));
    io.stdout(`${summary}\n`);
  } else {
    const chalk = chalkFor(io, options.color);
    const report = formatText(diagnostics, { chalk, sources, messages });
    if (report) io.stdout(`${report}\n`);
    io.stdout(`${errors > 0 ? chalk.red(summary) : chalk.green(summary)}\n`);
  }
  return hasErrors(diagnostics) ? EXIT_INVALID : EXIT_OK;
}

/** `roledoc validate [paths…]`: every problem in the role files, at once, with file:line:column. */
import { hasErrors } from '../core/diagnostic.js';
import { EXIT_INVALID, EXIT_OK } from '../core/errors.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { isLang } from '../messages/lang.js';
import { checkProject } from '../pipeline/check-project.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';
import { formatGithub, formatJson, formatText, type ReportFormat } from './report.js';

export async function runValidate(io: Io, options: GlobalOptions, paths: readonly string[], format: ReportFormat): Promise<number> {
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  const checked = await checkProject(root, { paths, ...(langOverride ? { lang: langOverride } : {}) });
  const { diagnostics, project } = checked;
  const messages = cliMessagesFor(project.lang);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = errors > 0 ? messages.problems(errors, warnings, checked.filesChecked) : messages.allValid(checked.targets.length, warnings);
  if (format === 'json') {
    io.stdout(formatJson(diagnostics));
  } else if (format === 'github') {
    io.stdout(formatGithub(diagnostics));
    io.stdout(`${summary}\n`);
  } else {
    const chalk = chalkFor(io, options.color);
    const report = formatText(diagnostics, { chalk, sources: checked.sources, messages });
    if (report) io.stdout(`${report}\n`);
    io.stdout(`${errors > 0 ? chalk.red(summary) : chalk.green(summary)}\n`);
  }
  return hasErrors(diagnostics) ? EXIT_INVALID : EXIT_OK;
}

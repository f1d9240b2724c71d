/** `roledoc lint [paths…]`: the reviewer's rules on the role files (docs/rules/), as validate reports problems. */
import { EXIT_INVALID, EXIT_OK } from '../core/errors.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { isLang } from '../messages/lang.js';
import { lintMessagesFor } from '../messages/lint-messages.js';
import { checkProject } from '../pipeline/check-project.js';
import { fixProject } from '../pipeline/lint-fix.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';
import { formatGithub, formatJson, formatText, type ReportFormat } from './report.js';

export async function runLint(io: Io, options: GlobalOptions, paths: readonly string[], format: ReportFormat, fix = false): Promise<number> {
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  if (fix) {
    // Fix first, then report what is left, as eslint --fix does.
    const result = await fixProject(root, paths, langOverride);
    const m = lintMessagesFor(langOverride ?? 'zh-CN');
    const count = [...result.fixed.values()].reduce((sum, n) => sum + n, 0);
    // On stderr: stdout is the report, JSON for a script.
    if (count > 0) io.stderr(`${m.fixed(count, result.fixed.size)}\n`);
    for (const file of result.undone) io.stderr(`${m.fixUndone(file)}\n`);
  }
  const checked = await checkProject(root, { paths, lintHints: true, ...(langOverride ? { lang: langOverride } : {}) });
  const { project } = checked;
  // The rules read valid roles only: a file that does not validate is validate's to report, and is.
  const findings = checked.diagnostics.filter((d) => d.code.startsWith('lint.') || d.severity === 'error');
  const errors = findings.filter((d) => d.severity === 'error').length;
  const warnings = findings.filter((d) => d.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  const m = lintMessagesFor(project.lang);
  const summary = findings.length === 0 ? m.clean(checked.targets.length) : m.found(errors, warnings, infos);
  if (format === 'json') {
    io.stdout(formatJson(findings));
  } else if (format === 'github') {
    io.stdout(formatGithub(findings));
    io.stdout(`${summary}\n`);
  } else {
    const chalk = chalkFor(io, options.color);
    const report = formatText(findings, { chalk, sources: checked.sources, messages: cliMessagesFor(project.lang) });
    if (report) io.stdout(`${report}\n`);
    io.stdout(`${errors > 0 ? chalk.red(summary) : findings.length > 0 ? chalk.yellow(summary) : chalk.green(summary)}\n`);
  }
  return errors > 0 ? EXIT_INVALID : EXIT_OK;
}

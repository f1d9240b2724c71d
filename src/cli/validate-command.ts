/** `roledoc validate [paths…]`: every problem in the role files, at once, with file:line:column. */
import { normalizeDiagnostics, hasErrors } from '../core/diagnostic.js';
import { EXIT_INVALID, EXIT_OK, UserError } from '../core/errors.js';
import { cliMessagesFor } from '../i18n/cli-messages.js';
import { isLang } from '../i18n/lang.js';
import { checkRoles } from '../project/check-roles.js';
import { expandPaths, findRoleFiles, openProject, readInputs } from '../project/read-project.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';
import { formatGithub, formatJson, formatText, type ReportFormat } from './report.js';

export async function runValidate(io: Io, options: GlobalOptions, paths: readonly string[], format: ReportFormat): Promise<number> {
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  const project = await openProject(root, langOverride);
  const messages = cliMessagesFor(project.lang);

  // Cross-file rules (links, unique ids) need every role of the project, even when only some are named.
  const projectFiles = await findRoleFiles(project);
  const targets = paths.length > 0 ? await expandPaths(project, paths) : projectFiles;
  if (targets.length === 0) throw new UserError(messages.noRoleFiles(paths.length > 0 ? paths.join(', ') : `${project.config.roles}/`));
  const allFiles = [...new Set([...projectFiles, ...targets])].sort();

  const checked = checkRoles(await readInputs(project, allFiles), project.lang);
  const wanted = new Set(targets);
  const diagnostics = normalizeDiagnostics([
    ...project.configDiagnostics,
    ...checked.diagnostics.filter((d) => wanted.has(d.file)),
  ]);
  const sources = new Map(checked.sources);
  if (project.configSource) sources.set(project.configSource.path, project.configSource);

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const filesChecked = targets.length + (project.configSource ? 1 : 0);
  if (format === 'json') {
    io.stdout(formatJson(diagnostics));
  } else if (format === 'github') {
    io.stdout(formatGithub(diagnostics));
    io.stdout(`${errors > 0 ? messages.problems(errors, warnings, filesChecked) : messages.allValid(targets.length, warnings)}\n`);
  } else {
    const chalk = chalkFor(io, options.color);
    const report = formatText(diagnostics, { chalk, sources, messages });
    if (report) io.stdout(`${report}\n`);
    io.stdout(
      errors > 0
        ? `${chalk.red(messages.problems(errors, warnings, filesChecked))}\n`
        : `${chalk.green(messages.allValid(targets.length, warnings))}\n`,
    );
  }
  return hasErrors(diagnostics) ? EXIT_INVALID : EXIT_OK;
}

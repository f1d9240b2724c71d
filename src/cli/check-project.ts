/** The part validate and build share: open the project, read its role files, check them. */
import { normalizeDiagnostics, START_OF_FILE, type Diagnostic } from '../core/diagnostic.js';
import { messagesFor } from '../i18n/messages.js';
import { UserError } from '../core/errors.js';
import { cliMessagesFor } from '../i18n/cli-messages.js';
import { isLang } from '../i18n/lang.js';
import type { SourceFile } from '../load/source-file.js';
import { checkRoles, type CheckedRole } from '../project/check-roles.js';
import { expandPaths, findRoleFiles, openProject, readInputs, splitOutside, type ProjectContext } from '../project/read-project.js';
import { resolveRoot, type GlobalOptions, type Io } from './io.js';
import { CONFIG_FILE_NAME } from '../model/config.js';
import { suggest } from '../validate/explain.js';

export interface ProjectCheck {
  readonly project: ProjectContext;
  /** The files the command is about: the named paths, or every role file. */
  readonly targets: readonly string[];
  /** Every valid role of the project (links and direct reports need them all). */
  readonly roles: readonly CheckedRole[];
  /** Diagnostics for the config and the target files, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** Diagnostics anywhere in the project, sorted: any error here makes documents unsafe to build. */
  readonly allDiagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, SourceFile>;
}

export async function checkProject(io: Io, options: GlobalOptions, paths: readonly string[]): Promise<ProjectCheck> {
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  const project = await openProject(root, langOverride);
  const messages = cliMessagesFor(project.lang);

  // Cross-file rules (links, unique ids) need every role of the project, even when only some are named.
  const projectFiles = await findRoleFiles(project);
  const named = paths.length > 0 ? await expandPaths(project, paths) : projectFiles;
  const { inside: allFiles, outside } = await splitOutside(project, [...new Set([...projectFiles, ...named])].sort());
  const targets = named.filter((file) => allFiles.includes(file));
  if (targets.length === 0 && outside.length === 0) throw new UserError(messages.noRoleFiles(paths.length > 0 ? paths.join(', ') : `${project.config.roles}/`));

  const checked = checkRoles(await readInputs(project, allFiles), project.lang);
  const fileMessages = messagesFor(project.lang);
  const skipped: Diagnostic[] = outside.map((file) => ({
    severity: 'warning',
    code: 'load.outside-project',
    message: fileMessages.outsideProject,
    file,
    span: START_OF_FILE,
    hint: fileMessages.outsideProjectHint,
  }));
  // An `order` entry that names no department and no role would be ignored without a word.
  const departments = new Set(checked.roles.map((entry) => entry.role.department));
  const ids = new Set(checked.roles.map((entry) => entry.role.id));
  const locator = project.configLocator;
  const unknownOrder: Diagnostic[] = locator
    ? project.config.order.flatMap((entry, index): Diagnostic[] => {
        if (departments.has(entry) || ids.has(entry)) return [];
        const near = suggest(entry, [...departments, ...ids]);
        return [
          {
            severity: 'warning',
            code: 'config.unknown-order',
            message: fileMessages.unknownOrderEntry(entry),
            file: CONFIG_FILE_NAME,
            span: locator.locate(['order', String(index)], 'value'),
            hint: near === undefined ? fileMessages.unknownOrderEntryHint : fileMessages.didYouMean(near),
          },
        ];
      })
    : [];
  const wanted = new Set(targets);
  const sources = new Map(checked.sources);
  if (project.configSource) sources.set(project.configSource.path, project.configSource);
  return {
    project,
    targets,
    roles: checked.roles,
    diagnostics: normalizeDiagnostics([...project.configDiagnostics, ...unknownOrder, ...skipped, ...checked.diagnostics.filter((d) => wanted.has(d.file))]),
    allDiagnostics: normalizeDiagnostics([...project.configDiagnostics, ...unknownOrder, ...skipped, ...checked.diagnostics]),
    sources,
  };
}

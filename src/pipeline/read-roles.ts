/** Reading a project's role files: every one of them (cross-file rules need them all), and which the command is about. */
import { UserError } from '../core/errors.js';
import { expandPaths, findRoleFiles, readProjectFiles, splitOutside, type FileInput } from '../io/project-files.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { CONFIG_FILE_NAME } from '../model/config.js';
import type { ProjectContext } from './open-project.js';

export interface RoleFiles {
  /** The files the command is about: the named paths, or every role file. */
  readonly targets: readonly string[];
  /** Every role file of the project, read. */
  readonly files: readonly FileInput[];
  /** Role files that only seem to be in the project (a symlink out of it): never read. */
  readonly outside: readonly string[];
}

/**
 * @param paths files or folders named on the command line; none means every role file.
 * @throws UserError when there is no role file at all, a named path does not exist, or a file cannot be read.
 */
export async function readRoleFiles(project: ProjectContext, paths: readonly string[]): Promise<RoleFiles> {
  const { root, config, lang } = project;
  const projectFiles = await findRoleFiles(root, config.roles, CONFIG_FILE_NAME, lang);
  const named = paths.length > 0 ? await expandPaths(root, paths, CONFIG_FILE_NAME, lang) : projectFiles;
  const { inside, outside } = await splitOutside(root, config.roles, [...new Set([...projectFiles, ...named])].sort());
  const targets = named.filter((file) => inside.includes(file));
  if (targets.length === 0 && outside.length === 0) {
    throw new UserError(cliMessagesFor(lang).noRoleFiles(paths.length > 0 ? paths.join(', ') : `${config.roles}/`));
  }
  return { targets, files: await readProjectFiles(root, inside, lang), outside };
}

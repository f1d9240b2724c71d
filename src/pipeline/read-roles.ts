/** Reading a project's role files: every one of them (cross-file rules need them all), and which the command is about. */
import { UserError } from '../core/errors.js';
import { expandPaths, findRoleFiles, readProjectFiles, realRolesFolder, splitOutside, type FileInput, type UnreadableFile } from '../io/project-files.js';
import { MAX_ROLE_FILE_BYTES } from '../load/decode.js';
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
  /** Role files that are not regular files (a FIFO, a link to nothing), or too large: never read, each an error. */
  readonly unreadable: readonly UnreadableFile[];
}

/**
 * @param paths files or folders named on the command line; none means every role file.
 * @throws UserError when there is no role file at all, a named path does not exist or lies outside
 *   the project, every role file lies outside the project, or a file cannot be read.
 */
export async function readRoleFiles(project: ProjectContext, paths: readonly string[]): Promise<RoleFiles> {
  const { root, config, lang } = project;
  const messages = cliMessagesFor(lang);
  const projectFiles = await findRoleFiles(root, config.roles, CONFIG_FILE_NAME, lang);
  const named = paths.length > 0 ? await expandPaths(root, paths, CONFIG_FILE_NAME, config.roles, lang) : projectFiles;
  const { inside, outside } = await splitOutside(root, config.roles, [...new Set([...projectFiles, ...named])].sort());
  // A roles folder that is a link out of the project is not a project without roles: a build would delete every document.
  const outsideSet = new Set(outside);
  if (projectFiles.length > 0 && projectFiles.every((file) => outsideSet.has(file))) {
    throw new UserError(messages.allRolesOutside(`${config.roles}/`, await realRolesFolder(root, config.roles)), messages.allRolesOutsideHint);
  }
  const targets = named.filter((file) => !outsideSet.has(file));
  if (paths.length > 0 && named.length > 0 && targets.length === 0) {
    throw new UserError(messages.pathOutsideProject(paths.join(', '), root), messages.pathOutsideProjectHint);
  }
  if (targets.length === 0) {
    throw new UserError(messages.noRoleFiles(paths.length > 0 ? paths.join(', ') : `${config.roles}/`));
  }
  const read = readProjectFiles(root, inside, lang, MAX_ROLE_FILE_BYTES);
  return { targets, files: read.inputs, outside, unreadable: read.unreadable };
}

/**
 * The template and the locale a project's documents are made with: named by the config, or by
 * the command line, which wins. Named in the config, a name that finds nothing is an error at its
 * line; named on the command line, a usage error.
 */
import path from 'node:path';
import { diagnostic, START_OF_FILE } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { FileProblemError, type FileAccess } from '../core/file-access.js';
import { toProjectPath } from '../core/paths.js';
import { explainProblem, nodeFiles } from '../io/node-files.js';
import { MAX_ROLE_FILE_BYTES } from '../load/decode.js';
import { isLocalePath } from '../locale/locale-name.js';
import { loadLocale, type LoadedLocale } from '../locale/load-locale.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { messagesFor } from '../messages/messages.js';
import { CONFIG_FILE_NAME } from '../model/config.js';
import { loadTemplate, type LoadedTemplate } from '../template/load-template.js';
import type { ProjectContext } from './open-project.js';

/** Where the config names a value, when the value is the config's: diagnostics then point there. */
function configOrigin(project: ProjectContext, override: string | undefined): { file: string; locator: NonNullable<ProjectContext['configLocator']> } | undefined {
  return override === undefined && project.configLocator ? { file: CONFIG_FILE_NAME, locator: project.configLocator } : undefined;
}

/** @param override the template named on the command line, if any. */
export function loadProjectTemplate(project: ProjectContext, override: string | undefined, files: FileAccess = nodeFiles): Promise<LoadedTemplate> {
  return loadTemplate(override ?? project.config.template, project.root, project.lang, files, configOrigin(project, override));
}

/**
 * @param override the locale named on the command line, if any.
 * @throws UserError when a catalog named on the command line is not a regular file or cannot be read.
 */
export async function loadProjectLocale(project: ProjectContext, override: string | undefined, files: FileAccess = nodeFiles): Promise<LoadedLocale> {
  const name = override ?? project.config.locale;
  const file = isLocalePath(name) ? path.resolve(project.root, name) : undefined;
  if (file === undefined) return loadLocale(name, undefined, project.lang, configOrigin(project, override));
  const shownAs = toProjectPath(project.root, file);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await files.read(file, MAX_ROLE_FILE_BYTES);
  } catch (error: unknown) {
    if (!(error instanceof FileProblemError)) throw error;
    const messages = messagesFor(project.lang);
    const origin = configOrigin(project, override);
    // Too large: as the loader says it of any YAML file. Missing: the locale's own "not found".
    if (error.problem === 'too-large') {
      const tooLarge = diagnostic('load.too-large', shownAs, START_OF_FILE, messages.tooLarge(error.details.size ?? MAX_ROLE_FILE_BYTES + 1, MAX_ROLE_FILE_BYTES), messages.tooLargeHint);
      return { locale: undefined, sources: [], diagnostics: [tooLarge] };
    }
    if (error.problem === 'denied' || error.problem === 'other') throw new UserError(cliMessagesFor(project.lang).cannotRead(shownAs, explainProblem(error, project.lang)));
    if (error.problem !== 'missing') {
      const what = messages.pathProblem(error.problem, error.details.limit);
      if (origin) return { locale: undefined, sources: [], diagnostics: [diagnostic('config.not-a-file', origin.file, origin.locator.locate(['locale'], 'value'), messages.namedFileUnreadable('locale', name, what), messages.namedFileUnreadableHint)] };
      throw new UserError(cliMessagesFor(project.lang).notAFile(shownAs, what));
    }
  }
  return loadLocale(name, { shownAs, bytes }, project.lang, configOrigin(project, override));
}

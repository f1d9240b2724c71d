/**
 * The template and the locale a project's documents are made with: named by the config, or by
 * the command line, which wins. Named in the config, a name that finds nothing is an error at its
 * line; named on the command line, a usage error.
 */
import path from 'node:path';
import type { FileAccess } from '../core/file-access.js';
import { toProjectPath } from '../core/paths.js';
import { nodeFiles } from '../io/node-files.js';
import { isLocalePath } from '../locale/locale-name.js';
import { loadLocale, type LoadedLocale } from '../locale/load-locale.js';
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

/** @param override the locale named on the command line, if any. */
export async function loadProjectLocale(project: ProjectContext, override: string | undefined, files: FileAccess = nodeFiles): Promise<LoadedLocale> {
  const name = override ?? project.config.locale;
  const file = isLocalePath(name) ? path.resolve(project.root, name) : undefined;
  const catalog =
    file === undefined
      ? undefined
      : { shownAs: toProjectPath(project.root, file), bytes: (await files.isFile(file)) ? await files.read(file) : undefined };
  return loadLocale(name, catalog, project.lang, configOrigin(project, override));
}

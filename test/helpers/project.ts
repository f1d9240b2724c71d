/** A project as the pipeline sees it, for tests of one stage. */
import { readdirSync } from 'node:fs';
import type { Lang } from '../../src/messages/lang.js';
import { DEFAULT_CONFIG } from '../../src/model/config.js';
import { loadProjectLocale } from '../../src/pipeline/load-look.js';
import type { ProjectContext } from '../../src/pipeline/open-project.js';
import type { LoadedLocale } from '../../src/locale/load-locale.js';
import { buildProject, type BuildRequest, type BuildResult } from '../../src/pipeline/build.js';

/** The project at `root` with the default config: what a project without roledoc.config.yaml is. */
export function defaultProject(root: string, lang: Lang): ProjectContext {
  return { root, config: DEFAULT_CONFIG, lang, configDiagnostics: [], configSource: undefined };
}

/** The locale `name` (a built-in or a catalog path) as named on the command line of a project at `root`. */
export function loadLocaleAt(name: string, root: string, lang: Lang): Promise<LoadedLocale> {
  return loadProjectLocale(defaultProject(root, lang), name);
}

/** A build of the project at `dir` through the API, as `roledoc build` makes it (the whole project unless told otherwise). */
export function build(dir: string, request: Partial<BuildRequest> = {}): Promise<BuildResult> {
  return buildProject(dir, undefined, { paths: [], ...request });
}

/** The build cache's folder in an output folder: this machine's own (times, inodes), never a document. */
export const BUILD_CACHE = '.roledoc-cache';

/** What a build wrote into an output folder — its documents, manifest and backups — leaving out the build cache. */
export const outputNames = (out: string): string[] => readdirSync(out).filter((name) => name !== BUILD_CACHE);

/**
 * Finding a project's role files and reading their bytes. Which files are roles is the config's to
 * say (`roles:`, a folder or a glob); the command line may name some of them.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { UserError } from '../core/errors.js';
import { globBase, isGlob, toProjectPath } from '../core/paths.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import type { Lang } from '../messages/lang.js';
import { readOrExplain } from './node-files.js';

/** A file of the project: where it is, as every message names it, and its bytes. */
export interface FileInput {
  /** Project-relative path with forward slashes. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

const ROLE_FILE_GLOB = '**/*.{yaml,yml}';

/** Role files matching `pattern` under `cwd`; the project's own config file is never a role. */
async function filesUnder(root: string, pattern: string, cwd: string, configFile: string): Promise<string[]> {
  const found = await glob([pattern], { cwd, absolute: true, onlyFiles: true, dot: false });
  return found.map((file) => toProjectPath(root, path.resolve(file))).filter((file) => file !== configFile);
}

/** The project's role files: the config's `roles` folder (or glob), sorted for stable output. */
export async function findRoleFiles(root: string, rolesSetting: string, configFile: string, lang: Lang): Promise<string[]> {
  const messages = cliMessagesFor(lang);
  if (isGlob(rolesSetting)) return (await filesUnder(root, rolesSetting, root, configFile)).sort();
  const folder = path.resolve(root, rolesSetting);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new UserError(messages.noRolesFolder(rolesSetting), messages.noRolesFolderHint);
  return (await filesUnder(root, ROLE_FILE_GLOB, folder, configFile)).sort();
}

/**
 * Splits role files into those that really are in the project and those that only seem to be: a
 * symlink to /etc/passwd, or a glob that climbs out. roledoc reads only the first; an absolute
 * roles folder in the config counts as part of the project.
 */
export async function splitOutside(root: string, rolesSetting: string, files: readonly string[]): Promise<{ inside: string[]; outside: string[] }> {
  const bases = [await realpath(root)];
  if (path.isAbsolute(rolesSetting)) bases.push(await realpath(globBase(rolesSetting)).catch(() => globBase(rolesSetting)));
  const inside: string[] = [];
  const outside: string[] = [];
  for (const file of files) {
    const real = await realpath(path.resolve(root, file)).catch(() => undefined);
    const ok = real !== undefined && bases.some((base) => real === base || real.startsWith(base + path.sep));
    (ok ? inside : outside).push(file);
  }
  return { inside, outside };
}

/** Command-line paths (files or folders) → role files, project-relative. */
export async function expandPaths(root: string, paths: readonly string[], configFile: string, lang: Lang): Promise<string[]> {
  const messages = cliMessagesFor(lang);
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(root, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UserError(messages.pathNotFound(given));
    if (info.isDirectory()) {
      for (const file of await filesUnder(root, ROLE_FILE_GLOB, absolute, configFile)) files.add(file);
    } else {
      const file = toProjectPath(root, absolute);
      if (file !== configFile) files.add(file);
    }
  }
  return [...files].sort();
}

/** The bytes of project files (project-relative paths). */
export async function readProjectFiles(root: string, files: readonly string[], lang: Lang): Promise<FileInput[]> {
  return Promise.all(files.map(async (file) => ({ path: file, bytes: await readOrExplain(path.resolve(root, file), file, lang) })));
}

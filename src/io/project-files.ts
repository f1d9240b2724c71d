/**
 * Finding a project's role files and reading their bytes. Which files are roles is the config's to
 * say (`roles:`, a folder or a glob); the command line may name some of them.
 *
 * No walk is unbounded: `roles:` may not be the root of a disk, and a walk that meets more than
 * WALK_LIMIT files and folders stops with a sentence rather than searching a whole disk. A role
 * file that is not a regular file (a FIFO, a device, a link to nothing or round in a circle) is
 * found and named, never skipped without a word, and never opened.
 */
import { realpathSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { UserError } from '../core/errors.js';
import { FileProblemError, type PathProblem } from '../core/file-access.js';
import { globBase, isGlob, shownPath, toProjectPath } from '../core/paths.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import type { Lang } from '../messages/lang.js';
import { explainProblem, kindOf, readRegularFileSync } from './node-files.js';

/** A file of the project: where it is, as every message names it, and its bytes. */
export interface FileInput {
  /** Project-relative path with forward slashes. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** A role file that was not read: what is there instead of a regular file, and for one too large, its size. */
export interface UnreadableFile {
  /** Project-relative path with forward slashes. */
  readonly path: string;
  readonly problem: PathProblem;
  readonly size?: number | undefined;
}

const ROLE_FILE_GLOB = '**/*.{yaml,yml}';
const ROLE_FILE_NAME = /\.ya?ml$/;
/** More files and folders than this under a roles folder is not a roles folder (a thousand roles are ~1 100 entries). */
export const WALK_LIMIT = 100_000;

/**
 * Walks `dir` as the glob does (following links to folders, each real folder once, hidden ones
 * left out), counting what it meets, and returns the entries named like role files that are not
 * regular files or links to one — the glob would skip them without a word.
 * @throws UserError when the walk meets more than `limit` entries.
 */
async function walkForUnusual(dir: string, shownAs: string, lang: Lang, limit: number): Promise<string[]> {
  const unusual: string[] = [];
  const seen = new Set<string>();
  const queue = [dir];
  let count = 0;
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const real = await realpath(next).catch(() => next);
    if (seen.has(real)) continue;
    seen.add(real);
    const entries = await readdir(next, { withFileTypes: true }).catch(() => []);
    count += entries.length;
    if (count > limit) {
      const messages = cliMessagesFor(lang);
      throw new UserError(messages.rolesTooMany(shownAs, limit), messages.rolesTooWideHint);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(next, entry.name);
      if (entry.isDirectory()) {
        queue.push(full);
      } else if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => undefined);
        if (target?.isDirectory()) queue.push(full);
        else if (target === undefined && ROLE_FILE_NAME.test(entry.name)) unusual.push(full);
      } else if (!entry.isFile() && ROLE_FILE_NAME.test(entry.name)) {
        unusual.push(full);
      }
    }
  }
  return unusual;
}

/** Role files matching `pattern` under `cwd` (and those the glob would skip, see walkForUnusual); the project's own config file is never a role. */
async function filesUnder(root: string, pattern: string, cwd: string, configFile: string, lang: Lang, limit = WALK_LIMIT): Promise<string[]> {
  const from = path.resolve(cwd, globBase(pattern));
  const unusual = await walkForUnusual(from, shownPath(root, from), lang, limit);
  const found = await glob([pattern], { cwd, absolute: true, onlyFiles: true, dot: false });
  // The entries the glob cannot see are matched against its pattern as it would have matched them.
  const asPattern = (file: string): string => (path.isAbsolute(pattern) ? file : path.relative(cwd, file)).split(path.sep).join('/');
  const matching = unusual.filter((file) => typeof path.matchesGlob !== 'function' || path.matchesGlob(asPattern(file), pattern));
  return [...new Set([...found, ...matching].map((file) => toProjectPath(root, path.resolve(file))))].filter((file) => file !== configFile);
}

/**
 * The project's role files: the config's `roles` folder (or glob), sorted for stable output.
 * @param limit how many files and folders the walk may meet before it stops (WALK_LIMIT).
 */
export async function findRoleFiles(root: string, rolesSetting: string, configFile: string, lang: Lang, limit = WALK_LIMIT): Promise<string[]> {
  const messages = cliMessagesFor(lang);
  const base = path.resolve(root, globBase(rolesSetting));
  if (path.parse(base).root === base) throw new UserError(messages.rolesIsDiskRoot(rolesSetting), messages.rolesTooWideHint);
  if (isGlob(rolesSetting)) return (await filesUnder(root, rolesSetting, root, configFile, lang, limit)).sort();
  const folder = path.resolve(root, rolesSetting);
  const kind = await kindOf(folder);
  if (kind !== 'directory') {
    if (kind === 'missing' || kind === 'broken-link') throw new UserError(messages.noRolesFolder(rolesSetting), messages.noRolesFolderHint);
    throw new UserError(messages.notAFolder(rolesSetting, messages.pathProblem(kind)), messages.rolesTooWideHint);
  }
  return (await filesUnder(root, ROLE_FILE_GLOB, folder, configFile, lang, limit)).sort();
}

/** The folders whose files count as the project's: the project, and an absolute roles folder the config names. */
async function projectBases(root: string, rolesSetting: string): Promise<string[]> {
  const bases = [await realpath(root)];
  if (path.isAbsolute(rolesSetting)) bases.push(await realpath(globBase(rolesSetting)).catch(() => globBase(rolesSetting)));
  return bases;
}

/** realpath's answer, or undefined where it has none. */
function realPathOrNothing(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/**
 * Where a file really is: its real path, or for a link to nothing, the real folder of the link.
 * Synchronous (the same system call as fs/promises' realpath): asked for every role file, one
 * after the other, 60 ms of a 1,000-role build's start went to waiting for the answers.
 */
function realLocation(file: string): string {
  const real = realPathOrNothing(file);
  if (real !== undefined) return real;
  const folder = realPathOrNothing(path.dirname(file)) ?? path.dirname(file);
  return path.join(folder, path.basename(file));
}

const isUnder = (bases: readonly string[], real: string): boolean => bases.some((base) => real === base || real.startsWith(base.endsWith(path.sep) ? base : base + path.sep));

/**
 * Splits role files into those that really are in the project and those that only seem to be: a
 * symlink to /etc/passwd, or a glob that climbs out. roledoc reads only the first; an absolute
 * roles folder in the config counts as part of the project.
 */
export async function splitOutside(root: string, rolesSetting: string, files: readonly string[]): Promise<{ inside: string[]; outside: string[] }> {
  const bases = await projectBases(root, rolesSetting);
  const inside: string[] = [];
  const outside: string[] = [];
  for (const file of files) (isUnder(bases, realLocation(path.resolve(root, file))) ? inside : outside).push(file);
  return { inside, outside };
}

/** Where the roles folder really is, for a message that says it is not in the project. */
export async function realRolesFolder(root: string, rolesSetting: string): Promise<string> {
  const folder = path.resolve(root, globBase(rolesSetting));
  return realpath(folder).catch(() => folder);
}

/**
 * Command-line paths (files or folders) → role files, project-relative.
 * @throws UserError for a path that does not exist, lies outside the project, is the config, or is
 *   not a regular file or folder.
 */
export async function expandPaths(root: string, paths: readonly string[], configFile: string, rolesSetting: string, lang: Lang): Promise<string[]> {
  const messages = cliMessagesFor(lang);
  const bases = await projectBases(root, rolesSetting);
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(root, given);
    const kind = await kindOf(absolute);
    if (kind === 'missing') throw new UserError(messages.pathNotFound(given));
    // Named outside the project: never read (a link inside it that leads out is the load.outside-project warning's).
    const named = path.join(await realpath(path.dirname(absolute)).catch(() => path.dirname(absolute)), path.basename(absolute));
    if (!isUnder(bases, named)) throw new UserError(messages.pathOutsideProject(given, root), messages.pathOutsideProjectHint);
    if (kind === 'directory') {
      for (const file of await filesUnder(root, ROLE_FILE_GLOB, absolute, configFile, lang)) files.add(file);
      continue;
    }
    const file = toProjectPath(root, absolute);
    if (file === configFile) throw new UserError(messages.pathIsConfig(given), messages.pathIsConfigHint);
    if (kind !== 'file') throw new UserError(messages.notAFile(given, messages.pathProblem(kind)));
    files.add(file);
  }
  return [...files].sort();
}

/**
 * The bytes of project files (project-relative paths), each at most `maxBytes`. One that is not a
 * regular file, or is too large, is listed as unreadable with what it is, for a diagnostic.
 * @throws UserError when a file may not be read (EACCES) or the disk fails.
 */
export function readProjectFiles(root: string, files: readonly string[], lang: Lang, maxBytes: number): { inputs: FileInput[]; unreadable: UnreadableFile[] } {
  const inputs: FileInput[] = [];
  const unreadable: UnreadableFile[] = [];
  // One after the other, synchronously: small files, and nothing else to do while they are read.
  for (const file of files) {
    try {
      inputs.push({ path: file, bytes: readRegularFileSync(path.resolve(root, file), maxBytes) });
    } catch (error: unknown) {
      if (!(error instanceof FileProblemError)) throw error;
      if (error.problem === 'denied' || error.problem === 'other') throw new UserError(cliMessagesFor(lang).cannotRead(file, explainProblem(error, lang)));
      unreadable.push({ path: file, problem: error.problem, size: error.details.size });
    }
  }
  return { inputs, unreadable };
}

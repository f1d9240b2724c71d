/**
 * The disk edge of the pipeline: find the project's config and role files and read their bytes.
 * Everything after this works on values.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { Diagnostic } from '../core/diagnostic.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import type { Locator } from '../load/locate.js';
import { errorCode, UserError } from '../core/errors.js';
import { isLang, type Lang } from '../i18n/lang.js';
import { cliMessagesFor } from '../i18n/cli-messages.js';
import { isLocalePath, messagesLangOf } from '../locale/locale-name.js';
import type { SourceFile } from '../load/source-file.js';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, type FontRef, type ProjectConfig, type RawConfig } from '../model/config.js';
import { checkYamlFile } from '../validate/check-file.js';
import { configSchema } from '../validate/schemas.js';
import type { FileInput } from './check-roles.js';

export interface ProjectContext {
  /** Absolute project root: where roledoc.config.yaml is (the working directory or --cwd). */
  readonly root: string;
  readonly config: ProjectConfig;
  readonly lang: Lang;
  /** Problems in roledoc.config.yaml; the defaults stand in for a broken config. */
  readonly configDiagnostics: readonly Diagnostic[];
  readonly configSource: SourceFile | undefined;
  /** Where each value of the config is, for diagnostics that need the roles too (handbook order). */
  readonly configLocator?: Locator;
}

const ROLE_FILE_GLOB = '**/*.{yaml,yml}';
const GLOB_CHARS = /[*?[\]{}]/;

/** The folder part of the `roles:` setting before any glob character: `roles/**\/*.yaml` → `roles`. */
export function globBase(setting: string): string {
  const parts = setting.split('/');
  const firstGlob = parts.findIndex((part) => GLOB_CHARS.test(part));
  return (firstGlob < 0 ? parts : parts.slice(0, firstGlob)).join('/') || '.';
}

/** `absolute` relative to `root`, with forward slashes: the same on Windows and in CI logs. */
export function toProjectPath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** Reads a file, turning the disk's refusals (EACCES, EISDIR, …) into a sentence instead of a bug report. */
async function readOrExplain(file: string, shownAs: string, lang: Lang): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error: unknown) {
    throw new UserError(cliMessagesFor(lang).cannotRead(shownAs, errorCode(error) ?? String(error)));
  }
}

async function readIfExists(file: string, shownAs: string, lang: Lang): Promise<Uint8Array | undefined> {
  if (!(await stat(file).catch(() => undefined))) return undefined;
  return readOrExplain(file, shownAs, lang);
}

/** True for a relative path that stays inside `root` once resolved (`../x` does not). */
export async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() === true;
}

export function staysInside(root: string, relative: string): boolean {
  const resolved = path.resolve(root, relative);
  return resolved === root || resolved.startsWith(root + path.sep);
}

/**
 * Whatever a config says, roledoc reads and writes only inside the project: a relative path that
 * climbs out of it (`out: ../../elsewhere`) is an error. An absolute path is taken as meant.
 */
function pathsOutsideProject(config: ProjectConfig, root: string, locator: Locator, messages: Messages): Diagnostic[] {
  const fontPath = (ref: FontRef | undefined): string | undefined => (ref === undefined ? undefined : typeof ref === 'string' ? ref : ref.path);
  const fontSegments = (ref: FontRef | undefined, which: string): string[] => (typeof ref === 'object' ? ['fonts', which, 'path'] : ['fonts', which]);
  const candidates: [string | undefined, string[]][] = [
    [config.out, ['out']],
    [config.roles, ['roles']],
    // A template name without a path is a built-in one.
    [/[\\/.]/.test(config.template) ? config.template : undefined, ['template']],
    [isLocalePath(config.locale) ? config.locale : undefined, ['locale']],
    [fontPath(config.fonts?.regular), fontSegments(config.fonts?.regular, 'regular')],
    [fontPath(config.fonts?.bold), fontSegments(config.fonts?.bold, 'bold')],
    [fontPath(config.fonts?.fallback), fontSegments(config.fonts?.fallback, 'fallback')],
  ];
  return candidates.flatMap(([value, segments]): Diagnostic[] =>
    value === undefined || path.isAbsolute(value) || staysInside(root, globBase(value))
      ? []
      : [
          {
            severity: 'error',
            code: 'config.path-outside',
            message: messages.pathOutsideProject(segments[0] ?? '', value),
            file: CONFIG_FILE_NAME,
            span: locator.locate(segments, 'value'),
            hint: messages.pathOutsideProjectHint,
          },
        ],
  );
}

/**
 * The keys of a config that has errors which are fine on their own: a typo in one key must not
 * silently reset the others (say, `roles:`) to their defaults. The errors are still reported.
 */
function validKeysOf(data: unknown): RawConfig {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (configSchema().check({ [key]: value }).ok) kept[key] = value;
  }
  return kept as RawConfig;
}

/** The language of messages before the config says otherwise. */
const DEFAULT_LANG: Lang = 'zh-CN';

export async function openProject(root: string, langOverride: Lang | undefined): Promise<ProjectContext> {
  const bytes = await readIfExists(path.join(root, CONFIG_FILE_NAME), CONFIG_FILE_NAME, langOverride ?? DEFAULT_LANG);
  if (bytes === undefined) {
    const lang = langOverride ?? DEFAULT_LANG;
    return { root, config: DEFAULT_CONFIG, lang, configDiagnostics: [], configSource: undefined };
  }
  let checked = checkYamlFile<RawConfig>(CONFIG_FILE_NAME, bytes, configSchema(), langOverride ?? DEFAULT_LANG);
  // The config names the language its own messages should be in (zh-TW's are zh-CN's).
  const declared: unknown =
    typeof checked.data === 'object' && checked.data !== null && 'locale' in checked.data ? checked.data.locale : undefined;
  const lang = langOverride ?? (isLang(declared) ? declared : typeof declared === 'string' ? ((await messagesLangOf(declared, root)) ?? DEFAULT_LANG) : DEFAULT_LANG);
  if (lang !== (langOverride ?? DEFAULT_LANG)) {
    checked = checkYamlFile<RawConfig>(CONFIG_FILE_NAME, bytes, configSchema(), lang);
  }
  // Every key is optional, so a config with nothing but comments is a valid, default one.
  const diagnostics: Diagnostic[] = checked.diagnostics.filter((d) => d.code !== 'load.empty');
  const config: ProjectConfig = { ...DEFAULT_CONFIG, ...(checked.value ?? validKeysOf(checked.data)) };
  if (checked.locator) diagnostics.push(...pathsOutsideProject(config, root, checked.locator, messagesFor(lang)));
  return { root, config, lang, configDiagnostics: diagnostics, configSource: checked.source, ...(checked.locator ? { configLocator: checked.locator } : {}) };
}

/** Role files matching `pattern` under `cwd`; the project's own config file is never a role. */
async function filesUnder(root: string, pattern: string, cwd: string): Promise<string[]> {
  const found = await glob([pattern], { cwd, absolute: true, onlyFiles: true, dot: false });
  return found.map((file) => toProjectPath(root, path.resolve(file))).filter((file) => file !== CONFIG_FILE_NAME);
}

/** The project's role files: the config's `roles` folder (or glob), sorted for stable output. */
export async function findRoleFiles(project: ProjectContext): Promise<string[]> {
  const messages = cliMessagesFor(project.lang);
  const setting = project.config.roles;
  if (GLOB_CHARS.test(setting)) return (await filesUnder(project.root, setting, project.root)).sort();
  const folder = path.resolve(project.root, setting);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new UserError(messages.noRolesFolder(setting), messages.noRolesFolderHint);
  return (await filesUnder(project.root, ROLE_FILE_GLOB, folder)).sort();
}

/**
 * Splits role files into those that really are in the project and those that only seem to be: a
 * symlink to /etc/passwd, or a glob that climbs out. roledoc reads only the first; an absolute
 * roles folder in the config counts as part of the project.
 */
export async function splitOutside(project: ProjectContext, files: readonly string[]): Promise<{ inside: string[]; outside: string[] }> {
  const bases = [await realpath(project.root)];
  if (path.isAbsolute(project.config.roles)) bases.push(await realpath(globBase(project.config.roles)).catch(() => globBase(project.config.roles)));
  const inside: string[] = [];
  const outside: string[] = [];
  for (const file of files) {
    const real = await realpath(path.resolve(project.root, file)).catch(() => undefined);
    const ok = real !== undefined && bases.some((base) => real === base || real.startsWith(base + path.sep));
    (ok ? inside : outside).push(file);
  }
  return { inside, outside };
}

/** Command-line paths (files or folders) → role files, project-relative. */
export async function expandPaths(project: ProjectContext, paths: readonly string[]): Promise<string[]> {
  const messages = cliMessagesFor(project.lang);
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(project.root, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UserError(messages.pathNotFound(given));
    if (info.isDirectory()) {
      for (const file of await filesUnder(project.root, ROLE_FILE_GLOB, absolute)) files.add(file);
    } else {
      const file = toProjectPath(project.root, absolute);
      if (file !== CONFIG_FILE_NAME) files.add(file);
    }
  }
  return [...files].sort();
}

export async function readInputs(project: ProjectContext, files: readonly string[]): Promise<FileInput[]> {
  return Promise.all(files.map(async (file) => ({ path: file, bytes: await readOrExplain(path.resolve(project.root, file), file, project.lang) })));
}

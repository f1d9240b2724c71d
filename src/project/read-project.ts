/**
 * The disk edge of the pipeline: find the project's config and role files and read their bytes.
 * Everything after this works on values.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { isLang, type Lang } from '../i18n/lang.js';
import { cliMessagesFor } from '../i18n/cli-messages.js';
import type { SourceFile } from '../load/source-file.js';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, type ProjectConfig, type RawConfig } from '../model/config.js';
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
}

const ROLE_FILE_GLOB = '**/*.{yaml,yml}';
const GLOB_CHARS = /[*?[\]{}]/;

/** Project-relative, forward slashes: the same on Windows and in CI logs. */
export function toProjectPath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

async function readIfExists(file: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error: unknown) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function openProject(root: string, langOverride: Lang | undefined): Promise<ProjectContext> {
  const bytes = await readIfExists(path.join(root, CONFIG_FILE_NAME));
  if (bytes === undefined) {
    const lang = langOverride ?? DEFAULT_CONFIG.locale;
    return { root, config: DEFAULT_CONFIG, lang, configDiagnostics: [], configSource: undefined };
  }
  let checked = checkYamlFile<RawConfig>(CONFIG_FILE_NAME, bytes, configSchema(), langOverride ?? DEFAULT_CONFIG.locale);
  // The config names the language its own messages should be in.
  const declared: unknown =
    typeof checked.data === 'object' && checked.data !== null && 'locale' in checked.data ? checked.data.locale : undefined;
  const lang = langOverride ?? (isLang(declared) ? declared : DEFAULT_CONFIG.locale);
  if (lang !== (langOverride ?? DEFAULT_CONFIG.locale)) {
    checked = checkYamlFile<RawConfig>(CONFIG_FILE_NAME, bytes, configSchema(), lang);
  }
  const config: ProjectConfig = { ...DEFAULT_CONFIG, ...(checked.value ?? {}) };
  return { root, config, lang, configDiagnostics: checked.diagnostics, configSource: checked.source };
}

async function filesUnder(root: string, pattern: string, cwd: string): Promise<string[]> {
  const found = await glob([pattern], { cwd, absolute: true, onlyFiles: true, dot: false });
  return found.map((file) => toProjectPath(root, path.resolve(file)));
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
      files.add(toProjectPath(project.root, absolute));
    }
  }
  return [...files].sort();
}

export async function readInputs(project: ProjectContext, files: readonly string[]): Promise<FileInput[]> {
  return Promise.all(files.map(async (file) => ({ path: file, bytes: await readFile(path.resolve(project.root, file)) })));
}

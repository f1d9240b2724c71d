/**
 * roledoc.config.yaml through every check (pure): YAML and the schema, then the paths it names,
 * which must stay inside the project. A config with errors still yields its good keys.
 */
import { type Diagnostic, diagnostic, START_OF_FILE } from '../core/diagnostic.js';
import { globBase, staysInside } from '../core/paths.js';
import path from 'node:path';
import type { Locator } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor, type Messages } from '../messages/messages.js';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, type FontRef, type ProjectConfig, type RawConfig } from '../model/config.js';
import { checkYamlFile } from './check-file.js';
import { configSchema } from './schemas.js';

export interface CheckedConfig {
  readonly config: ProjectConfig;
  /** Problems in roledoc.config.yaml; the defaults stand in for what is broken. */
  readonly diagnostics: readonly Diagnostic[];
  readonly source: SourceFile | undefined;
  /** Where each value of the config is, for diagnostics that need the roles too (handbook order). */
  readonly locator: Locator | undefined;
  /** What `locale:` says, whatever else is wrong: it decides the language of these very messages. */
  readonly declaredLocale: unknown;
  /** The keys the file writes (the others are defaults): a diagnostic about a value can point at its line only when it is written. */
  readonly writtenKeys: ReadonlySet<string>;
}

/** A project path a config value names (`out`, `roles`, a font): whether it is a project catalog's path is the caller's to tell. */
const isPathLike = (value: string): boolean => /[\\/.]/.test(value);

/**
 * Whatever a config says, roledoc reads and writes only inside the project: a relative path that
 * climbs out of it (`out: ../../elsewhere`) is an error. An absolute path is taken as meant.
 */
function pathsOutsideProject(config: ProjectConfig, root: string, locator: Locator, messages: Messages, isCatalogPath: (value: string) => boolean): Diagnostic[] {
  const fontPath = (ref: FontRef | undefined): string | undefined => (ref === undefined ? undefined : typeof ref === 'string' ? ref : ref.path);
  const fontSegments = (ref: FontRef | undefined, which: string): string[] => (typeof ref === 'object' ? ['fonts', which, 'path'] : ['fonts', which]);
  const candidates: [string | undefined, string[]][] = [
    [config.out, ['out']],
    [config.roles, ['roles']],
    // A template name without a path is a built-in one.
    [isPathLike(config.template) ? config.template : undefined, ['template']],
    [isCatalogPath(config.locale) ? config.locale : undefined, ['locale']],
    [fontPath(config.fonts?.regular), fontSegments(config.fonts?.regular, 'regular')],
    [fontPath(config.fonts?.bold), fontSegments(config.fonts?.bold, 'bold')],
    [fontPath(config.fonts?.fallback), fontSegments(config.fonts?.fallback, 'fallback')],
  ];
  return candidates.flatMap(([value, segments]): Diagnostic[] =>
    value === undefined || path.isAbsolute(value) || staysInside(root, globBase(value))
      ? []
      : [
          diagnostic('config.path-outside', CONFIG_FILE_NAME, locator.locate(segments, 'value'), messages.pathOutsideProject(segments[0] ?? '', value), messages.pathOutsideProjectHint),
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

/**
 * @param root the project root, against which the config's paths are checked.
 * @param isCatalogPath whether a `locale:` value names a catalog file of the project.
 */
export function checkConfig(bytes: Uint8Array, root: string, lang: Lang, isCatalogPath: (value: string) => boolean): CheckedConfig {
  const checked = checkYamlFile<RawConfig>(CONFIG_FILE_NAME, bytes, configSchema(), lang);
  // Every key is optional, so a config with nothing but comments is a valid, default one.
  const diagnostics: Diagnostic[] = checked.diagnostics.filter((d) => d.code !== 'load.empty');
  const given: RawConfig = checked.value ?? validKeysOf(checked.data);
  // lint: may name only some of its keys; the others keep their defaults.
  const config: ProjectConfig = { ...DEFAULT_CONFIG, ...given, lint: { ...DEFAULT_CONFIG.lint, ...given.lint } };
  if (checked.locator) diagnostics.push(...pathsOutsideProject(config, root, checked.locator, messagesFor(lang), isCatalogPath));
  // An organisation's lint phrase that is no regular expression would find nothing, silently.
  if (checked.locator) {
    const messages = messagesFor(lang);
    (config.lint.phrases ?? []).forEach((phrase, index) => {
      try {
        new RegExp(phrase.pattern, 'u');
      } catch (error) {
        const span = checked.locator?.locate(['lint', 'phrases', String(index), 'pattern'], 'value') ?? START_OF_FILE;
        diagnostics.push(diagnostic('config.bad-pattern', CONFIG_FILE_NAME, span, messages.badLintPattern(phrase.pattern, error instanceof Error ? error.message : String(error)), messages.badLintPatternHint));
      }
    });
  }
  const declaredLocale: unknown = typeof checked.data === 'object' && checked.data !== null && 'locale' in checked.data ? checked.data.locale : undefined;
  const writtenKeys = new Set(typeof checked.data === 'object' && checked.data !== null && !Array.isArray(checked.data) ? Object.keys(checked.data) : []);
  return { config, diagnostics, source: checked.source, locator: checked.locator, declaredLocale, writtenKeys };
}

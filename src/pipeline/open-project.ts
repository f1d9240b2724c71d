/**
 * Opening a project: its root and roledoc.config.yaml, checked, with the language every message
 * is in. The config is read first because everything else — where the roles are, the template, the
 * locale, the output folder — is its to say.
 */
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { readIfExists, readTextIfPossible } from '../io/node-files.js';
import type { Locator } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import { isLocalePath, messagesLangOf } from '../locale/locale-name.js';
import { isLang, type Lang } from '../messages/lang.js';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, type ProjectConfig } from '../model/config.js';
import { checkConfig } from '../validate/check-config.js';

export interface ProjectContext {
  /** Absolute project root: where roledoc.config.yaml is (the working directory or --cwd). */
  readonly root: string;
  readonly config: ProjectConfig;
  /** The language of roledoc's messages: --lang, else the config's locale's. */
  readonly lang: Lang;
  /** Problems in roledoc.config.yaml; the defaults stand in for a broken config. */
  readonly configDiagnostics: readonly Diagnostic[];
  readonly configSource: SourceFile | undefined;
  /** Where each value of the config is, for diagnostics that need the roles too (handbook order). */
  readonly configLocator?: Locator;
}

/** The language of messages before the config says otherwise. */
const DEFAULT_LANG: Lang = 'zh-CN';

/**
 * The project whose root folder is `root` (absolute); without a config file, the defaults.
 * @param langOverride the language of messages asked for (--lang), whatever the config says.
 * @throws UserError when the config cannot be read.
 */
export async function openProject(root: string, langOverride?: Lang): Promise<ProjectContext> {
  const initialLang = langOverride ?? DEFAULT_LANG;
  const bytes = await readIfExists(path.join(root, CONFIG_FILE_NAME), CONFIG_FILE_NAME, initialLang);
  if (bytes === undefined) return { root, config: DEFAULT_CONFIG, lang: initialLang, configDiagnostics: [], configSource: undefined };
  let checked = checkConfig(bytes, root, initialLang, isLocalePath);
  // The config names the language its own messages should be in (zh-TW's are zh-CN's).
  const declared = checked.declaredLocale;
  const catalogText = async (name: string): Promise<string | undefined> => (isLocalePath(name) ? readTextIfPossible(path.resolve(root, name)) : undefined);
  const lang =
    langOverride ?? (isLang(declared) ? declared : typeof declared === 'string' ? (messagesLangOf(declared, await catalogText(declared)) ?? DEFAULT_LANG) : DEFAULT_LANG);
  if (lang !== initialLang) checked = checkConfig(bytes, root, lang, isLocalePath);
  return {
    root,
    config: checked.config,
    lang,
    configDiagnostics: checked.diagnostics,
    configSource: checked.source,
    ...(checked.locator ? { configLocator: checked.locator } : {}),
  };
}

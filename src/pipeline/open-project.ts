/**
 * Opening a project: its root and roledoc.config.yaml, checked, with the language every message
 * is in. The config is read first because everything else — where the roles are, the template, the
 * locale, the output folder — is its to say.
 */
import path from 'node:path';
import { diagnostic, START_OF_FILE, type Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { FileProblemError } from '../core/file-access.js';
import { explainProblem, kindOf, readRegularFile, readTextIfPossible } from '../io/node-files.js';
import { MAX_ROLE_FILE_BYTES } from '../load/decode.js';
import type { Locator } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import { isLocalePath, messagesLangOf } from '../locale/locale-name.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { isLang, type Lang } from '../messages/lang.js';
import { messagesFor } from '../messages/messages.js';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, type FontRef, type ProjectConfig } from '../model/config.js';
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
  const bytes = await readConfigFile(root, initialLang);
  if (bytes === undefined) return { root, config: DEFAULT_CONFIG, lang: initialLang, configDiagnostics: [], configSource: undefined };
  if ('tooLarge' in bytes) {
    const messages = messagesFor(initialLang);
    const tooLarge = diagnostic('load.too-large', CONFIG_FILE_NAME, START_OF_FILE, messages.tooLarge(bytes.tooLarge, MAX_ROLE_FILE_BYTES), messages.tooLargeHint);
    return { root, config: DEFAULT_CONFIG, lang: initialLang, configDiagnostics: [tooLarge], configSource: undefined };
  }
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
    configDiagnostics: checked.locator ? [...checked.diagnostics, ...(await namedPathsNotWhatTheyShouldBe(root, checked, checked.locator, lang))] : checked.diagnostics,
    configSource: checked.source,
    ...(checked.locator ? { configLocator: checked.locator } : {}),
  };
}

/**
 * The config's bytes; undefined when there is no config; its size when it is too large to read.
 * @throws UserError when it is not a regular file (a FIFO, a folder, a link to nothing) or cannot be read.
 */
async function readConfigFile(root: string, lang: Lang): Promise<Uint8Array | { tooLarge: number } | undefined> {
  try {
    return await readRegularFile(path.join(root, CONFIG_FILE_NAME), MAX_ROLE_FILE_BYTES);
  } catch (error: unknown) {
    if (!(error instanceof FileProblemError)) throw error;
    if (error.problem === 'missing') return undefined;
    if (error.problem === 'too-large') return { tooLarge: error.details.size ?? MAX_ROLE_FILE_BYTES + 1 };
    const messages = cliMessagesFor(lang);
    if (error.problem === 'denied' || error.problem === 'other') throw new UserError(messages.cannotRead(CONFIG_FILE_NAME, explainProblem(error, lang)));
    throw new UserError(messages.notAFile(CONFIG_FILE_NAME, messages.pathProblem(error.problem)));
  }
}

/**
 * Files the config names (a locale catalog, fonts) that are there but are not regular files, and
 * an output folder that is not a folder: an error at the line that names each, before anything
 * tries to read or write it. A missing file is the business of the stage that needs it (it says so
 * in its own words); a missing output folder is made.
 */
async function namedPathsNotWhatTheyShouldBe(root: string, checked: { readonly config: ProjectConfig; readonly writtenKeys: ReadonlySet<string> }, locator: Locator, lang: Lang): Promise<Diagnostic[]> {
  const { config } = checked;
  const messages = messagesFor(lang);
  const font = (ref: FontRef | undefined, which: string): [string | undefined, string[]] =>
    ref === undefined ? [undefined, []] : typeof ref === 'string' ? [ref, ['fonts', which]] : [ref.path, ['fonts', which, 'path']];
  const named: [string | undefined, string[]][] = [
    [isLocalePath(config.locale) ? config.locale : undefined, ['locale']],
    font(config.fonts?.regular, 'regular'),
    font(config.fonts?.bold, 'bold'),
    font(config.fonts?.fallback, 'fallback'),
  ];
  const found: Diagnostic[] = [];
  for (const [value, segments] of named) {
    if (value === undefined) continue;
    const kind = await kindOf(path.resolve(root, value));
    // A folder, a FIFO, a device (read forever), a link to nothing: never a font or a catalog.
    if (kind === 'file' || kind === 'missing' || kind === 'denied' || kind === 'too-large') continue;
    const message = messages.namedFileUnreadable(segments.slice(0, 2).join('.'), value, messages.pathProblem(kind));
    found.push(diagnostic('config.not-a-file', CONFIG_FILE_NAME, locator.locate(segments, 'value'), message, messages.namedFileUnreadableHint));
  }
  if (checked.writtenKeys.has('out')) {
    const kind = await kindOf(path.resolve(root, config.out));
    if (kind !== 'directory' && kind !== 'missing' && kind !== 'denied') {
      found.push(diagnostic('config.not-a-folder', CONFIG_FILE_NAME, locator.locate(['out'], 'value'), messages.namedFolderNotFolder('out', config.out, messages.pathProblem(kind)), messages.namedFolderNotFolderHint));
    }
  }
  return found;
}

/** The config file as the PDF coverage check reads it (its title and organisation at their lines); none without a file. */
export function coveredConfig(project: ProjectContext): { readonly file: string; readonly locator: Locator; readonly source: SourceFile | undefined } | undefined {
  return project.configLocator === undefined ? undefined : { file: CONFIG_FILE_NAME, locator: project.configLocator, source: project.configSource };
}

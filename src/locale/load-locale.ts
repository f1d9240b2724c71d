/**
 * The locale a project names (`locale:` in roledoc.config.yaml, or --locale): a built-in
 * (zh-CN, en, zh-TW) or the project's own catalog file, which `extends` a built-in and changes
 * some of its words. Checked like every other file: did-you-mean for a misspelt key, an unknown
 * {placeholder} at its line. Pure: the caller reads a project catalog's bytes.
 */
import { distance } from 'fastest-levenshtein';
import { type Diagnostic, diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import type { Locator } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor } from '../messages/messages.js';
import { BUILTIN_LOCALES, isBuiltinLocale, type LocaleData } from '../model/locale.js';
import { suggest } from '../validate/explain.js';
import { buildLocale } from './build-locale.js';
import { builtinLocaleData, localeFor } from './builtin.js';
import { checkCatalog, mergeCatalog } from './catalog.js';
import type { Locale } from './locale.js';
import { isLocalePath } from './locale-name.js';

/** A project catalog as the caller read it: its path as the project names it, and its bytes (none when there is no such file). */
export interface CatalogFile {
  readonly shownAs: string;
  readonly bytes: Uint8Array | undefined;
}

export interface LoadedLocale {
  /** Undefined when the catalog has errors. */
  readonly locale: Locale | undefined;
  /** The project's catalog file, for reporters to quote; none for a built-in. */
  readonly sources: SourceFile[];
  readonly diagnostics: Diagnostic[];
}


/** zh → zh-CN or zh-TW, zh-tw → zh-TW; nothing for a name no built-in is near (fr is not a typo of en). */
function nearBuiltin(name: string): string | undefined {
  const lower = name.toLowerCase();
  const prefixed = lower.length >= 2 ? BUILTIN_LOCALES.filter((builtin) => builtin.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length > 0) return prefixed.join(' / ');
  const near = suggest(name, BUILTIN_LOCALES);
  return near !== undefined && distance(lower, near.toLowerCase()) <= Math.max(1, Math.floor(lower.length / 3)) ? near : undefined;
}

/**
 * @param nameOrPath a built-in name, or a .yaml/.yml path relative to the project root.
 * @param file the catalog file, read by the caller, when `nameOrPath` is a path.
 * @param lang the language of the diagnostics.
 * @throws UserError when it is neither a built-in nor an existing file, and not named in the config.
 */
export function loadLocale(nameOrPath: string, file: CatalogFile | undefined, lang: Lang, namedIn?: LocaleOrigin): LoadedLocale {
  try {
    return loadNamedLocale(nameOrPath, file, lang);
  } catch (error: unknown) {
    // Named in the config: an error at its line like any other. Named on the command line: a usage error.
    if (!(error instanceof UserError) || !namedIn) throw error;
    const span = namedIn.locator.locate(['locale'], 'value');
    return { locale: undefined, sources: [], diagnostics: [diagnostic('config.locale-not-found', namedIn.file, span, error.message, error.hint)] };
  }
}

/** Where `locale:` was written, for a diagnostic when it names nothing. */
export interface LocaleOrigin {
  readonly file: string;
  readonly locator: Locator;
}

function loadNamedLocale(nameOrPath: string, file: CatalogFile | undefined, lang: Lang): LoadedLocale {
  if (isBuiltinLocale(nameOrPath)) return { locale: localeFor(nameOrPath), sources: [], diagnostics: [] };
  const messages = messagesFor(lang);
  if (!isLocalePath(nameOrPath)) {
    throw new UserError(messages.unknownLocale(nameOrPath), messages.unknownLocaleHint(BUILTIN_LOCALES, nearBuiltin(nameOrPath)));
  }
  if (file?.bytes === undefined) throw new UserError(messages.localeFileNotFound(nameOrPath), messages.localeFileNotFoundHint);
  const checked = checkCatalog(file.shownAs, file.bytes, lang);
  const sources = checked.source ? [checked.source] : [];
  if (!checked.raw) return { locale: undefined, sources, diagnostics: checked.diagnostics };
  const base = checked.raw.extends;
  // Without `extends` the schema has required every key, so the file is complete on its own.
  const data = base === undefined ? (checked.raw as LocaleData) : mergeCatalog(builtinLocaleData(base), checked.raw);
  return { locale: buildLocale(data), sources, diagnostics: checked.diagnostics };
}


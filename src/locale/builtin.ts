/**
 * The built-in locale catalogs (templates/locales/<name>.yaml in the package), read and checked
 * once per process. A project's own catalog: load-locale.ts.
 */
import { readPackageFile } from '../core/package-files.js';
import type { Lang } from '../messages/lang.js';
import { isBuiltinLocale, type BuiltinLocaleName, type LocaleData } from '../model/locale.js';
import { buildLocale } from './build-locale.js';
import { checkCatalog } from './catalog.js';
import type { Locale } from './locale.js';

const data = new Map<BuiltinLocaleName, LocaleData>();
const built = new Map<BuiltinLocaleName, Locale>();

/** A built-in catalog's data; a built-in that fails its own checks is a bug in roledoc, so it throws. */
export function builtinLocaleData(name: BuiltinLocaleName): LocaleData {
  let found = data.get(name);
  if (!found) {
    const shownAs = `templates/locales/${name}.yaml`;
    const checked = checkCatalog(shownAs, readPackageFile('templates', 'locales', `${name}.yaml`), 'en');
    if (!checked.raw || checked.raw.extends !== undefined) {
      const problems = checked.diagnostics.map((d) => `${d.file}:${d.span.line}:${d.span.column} ${d.message}`).join('\n');
      throw new Error(`The built-in locale ${name} is not a complete catalog:\n${problems}`);
    }
    found = checked.raw as LocaleData;
    data.set(name, found);
  }
  return found;
}

/** A built-in locale: zh-CN, en or zh-TW. */
export function localeFor(name: BuiltinLocaleName): Locale {
  let locale = built.get(name);
  if (!locale) built.set(name, (locale = buildLocale(builtinLocaleData(name))));
  return locale;
}

/**
 * The language of roledoc's messages for a config's `locale:` when it can be known without reading
 * a file: a built-in's (zh-TW → zh-CN); undefined for a project catalog (its `messages` says).
 */
export function messagesLangFor(nameOrPath: string): Lang | undefined {
  return isBuiltinLocale(nameOrPath) ? builtinLocaleData(nameOrPath).messages : undefined;
}


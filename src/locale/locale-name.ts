/**
 * What a config's `locale:` names, told without building a catalog: whether it is a project
 * catalog's path, and which language roledoc's messages should then be in.
 */
import { parse } from 'yaml';
import { isLang, type Lang } from '../messages/lang.js';
import { isBuiltinLocale } from '../model/locale.js';
import { messagesLangFor } from './builtin.js';

/** A project catalog is named by its path: it ends .yaml or .yml. */
export const isLocalePath = (value: string): boolean => /\.ya?ml$/i.test(value);

/**
 * The language of roledoc's messages that a config's `locale:` implies, found before anything is
 * checked (the config is read first, and its own diagnostics need a language): a built-in's; for a
 * project catalog (whose text the caller read, if it could) its `messages`, else that of the
 * built-in it extends. Undefined when that cannot be told (no such file, not YAML): the caller
 * keeps its default, and loading the locale reports the problem.
 */
export function messagesLangOf(nameOrPath: string, catalogText: string | undefined): Lang | undefined {
  if (!isLocalePath(nameOrPath)) return messagesLangFor(nameOrPath);
  if (catalogText === undefined) return undefined;
  let data: unknown;
  try {
    data = parse(catalogText);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { messages, extends: base } = data as { messages?: unknown; extends?: unknown };
  if (isLang(messages)) return messages;
  return isBuiltinLocale(base) ? messagesLangFor(base) : undefined;
}

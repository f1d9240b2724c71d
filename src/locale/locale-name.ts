/**
 * What a config's `locale:` names, told without loading a catalog: whether it is a project
 * catalog's path, and which language roledoc's messages should then be in. Kept apart from
 * load-locale.ts so that reading the project (which needs both) imports nothing that imports it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { isLang, type Lang } from '../i18n/lang.js';
import { messagesLangFor } from './index.js';
import { isBuiltinLocale } from './locale-data.js';

/** A project catalog is named by its path: it ends .yaml or .yml. */
export const isLocalePath = (value: string): boolean => /\.ya?ml$/i.test(value);

/**
 * The language of roledoc's messages that a config's `locale:` implies, found before anything is
 * checked (the config is read first, and its own diagnostics need a language): a built-in's; for a
 * project catalog its `messages`, else that of the built-in it extends. Undefined when that cannot
 * be told (no such file, not YAML): the caller keeps its default, and loadLocale reports the problem.
 */
export async function messagesLangOf(nameOrPath: string, projectRoot: string): Promise<Lang | undefined> {
  if (!isLocalePath(nameOrPath)) return messagesLangFor(nameOrPath);
  const text = await readFile(path.resolve(projectRoot, nameOrPath), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { messages, extends: base } = data as { messages?: unknown; extends?: unknown };
  if (isLang(messages)) return messages;
  return isBuiltinLocale(base) ? messagesLangFor(base) : undefined;
}

/**
 * The build cache's record of checked role files (out/.roledoc-cache/checked.json): each valid
 * file's role, its own diagnostics and lint findings, by path and the sha256 of its bytes. A build
 * of a thousand roles where one changed parses and checks that one. Made by another version of
 * roledoc, or for messages in another language, it is not used.
 */
import { roledocVersion } from '../core/version.js';
import type { Lang } from '../messages/lang.js';
import type { CheckCache, CheckedMemo } from './check-roles.js';

export const CHECK_CACHE_FILE = 'checked.json';

interface Entry {
  readonly sha256: string;
  readonly memo: CheckedMemo;
}

export interface CheckCacheFile extends CheckCache {
  /** The files of this run as JSON, to write back; undefined when nothing changed since it was read. */
  serialize(): string | undefined;
}

export function openCheckCache(text: string | undefined, lang: Lang): CheckCacheFile {
  const version = roledocVersion();
  let before = new Map<string, Entry>();
  try {
    const data = text === undefined ? undefined : (JSON.parse(text) as { version?: unknown; lang?: unknown; files?: unknown });
    if (data?.version === version && data.lang === lang && typeof data.files === 'object' && data.files !== null) {
      before = new Map(Object.entries(data.files as Record<string, Entry>));
    }
  } catch {
    // Damaged: every file is checked again, and the cache written anew.
  }
  const after = new Map<string, Entry>();
  let changed = false;
  return {
    get(file, sha256) {
      const entry = before.get(file);
      if (entry?.sha256 !== sha256 || typeof entry.memo !== 'object' || entry.memo === null) return undefined;
      after.set(file, entry);
      return entry.memo;
    },
    set(file, sha256, memo) {
      after.set(file, { sha256, memo });
      changed = true;
    },
    remember(file, lint) {
      const entry = after.get(file);
      if (!entry) return;
      after.set(file, { sha256: entry.sha256, memo: { ...entry.memo, lint } });
      changed = true;
    },
    serialize() {
      if (!changed && after.size === before.size) return undefined;
      const files = Object.fromEntries([...after].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return JSON.stringify({ version, lang, files });
    },
  };
}

/**
 * A role's 修订记录 from its file's git history: a row for each commit that changed what the
 * documents show — its date, its author, and which of the document's parts changed, in the
 * documents' words (新建; 修改：定员人数、岗位职责). A commit that only touched comments or layout
 * of the file changes no document and gives no row. Deterministic: the same commits, the same rows.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { fileHistories } from '../io/git-history.js';
import type { Locale } from '../locale/locale.js';
import type { Revision } from '../model/role.js';

type Data = Record<string, unknown>;

/** The label a document gives a role file's top-level key: career_note is shown with the career path; the id is never shown. */
function labelOf(key: string, locale: Locale): string | undefined {
  if (key === 'id') return undefined;
  return locale.labels[key === 'career_note' ? 'career_path' : key] ?? key;
}

function readVersion(bytes: Uint8Array | undefined): Data | undefined {
  if (bytes === undefined) return undefined;
  try {
    const data: unknown = parse(new TextDecoder().decode(bytes));
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : undefined;
  } catch {
    // A version that was not YAML at the time: its row says only that it changed.
    return {};
  }
}

/** The labels of the parts that differ, in the order the role file lists its keys. */
function changedLabels(before: Data, after: Data, locale: Locale): string[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const labels = keys.filter((key) => !isDeepStrictEqual(before[key], after[key])).flatMap((key) => labelOf(key, locale) ?? []);
  return [...new Set(labels)];
}

/** Project-relative role file → its 修订记录, oldest first. */
export async function revisionHistories(root: string, roleFiles: readonly string[], locale: Locale): Promise<Map<string, Revision[]>> {
  const histories = await fileHistories(root, roleFiles);
  const rows = new Map<string, Revision[]>();
  for (const file of roleFiles) {
    const revisions: Revision[] = [];
    let previous: Data | undefined;
    for (const version of histories.get(file) ?? []) {
      const data = readVersion(version.bytes);
      if (data === undefined) {
        // Deleted at this commit (and added again later): the next version starts afresh.
        previous = undefined;
        continue;
      }
      const changed = previous === undefined ? 'created' : changedLabels(previous, data, locale);
      previous = data;
      if (changed !== 'created' && changed.length === 0) continue;
      revisions.push({
        version: revisions.length + 1,
        date: new Date(version.time * 1000).toISOString().slice(0, 10),
        changes: locale.revisionChanges(changed),
        author: version.author,
      });
    }
    rows.set(file, revisions);
  }
  return rows;
}

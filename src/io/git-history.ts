/**
 * The commits that changed each of a project's files, and the files as they were at each, from one
 * `git log` and one `git cat-file --batch`: for the 修订记录 a role's documents show when the
 * config asks for it.
 */
import { git, readBlobs } from './git-tree.js';

export interface FileVersion {
  readonly commit: string;
  /** The author date, seconds since the epoch: a rebase keeps it. */
  readonly time: number;
  readonly author: string;
  /** The file's bytes at that commit; undefined where the commit deleted it. */
  readonly bytes: Uint8Array | undefined;
}

/** Every commit that touched a file of the project, newest first, with its files; '' outside a repository or without git. */
function gitLog(root: string): Promise<string> {
  // Not a repository, or no git: no history, and no 修订记录 rows.
  return git(root, ['log', '--format=%x00%H%x00%at%x00%an', '--name-only', '--relative', '--no-renames', '--', '.']).catch(() => '');
}

/** Each of `files` (project-relative) → its versions, oldest first; a file git has never seen has none. */
export async function fileHistories(root: string, files: readonly string[]): Promise<Map<string, FileVersion[]>> {
  const wanted = new Set(files);
  const commits = new Map<string, { commit: string; time: number; author: string }[]>();
  let current: { commit: string; time: number; author: string } | undefined;
  for (const line of (await gitLog(root)).split('\n')) {
    if (line.startsWith('\u0000')) {
      const [, commit = '', time = '0', author = ''] = line.split('\u0000');
      current = { commit, time: Number(time), author };
    } else if (line !== '' && current !== undefined && wanted.has(line)) {
      commits.set(line, [...(commits.get(line) ?? []), current]);
    }
  }
  const requests = [...commits].flatMap(([file, list]) => list.map((entry) => ({ commit: entry.commit, file })));
  const blobs = await readBlobs(root, requests);
  const histories = new Map<string, FileVersion[]>();
  for (const [file, list] of commits) {
    // git log lists the newest first.
    histories.set(
      file,
      [...list].reverse().map((entry) => ({ ...entry, bytes: blobs.get(`${entry.commit}:${file}`) })),
    );
  }
  return histories;
}

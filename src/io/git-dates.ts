/**
 * When each file was last committed, from one `git log` over the project. A document's date is the
 * newest commit of what it is made from, so the same commit gives the same bytes on any machine, in
 * any time zone, at any hour — and a commit that touches one role dates only that role's documents.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export function parseGitLog(output: string): Map<string, number> {
  const dates = new Map<string, number>();
  let current: number | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('\u0000')) {
      current = Number(line.slice(1));
    } else if (line !== '' && current !== undefined && !dates.has(line)) {
      // git log lists the newest commit first: the first date seen for a file is its newest.
      dates.set(line, current);
    }
  }
  return dates;
}

/**
 * Project-relative path (forward slashes) → seconds since the epoch of its newest commit: the
 * author date, not the committer date, so a rebase or a cherry-pick keeps it. Empty when the
 * project is not in a git repository or git is not installed: dates then fall back.
 */
export async function readCommitDates(root: string): Promise<Map<string, number>> {
  try {
    const { stdout } = await promisify(execFile)(
      'git',
      ['-c', 'core.quotePath=false', 'log', '--format=%x00%at', '--name-only', '--relative', '--no-renames', '--', '.'],
      { cwd: root, maxBuffer: 256 * 1024 * 1024 },
    );
    return parseGitLog(stdout);
  } catch {
    return new Map();
  }
}

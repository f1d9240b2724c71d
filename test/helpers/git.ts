/** git in a test's folder: a fixed author and date, so commits are the same on every machine, and a timeout sized for a busy one. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type Git = (...args: string[]) => Promise<string>;

/** A git runner for `dir`; commits are dated `date` (ISO 8601) unless the call's env says otherwise. */
export function gitIn(dir: string, date = '2021-06-15T08:00:00Z'): Git {
  return async (...args) =>
    (
      await run('git', args, {
        cwd: dir,
        timeout: 60_000,
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
      })
    ).stdout;
}

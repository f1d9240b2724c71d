/** Setting a line of a repository's own git config (`git config --local`), for what a clone needs that git does not commit. */
import { execFile } from 'node:child_process';

/** Sets `key` to `value` in the git repository around `dir`; says why not when it cannot. */
export function setLocalGitConfig(dir: string, key: string, value: string): Promise<'set' | 'not-a-repository' | 'no-git'> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--git-dir'], { cwd: dir, timeout: 60_000, windowsHide: true }, (probe) => {
      if (probe) {
        resolve((probe as NodeJS.ErrnoException).code === 'ENOENT' ? 'no-git' : 'not-a-repository');
        return;
      }
      execFile('git', ['config', '--local', key, value], { cwd: dir, timeout: 60_000, windowsHide: true }, (error) => resolve(error ? 'not-a-repository' : 'set'));
    });
  });
}

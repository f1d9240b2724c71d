/** Setting a line of a repository's own git config (`git config --local`), for what a clone needs that git does not commit. */
import { git } from './git-tree.js';

/** Sets `key` to `value` in the git repository around `dir`; says why not when it cannot. */
export async function setLocalGitConfig(dir: string, key: string, value: string): Promise<'set' | 'not-a-repository' | 'no-git'> {
  try {
    await git(dir, ['rev-parse', '--git-dir']);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no-git' : 'not-a-repository';
  }
  return git(dir, ['config', '--local', key, value]).then(
    () => 'set' as const,
    () => 'not-a-repository' as const,
  );
}

/**
 * A project as it was at a git revision, read from git's objects: nothing is checked out and
 * nothing in the repository is written (`git diff` semantics). One `git cat-file --batch` reads all
 * the files at once.
 */
import { execFile, spawn } from 'node:child_process';

/** Why a revision cannot be read. */
export type RevisionProblem = 'no-git' | 'not-a-repository' | 'unknown-revision' | 'shallow' | 'no-project';

export class RevisionError extends Error {
  constructor(
    readonly problem: RevisionProblem,
    readonly revision: string,
    detail = '',
  ) {
    super(`${problem} ${revision} ${detail}`.trim());
  }
}

const GIT_TIMEOUT_MS = 120_000;

/** git's output for `args` in `cwd`, paths unquoted; rejects when git fails or is missing. */
export function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 256 * 1024 * 1024, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr }));
      else resolve(stdout);
    });
  });
}

export interface RevisionTree {
  /** The commit the revision names. */
  readonly commit: string;
  /** The project folder's path inside the repository ('' at its top, else ending in /). */
  readonly prefix: string;
  /** Every file under the project folder at that commit, project-relative, forward slashes. */
  readonly files: readonly string[];
}

/**
 * The files of the project folder `root` at `revision`.
 * @throws RevisionError: git missing, no repository, a revision git does not know (in a shallow
 *   clone: one it has not fetched).
 */
export async function revisionTree(root: string, revision: string): Promise<RevisionTree> {
  let prefix: string;
  try {
    prefix = (await git(root, ['rev-parse', '--show-prefix'])).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RevisionError('no-git', revision);
    throw new RevisionError('not-a-repository', revision);
  }
  let commit: string;
  try {
    commit = (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim();
  } catch {
    const shallow = (await git(root, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
    throw new RevisionError(shallow ? 'shallow' : 'unknown-revision', revision);
  }
  const listing = await git(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', prefix === '' ? '.' : prefix]);
  const files = listing
    .split('\0')
    .filter((file) => file !== '' && file.startsWith(prefix))
    .map((file) => file.slice(prefix.length));
  return { commit, prefix, files };
}

/** The bytes of files at a commit (project-relative paths under `prefix`); a path that is not there is left out. */
export async function readAtRevision(root: string, tree: RevisionTree, files: readonly string[]): Promise<Map<string, Uint8Array>> {
  const blobs = await readBlobs(root, files.map((file) => ({ commit: tree.commit, file })), tree.prefix);
  return new Map([...blobs].map(([key, bytes]) => [key.slice(tree.commit.length + 1), bytes]));
}

/**
 * Files at commits, in one `git cat-file --batch`, keyed `<commit>:<file>`; a file that is not there
 * at its commit is left out.
 * @param prefix the project folder's path in the repository; looked up when not given.
 */
export async function readBlobs(root: string, requests: readonly { readonly commit: string; readonly file: string }[], prefix?: string): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  if (requests.length === 0) return found;
  const inRepository = prefix ?? (await git(root, ['rev-parse', '--show-prefix']).catch(() => '')).trim();
  const child = spawn('git', ['cat-file', '--batch'], { cwd: root, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => child.kill(), GIT_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`git cat-file exited with ${code}`));
    });
  });
  child.stdin.end(requests.map(({ commit, file }) => `${commit}:${inRepository}${file}\n`).join(''));
  await done;
  const output = Buffer.concat(chunks);
  let at = 0;
  for (const { commit, file } of requests) {
    const end = output.indexOf(0x0a, at);
    if (end < 0) break;
    const header = output.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) continue; // "<object> missing": not a file at that commit
    const size = Number(match[2]);
    if (match[1] === 'blob') found.set(`${commit}:${file}`, new Uint8Array(output.subarray(at, at + size)));
    at += size + 1;
  }
  return found;
}

/**
 * The benchmark's projects: N copies of the bundled 客服部经理 role (roles/客服部/cs-manager.yaml, the
 * largest bundled role: 13 responsibilities, 10 duties with 45 tasks, three PDF pages), each with
 * its own id and title, in one department, with the repository's roledoc.config.yaml (docx + pdf +
 * handbook, classic, zh-CN), in a git repository with one commit — as a team keeps its roles.
 * Deterministic: the same N gives the same files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Project {
  readonly dir: string;
  readonly roles: number;
  /** The role file the one-role edit changes, and the ids in order. */
  readonly editedFile: string;
  readonly ids: readonly string[];
}

const SOURCE = path.join('roles', '客服部', 'cs-manager.yaml');

export const cloneId = (i: number, width: number): string => `cs-manager-${String(i).padStart(width, '0')}`;

/**
 * The original's text with a new id and title. Its career path starts with its own id (rendered as
 * its title) and names no other role; it reports to no one, so every copy stands on its own and the
 * project stays valid at any size. Each replacement must happen, or the bundled role has changed
 * under the benchmark and it says so.
 */
function cloneText(original: string, id: string, title: string): string {
  const replacements: readonly [RegExp, string][] = [
    [/^id: cs-manager$/m, `id: ${id}`],
    [/^title: 客服部经理$/m, `title: ${title}`],
    [/^career_path: \[cs-manager, /m, `career_path: [${id}, `],
  ];
  let text = original;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(text)) throw new Error(`bench: ${SOURCE} no longer has a line matching ${pattern}; update test/bench/lib/project.ts`);
    text = text.replace(pattern, replacement);
  }
  if (/^reports_to:/m.test(text)) throw new Error(`bench: ${SOURCE} now has reports_to; the copies would all report to it — update test/bench/lib/project.ts`);
  return text;
}

function git(dir: string, args: readonly string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=roledoc bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: '2024-03-01T08:00:00+08:00', GIT_COMMITTER_DATE: '2024-03-01T08:00:00+08:00' },
  });
  if (result.status !== 0) throw new Error(`bench: git ${args.join(' ')} failed in ${dir}:\n${result.stderr}`);
}

export function createProject(repo: string, roles: number, label = String(roles)): Project {
  const dir = mkdtempSync(path.join(tmpdir(), `roledoc-bench-${label}-`));
  const original = readFileSync(path.join(repo, SOURCE), 'utf8');
  const width = Math.max(4, String(roles).length);
  const folder = path.join(dir, 'roles', '客服部');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(dir, 'roledoc.config.yaml'), readFileSync(path.join(repo, 'roledoc.config.yaml')));
  writeFileSync(path.join(dir, '.gitignore'), 'out/\n');
  const ids: string[] = [];
  for (let i = 1; i <= roles; i++) {
    const id = cloneId(i, width);
    ids.push(id);
    writeFileSync(path.join(folder, `${id}.yaml`), cloneText(original, id, `客服部经理${i}`));
  }
  git(dir, ['init', '-q']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', `${roles} copies of 客服部经理`]);
  const edited = ids[Math.floor((roles - 1) / 2)] ?? ids[0] ?? '';
  return { dir, roles, ids, editedFile: path.join(folder, `${edited}.yaml`) };
}

const SENTENCE = '  - 负责部门工作计划制定与实施；\n';
const EDITED = '  - 负责部门工作计划的制定与实施；\n';

/** Changes one sentence of one role file: the second responsibility, back and forth at each call. */
export function editOneSentence(project: Project): void {
  const text = readFileSync(project.editedFile, 'utf8');
  if (text.includes(SENTENCE)) writeFileSync(project.editedFile, text.replace(SENTENCE, EDITED));
  else if (text.includes(EDITED)) writeFileSync(project.editedFile, text.replace(EDITED, SENTENCE));
  else throw new Error(`bench: ${project.editedFile} has neither form of the sentence the edit changes`);
}

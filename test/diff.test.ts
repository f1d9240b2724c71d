/**
 * `roledoc diff` on a repository with a history of realistic edits: reworded duties, a moved
 * responsibility, a headcount change, a role renamed, a reports_to moved to another role, a role
 * deleted. It reports exactly those changes, in text, Markdown and JSON, and writes nothing.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffItems, segmentsOf } from '../src/diff/compare.js';
import { gitIn, type Git } from './helpers/git.js';
import { runCli } from './helpers/run-cli.js';
import { builtSeedProject, REPO, seedProject, tempProject } from './helpers/seed.js';

const GIT_TIMEOUT = 60_000;

function edit(dir: string, file: string, replacements: readonly (readonly [string, string])[]): void {
  const full = path.join(dir, file);
  let text = readFileSync(full, 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
    text = text.replace(from, to);
  }
  writeFileSync(full, text);
}

const AGENT = `id: cs-agent
title: 客服专员
department: 客服部
headcount: 20
reports_to: cs-supervisor
responsibilities:
  - 负责接听客户来电并如实记录；
`;
const TRAINER = `id: cs-trainer
title: 客服培训专员
department: 客服部
headcount: 1
reports_to: cs-supervisor
responsibilities:
  - 负责新员工入职培训；
`;

/** The example project in git, then one commit of the edits HR makes. */
async function historyProject(): Promise<{ dir: string; git: Git }> {
  const dir = seedProject();
  writeFileSync(path.join(dir, 'roles', '客服部', 'cs-agent.yaml'), AGENT);
  writeFileSync(path.join(dir, 'roles', '客服部', 'cs-trainer.yaml'), TRAINER);
  const git = gitIn(dir);
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-q', '-m', 'roles as they were');

  edit(dir, 'roles/客服部/cs-supervisor.yaml', [
    ['headcount: 4', 'headcount: 5'],
    // the second responsibility moves to the end; the third is reworded
    ['  - 负责完善客服管辖部门的组织架构、岗位职责、制度、业务流程的起草申报；\n', ''],
    ['  - 负责运营中心下达的总体任务目标', '  - 负责运营部下达的总体任务目标'],
    ['  - 配合其他部门完成需共同协调完成的工作以及领导安排的临时工作。\n', '  - 配合其他部门完成需共同协调完成的工作以及领导安排的临时工作。\n  - 负责完善客服管辖部门的组织架构、岗位职责、制度、业务流程的起草申报；\n'],
    // a duty reworded, and a task of another reworded
    ['  - duty: 目标计划管理', '  - duty: 目标与计划管理'],
    ['负责定期向部门经理汇报总体工作进度', '负责每周向部门经理汇报总体工作进度'],
  ]);
  // 客服专员 now reports to the manager; 客服培训专员 is gone
  edit(dir, 'roles/客服部/cs-agent.yaml', [['reports_to: cs-supervisor', 'reports_to: cs-manager']]);
  rmSync(path.join(dir, 'roles', '客服部', 'cs-trainer.yaml'));
  // 客服营销支持主管 becomes 客服营销组长 under a new id
  renameSync(path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml'), path.join(dir, 'roles', '客服部', 'cs-marketing-lead.yaml'));
  edit(dir, 'roles/客服部/cs-marketing-lead.yaml', [
    ['id: cs-marketing-support-supervisor', 'id: cs-marketing-lead'],
    ['title: 客服营销支持主管', 'title: 客服营销组长'],
    ['career_path: [cs-marketing-support-supervisor,', 'career_path: [cs-marketing-lead,'],
  ]);
  await git('add', '-A');
  await git('commit', '-q', '-m', 'a year of changes');
  return { dir, git };
}

describe('roledoc diff on a history of realistic edits', () => {
  let dir: string;
  let git: Git;
  beforeAll(async () => {
    ({ dir, git } = await historyProject());
  }, GIT_TIMEOUT);

  interface JsonDiff {
    before: { side: string; commit: string };
    after: { side: string; commit: string };
    roles: { status: string; id: string; title: string; renamedFrom?: { id: string; title: string }; fields: { kind: string; key: string; before?: string; after?: string; derived?: boolean; changes?: { kind: string; at: number; from?: number; text?: string; before?: string; after?: string }[] }[]; duties: { kind: string; duty: string; before?: string; tasks: { kind: string; at: number; before?: string; after?: string }[] }[] }[];
  }

  it('reports exactly the changes made, as JSON for scripts', async () => {
    const result = await runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    const diff = JSON.parse(result.stdout) as JsonDiff;
    expect(diff.before.side).toBe('HEAD~1');
    expect(diff.after.commit).toMatch(/^[0-9a-f]{40}$/);
    const byId = new Map(diff.roles.map((role) => [role.id, role]));
    expect([...byId.keys()].sort()).toEqual(['cs-agent', 'cs-manager', 'cs-marketing-lead', 'cs-supervisor', 'cs-trainer']);

    expect(byId.get('cs-trainer')).toMatchObject({ status: 'removed', title: '客服培训专员' });
    expect(byId.get('cs-marketing-lead')).toMatchObject({ status: 'changed', renamedFrom: { id: 'cs-marketing-support-supervisor', title: '客服营销支持主管' } });
    expect(byId.get('cs-marketing-lead')?.fields.find((field) => field.key === 'title')).toMatchObject({ before: '客服营销支持主管', after: '客服营销组长' });
    expect(byId.get('cs-agent')?.fields).toEqual([expect.objectContaining({ key: 'reports_to', before: '客服主管', after: '客服部经理' })]);
    // The manager changed only because 客服专员 now reports to it.
    expect(byId.get('cs-manager')?.fields).toEqual([{ kind: 'items', key: 'direct_reports', label: '直接下级', derived: true, changes: [{ kind: 'added', at: 1, text: '客服专员' }] }]);

    const supervisor = byId.get('cs-supervisor');
    const field = (key: string) => supervisor?.fields.find((f) => f.key === key);
    expect(field('headcount')).toMatchObject({ kind: 'value', before: '4人', after: '5人' });
    expect(field('responsibilities')?.changes).toEqual([
      expect.objectContaining({ kind: 'reworded', from: 3, at: 2, before: expect.stringContaining('运营中心') as string, after: expect.stringContaining('运营部') as string }),
      { kind: 'moved', from: 2, at: 9, text: '负责完善客服管辖部门的组织架构、岗位职责、制度、业务流程的起草申报；' },
    ]);
    expect(field('direct_reports')).toMatchObject({ derived: true, changes: [{ kind: 'removed', text: '客服专员' }, { kind: 'removed', text: '客服培训专员' }] });
    expect(supervisor?.fields.map((f) => f.key).sort()).toEqual(['direct_reports', 'headcount', 'responsibilities']);
    expect(supervisor?.duties).toEqual([
      expect.objectContaining({ kind: 'changed', duty: '日常行政管理', tasks: [expect.objectContaining({ kind: 'reworded', at: 2, before: expect.stringContaining('定期') as string })] }),
      expect.objectContaining({ kind: 'changed', duty: '目标与计划管理', before: '目标计划管理', tasks: [] }),
    ]);
  });

  it('reads as HR reads the documents in the terminal, with NO_COLOR marks', async () => {
    const result = await runCli(['diff', 'HEAD~1', 'HEAD'], dir, { NO_COLOR: '1' });
    expect(result.exitCode).toBe(0);
    const text = result.stdout;
    expect(text).toContain('岗位说明书的变动：HEAD~1 → HEAD');
    expect(text).toContain('5 个岗位有变动（修改 4，删除 1）');
    expect(text).toContain('定员人数：[-4人-] → {+5人+}');
    expect(text).toContain('岗位职责 第 2 条 改写（原第 3 条）：负责运营[-中心-]{+部+}下达的');
    expect(text).toContain('岗位职责 第 2 条 移到第 9 条：负责完善客服管辖部门');
    expect(text).toContain('工作职责与工作任务 改名：[-目标计划管理-] → {+目标与计划管理+}');
    expect(text).toContain('工作职责与工作任务「日常行政管理」 第 2 条 改写：负责[-定期-]{+每周+}向部门经理汇报');
    expect(text).toContain('直接上级：[-客服主管-] → {+客服部经理+}');
    expect(text).toContain('直接下级 第 1 条 新增：{+客服专员+}（随其他岗位的变动）');
    expect(text).toMatch(/修改 客服营销组长（cs-marketing-lead · 客服部） +原为 客服营销支持主管（cs-marketing-support-supervisor）/);
    expect(text).toContain('删除 客服培训专员（cs-trainer · 客服部）');
    expect(text).not.toContain('\u001b[');
  });

  it('gives Markdown for a pull request: a collapsible section per role, <del>/<ins> inside a reworded sentence', async () => {
    const result = await runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], dir);
    expect(result.exitCode).toBe(0);
    const markdown = result.stdout;
    expect(markdown).toMatch(/^### 岗位说明书的变动：`HEAD~1` → `HEAD`/);
    expect(markdown.match(/<details>/g)).toHaveLength(4);
    expect(markdown).toContain('<summary><b>修改</b> 客服主管（<code>cs-supervisor</code> · 客服部）');
    expect(markdown).toContain('- 岗位职责 第 2 条 改写（原第 3 条）：负责运营<del>中心</del><ins>部</ins>下达的');
    expect(markdown).toContain('- <b>删除</b> 客服培训专员');
    // every <details> is closed, with a blank line before it so GitHub renders the list inside
    expect(markdown.match(/\n\n<\/details>/g)).toHaveLength(4);
  });

  it('compares the working tree with HEAD by default, and --exit-code exits 1 on changes as git diff does', async () => {
    const clean = await runCli(['diff'], dir);
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toContain('HEAD → 工作区：岗位说明书没有变动。');
    expect((await runCli(['diff', '--exit-code'], dir)).exitCode).toBe(0);
    edit(dir, 'roles/客服部/cs-agent.yaml', [['headcount: 20', 'headcount: 25']]);
    try {
      const changed = await runCli(['diff', '--exit-code'], dir, { NO_COLOR: '1' });
      expect(changed.exitCode).toBe(1);
      expect(changed.stdout).toContain('定员人数：[-20人-] → {+25人+}');
      expect((await runCli(['diff'], dir)).exitCode).toBe(0);
    } finally {
      await git('checkout', '--', '.');
    }
  }, GIT_TIMEOUT);

  it('never writes: no documents, and git sees nothing changed', async () => {
    await runCli(['diff', 'HEAD~1', 'HEAD'], dir);
    await runCli(['diff'], dir);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(await git('status', '--porcelain')).toBe('');
  }, GIT_TIMEOUT);

  it('names a revision git does not know, and says what to type instead', async () => {
    const result = await runCli(['diff', 'no-such-branch'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('git 里没有 no-such-branch 这个版本');
    expect(result.stderr).toContain('git log --oneline');
  });

  it('names the side and the file:line when a role file does not validate there', async () => {
    edit(dir, 'roles/客服部/cs-agent.yaml', [['headcount: 20', 'headcount: 二十']]);
    try {
      const result = await runCli(['diff', '--format', 'markdown'], dir);
      // On stderr, and exit 2: a report being written to a file stays empty, and --exit-code's 1 stays "changed".
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('工作区中的岗位文件或配置有错误，无法比较');
      expect(result.stderr).toMatch(/roles\/客服部\/cs-agent\.yaml:4:\d+/);
    } finally {
      await git('checkout', '--', '.');
    }
  }, GIT_TIMEOUT);

  it('says a revision from before the project has no project', async () => {
    const git2 = gitIn(dir);
    const first = (await git2('rev-list', '--max-parents=0', 'HEAD')).trim();
    const empty = tempProject({ 'roledoc.config.yaml': 'title: x\n' });
    const g = gitIn(empty);
    await g('init', '-q');
    await g('commit', '-q', '--allow-empty', '-m', 'empty');
    writeFileSync(path.join(empty, 'README.md'), 'x');
    await g('add', 'README.md');
    await g('commit', '-q', '-m', 'readme');
    const result = await runCli(['diff', 'HEAD~1', 'HEAD'], empty);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('HEAD~1 中还没有这个项目');
    expect(first).toMatch(/^[0-9a-f]{40}$/);
  }, GIT_TIMEOUT);

  it('in a shallow clone without the base, says how to fetch it', async () => {
    const clone = tempProject({});
    const shallow = path.join(clone, 'shallow');
    await gitIn(clone)('clone', '-q', '--depth', '1', `file://${dir}`, shallow);
    const result = await runCli(['diff', 'HEAD~1'], shallow);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('浅克隆');
    expect(result.stderr).toContain('fetch-depth: 0');
  }, GIT_TIMEOUT);
});

describe('roledoc diff between two folders', () => {
  /** The example project, and a copy changed by `change`: their diff as JSON. */
  async function diffOf(change: (dir: string) => void, both: (dir: string) => void = () => undefined): Promise<{ config: { key: string; before: string; after: string }[]; roles: { status: string; id: string; fields: { kind: string; key: string; before?: string; after?: string; changes?: { kind: string; from?: number; at?: number; text?: string }[] }[]; duties: { kind: string; from?: number; at?: number; duty: string }[] }[] }> {
    const before = seedProject();
    const after = seedProject();
    both(before);
    both(after);
    change(after);
    const result = await runCli(['diff', before, after, '--format', 'json'], before);
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Awaited<ReturnType<typeof diffOf>>;
  }

  it('matches a KPI by its name when its weight changes, and shows the new role whole', async () => {
    const diff = await diffOf((dir) => {
      writeFileSync(path.join(dir, 'roles', '客服部', 'cs-qa.yaml'), 'id: cs-qa\ntitle: 质检专员\ndepartment: 客服部\nresponsibilities:\n  - 负责通话质检；\nkpis:\n  - { name: 抽检覆盖率, weight: 60 }\n  - { name: 质检准确率, weight: 40 }\n');
    });
    const added = diff.roles.find((role) => role.id === 'cs-qa');
    expect(added?.status).toBe('added');
    expect(added?.fields.map((field) => field.key)).toEqual(['title', 'department', 'responsibilities', 'kpis']);
    const later = await diffOf((dir) => {
      writeFileSync(path.join(dir, 'roles', '客服部', 'cs-manager.yaml'), readFileSync(path.join(dir, 'roles', '客服部', 'cs-manager.yaml'), 'utf8').replace(/kpis:\n(  - .*\n)+/, 'kpis:\n  - { name: 销售业绩完成率, weight: 50 }\n  - { name: 投诉率, weight: 50 }\n'));
    });
    const kpis = later.roles[0]?.fields.find((field) => field.key === 'kpis');
    expect(kpis?.changes?.slice(0, 2)).toEqual([
      expect.objectContaining({ kind: 'reworded', from: 1, at: 1 }),
      expect.objectContaining({ kind: 'reworded', from: 2, at: 2 }),
    ]);
  });

  it('reports a duty moved in the table, and a section of its own renamed as one change', async () => {
    const file = (dir: string): string => path.join(dir, 'roles', '客服部', 'cs-supervisor.yaml');
    const diff = await diffOf(
      (dir) => {
        const text = readFileSync(file(dir), 'utf8');
        const salary = /  - duty: 薪酬管理\n(    .*\n)+/.exec(text)?.[0] ?? '';
        writeFileSync(file(dir), text.replace(salary, '').replace('  - duty: 日常行政管理', `${salary}  - duty: 日常行政管理`).replace('title: 安全要求', 'title: 信息安全要求'));
      },
      (dir) => writeFileSync(file(dir), `${readFileSync(file(dir), 'utf8')}extra_sections:\n  - title: 安全要求\n    items: [遵守信息安全制度, 不外传客户资料]\n`),
    );
    const supervisor = diff.roles.find((role) => role.id === 'cs-supervisor');
    expect(supervisor?.duties).toEqual([{ kind: 'moved', from: 6, at: 1, duty: '薪酬管理' }]);
    expect(supervisor?.fields).toEqual([{ kind: 'renamed', key: 'extra:信息安全要求', before: '安全要求', after: '信息安全要求' }]);
  });

  it('says what changed in roledoc.config.yaml that changes the documents', async () => {
    const diff = await diffOf((dir) => {
      writeFileSync(path.join(dir, 'roledoc.config.yaml'), readFileSync(path.join(dir, 'roledoc.config.yaml'), 'utf8').replace(/^title: .*$/m, 'title: 客服中心岗位说明书'));
    });
    expect(diff.config).toEqual([expect.objectContaining({ key: 'title', after: '客服中心岗位说明书' })]);
  });

  it('a folder that is no project is named as such', async () => {
    const result = await runCli(['diff', seedProject(), tempProject({ 'notes.txt': 'x' })], REPO);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('不是 roledoc 项目');
  });

  it('compares two copies of a project without git', async () => {
    const before = seedProject();
    const after = seedProject();
    edit(after, 'roles/客服部/cs-manager.yaml', [['  - 负责部门工作计划制定与实施；\n', '']]);
    const result = await runCli(['diff', before, after], before, { NO_COLOR: '1' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('岗位职责 原第 2 条 删去：[-负责部门工作计划制定与实施；-]');
  });
});

describe('how lists and sentences are compared', () => {
  it('takes a reworded sentence as one change, not a removal and an addition', () => {
    expect(diffItems(['负责客户投诉处理；', '负责团队培训。'], ['负责客户投诉的受理与处理；', '负责团队培训。'])).toEqual([
      expect.objectContaining({ kind: 'reworded', from: 1, at: 1 }),
    ]);
    expect(diffItems(['甲乙丙丁', '子丑寅卯'], ['子丑寅卯', '天地玄黄'])).toEqual([
      { kind: 'removed', from: 1, text: '甲乙丙丁' },
      { kind: 'added', at: 2, text: '天地玄黄' },
    ]);
  });

  it('takes names of other roles (直接下级) as the same or not, never one reworded into another', () => {
    expect(diffItems(['质检专员'], ['客服专员'], { exact: true })).toEqual([
      { kind: 'removed', from: 1, text: '质检专员' },
      { kind: 'added', at: 1, text: '客服专员' },
    ]);
  });

  it('marks a number or a Latin word whole', () => {
    expect(segmentsOf('权重 60%', '权重 50%')).toEqual([
      { op: 'same', text: '权重 ' },
      { op: 'removed', text: '60' },
      { op: 'added', text: '50' },
      { op: 'same', text: '%' },
    ]);
  });

  it('marks the characters a rewording changed', () => {
    expect(segmentsOf('负责运营中心下达的任务', '负责运营部下达的任务')).toEqual([
      { op: 'same', text: '负责运营' },
      { op: 'removed', text: '中心' },
      { op: 'added', text: '部' },
      { op: 'same', text: '下达的任务' },
    ]);
  });
});

describe('documents in git diffs', () => {
  it('textconv prints a .docx and a .pdf made by roledoc in reading order', async () => {
    const dir = await builtSeedProject();
    const docx = await runCli(['textconv', path.join(dir, 'out', 'cs-supervisor.docx')], dir);
    expect(docx.exitCode).toBe(0);
    expect(docx.stdout.split('\n').slice(0, 3)).toEqual(['客服主管职位说明书', '岗位名称 | 客服主管 | 所属部门 | 客服部', '所属分部 | 客服各分部 | 定员人数 | 4人']);
    const pdf = await runCli(['textconv', path.join(dir, 'out', 'cs-supervisor.pdf')], dir);
    expect(pdf.exitCode).toBe(0);
    expect(pdf.stdout).toMatch(/^客服主管职位说明书\n岗位名称 客服主管 所属部门 客服部/);
    const other = await runCli(['textconv', path.join(dir, 'roledoc.config.yaml')], dir);
    expect(other.exitCode).toBe(2);
    expect(other.stderr).toContain('不是 .docx 或 .pdf 文件');
    // git runs textconv on every version: one it cannot read is said in the diff, and git goes on.
    writeFileSync(path.join(dir, 'out', 'broken.docx'), 'version https://git-lfs.github.com/spec/v1\n');
    const broken = await runCli(['textconv', path.join(dir, 'out', 'broken.docx')], dir);
    expect(broken.exitCode).toBe(0);
    expect(broken.stdout).toContain('broken.docx 不是可以读取的 .docx 或 .pdf');
    const missing = await runCli(['textconv', path.join(dir, 'out', 'nowhere.docx')], dir);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('找不到');
  });

  it.skipIf(process.platform === 'win32')(
    'after init, git diff on a committed .docx shows the words that changed',
    async () => {
      const dir = tempProject({});
      const git = gitIn(dir);
      await git('init', '-q');
      const init = await runCli(['init'], dir);
      expect(init.exitCode).toBe(0);
      expect(init.stdout).toContain('已设置 git');
      expect(readFileSync(path.join(dir, '.gitattributes'), 'utf8')).toContain('*.docx diff=roledoc');
      expect((await git('config', '--local', 'diff.roledoc.textconv')).trim()).toBe('roledoc textconv');
      expect((await runCli(['build'], dir)).exitCode).toBe(0);
      await git('add', '-A');
      await git('add', '--force', 'out');
      await git('commit', '-q', '-m', 'documents');
      edit(dir, 'roles/客服部/cs-supervisor.yaml', [['headcount: 4', 'headcount: 6']]);
      expect((await runCli(['build'], dir)).exitCode).toBe(0);
      // git runs `roledoc textconv`: a roledoc on PATH, as an installed one would be.
      const bin = path.join(tempProject({}), 'bin');
      mkdirSync(bin);
      writeFileSync(path.join(bin, 'roledoc'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO, 'bin', 'roledoc.js')}" "$@"\n`, { mode: 0o755 });
      const shown = await gitIn(dir)('-c', `diff.roledoc.textconv=${path.join(bin, 'roledoc')} textconv`, 'diff', '--', 'out/cs-supervisor.docx');
      expect(shown).toContain('-所属分部 | 客服各分部 | 定员人数 | 4人');
      expect(shown).toContain('+所属分部 | 客服各分部 | 定员人数 | 6人');
    },
    120_000,
  );
});

describe('a revision history in the documents (revision_history: true)', () => {
  it('gives each role a 修订记录 of the commits that changed what its documents show, the same on every build', async () => {
    const dir = seedProject();
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), `${readFileSync(path.join(dir, 'roledoc.config.yaml'), 'utf8')}revision_history: true\n`);
    const first = gitIn(dir, '2021-06-15T08:00:00Z');
    await first('init', '-q');
    await first('add', '.');
    await first('commit', '-q', '-m', 'roles');
    edit(dir, 'roles/客服部/cs-supervisor.yaml', [['headcount: 4', 'headcount: 5']]);
    await gitIn(dir, '2021-07-01T08:00:00Z')('commit', '-q', '-am', 'headcount');
    // A comment changes no document: no row.
    writeFileSync(path.join(dir, 'roles/客服部/cs-supervisor.yaml'), `${readFileSync(path.join(dir, 'roles/客服部/cs-supervisor.yaml'), 'utf8')}# reviewed\n`);
    await gitIn(dir, '2021-08-01T08:00:00Z')('commit', '-q', '-am', 'comment');

    expect((await runCli(['build', '--format', 'docx'], dir)).exitCode).toBe(0);
    const text = (await runCli(['textconv', path.join(dir, 'out', 'cs-supervisor.docx')], dir)).stdout;
    expect(text.trimEnd().split('\n').slice(-4)).toEqual(['修订记录', '版本 | 日期 | 修订内容 | 修订人', '1 | 2021年6月15日 | 新建 | t', '2 | 2021年7月1日 | 修改：定员人数 | t']);
    const manager = (await runCli(['textconv', path.join(dir, 'out', 'cs-manager.docx')], dir)).stdout;
    expect(manager).toContain('1 | 2021年6月15日 | 新建 | t');
    expect(manager).not.toContain('2 | ');

    const bytes = readFileSync(path.join(dir, 'out', 'cs-supervisor.docx'));
    rmSync(path.join(dir, 'out'), { recursive: true });
    expect((await runCli(['build', '--format', 'docx'], dir)).exitCode).toBe(0);
    expect(readFileSync(path.join(dir, 'out', 'cs-supervisor.docx')).equals(bytes)).toBe(true);
  }, GIT_TIMEOUT);

  it('is absent when the option is off', async () => {
    const dir = seedProject();
    const git = gitIn(dir);
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-q', '-m', 'roles');
    expect((await runCli(['build', '--format', 'docx'], dir)).exitCode).toBe(0);
    expect((await runCli(['textconv', path.join(dir, 'out', 'cs-supervisor.docx')], dir)).stdout).not.toContain('修订记录');
  }, GIT_TIMEOUT);
});

/**
 * `roledoc import`, run as a user would: roledoc's own documents come back as the role files they
 * were made from; the seed handbook's text and documents made by other tools (LibreOffice, pandoc,
 * the docx library, a .doc, a typed .txt) give the roles a careful person would transcribe; every
 * string of a source lands in the files or the report; bad input is named and writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { labelIndex } from '../src/import/labels.js';
import { isBlankSalary, readDate, readHeadcount } from '../src/import/values.js';
import { findLibreOffice } from '../src/io/libreoffice.js';
import { builtinLocaleData } from '../src/locale/builtin.js';
import { runCli } from './helpers/run-cli.js';
import { builtSeedProject, REPO, tempProject } from './helpers/seed.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'import');
const SEED_TEXT = path.join(FIXTURES, 'seed.txt');
/** LibreOffice's first start on a busy machine, and its conversion, take a while. */
const LIBREOFFICE_TIMEOUT = 240_000;

type RoleData = Record<string, unknown> & { id: string; title: string };

function roleFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function readRoles(dir: string): RoleData[] {
  return roleFilesUnder(dir).map((file) => parse(readFileSync(file, 'utf8')) as RoleData);
}

/** An empty project (a config only) to import into. */
const emptyProject = (): string => tempProject({ 'roledoc.config.yaml': 'title: 岗位说明书\n' });

/** Imported roles with links written as the titles they name, for comparing with a transcription. */
function byTitle(roles: readonly RoleData[]): Map<string, Record<string, unknown>> {
  const titles = new Map(roles.map((role) => [role.id, role.title]));
  const title = (value: unknown): unknown => (typeof value === 'string' ? (titles.get(value) ?? value) : value);
  return new Map(
    roles.map((role) => {
      const { id: _id, ...rest } = role;
      const plain: Record<string, unknown> = { ...rest };
      if (plain['reports_to'] !== undefined) plain['reports_to'] = title(plain['reports_to']);
      if (Array.isArray(plain['career_path'])) plain['career_path'] = plain['career_path'].map(title);
      return [role.title, plain];
    }),
  );
}

/**
 * A Word file as HR tools make them: paragraphs, and tables given as rows of cells (a cell's lines
 * are its paragraphs).
 */
async function wordFile(blocks: readonly (string | readonly (readonly string[])[])[]): Promise<Buffer> {
  const children = blocks.map((block) =>
    typeof block === 'string'
      ? new Paragraph(block)
      : new Table({ rows: block.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: cell.split('\n').map((line) => new Paragraph(line)) })) })) }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** Imports one Word file made of these blocks into a new project; its roles by title. */
async function importWord(blocks: Parameters<typeof wordFile>[0], args: readonly string[] = []): Promise<{ roles: RoleData[]; stdout: string; exitCode: number }> {
  const dir = tempProject({});
  const file = path.join(dir, '岗位说明书.docx');
  writeFileSync(file, await wordFile(blocks));
  const project = emptyProject();
  const result = await runCli(['import', ...args, file], project);
  return { roles: readRoles(path.join(project, 'roles')), stdout: result.stdout, exitCode: result.exitCode };
}

/** Every string value in a role file, flattened. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('roledoc import: roledoc’s own documents come back as their role files', () => {
  let built: string;
  let originals: Map<string, RoleData>;
  beforeAll(async () => {
    built = await builtSeedProject();
    originals = new Map(readRoles(path.join(REPO, 'roles')).map((role) => [role.id, role]));
  }, 120_000);

  /** The originals as import gives them back: 薪资待遇 元/月 (a unit and no amount) is an empty field and stays absent. */
  const expectedBack = (role: RoleData): RoleData => {
    const { salary, ...rest } = role;
    const amountless = salary !== null && typeof salary === 'object' && !('min' in salary) && !('max' in salary) && !('note' in salary);
    return (amountless ? rest : role) as RoleData;
  };

  it('gives back every role of the handbook, ids and links included, equal to the original files', async () => {
    const project = emptyProject();
    const result = await runCli(['import', path.join(built, 'out', 'handbook.docx')], project);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const imported = readRoles(path.join(project, 'roles'));
    expect(imported.map((role) => role.id).sort()).toEqual([...originals.keys()].sort());
    for (const role of imported) expect(role, role.id).toEqual(expectedBack(originals.get(role.id) as RoleData));
    // The one field that differs is the amountless salary, and only because the issue says so.
    expect(originals.get('cs-manager')?.['salary']).toEqual({ period: 'month' });
    expect(imported.find((role) => role.id === 'cs-manager')?.['salary']).toBeUndefined();
  });

  it('gives back the same from the three single-role documents imported together (links found across files)', async () => {
    const project = emptyProject();
    const files = [...originals.keys()].map((id) => path.join(built, 'out', `${id}.docx`));
    const result = await runCli(['import', ...files], project);
    expect(result.exitCode, result.stdout).toBe(0);
    const imported = readRoles(path.join(project, 'roles', '客服部'));
    expect(imported).toHaveLength(3);
    for (const role of imported) expect(role, role.id).toEqual(expectedBack(originals.get(role.id) as RoleData));
  });

  it('writes files that pass roledoc validate and build', async () => {
    const project = emptyProject();
    expect((await runCli(['import', path.join(built, 'out', 'handbook.docx')], project)).exitCode).toBe(0);
    const validate = await runCli(['validate'], project);
    expect(validate.exitCode, validate.stdout).toBe(0);
  });

  it('never writes over a file: a second import reports the roles as there already', async () => {
    const project = emptyProject();
    const source = path.join(built, 'out', 'cs-supervisor.docx');
    expect((await runCli(['import', source], project)).exitCode).toBe(0);
    const file = path.join(project, 'roles', '客服部', 'cs-supervisor.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# edited by HR\n`);
    const again = await runCli(['import', source], project);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('已存在，跳过');
    expect(readFileSync(file, 'utf8')).toMatch(/# edited by HR\n$/);
    expect(roleFilesUnder(path.join(project, 'roles'))).toHaveLength(1);
  });
});

describe('roledoc import: the seed handbook, as text pasted from a web page', () => {
  let project: string;
  let roles: Map<string, Record<string, unknown>>;
  let report: string;
  beforeAll(async () => {
    project = emptyProject();
    const result = await runCli(['import', SEED_TEXT], project);
    report = result.stdout;
    expect(result.exitCode, report).toBe(0);
    roles = byTitle(readRoles(path.join(project, 'roles')));
  });

  it('finds its three roles, in the department the titles name', () => {
    expect([...roles.keys()]).toEqual(expect.arrayContaining(['客服部经理', '客服主管', '客服营销支持主管']));
    expect(roles.size).toBe(3);
    for (const role of roles.values()) expect(role['department']).toBe('客服部');
    expect(roleFilesUnder(path.join(project, 'roles', '客服部'))).toHaveLength(3);
  });

  it('reads the fields of 客服部经理 (whose header block the source lost)', () => {
    const manager = roles.get('客服部经理') ?? {};
    expect(manager['career_path']).toEqual(['客服部经理', '客服总监', '副总经理']);
    expect(manager['career_note']).toBe('及更多横向职业发展');
    expect(manager['responsibilities']).toHaveLength(13);
    expect(manager['salary']).toBeUndefined();
    const duties = manager['duties'] as { duty: string; tasks: string[] }[];
    expect(duties[0]).toEqual({
      duty: '组织公司SP产品的营销工作并完成业绩目标',
      tasks: expect.arrayContaining(['负责及时向上级反馈数据报表及重要工作事项,协助总经理的工作,提供决策支持。']) as string[],
    });
    expect(manager['relations']).toEqual({ internal: ['公司各部门'], external: ['移动运营商', '通信管理局等'] });
    expect(manager['qualifications']).toMatchObject({ education: '大专学历以上', education_note: '根据能力可放宽标准。', majors: ['企业管理', '市场营销', '工商管理', '信息管理'], majors_note: '等专业优先。' });
    expect(manager['kpis']).toContain('部门合作满意度等');
  });

  it('places the values 客服主管 lost their labels for by their form, and says so', () => {
    const supervisor = roles.get('客服主管') ?? {};
    expect(supervisor).toMatchObject({ headcount: 4, unit: '客服各分部', established: '2014-09', reports_to: '部门经理', career_path: ['客服主管', '客服副经理', '客服经理', '客服总监'] });
    expect(supervisor['responsibilities']).toHaveLength(9);
    expect((supervisor['duties'] as unknown[]).length).toBe(7);
    expect(supervisor['conditions']).toEqual({ tools: '计算机、office\\ppt\\visio\\excel', environment: '办公室', schedule: '工作时间固定、规律', records: '各运营相关文件' });
    expect(report).toContain('没有栏目名的“4人”按写法当作“定员人数”');
    expect(report).toMatch(/没有栏目名的“2014年9月”|定岗时间/);
  });

  it('keeps the web page around the roles out of them, and reports it', () => {
    expect(report).toMatch(/\d+ 处文字不属于任何岗位/);
    const all = [...roles.values()].flatMap(strings).join('\n');
    expect(all).not.toContain('上传人');
    // The frame after the last role is kept aside, where HR sees and deletes it, not taken as a duty.
    const last = roles.get('客服营销支持主管') ?? {};
    expect(last['responsibilities']).not.toContain('展开阅读全文');
    expect(strings(last).join('\n')).toContain('展开阅读全文');
  });

  it('holds every piece of text of the source that belongs to a role', () => {
    // The labels are the registry's words, not content; a date is written as YYYY-MM.
    const catalog = builtinLocaleData('zh-CN');
    const labels = labelIndex([catalog.labels], [catalog.document_title]);
    const lines = readFileSync(SEED_TEXT, 'utf8').split('\n').map((line) => line.trim());
    const all = [...roles.values()].flatMap(strings).join('\n');
    const missing = lines
      .slice(lines.indexOf('薪资待遇'))
      .filter((line) => labels.find(line) === undefined && labels.titleOf(line) === undefined)
      .flatMap((line) => line.replace(/^\d{1,2}[.、]/u, '').split(/[、,，;；。:：→]/u))
      .map((unit) => unit.trim())
      .filter((unit) => unit.length >= 2 && /\p{Script=Han}/u.test(unit) && labels.find(unit) === undefined)
      .filter((unit) => !all.includes(readDate(unit) ?? unit))
      // Written other ways, each its own test above: 4人 is headcount 4; 元/月 with no amount is an
      // empty field; 信息管理等专业优先 is the majors' last name and their note.
      .filter((unit) => readHeadcount(unit) === undefined && !isBlankSalary(unit) && !unit.split('等').every((part) => all.includes(part)));
    expect(missing).toEqual([]);
  });

  it('writes files that pass roledoc validate', async () => {
    const validate = await runCli(['validate'], project);
    expect(validate.exitCode, validate.stdout).toBe(0);
  });
});

describe('roledoc import: documents made by other tools', () => {
  const cases: readonly { file: string; expected: string; needsLibreOffice?: boolean }[] = [
    { file: 'html-form.docx', expected: 'html-form.yaml' },
    { file: 'pandoc-role.docx', expected: 'pandoc-role.yaml' },
    { file: 'pandoc-role.md', expected: 'pandoc-role.yaml' },
    { file: 'docx-lib-vertical.docx', expected: 'docx-lib-vertical.yaml' },
    { file: 'plain.txt', expected: 'plain.yaml' },
    { file: 'handbook.doc', expected: 'handbook.yaml', needsLibreOffice: true },
  ];
  let soffice: string | undefined;
  beforeAll(async () => {
    soffice = await findLibreOffice();
  });

  for (const { file, expected, needsLibreOffice } of cases) {
    it(
      `${file}: gives the roles a careful transcription has (${expected}), valid`,
      async (context) => {
        if (needsLibreOffice && soffice === undefined) {
          console.warn(`skipped: ${file} needs LibreOffice (soffice), which is not installed here; .ci/run installs it`);
          context.skip();
        }
        const project = emptyProject();
        const result = await runCli(['import', path.join(FIXTURES, file)], project);
        expect(result.exitCode, result.stdout).toBe(0);
        const want = parse(readFileSync(path.join(FIXTURES, 'expected', expected), 'utf8')) as Record<string, unknown>[];
        const got = byTitle(readRoles(path.join(project, 'roles')));
        expect([...got.keys()].sort()).toEqual(want.map((role) => role['title']).sort());
        for (const role of want) {
          const imported = got.get(role['title'] as string);
          if (!isDeepStrictEqual(imported, role)) expect(imported, `${file}: ${String(role['title'])}`).toEqual(role);
        }
        const validate = await runCli(['validate'], project);
        expect(validate.exitCode, validate.stdout).toBe(0);
      },
      needsLibreOffice ? LIBREOFFICE_TIMEOUT : 30_000,
    );
  }

  it('links a handbook’s roles to each other: 会计 reports to 财务经理 by id', async (context) => {
    if (soffice === undefined) {
      console.warn('skipped: handbook.doc needs LibreOffice (soffice), which is not installed here; .ci/run installs it');
      context.skip();
    }
    const project = emptyProject();
    const result = await runCli(['import', path.join(FIXTURES, 'handbook.doc')], project);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toContain('.doc 已用 LibreOffice 转换');
    const roles = readRoles(path.join(project, 'roles'));
    const manager = roles.find((role) => role.title === '财务经理');
    expect(manager?.id).toBe('cai-wu-jing-li');
    expect(roles.find((role) => role.title === '会计')?.['reports_to']).toBe('cai-wu-jing-li');
  }, LIBREOFFICE_TIMEOUT);
});

describe('roledoc import: forms as HR has them', () => {
  const basics = [
    ['岗位名称', '培训专员', '所属部门', '人力资源部'],
    ['岗位职责', '1、负责年度培训计划的制定；2、负责培训课程的组织实施；3、负责培训效果评估。', '', ''],
  ];

  it('reads a KPI table whatever its headers say, a 序号 column left out', async () => {
    const { roles, exitCode, stdout } = await importWord([
      basics,
      '考核指标',
      [
        ['序号', '指标名称', '权重', '目标值'],
        ['1', '培训计划完成率', '60%', '≥95%'],
        ['2', '学员满意度', '40%', '≥90分'],
      ],
    ]);
    expect(exitCode, stdout).toBe(0);
    expect(roles[0]?.['kpis']).toEqual([
      { name: '培训计划完成率', weight: 60, target: '≥95%' },
      { name: '学员满意度', weight: 40, target: '≥90分' },
    ]);
    expect(roles[0]?.['responsibilities']).toEqual(['负责年度培训计划的制定；', '负责培训课程的组织实施；', '负责培训效果评估。']);
  });

  it('reads labelled lines inside one cell of 任职资格 as its parts', async () => {
    const { roles, exitCode, stdout } = await importWord([basics, [['任职资格', '学历：本科及以上\n专业：人力资源管理\n经验：2年以上培训工作经验\n技能：熟练使用Office，沟通能力强']]]);
    expect(exitCode, stdout).toBe(0);
    expect(roles[0]?.['qualifications']).toEqual({ education: '本科及以上', majors: ['人力资源管理'], experience: '2年以上培训工作经验', skills: '熟练使用Office，沟通能力强' });
  });

  it('splits a note off the education only where it reads as one', async () => {
    const { roles } = await importWord([basics, [['学历', '本科及以上学历，计算机相关专业'], ['工作经验', '3年以上']]]);
    expect(roles[0]?.['qualifications']).toEqual({ education: '本科及以上学历，计算机相关专业', experience: '3年以上' });
    const relaxed = await importWord([basics, [['学历', '大专以上学历，能力突出者可放宽']]]);
    expect(relaxed.roles[0]?.['qualifications']).toEqual({ education: '大专以上学历', education_note: '能力突出者可放宽' });
  });

  it('takes 无 for no value, spaced-out labels as their words, and numbered headings without their numbers', async () => {
    const { roles, stdout } = await importWord([
      [
        ['岗 位 名 称', '培训专员', '所 属 部 门', '人力资源部'],
        ['直 接 下 级', '无', '岗位职责', '负责培训。'],
      ],
      '三、岗位权限',
      '对培训供应商有建议权。',
    ]);
    expect(roles[0]).toMatchObject({ title: '培训专员', department: '人力资源部', extra_sections: [{ title: '岗位权限', text: '对培训供应商有建议权。' }] });
    expect(stdout).toContain('岗位名称');
    expect(stdout).not.toContain('岗 位');
  });

  it('writes a role met twice in one import once, and links to that one', async () => {
    const dir = tempProject({
      'a.txt': '岗位名称：组长\n所属部门：生产部\n岗位职责：\n1. 负责班组管理。\n',
      'b.txt': '岗位名称：组长\n所属部门：生产部\n岗位职责：\n1. 负责班组管理。\n',
      'c.txt': '岗位名称：操作工\n所属部门：生产部\n直接上级：组长\n岗位职责：\n1. 负责设备操作。\n',
    });
    const project = emptyProject();
    const result = await runCli(['import', dir], project);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toContain('本次导入中已有同一岗位，跳过');
    const roles = readRoles(path.join(project, 'roles'));
    expect(roles.map((role) => role.id).sort()).toEqual(['cao-zuo-gong', 'zu-zhang']);
    expect(roles.find((role) => role.id === 'cao-zuo-gong')?.['reports_to']).toBe('zu-zhang');
  });
});

describe('roledoc import: options and reports', () => {
  it('--dry-run writes nothing and says what it would write', async () => {
    const project = emptyProject();
    const result = await runCli(['import', '--dry-run', path.join(FIXTURES, 'plain.txt')], project);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('roles/行政部/qian-tai-jie-dai.yaml');
    expect(result.stdout).toContain('--dry-run');
    expect(existsSync(path.join(project, 'roles'))).toBe(false);
  });

  it('--format json gives scripts every role, its file, and what was guessed and kept', async () => {
    const project = emptyProject();
    const result = await runCli(['import', '--format', 'json', SEED_TEXT], project);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout) as { sources: { source: string; roles: { id: string; file: string; outcome: string; guesses: { reason: string }[]; diagnostics: unknown[] }[] }[] };
    const roles = report.sources[0]?.roles ?? [];
    expect(roles.map((role) => role.outcome)).toEqual(['written', 'written', 'written']);
    const letter = path.join(tempProject({ 'letter.txt': '各位同事：\n下周一上午九点开会。\n' }), 'letter.txt');
    const bad = await runCli(['import', '--format', 'json', letter], emptyProject());
    const problem = (JSON.parse(bad.stdout) as { sources: { problem?: { kind: string; message: string } }[] }).sources[0]?.problem;
    expect(problem).toMatchObject({ kind: 'no-role', message: expect.stringContaining('letter.txt') as string });
    expect(roles.every((role) => role.file.startsWith('roles/客服部/') && role.diagnostics.length === 0)).toBe(true);
    expect(roles[1]?.guesses.map((guess) => guess.reason)).toContain('value-by-shape');
  });

  it('--department gives a department to roles whose source names none', async () => {
    const project = emptyProject();
    const source = path.join(tempProject({ 'role.txt': '岗位名称：仓库管理员\n岗位职责：\n1. 负责物料的收发与盘点；\n2. 负责库房的安全与卫生。\n' }), 'role.txt');
    const result = await runCli(['import', '--department', '物流部', source], project);
    expect(result.exitCode, result.stdout).toBe(0);
    const [role] = readRoles(path.join(project, 'roles', '物流部'));
    expect(role).toMatchObject({ id: 'cang-ku-guan-li-yuan', title: '仓库管理员', department: '物流部', responsibilities: ['负责物料的收发与盘点；', '负责库房的安全与卫生。'] });
  });

  it('says exactly why an imported role does not validate yet, and exits 1', async () => {
    const project = emptyProject();
    const source = path.join(tempProject({ 'role.txt': '岗位名称：司机\n所属部门：行政部\n' }), 'role.txt');
    const result = await runCli(['import', source], project);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('还不能通过 roledoc validate');
    expect(result.stdout).toMatch(/roles\/行政部\/si-ji\.yaml:\d+:\d+ +error/);
    expect(result.stdout).toContain('岗位职责');
  });

  it('reads a folder: every Word, text and Markdown file in it, Word’s lock files left out', async () => {
    const folder = tempProject({ '~$lock.docx': 'owner', 'notes.pdf': '%PDF', 'a.txt': '岗位名称：保安\n所属部门：行政部\n岗位职责：\n1. 负责门岗值守。\n' });
    const project = emptyProject();
    const result = await runCli(['import', folder], project);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(readRoles(path.join(project, 'roles')).map((role) => role.title)).toEqual(['保安']);
  });

  it('reads text saved by Chinese Windows (GB18030) and says so', async () => {
    const dir = tempProject({});
    const file = path.join(dir, 'gbk.txt');
    // 岗位名称：收银员 / 所属部门：门店部 / 岗位职责：1. 负责收银。 saved in GB18030.
    writeFileSync(file, Buffer.from('b8dacebbc3fbb3c6a3bacad5d2f8d4b10acbf9caf4b2bfc3c5a3bac3c5b5eab2bf0ab8dacebbd6b0d4f0a3ba0a312e20b8bad4f0cad5d2f8a1a30a', 'hex'));
    const project = emptyProject();
    const result = await runCli(['import', file], project);
    expect(result.stdout).toContain('GB18030');
    expect(readRoles(path.join(project, 'roles')).map((role) => role.title)).toEqual(['收银员']);
  });
});

describe('roledoc import: bad input is named, and nothing is half-written', () => {
  const importInto = async (name: string, bytes: Uint8Array | string, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; exitCode: number; project: string }> => {
    const dir = tempProject({});
    writeFileSync(path.join(dir, name), bytes);
    const project = emptyProject();
    const result = await runCli(['import', path.join(dir, name)], project, env);
    return { stdout: result.stdout + result.stderr, exitCode: result.exitCode, project };
  };
  const expectNothingWritten = (project: string): void => {
    expect(existsSync(path.join(project, 'roles'))).toBe(false);
  };

  it('a file that is not Word', async () => {
    const { stdout, exitCode, project } = await importInto('notes.docx', 'just some text');
    expect(exitCode).toBe(1);
    expect(stdout).toContain('notes.docx 不是 Word 文件');
    expect(stdout).toContain('另存为 .docx');
    expectNothingWritten(project);
  });

  it('a damaged .docx (cut short)', async () => {
    const whole = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>岗位名称</w:t></w:r></w:p></w:body></w:document>') });
    const { stdout, exitCode, project } = await importInto('cut.docx', whole.subarray(0, whole.length - 30));
    expect(exitCode).toBe(1);
    expect(stdout).toContain('cut.docx 已损坏');
    expectNothingWritten(project);
  });

  it('a password-protected .docx', async () => {
    // What Word writes for a protected file: an OLE container whose stream is EncryptedPackage.
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const name = Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]);
    const { stdout, exitCode, project } = await importInto('secret.docx', new Uint8Array([...header, ...new Array<number>(504).fill(0), ...name]));
    expect(exitCode).toBe(1);
    expect(stdout).toContain('secret.docx 设有打开密码');
    expect(stdout).toContain('保护文档');
    expectNothingWritten(project);
  });

  it('an empty document, and a document with no role in it', async () => {
    const empty = await importInto('empty.txt', '');
    expect(empty.exitCode).toBe(1);
    expect(empty.stdout).toContain('empty.txt 是空的');
    const none = await importInto('letter.txt', '各位同事：\n下周一上午九点开会。\n');
    expect(none.exitCode).toBe(1);
    expect(none.stdout).toContain('letter.txt 里没有认出岗位说明书');
    expectNothingWritten(none.project);
  });

  it('a .doc when LibreOffice cannot be found names the package to install', async () => {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const previous = process.env['ROLEDOC_SOFFICE'];
    process.env['ROLEDOC_SOFFICE'] = path.join(REPO, 'no-such-soffice');
    try {
      const { stdout, exitCode, project } = await importInto('old.doc', new Uint8Array([...header, ...new Array<number>(512).fill(0)]));
      expect(exitCode).toBe(1);
      expect(stdout).toContain('old.doc 是旧版 Word 文件（.doc），要用 LibreOffice 转换');
      expect(stdout).toContain('apt install libreoffice-writer');
      expectNothingWritten(project);
    } finally {
      if (previous === undefined) delete process.env['ROLEDOC_SOFFICE'];
      else process.env['ROLEDOC_SOFFICE'] = previous;
    }
  });

  it('a path that does not exist, and a file of another kind', async () => {
    const project = emptyProject();
    const missing = await runCli(['import', path.join(project, 'nowhere.docx')], project);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('找不到');
    const dir = tempProject({ 'a.pdf': '%PDF-1.4' });
    const pdf = await runCli(['import', path.join(dir, 'a.pdf')], project);
    expect(pdf.exitCode).toBe(1);
    expect(pdf.stdout).toContain('只读 .docx、.doc、.txt 和 .md');
    expect(pdf.stdout).toContain('另存为 .docx');
    expectNothingWritten(project);
  });

  it('a folder with nothing to import in it', async () => {
    const dir = tempProject({ 'logo.png': 'png', 'list.xlsx': 'xlsx' });
    const project = emptyProject();
    const result = await runCli(['import', dir], project);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('里没有 roledoc import 能读的文件');
    expectNothingWritten(project);
  });

  it('a broken roledoc.config.yaml: nothing is read or written until it is fixed', async () => {
    const project = tempProject({ 'roledoc.config.yaml': 'roles: [\n' });
    const result = await runCli(['import', path.join(FIXTURES, 'plain.txt')], project);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/roledoc\.config\.yaml:\d+:\d+/);
    expect(result.stdout).toContain('什么都没有导入');
    expectNothingWritten(project);
  });

  it('no file named at all is a usage error with an example', async () => {
    const result = await runCli(['import'], emptyProject());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('roledoc import 岗位说明书.docx');
  });

  it('one bad file among good ones: the good ones are imported, the bad one named, exit 1', async () => {
    const dir = tempProject({ 'bad.docx': 'not a zip', 'good.txt': '岗位名称：保洁员\n所属部门：行政部\n岗位职责：\n1. 负责办公区域的清洁。\n' });
    mkdirSync(path.join(dir, 'sub'));
    const project = emptyProject();
    const result = await runCli(['import', path.join(dir, 'bad.docx'), path.join(dir, 'good.txt')], project);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('bad.docx 不是 Word 文件');
    expect(readRoles(path.join(project, 'roles')).map((role) => role.title)).toEqual(['保洁员']);
  });
});

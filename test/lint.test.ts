/**
 * roledoc lint: findings at the phrase's own line and column, levels and phrases of the
 * organisation's own from the config, silences that must give a reason, and the labelled set of
 * real-posting sentences that bounds each rule's precision (and prints its recall).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DISCRIMINATION_RULES, findPhrases, PHRASE_RULES, type PhraseRule } from '../src/lint/phrases.js';
import { runCli } from './helpers/run-cli.js';
import { REPO, seedProject, tempProject } from './helpers/seed.js';

const ROLE = `id: front-desk
title: 前台接待
department: 行政部
responsibilities:
  - 负责来访客户的接待与登记工作；
  - 负责来访客户的接待与登记工作；
qualifications:
  education: 大专及以上学历
  personal:
    - 女性，25岁以下，形象气质佳
    - 身高165cm以上  # roledoc: allow appearance — 礼宾岗位统一着装，经法务审核
    - 具有一定的工作经验
`;

const project = (config = 'title: x\n', role = ROLE): string => tempProject({ 'roledoc.config.yaml': config, 'roles/行政部/front-desk.yaml': role });

interface Finding {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly severity: string;
}

async function lintJson(dir: string): Promise<{ exitCode: number; findings: Finding[] }> {
  const result = await runCli(['lint', '--format', 'json'], dir);
  return { exitCode: result.exitCode, findings: JSON.parse(result.stdout) as Finding[] };
}

describe('roledoc lint', () => {
  it('finds no warning or error in the bundled roles, only hints: KPIs and duties that do not match, a vague word', async () => {
    const { exitCode, findings } = await lintJson(seedProject());
    expect(exitCode).toBe(0);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(['lint.kpi-trace', 'lint.vague']));
    const clean = await runCli(['lint'], project('title: x\n', 'id: a\ntitle: 出纳\ndepartment: 财务部\nresponsibilities:\n  - 负责现金收付与银行结算；\n'));
    expect(clean.stdout).toContain('没有发现问题');
  });

  it('flags each phrase at its own line and column, with a caret under it, as warnings and hints by default', async () => {
    const dir = project();
    const text = await runCli(['lint'], dir);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('roles/行政部/front-desk.yaml:10:10  warning  lint.age  “25岁以下”以年龄作为招用条件');
    expect(text.stdout).toMatch(/10 \|     - 女性，25岁以下，形象气质佳\n\s+\|\s+\^{8}\n/);
    const { findings } = await lintJson(dir);
    expect(findings.map((f) => [f.code, f.line, f.column, f.severity])).toEqual([
      ['lint.duplicate', 6, 5, 'warning'],
      ['lint.gender', 10, 7, 'warning'],
      ['lint.age', 10, 10, 'warning'],
      ['lint.appearance', 10, 16, 'warning'],
      ['lint.vague', 12, 9, 'info'],
    ]);
  });

  it('takes each rule’s level and the organisation’s own phrases from the config', async () => {
    const dir = project('lint:\n  rules:\n    age: error\n    vague: off\n    duplicate: off\n  phrases:\n    - { pattern: 前台接待, message: "“{phrase}”请写作“前台专员”", severity: info }\n');
    const { exitCode, findings } = await lintJson(dir);
    expect(exitCode).toBe(1);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['lint.custom', 'info'],
      ['lint.gender', 'warning'],
      ['lint.age', 'error'],
      ['lint.appearance', 'warning'],
    ]);
  });

  it('honours a silence only with its reason, and reports one without a reason or that silences nothing', async () => {
    const unreasoned = ROLE.replace('具有一定的工作经验', '具有一定的工作经验  # roledoc: allow vague').replace('  # roledoc: allow appearance — 礼宾岗位统一着装，经法务审核', '') + 'remarks: 无  # roledoc: allow age — 没有年龄要求\n';
    const { exitCode, findings } = await lintJson(project('title: x\n', unreasoned));
    expect(exitCode).toBe(0);
    expect(findings).toContainEqual(expect.objectContaining({ code: 'lint.silence-without-reason', line: 12, severity: 'warning' }));
    expect(findings).toContainEqual(expect.objectContaining({ code: 'lint.vague', line: 12 }));
    expect(findings).toContainEqual(expect.objectContaining({ code: 'lint.appearance', line: 11 }));
    expect(findings).toContainEqual(expect.objectContaining({ code: 'lint.silence-unused', line: 13, severity: 'warning' }));
  });

  it('runs inside validate too, as warnings that fail nothing; the hints are lint’s own', async () => {
    const result = await runCli(['validate', '--format', 'github'], project());
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('::warning file=roles/行政部/front-desk.yaml,line=10');
    expect(result.stdout).not.toContain('::notice');
    const lint = await runCli(['lint', '--format', 'github'], project());
    expect(lint.stdout).toContain('::notice file=roles/行政部/front-desk.yaml,line=12');
  });

  it('says which KPI measures no duty, and which duty no KPI measures, with the closest match', async () => {
    const role = `id: r\ntitle: 客服主管\ndepartment: 客服部\nresponsibilities:\n  - 负责客户投诉的处理与回访；\nduties:\n  - duty: 投诉处理\n    tasks: [负责客户投诉的受理与处理，提升客户满意度]\n  - duty: 团队培训\n    tasks: [组织新员工入职培训]\nkpis: [客户满意度, 销售额增长率]\n`;
    const dir = tempProject({ 'roledoc.config.yaml': 'title: x\n', 'roles/r.yaml': role });
    const { findings } = await lintJson(dir);
    const trace = findings.filter((f) => f.code === 'lint.kpi-trace');
    expect(trace.map((f) => f.line)).toEqual([9, 11]);
    const text = (await runCli(['lint'], dir)).stdout;
    expect(text).toContain('考核指标“销售额增长率”看不出衡量的是哪项职责');
    expect(text).toContain('职责“团队培训”没有考核指标衡量');
  });

  it('has a page for every rule', () => {
    for (const rule of [...PHRASE_RULES, 'duplicate', 'kpi-trace', 'punctuation']) expect(existsSync(path.join(REPO, 'docs', 'rules', `${rule}.md`)), rule).toBe(true);
  });
});

interface Labelled {
  readonly text: string;
  readonly flags: readonly PhraseRule[];
}

describe('the rules on a labelled set of job-posting sentences', () => {
  const file = path.join(REPO, 'test', 'fixtures', 'lint', 'labelled.yaml');
  const set = parse(readFileSync(file, 'utf8')) as Labelled[];

  it('has at least 300 sentences, flagged and clean ones', () => {
    expect(set.length).toBeGreaterThanOrEqual(300);
    expect(set.filter((entry) => entry.flags.length === 0).length).toBeGreaterThanOrEqual(100);
  });

  it('is precise on the discrimination rules (at least 95 %), and says its recall', () => {
    const lines: string[] = [];
    const precisions = new Map<PhraseRule, number>();
    for (const rule of PHRASE_RULES) {
      let truePositive = 0;
      let falsePositive = 0;
      let falseNegative = 0;
      const wrong: string[] = [];
      for (const entry of set) {
        const flagged = findPhrases(entry.text).some((match) => match.rule === rule);
        const wanted = entry.flags.includes(rule);
        if (flagged && wanted) truePositive += 1;
        else if (flagged) {
          falsePositive += 1;
          wrong.push(`+ ${entry.text}`);
        } else if (wanted) {
          falseNegative += 1;
          wrong.push(`- ${entry.text}`);
        }
      }
      const precision = truePositive + falsePositive === 0 ? 1 : truePositive / (truePositive + falsePositive);
      const recall = truePositive + falseNegative === 0 ? 1 : truePositive / (truePositive + falseNegative);
      precisions.set(rule, precision);
      lines.push(`${rule.padEnd(11)} precision ${(precision * 100).toFixed(1).padStart(5)} %  recall ${(recall * 100).toFixed(1).padStart(5)} %  (${truePositive} found, ${falsePositive} wrongly, ${falseNegative} missed)${wrong.length > 0 ? `\n    ${wrong.slice(0, 6).join('\n    ')}` : ''}`);
    }
    console.log(`roledoc lint on ${set.length} labelled sentences:\n${lines.join('\n')}`);
    for (const rule of DISCRIMINATION_RULES) expect(precisions.get(rule), rule).toBeGreaterThanOrEqual(0.95);
  });
});

describe('roledoc lint --fix', () => {
  it('makes only the changes with one right answer, then reports what is left', async () => {
    const role = 'id: a\ntitle: 出纳\ndepartment: 财务部\nresponsibilities:\n  - 负责现金收付,银行结算与对账工作；\n  - 负责票据的保管与登记工作；\n  - 负责票据的保管与登记工作；\n  - 具有一定的工作经验\n';
    const dir = tempProject({ 'roledoc.config.yaml': 'title: x\n', 'roles/a.yaml': role });
    const before = await lintJson(dir);
    expect(before.findings.map((f) => f.code).sort()).toEqual(['lint.duplicate', 'lint.punctuation', 'lint.vague']);
    const fixed = await runCli(['lint', '--fix'], dir);
    expect(fixed.exitCode).toBe(0);
    expect(fixed.stderr).toContain('已在 1 个文件中改正 2 处');
    expect(readFileSync(path.join(dir, 'roles', 'a.yaml'), 'utf8')).toBe(
      'id: a\ntitle: 出纳\ndepartment: 财务部\nresponsibilities:\n  - 负责现金收付，银行结算与对账工作；\n  - 负责票据的保管与登记工作；\n  - 具有一定的工作经验\n',
    );
    // Wording is never changed: the vague requirement is still reported.
    expect((await lintJson(dir)).findings.map((f) => f.code)).toEqual(['lint.vague']);
  });

  it('fixes only the files named, and never a silenced finding', async () => {
    const silenced = 'id: b\ntitle: 会计\ndepartment: 财务部\nresponsibilities:\n  - 负责凭证录入,账簿登记  # roledoc: allow punctuation — 保留原文\n';
    const other = 'id: c\ntitle: 出纳\ndepartment: 财务部\nresponsibilities:\n  - 负责现金收付,银行结算\n';
    const dir = tempProject({ 'roledoc.config.yaml': 'lint:\n  rules:\n    age: error\n', 'roles/b.yaml': silenced, 'roles/c.yaml': other });
    const result = await runCli(['lint', '--fix', '--format', 'json', 'roles/b.yaml'], dir);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect(readFileSync(path.join(dir, 'roles', 'b.yaml'), 'utf8')).toBe(silenced);
    expect(readFileSync(path.join(dir, 'roles', 'c.yaml'), 'utf8')).toBe(other);
  });

  it('reads a silence at the end of a line for that line only, and none inside a quoted value', async () => {
    const role = 'id: d\ntitle: 矿工\ndepartment: 生产部\nresponsibilities:\n  - 负责井下采掘作业\nqualifications:\n  personal:\n    - 限男性  # roledoc: allow gender — 国家规定女职工禁忌从事矿山井下作业\n    - 女士优先\n    - "无乙肝  # roledoc: allow health — 这在字符串里"\n';
    const { findings } = await lintJson(project('title: x\n', role));
    expect(findings.map((f) => [f.code, f.line])).toEqual([
      ['lint.gender', 9],
      ['lint.health', 10],
    ]);
  });
});

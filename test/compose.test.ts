import { describe, expect, it } from 'vitest';
import { composeRole } from '../src/compose/compose-role.js';
import type { Block, Layout } from '../src/layout/layout.js';
import { localeFor } from '../src/locale/builtin.js';
import type { RawRole } from '../src/model/role.js';
import { composeAll, loadBuiltinTemplate, resolveOne, seedRoles } from './helpers/seed.js';

const template = loadBuiltinTemplate();

function texts(layout: Layout): string[] {
  const out: string[] = [];
  const cell = (content: readonly (readonly { text: string }[])[]): void => content.forEach((p) => out.push(p.map((r) => r.text).join('')));
  for (const block of layout.blocks) {
    if (block.kind === 'title' || block.kind === 'heading') out.push(block.text);
    if (block.kind === 'paragraph') cell([block.text]);
    if (block.kind === 'list') cell(block.items);
    if (block.kind === 'field-grid') block.rows.flat().forEach((f) => (out.push(f.label), cell(f.value)));
    if (block.kind === 'table') [...(block.header ? [block.header] : []), ...block.rows].forEach((row) => row.forEach((c) => cell(c.content)));
  }
  return out;
}

const headings = (layout: Layout): string[] => layout.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map((b) => b.text);

describe('compose: the seed roles', () => {
  const roles = seedRoles().map((entry) => entry.role);
  const layouts = composeAll(roles);

  it.each(roles.map((role) => role.id))('matches the reviewed Layout of %s', async (id) => {
    await expect(`${JSON.stringify(layouts.get(id), null, 2)}\n`).toMatchFileSnapshot(`./snapshots/${id}.layout.json`);
  });

  it('reproduces the source form for 客服主管', () => {
    const layout = layouts.get('cs-supervisor');
    if (!layout) throw new Error('no layout');
    expect(layout.blocks[0]).toEqual({ kind: 'title', text: '客服主管职位说明书' });
    expect(headings(layout)).toEqual(['岗位职责', '工作职责与工作任务', '工作协作关系', '任职资格', '其它', '考核KPI指标']);
    const grid = layout.blocks[1];
    expect(grid?.kind).toBe('field-grid');
    if (grid?.kind !== 'field-grid') return;
    const value = (label: string) => grid.rows.flat().find((f) => f.label === label)?.value.map((p) => p.map((r) => r.text).join(''));
    expect(value('定员人数')).toEqual(['4人']);
    expect(value('定岗时间')).toEqual(['2014年9月']);
    expect(value('发展通路')).toEqual(['客服主管→客服副经理→客服经理→客服总监']);
    // The career path has a row of its own, the last one.
    expect(grid.rows.at(-1)?.map((f) => f.label)).toEqual(['发展通路']);
    expect(grid.rows.slice(0, -1).every((row) => row.length === 2)).toBe(true);
  });

  it('makes the label columns wide enough for 8 CJK characters of table text plus the cell padding', () => {
    const layout = layouts.get('cs-supervisor');
    const grid = layout?.blocks[1];
    if (!layout || grid?.kind !== 'field-grid') throw new Error('no grid');
    const textWidth = layout.page.width - layout.page.margins.left - layout.page.margins.right;
    expect(grid.labelWidth * textWidth).toBeGreaterThanOrEqual(8 * layout.style.sizes.table + 2 * 5.4);
  });

  it('prints 元/月 for a salary without numbers, as the source does', () => {
    const texts_ = texts(layouts.get('cs-manager') ?? (undefined as never));
    expect(texts_).toContain('元/月');
    expect(texts_).toContain('及更多横向职业发展');
  });

  it('leaves out sections a role does not have instead of printing empty headings', () => {
    const layout = layouts.get('cs-marketing-support-supervisor');
    if (!layout) throw new Error('no layout');
    expect(headings(layout)).toEqual(['岗位职责']);
  });
});

describe('compose: links, derived reports and formats', () => {
  const base = { department: '客服部', responsibilities: ['负责。'] };
  const roles: RawRole[] = [
    { id: 'cs-manager', title: '客服经理', ...base, career_path: ['cs-manager', 'cs-director'] },
    { id: 'cs-director', title: '客服总监', ...base },
    { id: 'cs-lead-b', title: '客服组长乙', reports_to: 'cs-manager', ...base },
    { id: 'cs-lead-a', title: '客服组长甲', reports_to: 'cs-manager', ...base, salary: { min: 6000, max: 9000 } },
  ];
  const compose = (id: string, lang: 'zh-CN' | 'en' = 'zh-CN') =>
    composeRole(resolveOne(roles.find((r) => r.id === id) ?? (undefined as never), roles), { template, locale: localeFor(lang), organization: 'ACME' });

  it('shows linked ids as titles, and derives 直接下级 from the reports_to of other roles', () => {
    const all = texts(compose('cs-manager'));
    expect(all).toContain('客服经理→客服总监');
    expect(all).toContain('客服组长甲、客服组长乙');
    expect(texts(compose('cs-lead-a'))).toContain('客服经理');
  });

  it('formats pay in both languages', () => {
    expect(texts(compose('cs-lead-a'))).toContain('6,000–9,000 元/月');
    expect(texts(compose('cs-lead-a', 'en'))).toContain('6,000–9,000 CNY/month');
  });

  it('uses English labels and dates with the en locale', () => {
    const layout = composeRole(
      resolveOne({ id: 'x', title: 'Supervisor', department: 'Service', established: '2014-09', headcount: 4, responsibilities: ['Runs the team.'] }),
      { template, locale: localeFor('en'), organization: 'ACME' },
    );
    const all = texts(layout);
    expect(all).toEqual(expect.arrayContaining(['Job Description: Supervisor', 'Established', 'Sep 2014', 'Headcount', '4', 'Responsibilities']));
    expect(layout.meta).toMatchObject({ lang: 'en', author: 'ACME', subject: 'Service' });
  });

  it('shows a KPI table with weight and target only when they are given', () => {
    const layout = composeRole(
      resolveOne({ id: 'x', title: 'T', ...base, kpis: [{ name: '客户满意度', weight: 60, target: '≥ 95%' }, { name: '投诉率', weight: 40 }] }),
      { template, locale: localeFor('zh-CN'), organization: '' },
    );
    const table = layout.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.header?.map((c) => c.content[0]?.[0]?.text)).toEqual(['考核指标', '权重', '目标']);
    expect(texts(layout)).toEqual(expect.arrayContaining(['60%', '≥ 95%', '40%']));
  });
});

describe('compose: the 基本信息 grid', () => {
  it('shows every field the registry lists for it, in its order: work_location after the unit', () => {
    const role = resolveOne({ id: 'x', title: '客服主管', department: '客服部', unit: '客服各分部', work_location: '上海总部', headcount: 4, responsibilities: ['负责。'] });
    const grid = composeRole(role, { template, locale: localeFor('zh-CN'), organization: '' }).blocks.find((b) => b.kind === 'field-grid');
    const fields = grid?.kind === 'field-grid' ? grid.rows.flat().map((field) => `${field.label}=${field.value.map((p) => p.map((r) => r.text).join('')).join('')}`) : [];
    expect(fields).toEqual(['岗位名称=客服主管', '所属部门=客服部', '所属分部=客服各分部', '工作地点=上海总部', '定员人数=4人']);
    const english = composeRole(role, { template, locale: localeFor('en'), organization: '' }).blocks.find((b) => b.kind === 'field-grid');
    expect(english?.kind === 'field-grid' && english.rows.flat().map((field) => field.label)).toContain('Work location');
  });
});

describe('compose: other ways a template may show a section', () => {
  const role: RawRole = {
    id: 'x',
    title: '客服主管',
    department: '客服部',
    responsibilities: ['负责排班；', '负责培训', '负责质检。'],
    kpis: [{ name: '客户满意度', weight: 60, target: '≥ 95%' }, { name: '投诉率', weight: 40 }],
  };
  const custom = {
    ...template,
    sections: [
      { section: 'responsibilities', as: 'paragraph' },
      { section: 'kpis', as: 'numbered-list' },
    ],
  } as const;
  const layout = composeRole(resolveOne(role), { template: custom, locale: localeFor('zh-CN'), organization: '' });

  it('joins responsibilities shown as a paragraph without doubling their punctuation', () => {
    expect(texts(layout)).toContain('负责排班；负责培训；负责质检。');
  });

  it('keeps KPI weights and targets when KPIs are shown as a list', () => {
    expect(texts(layout)).toEqual(expect.arrayContaining(['客户满意度（权重 60%，目标 ≥ 95%）', '投诉率（权重 40%）']));
  });
});

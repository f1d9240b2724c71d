import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingCharacters } from '../src/pipeline/glyph-coverage.js';
import { UserError } from '../src/core/errors.js';
import { withLabels } from '../src/locale/build-locale.js';
import { localeFor, messagesLangFor } from '../src/locale/builtin.js';
import { localeText } from '../src/locale/locale-text.js';
import { LABEL_KEYS } from '../src/model/fields.js';
import { loadLocaleAt } from './helpers/project.js';
import type { Locale } from '../src/locale/locale.js';
import type { RawSalary } from '../src/model/role.js';
import { checkYamlFile } from '../src/validate/check-file.js';
import { configSchema } from '../src/validate/schemas.js';
import { bundledFonts } from './helpers/fonts.js';

// ---------------------------------------------------------------------------------------------
// The reference: the two catalogs as TypeScript code, as they were before they became data
// (src/locale/zh-CN.ts and en.ts). The data-built locales must say exactly what these said.
// ---------------------------------------------------------------------------------------------

/** The old TypeScript catalogs' shape, kept as the reference the data must reproduce. */
type Reference = Omit<Locale, 'catalog' | 'messages' | 'labels' | 'pageFooter' | 'formatPageFooter'> & { readonly pageNumbers: { readonly before: string; readonly between: string; readonly after: string } };

function groupDigits(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
function parseIsoDate(isoDate: string): { year: number; month: number; day: number | undefined } {
  const [year = 0, month = 1, day] = isoDate.split('-').map(Number);
  return { year, month, day };
}
function salaryRange(salary: RawSalary): string | undefined {
  const { min, max } = salary;
  if (min !== undefined && max !== undefined) return min === max ? groupDigits(min) : `${groupDigits(min)}–${groupDigits(max)}`;
  if (min !== undefined) return groupDigits(min);
  if (max !== undefined) return groupDigits(max);
  return undefined;
}

const ZH_CURRENCY: Readonly<Record<string, string>> = { CNY: '元', RMB: '元', USD: '美元', EUR: '欧元', HKD: '港元', JPY: '日元', GBP: '英镑' };
const ZH_PERIOD = { month: '月', year: '年', hour: '小时' } as const;
const ZH_ENDS_WITH_PUNCTUATION = /[。，；、：！？）》」』】”’.,;:!?)]$/;

const oldZhCN: Reference = {
  lang: 'zh-CN',
  documentTitle: (title) => `${title}职位说明书`,
  fields: {
    title: '岗位名称',
    code: '岗位编号',
    department: '所属部门',
    unit: '所属分部',
    work_location: '工作地点',
    grade: '岗位等级',
    headcount: '定员人数',
    reports_to: '直接上级',
    direct_reports: '直接下级',
    established: '定岗时间',
    salary: '薪资待遇',
    career_path: '发展通路',
  },
  sections: {
    purpose: '岗位目的',
    responsibilities: '岗位职责',
    duties: '工作职责与工作任务',
    relations: '工作协作关系',
    qualifications: '任职资格',
    conditions: '其它',
    kpis: '考核KPI指标',
    remarks: '备注',
    revisions: '修订记录',
  },
  dutyTable: { duty: '职责表述', tasks: '工作任务' },
  relations: { internal: '内部协调关系', external: '外部协调关系' },
  qualifications: { education: '教育水平', majors: '专业', training: '培训经历', experience: '经验', knowledge: '知识', skills: '技能', personal: '个人素质' },
  conditions: { tools: '使用工具/设备', environment: '工作环境', schedule: '工作时间特征', records: '所需记录文档' },
  kpiTable: { name: '考核指标', weight: '权重', target: '目标' },
  revisionTable: { version: '版本', date: '日期', changes: '修订内容', author: '修订人' },
  revisionChanges: (fields) => (fields === 'created' ? '新建' : `修改：${fields.join('、')}`),
  formatDate(isoDate) {
    const { year, month, day } = parseIsoDate(isoDate);
    return day === undefined ? `${year}年${month}月` : `${year}年${month}月${day}日`;
  },
  formatHeadcount: (count) => `${count}人`,
  formatSalary(salary) {
    const currency = salary.currency ?? 'CNY';
    const unit = `${ZH_CURRENCY[currency] ?? currency}/${ZH_PERIOD[salary.period ?? 'month']}`;
    const range = salaryRange(salary);
    const amount = range === undefined ? unit : salary.max === undefined && salary.min !== undefined ? `${range} ${unit}起` : salary.min === undefined && salary.max !== undefined ? `最高 ${range} ${unit}` : `${range} ${unit}`;
    return salary.note ? `${amount}（${salary.note}）` : amount;
  },
  formatWeight: (weight) => `${weight}%`,
  joinList: (items) => items.join('、'),
  listSeparator: '、',
  joinSentences: (items) => items.map((item, i) => (i < items.length - 1 && !ZH_ENDS_WITH_PUNCTUATION.test(item) ? `${item}；` : item)).join(''),
  kpiDetails(weight, target) {
    const parts = [...(weight === undefined ? [] : [`权重 ${weight}%`]), ...(target === undefined ? [] : [`目标 ${target}`])];
    return parts.length === 0 ? '' : `（${parts.join('，')}）`;
  },
  joinNote: (main, note) => (ZH_ENDS_WITH_PUNCTUATION.test(main) || note.startsWith('等') ? `${main}${note}` : `${main}，${note}`),
  careerPathSeparator: '→',
  taskLabel: (index) => `（${index + 1}）`,
  continuedCell: (text) => `${text}（续）`,
  handbook: {
    contents: '目录',
    index: '岗位一览表',
    orgChart: '组织架构图',
    careerPaths: '发展通路',
    subtotal: (department) => `${department}小计`,
    total: '合计',
    reportsOutside: (title, department) => `上级：${title}（${department}）`,
    reportsTo: (text) => `上级：${text}`,
    continued: (title) => `${title}的下属岗位（续）`,
  },
  pageNumbers: { before: '第 ', between: ' 页 / 共 ', after: ' 页' },
};

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const EN_PERIOD = { month: 'month', year: 'year', hour: 'hour' } as const;
const EN_ENDS_WITH_PUNCTUATION = /[.,;:!?)]$/;

const oldEn: Reference = {
  lang: 'en',
  documentTitle: (title) => `Job Description: ${title}`,
  fields: {
    title: 'Job title',
    code: 'Job code',
    department: 'Department',
    unit: 'Unit',
    work_location: 'Work location',
    grade: 'Grade',
    headcount: 'Headcount',
    reports_to: 'Reports to',
    direct_reports: 'Direct reports',
    established: 'Established',
    salary: 'Salary',
    career_path: 'Career path',
  },
  sections: {
    purpose: 'Purpose',
    responsibilities: 'Responsibilities',
    duties: 'Duties and Tasks',
    relations: 'Working Relationships',
    qualifications: 'Qualifications',
    conditions: 'Working Conditions',
    kpis: 'Key Performance Indicators',
    remarks: 'Remarks',
    revisions: 'Revision history',
  },
  dutyTable: { duty: 'Duty', tasks: 'Tasks' },
  relations: { internal: 'Internal', external: 'External' },
  qualifications: {
    education: 'Education',
    majors: 'Fields of study',
    training: 'Training',
    experience: 'Experience',
    knowledge: 'Knowledge',
    skills: 'Skills',
    personal: 'Personal qualities',
  },
  conditions: { tools: 'Tools and equipment', environment: 'Environment', schedule: 'Working hours', records: 'Records kept' },
  kpiTable: { name: 'Indicator', weight: 'Weight', target: 'Target' },
  revisionTable: { version: 'Version', date: 'Date', changes: 'Changes', author: 'Author' },
  revisionChanges: (fields) => (fields === 'created' ? 'Created' : `Changed: ${fields.join(', ')}`),
  formatDate(isoDate) {
    const { year, month, day } = parseIsoDate(isoDate);
    const name = EN_MONTHS[month - 1] ?? String(month);
    return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
  },
  formatHeadcount: (count) => String(count),
  formatSalary(salary) {
    const unit = `${salary.currency ?? 'CNY'}/${EN_PERIOD[salary.period ?? 'month']}`;
    const range = salaryRange(salary);
    const amount =
      range === undefined
        ? unit
        : salary.max === undefined && salary.min !== undefined
          ? `from ${range} ${unit}`
          : salary.min === undefined && salary.max !== undefined
            ? `up to ${range} ${unit}`
            : `${range} ${unit}`;
    return salary.note ? `${amount} (${salary.note})` : amount;
  },
  formatWeight: (weight) => `${weight}%`,
  joinList: (items) => items.join(', '),
  listSeparator: ', ',
  joinSentences: (items) => items.map((item, i) => (i < items.length - 1 && !EN_ENDS_WITH_PUNCTUATION.test(item) ? `${item};` : item)).join(' '),
  kpiDetails(weight, target) {
    const parts = [...(weight === undefined ? [] : [`weight ${weight}%`]), ...(target === undefined ? [] : [`target ${target}`])];
    return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  },
  joinNote: (main, note) => (EN_ENDS_WITH_PUNCTUATION.test(main) ? `${main} ${note}` : `${main}; ${note}`),
  careerPathSeparator: ' → ',
  taskLabel: (index) => `(${index + 1}) `,
  continuedCell: (text) => `${text} (continued)`,
  handbook: {
    contents: 'Contents',
    index: 'Role Index',
    orgChart: 'Organisation Chart',
    careerPaths: 'Career Paths',
    subtotal: (department) => `${department} subtotal`,
    total: 'Total',
    reportsOutside: (title, department) => `Reports to: ${title} (${department})`,
    reportsTo: (text) => `Reports to: ${text}`,
    continued: (title) => `Reporting to ${title} (continued)`,
  },
  pageNumbers: { before: 'Page ', between: ' of ', after: '' },
};

// ---------------------------------------------------------------------------------------------

const RUNS = { numRuns: 300, seed: 20240101 };

/** Text that often ends with punctuation of either language, starts with 等, or holds braces. */
const piece = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', '等', '等相关专业', '大专以上', 'Degree', '{title}', '{n}', '$&', '客户满意度 ≥ 95%'),
);
const phrase = fc
  .tuple(piece, fc.constantFrom('', '。', '，', '；', '、', '：', '！', '？', '）', '》', '」', '』', '】', '”', '’', '.', ',', ';', ':', '!', '?', ')', '(', '“', '𠮷', 'x'))
  .map(([text, end]) => `${text}${end}`);
const isoDate = fc.oneof(
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.constantFrom('2014', '2014-13', '2014-00', '', 'x-y', '2014-9', '2014-09-1'),
);
const amount = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constantFrom(6000, 9000, 1234.567));
const salary: fc.Arbitrary<RawSalary> = fc.record(
  {
    min: amount,
    max: amount,
    currency: fc.constantFrom('CNY', 'RMB', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'TWD', 'XYZ'),
    period: fc.constantFrom('month' as const, 'year' as const, 'hour' as const),
    note: fc.oneof(phrase, fc.constant('')),
  },
  { requiredKeys: [] },
);

function sameAsReference(name: 'zh-CN' | 'en', old: Reference): void {
  describe(`the data-built ${name} says exactly what the TypeScript catalog said`, () => {
    const locale = localeFor(name);

    it('labels, separators and page numbers', () => {
      expect(locale.lang).toBe(old.lang);
      for (const group of ['fields', 'sections', 'dutyTable', 'relations', 'qualifications', 'conditions', 'kpiTable', 'revisionTable'] as const) {
        expect(locale[group]).toEqual(old[group]);
      }
      const { before, between, after } = old.pageNumbers;
      expect(locale.pageFooter).toBe(`${before}{page}${between}{pages}${after}`);
      expect(locale.listSeparator).toBe(old.listSeparator);
      expect(locale.careerPathSeparator).toBe(old.careerPathSeparator);
      for (const key of ['contents', 'index', 'orgChart', 'careerPaths', 'total'] as const) expect(locale.handbook[key]).toBe(old.handbook[key]);
    });

    it('titles, handbook captions and task labels', () => {
      fc.assert(
        fc.property(piece, piece, fc.nat(1000), (a, b, n) => {
          expect(locale.documentTitle(a)).toBe(old.documentTitle(a));
          expect(locale.handbook.subtotal(a)).toBe(old.handbook.subtotal(a));
          expect(locale.handbook.reportsOutside(a, b)).toBe(old.handbook.reportsOutside(a, b));
          expect(locale.handbook.reportsTo(a)).toBe(old.handbook.reportsTo(a));
          expect(locale.handbook.continued(a)).toBe(old.handbook.continued(a));
          expect(locale.taskLabel(n)).toBe(old.taskLabel(n));
          expect(locale.continuedCell(a)).toBe(old.continuedCell(a));
          expect(locale.revisionChanges([a, b])).toBe(old.revisionChanges([a, b]));
          expect(locale.revisionChanges('created')).toBe(old.revisionChanges('created'));
        }),
        RUNS,
      );
    });

    it('dates, headcounts, weights', () => {
      fc.assert(
        fc.property(isoDate, fc.integer({ min: 0, max: 100_000 }), fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })), (date, count, weight) => {
          expect(locale.formatDate(date)).toBe(old.formatDate(date));
          expect(locale.formatHeadcount(count)).toBe(old.formatHeadcount(count));
          expect(locale.formatWeight(weight)).toBe(old.formatWeight(weight));
        }),
        RUNS,
      );
    });

    it('salaries', () => {
      fc.assert(
        fc.property(salary, (s) => {
          expect(locale.formatSalary(s)).toBe(old.formatSalary(s));
        }),
        RUNS,
      );
    });

    it('lists, sentences, notes and KPI details', () => {
      fc.assert(
        fc.property(fc.array(phrase, { maxLength: 5 }), phrase, phrase, fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), fc.option(piece, { nil: undefined }), (items, main, note, weight, target) => {
          expect(locale.joinList(items)).toBe(old.joinList(items));
          expect(locale.joinSentences(items)).toBe(old.joinSentences(items));
          expect(locale.joinNote(main, note)).toBe(old.joinNote(main, note));
          expect(locale.kpiDetails(weight, target)).toBe(old.kpiDetails(weight, target));
        }),
        RUNS,
      );
    });
  });
}

sameAsReference('zh-CN', oldZhCN);
sameAsReference('en', oldEn);

// ---------------------------------------------------------------------------------------------
// What each built-in says, written out.
// ---------------------------------------------------------------------------------------------

function sample(locale: Locale): Record<string, string> {
  return {
    title: locale.documentTitle('客服主管'),
    month: locale.formatDate('2014-09'),
    day: locale.formatDate('2014-09-01'),
    headcount: locale.formatHeadcount(4),
    range: locale.formatSalary({ min: 6000, max: 9000 }),
    same: locale.formatSalary({ min: 6000, max: 6000, period: 'year' }),
    from: locale.formatSalary({ min: 6000, currency: 'USD' }),
    upTo: locale.formatSalary({ max: 9000.5, period: 'hour' }),
    none: locale.formatSalary({ note: '面议' }),
    weight: locale.formatWeight(60),
    list: locale.joinList(['公司各部门', '客服经理']),
    sentences: locale.joinSentences(['负责培训', '负责排班。', 'Plan', 'Review.', '完成']),
    note: locale.joinNote('大专以上', '根据能力可放宽标准'),
    noteAfterPunctuation: locale.joinNote('大专以上。', '可放宽'),
    noteAttached: locale.joinNote('计算机', '等相关专业'),
    kpi: locale.kpiDetails(60, '≥ 95%'),
    kpiWeight: locale.kpiDetails(60, undefined),
    kpiNone: locale.kpiDetails(undefined, undefined),
    task: locale.taskLabel(0),
    path: ['客服主管', '客服经理'].join(locale.careerPathSeparator),
    subtotal: locale.handbook.subtotal('客服部'),
    outside: locale.handbook.reportsOutside('总经理', '总经办'),
    reportsTo: locale.handbook.reportsTo('董事会'),
    continued: locale.handbook.continued('客服经理'),
    footer: locale.formatPageFooter(2, 5),
  };
}

describe('the built-in catalogs, written out', () => {
  it('zh-CN', () => {
    const locale = localeFor('zh-CN');
    expect(locale.lang).toBe('zh-CN');
    expect(locale.messages).toBe('zh-CN');
    expect(locale.pageFooter).toBe('第 {page} 页 / 共 {pages} 页');
    expect(sample(locale)).toEqual({
      title: '客服主管职位说明书',
      month: '2014年9月',
      day: '2014年9月1日',
      headcount: '4人',
      range: '6,000–9,000 元/月',
      same: '6,000 元/年',
      from: '6,000 美元/月起',
      upTo: '最高 9,000.5 元/小时',
      none: '元/月（面议）',
      weight: '60%',
      list: '公司各部门、客服经理',
      sentences: '负责培训；负责排班。Plan；Review.完成',
      note: '大专以上，根据能力可放宽标准',
      noteAfterPunctuation: '大专以上。可放宽',
      noteAttached: '计算机等相关专业',
      kpi: '（权重 60%，目标 ≥ 95%）',
      kpiWeight: '（权重 60%）',
      kpiNone: '',
      task: '（1）',
      path: '客服主管→客服经理',
      subtotal: '客服部小计',
      outside: '上级：总经理（总经办）',
      reportsTo: '上级：董事会',
      continued: '客服经理的下属岗位（续）',
      footer: '第 2 页 / 共 5 页',
    });
    expect(locale.fields.title).toBe('岗位名称');
    expect(locale.sections.kpis).toBe('考核KPI指标');
    expect(locale.dutyTable).toEqual({ duty: '职责表述', tasks: '工作任务' });
  });

  it('en', () => {
    const locale = localeFor('en');
    expect(locale.lang).toBe('en');
    expect(locale.messages).toBe('en');
    expect(locale.pageFooter).toBe('Page {page} of {pages}');
    expect(sample(locale)).toEqual({
      title: 'Job Description: 客服主管',
      month: 'Sep 2014',
      day: '1 Sep 2014',
      headcount: '4',
      range: '6,000–9,000 CNY/month',
      same: '6,000 CNY/year',
      from: 'from 6,000 USD/month',
      upTo: 'up to 9,000.5 CNY/hour',
      none: 'CNY/month (面议)',
      weight: '60%',
      list: '公司各部门, 客服经理',
      sentences: '负责培训; 负责排班。; Plan; Review. 完成',
      note: '大专以上; 根据能力可放宽标准',
      noteAfterPunctuation: '大专以上。; 可放宽',
      noteAttached: '计算机; 等相关专业',
      kpi: ' (weight 60%, target ≥ 95%)',
      kpiWeight: ' (weight 60%)',
      kpiNone: '',
      task: '(1) ',
      path: '客服主管 → 客服经理',
      subtotal: '客服部 subtotal',
      outside: 'Reports to: 总经理 (总经办)',
      reportsTo: 'Reports to: 董事会',
      continued: 'Reporting to 客服经理 (continued)',
      footer: 'Page 2 of 5',
    });
    expect(locale.pageFooter).toBe('Page {page} of {pages}');
  });

  it('zh-TW, in Traditional Chinese as Taiwan writes it', () => {
    const locale = localeFor('zh-TW');
    expect(locale.lang).toBe('zh-TW');
    expect(locale.messages).toBe('zh-CN');
    expect(sample(locale)).toEqual({
      title: '客服主管職位說明書',
      month: '2014年9月',
      day: '2014年9月1日',
      headcount: '4人',
      range: '6,000–9,000 元/月',
      same: '6,000 元/年',
      from: '6,000 美元/月起',
      upTo: '最高 9,000.5 元/小時',
      none: '元/月（面议）',
      weight: '60%',
      list: '公司各部门、客服经理',
      sentences: '负责培训；负责排班。Plan；Review.完成',
      note: '大专以上，根据能力可放宽标准',
      noteAfterPunctuation: '大专以上。可放宽',
      noteAttached: '计算机等相关专业',
      kpi: '（權重 60%，目標 ≥ 95%）',
      kpiWeight: '（權重 60%）',
      kpiNone: '',
      task: '（1）',
      path: '客服主管→客服经理',
      subtotal: '客服部小計',
      outside: '直屬主管：总经理（总经办）',
      reportsTo: '直屬主管：董事会',
      continued: '客服经理的所屬職位（續）',
      footer: '第 2 頁 / 共 5 頁',
    });
    expect(locale.formatSalary({ min: 6000, currency: 'CNY' })).toBe('6,000 人民幣/月起');
    expect(locale.pageFooter).toBe('第 {page} 頁 / 共 {pages} 頁');
    expect(locale.fields).toMatchObject({ title: '職位名稱', department: '所屬部門', reports_to: '直屬主管' });
    expect(locale.sections).toMatchObject({ responsibilities: '工作職責', qualifications: '任職資格' });
  });

  it('zh-TW is complete, uses no Simplified-only forms, and the bundled font draws all three catalogs', () => {
    const zhTW = localeFor('zh-TW');
    expect(Object.keys(zhTW.labels).sort()).toEqual([...LABEL_KEYS].sort());
    for (const value of Object.values(zhTW.labels)) expect(value.length).toBeGreaterThan(0);
    const simplifiedOnly = [...'职说书岗门属级资页续录览关协务业标绩权编号员设达规档证计约负责调'];
    const text = localeText(zhTW);
    expect(simplifiedOnly.filter((char) => text.includes(char))).toEqual([]);
    const fonts = bundledFonts();
    for (const name of ['zh-CN', 'en', 'zh-TW'] as const) expect(missingCharacters(localeText(localeFor(name)), fonts)).toEqual([]);
  });

  it('localeText holds every label, the footer and the words of the pay', () => {
    const text = localeText(localeFor('zh-TW'));
    for (const word of ['職位名稱', '職等', '頁', '人民幣', '小時', '目錄', '小計', '（續）']) expect(text).toContain(word);
    expect(localeText(localeFor('en'))).toContain('Dec');
  });

  it('messagesLangFor: the language of messages for a built-in, unknown for a file', () => {
    expect(messagesLangFor('zh-TW')).toBe('zh-CN');
    expect(messagesLangFor('en')).toBe('en');
    expect(messagesLangFor('locales/ours.yaml')).toBeUndefined();
  });
});

describe('withLabels', () => {
  it('replaces labels everywhere they show and leaves the rest', () => {
    const base = localeFor('zh-CN');
    const custom = withLabels(base, { title: '职位名称', conditions: '工作条件', internal: '内部', duty: '职责', name: '指标', unknown_key: 'x' });
    expect(custom.fields.title).toBe('职位名称');
    expect(custom.sections.conditions).toBe('工作条件');
    expect(custom.relations.internal).toBe('内部');
    expect(custom.dutyTable.duty).toBe('职责');
    expect(custom.kpiTable.name).toBe('指标');
    expect(custom.labels['title']).toBe('职位名称');
    expect(custom.labels['unknown_key']).toBeUndefined();
    expect(custom.fields.department).toBe('所属部门');
    expect(custom.formatDate('2014-09')).toBe('2014年9月');
    expect(custom.pageFooter).toBe(base.pageFooter);
    expect(localeText(custom)).toContain('工作条件');
    // The built-in itself is untouched, and no overrides is the same locale.
    expect(base.fields.title).toBe('岗位名称');
    expect(withLabels(base, {})).toBe(base);
  });

  it('LABEL_KEYS are the keys of every label group, each once', () => {
    const locale = localeFor('en');
    const grouped = [locale.fields, locale.sections, locale.relations, locale.qualifications, locale.conditions, locale.dutyTable, locale.kpiTable, locale.revisionTable].flatMap((group) => Object.keys(group));
    expect(grouped.sort()).toEqual([...LABEL_KEYS].sort());
    expect(Object.keys(locale.labels).sort()).toEqual([...LABEL_KEYS].sort());
  });
});

// ---------------------------------------------------------------------------------------------
// A project's own catalog.
// ---------------------------------------------------------------------------------------------

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'roledoc-locale-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('loadLocale', () => {
  it('a built-in name is the built-in', async () => {
    const loaded = await loadLocaleAt('zh-TW', '/nowhere', 'zh-CN');
    expect(loaded).toEqual({ locale: localeFor('zh-TW'), sources: [], diagnostics: [] });
  });

  it('a project catalog extending en changes two labels and keeps the rest', async () => {
    const root = project({
      'locales/ours.yaml': '# our words\nextends: en\nlabels:\n  title: Position\n  reports_to: Line manager\npage_footer: "{page}/{pages}"\n',
    });
    const { locale, sources, diagnostics } = await loadLocaleAt('locales/ours.yaml', root, 'en');
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => s.path)).toEqual(['locales/ours.yaml']);
    if (!locale) throw new Error('no locale');
    expect(locale.fields.title).toBe('Position');
    expect(locale.fields.reports_to).toBe('Line manager');
    expect(locale.labels['reports_to']).toBe('Line manager');
    expect(locale.fields.department).toBe('Department');
    expect(locale.lang).toBe('en');
    expect(locale.messages).toBe('en');
    expect(locale.formatDate('2014-09-01')).toBe('1 Sep 2014');
    expect(locale.formatPageFooter(3, 9)).toBe('3/9');
    expect(locale.pageFooter).toBe('{page}/{pages}');
    expect(localeFor('en').fields.title).toBe('Job title');
  });

  it('an unknown key is a diagnostic at its line with did-you-mean', async () => {
    const root = project({ 'locales/bad.yaml': 'extends: zh-CN\nlabels:\n  title: 职位名称\n  reprots_to: 主管\n' });
    const { locale, diagnostics } = await loadLocaleAt('locales/bad.yaml', root, 'en');
    expect(locale).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'schema.unknown-key', file: 'locales/bad.yaml', span: { line: 4, column: 3 } });
    expect(diagnostics[0]?.hint).toContain('reports_to');
  });

  it('a misspelt top-level key and a misspelt built-in name get did-you-mean too', async () => {
    const root = project({ 'bad.yml': 'extends: zh-tw\n\ndocument_titel: "{title}"\n' });
    const { diagnostics } = await loadLocaleAt('bad.yml', root, 'zh-CN');
    const byCode = Object.fromEntries(diagnostics.map((d) => [d.code, d]));
    expect(byCode['schema.enum']).toMatchObject({ span: { line: 1 } });
    expect(byCode['schema.enum']?.hint).toContain('zh-TW');
    expect(byCode['schema.unknown-key']).toMatchObject({ span: { line: 3, column: 1 } });
    expect(byCode['schema.unknown-key']?.hint).toContain('document_title');
  });

  it('an unknown placeholder is a diagnostic at its line, listing the allowed ones', async () => {
    const root = project({
      'locales/ph.yaml': [
        '# 我们的用语',
        'extends: zh-CN',
        'document_title: "{titel}岗位说明书"',
        'handbook:',
        '  subtotal: "{department}小计"',
        '  continued: "{title}（续）"',
        'page_footer: "第 {page} 页，共 {total} 页"',
        '',
      ].join('\n'),
    });
    const { locale, diagnostics } = await loadLocaleAt('locales/ph.yaml', root, 'zh-CN');
    expect(locale).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.span.line])).toEqual([
      ['locale.unknown-placeholder', 3],
      ['locale.unknown-placeholder', 7],
    ]);
    expect(diagnostics[0]?.message).toContain('{titel}');
    expect(diagnostics[0]?.hint).toContain('{title}');
    expect(diagnostics[1]?.hint).toContain('{page}、{pages}');
    const en = await loadLocaleAt('locales/ph.yaml', root, 'en');
    expect(en.diagnostics[0]?.hint).toBe('Did you mean {title}? Placeholders here: {title}.');
  });

  it('a brace without its pair is a diagnostic at its line', async () => {
    const root = project({ 'locales/brace.yaml': 'extends: zh-CN\npage_footer: "第 {page 页"\n' });
    const { locale, diagnostics } = await loadLocaleAt('locales/brace.yaml', root, 'zh-CN');
    expect(locale).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.span.line])).toEqual([['locale.stray-brace', 2]]);
  });

  it('a catalog without extends must be complete, and says so once', async () => {
    const root = project({ 'locales/partial.yaml': 'labels:\n  title: Position\n' });
    const { locale, diagnostics } = await loadLocaleAt('locales/partial.yaml', root, 'en');
    expect(locale).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['locale.incomplete']);
    expect(diagnostics[0]?.message).toContain('lang');
    expect(diagnostics[0]?.hint).toContain('extends');
  });

  it('a complete catalog of its own needs no extends', async () => {
    const { readPackageText } = await import('../src/core/package-files.js');
    const text = readPackageText('templates', 'locales', 'en.yaml').replace("document_title: 'Job Description: {title}'", "document_title: 'Role profile: {title}'");
    const root = project({ 'own.yaml': text });
    const { locale, diagnostics } = await loadLocaleAt('own.yaml', root, 'en');
    expect(diagnostics).toEqual([]);
    expect(locale?.documentTitle('X')).toBe('Role profile: X');
  });

  it('a missing file or an unknown name stops with a UserError', async () => {
    const root = project({});
    await expect(loadLocaleAt('locales/none.yaml', root, 'en')).rejects.toThrow(UserError);
    await expect(loadLocaleAt('locales/none.yaml', root, 'en')).rejects.toThrow('locales/none.yaml');
    const error: unknown = await loadLocaleAt('zh-tw', root, 'zh-CN').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).hint).toContain('zh-TW');
    const hintFor = async (name: string): Promise<string | undefined> => ((await loadLocaleAt(name, root, 'en').catch((e: unknown) => e)) as UserError).hint;
    expect(await hintFor('zh')).toMatch(/^Did you mean zh-CN \/ zh-TW\?/);
    expect(await hintFor('fr')).toMatch(/^Name a built-in locale \(zh-CN, en, zh-TW\)/);
  });
});

describe('config locale', () => {
  const check = (text: string) => checkYamlFile('roledoc.config.yaml', new TextEncoder().encode(text), configSchema(), 'zh-CN').diagnostics;

  it('accepts the built-ins and a catalog path', () => {
    for (const value of ['zh-CN', 'en', 'zh-TW', 'locales/ours.yaml', 'ours.yml']) expect(check(`locale: ${value}\n`)).toEqual([]);
  });

  it('a near miss of a built-in name is one error with did-you-mean', () => {
    const diagnostics = check('title: 手册\nlocale: zh-tw\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'schema.enum', span: { line: 2 } });
    expect(diagnostics[0]?.hint).toContain('zh-TW');
  });
});

describe('messagesLangOf', () => {
  it('tells the language of messages from a built-in name or a catalog file', async () => {
    const { messagesLangOf } = await import('../src/locale/locale-name.js');
    const texts: Record<string, string> = {
      'a.yaml': 'extends: en\n',
      'b.yaml': 'extends: en\nmessages: zh-CN\n',
      'c.yml': 'extends: zh-TW\n',
      'broken.yaml': 'extends: [\n',
    };
    const of = (name: string): ReturnType<typeof messagesLangOf> => messagesLangOf(name, texts[name]);
    expect(of('zh-TW')).toBe('zh-CN');
    expect(of('en')).toBe('en');
    expect(of('a.yaml')).toBe('en');
    expect(of('b.yaml')).toBe('zh-CN');
    expect(of('c.yml')).toBe('zh-CN');
    expect(of('broken.yaml')).toBeUndefined();
    expect(of('missing.yaml')).toBeUndefined();
    expect(of('fr')).toBeUndefined();
  });
});

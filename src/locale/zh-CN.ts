import type { Locale } from './locale.js';
import { parseIsoDate, salaryRange } from './locale.js';

const CURRENCY: Readonly<Record<string, string>> = { CNY: '元', RMB: '元', USD: '美元', EUR: '欧元', HKD: '港元', JPY: '日元', GBP: '英镑' };
const PERIOD = { month: '月', year: '年', hour: '小时' } as const;
/** Chinese sentences end with full-width punctuation; a note after one needs no extra comma. */
const ENDS_WITH_PUNCTUATION = /[。，；、：！？）》」』】”’.,;:!?)]$/;

export const zhCN: Locale = {
  lang: 'zh-CN',
  documentTitle: (title) => `${title}职位说明书`,
  fields: {
    title: '岗位名称',
    code: '岗位编号',
    department: '所属部门',
    unit: '所属分部',
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
  },
  dutyTable: { duty: '职责表述', tasks: '工作任务' },
  relations: { internal: '内部协调关系', external: '外部协调关系' },
  qualifications: {
    education: '教育水平',
    majors: '专业',
    training: '培训经历',
    experience: '经验',
    knowledge: '知识',
    skills: '技能',
    personal: '个人素质',
  },
  conditions: { tools: '使用工具/设备', environment: '工作环境', schedule: '工作时间特征', records: '所需记录文档' },
  kpiTable: { name: '考核指标', weight: '权重', target: '目标' },
  formatDate(isoDate) {
    const { year, month, day } = parseIsoDate(isoDate);
    return day === undefined ? `${year}年${month}月` : `${year}年${month}月${day}日`;
  },
  formatHeadcount: (count) => `${count}人`,
  formatSalary(salary) {
    const currency = salary.currency ?? 'CNY';
    const unit = `${CURRENCY[currency] ?? currency}/${PERIOD[salary.period ?? 'month']}`;
    const range = salaryRange(salary);
    const amount = range === undefined ? unit : salary.max === undefined && salary.min !== undefined ? `${range} ${unit}起` : salary.min === undefined && salary.max !== undefined ? `最高 ${range} ${unit}` : `${range} ${unit}`;
    return salary.note ? `${amount}（${salary.note}）` : amount;
  },
  formatWeight: (weight) => `${weight}%`,
  joinList: (items) => items.join('、'),
  listSeparator: '、',
  joinSentences: (items) => items.map((item, i) => (i < items.length - 1 && !ENDS_WITH_PUNCTUATION.test(item) ? `${item}；` : item)).join(''),
  kpiDetails(weight, target) {
    const parts = [...(weight === undefined ? [] : [`权重 ${weight}%`]), ...(target === undefined ? [] : [`目标 ${target}`])];
    return parts.length === 0 ? '' : `（${parts.join('，')}）`;
  },
  joinNote: (main, note) => (ENDS_WITH_PUNCTUATION.test(main) || note.startsWith('等') ? `${main}${note}` : `${main}，${note}`),
  careerPathSeparator: '→',
  taskLabel: (index) => `（${index + 1}）`,
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

/**
 * The text of a new role file: every section present, each with a short comment saying what goes
 * there, values left empty so `roledoc validate` points at each one until it is filled in.
 */
import { stringify } from 'yaml';
import type { Lang } from '../messages/lang.js';

interface SkeletonOptions {
  readonly id: string;
  readonly title?: string;
  readonly department?: string;
  /** Relative path from the role file to the role schema, for the editor modeline. */
  readonly schemaPath: string;
  readonly lang: Lang;
}

const COMMENTS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    header: '岗位说明书。每一项的说明见冒号后的提示；写好后运行 roledoc validate 检查。不需要的可选项可以整段删除。',
    title: '岗位名称（必填）',
    code: '岗位编号，数字请加引号，例如 "KF-001"',
    department: '所属部门（必填），手册按它分组',
    unit: '所属分部 / 工作地点',
    headcount: '定员人数，只写数字',
    reports_to: '直接上级：另一个岗位的 id（会变成链接），或文字，例如 部门经理',
    established: '定岗时间：年-月，例如 2024-03',
    salary: '薪资待遇：min / max 为数字，period 为 month（月）、year（年）或 hour（小时）',
    career_path: '发展通路：岗位 id 或岗位名称，按顺序',
    purpose: '岗位目的：一段话',
    responsibilities: '岗位职责（必填）：每条一行，以“- ”开头',
    duties: '工作职责与工作任务：每项职责下列出工作任务',
    relations: '工作协作关系',
    qualifications: '任职资格',
    conditions: '其它：使用工具/设备、工作环境、工作时间特征、所需记录文档',
    kpis: '考核KPI指标：写名称；如有权重，所有权重加起来应为 100',
    remarks: '备注',
  },
  en: {
    header: 'A job description. Each comment says what goes where; run roledoc validate when done. Delete optional sections you do not need.',
    title: 'Job title (required)',
    code: 'Job code; quote numbers, e.g. "CS-001"',
    department: 'Department (required); the handbook groups roles by it',
    unit: 'Unit or work location',
    headcount: 'Headcount: a number',
    reports_to: "Reports to: another role's id (becomes a link) or text, e.g. Department Manager",
    established: 'Established: year-month, e.g. 2024-03',
    salary: 'Salary: min / max as numbers; period is month, year or hour',
    career_path: 'Career path: role ids or titles, in order',
    purpose: 'Purpose: one paragraph',
    responsibilities: 'Responsibilities (required): one per line, each starting with "- "',
    duties: 'Duties, each with its tasks',
    relations: 'Working relationships',
    qualifications: 'Qualifications',
    conditions: 'Working conditions: tools, environment, schedule, records kept',
    kpis: 'KPIs: names; if you give weights, they must add up to 100',
    remarks: 'Remarks',
  },
};

/** A YAML scalar for text a user passed on the command line, quoted when YAML would read it otherwise (1e3, yes, a: b). */
function scalar(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  return ` ${stringify(value, { lineWidth: 0 }).trimEnd()}`;
}

export function roleSkeleton(options: SkeletonOptions): string {
  const c = COMMENTS[options.lang];
  const line = (key: string, value = '', indent = ''): string => `${indent}${key}:${value}  # ${c[key] ?? ''}`;
  return [
    `# yaml-language-server: $schema=${options.schemaPath}`,
    `# ${c['header'] ?? ''}`,
    `id: ${options.id}`,
    line('title', scalar(options.title)),
    line('code'),
    line('department', scalar(options.department)),
    line('unit'),
    line('headcount'),
    line('reports_to'),
    line('established'),
    line('salary'),
    '  min:',
    '  max:',
    '  period: month',
    line('career_path'),
    '  - ',
    line('purpose'),
    line('responsibilities'),
    '  - ',
    line('duties'),
    '  - duty:',
    '    tasks:',
    '      - ',
    line('relations'),
    '  internal:',
    '    - ',
    '  external:',
    '    - ',
    line('qualifications'),
    '  education:',
    '  majors:',
    '    - ',
    '  experience:',
    '  skills:',
    '  personal:',
    line('conditions'),
    '  tools:',
    '  environment:',
    '  schedule:',
    '  records:',
    line('kpis'),
    '  - name:',
    '    weight:',
    '    target:',
    line('remarks'),
    '',
  ].join('\n');
}

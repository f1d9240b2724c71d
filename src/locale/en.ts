import type { Locale } from './locale.js';
import { parseIsoDate, salaryRange } from './locale.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const PERIOD = { month: 'month', year: 'year', hour: 'hour' } as const;
const ENDS_WITH_PUNCTUATION = /[.,;:!?)]$/;

export const en: Locale = {
  lang: 'en',
  documentTitle: (title) => `Job Description: ${title}`,
  fields: {
    title: 'Job title',
    code: 'Job code',
    department: 'Department',
    unit: 'Unit',
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
  formatDate(isoDate) {
    const { year, month, day } = parseIsoDate(isoDate);
    const name = MONTHS[month - 1] ?? String(month);
    return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
  },
  formatHeadcount: (count) => String(count),
  formatSalary(salary) {
    const unit = `${salary.currency ?? 'CNY'}/${PERIOD[salary.period ?? 'month']}`;
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
  joinSentences: (items) => items.map((item, i) => (i < items.length - 1 && !ENDS_WITH_PUNCTUATION.test(item) ? `${item};` : item)).join(' '),
  kpiDetails(weight, target) {
    const parts = [...(weight === undefined ? [] : [`weight ${weight}%`]), ...(target === undefined ? [] : [`target ${target}`])];
    return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  },
  joinNote: (main, note) => (ENDS_WITH_PUNCTUATION.test(main) ? `${main} ${note}` : `${main}; ${note}`),
  careerPathSeparator: ' → ',
  taskLabel: (index) => `(${index + 1}) `,
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

/**
 * The fields of a role as documents show them, listed once: every label a catalog names, in the
 * order documents show them. This list drives the label keys of the catalogs and templates, the
 * locale's label groups, the 基本信息 grid, the rows of the relations, qualifications and
 * conditions tables and the other names HR uses for a key (the `roledoc new` skeleton follows the
 * role schema, which a test holds to this list).
 *
 * Adding a field shown in the 基本信息 grid: its property in schemas/role.schema.json, a row here,
 * its label in the three catalogs (templates/locales/), `npm run schemas` to list the label in the
 * locale and template schemas, and tests. Nothing else.
 */

/** Where a label shows. */
export type FieldGroup = 'info' | 'section' | 'relations' | 'qualifications' | 'conditions' | 'duty-table' | 'kpi-table' | 'revision-table';

/**
 * How a field's value is shown:
 * - text: as written; count: a headcount (4人); date: 2014年9月; money: a salary;
 * - role: a role id (shown as its title, a link) or free text; roles: the roles that report here,
 *   derived, never written; path: the career path, joined with → on a row of its own;
 * - names: a list joined into one line (公司各部门、客服经理);
 * - lines: text or a list of text, a paragraph each;
 * - noted: text with its `<key>_note` after it; noted-names: a list joined, with its `<key>_note`;
 * - label: a section title or table header: it names a part, it holds no value.
 */
export type FieldKind = 'text' | 'count' | 'date' | 'money' | 'role' | 'roles' | 'path' | 'names' | 'lines' | 'noted' | 'noted-names' | 'label';

export interface FieldSpec {
  /** The role file's key (for a table header, the key of the value under it); also the label's key in catalogs and templates. */
  readonly key: string;
  readonly group: FieldGroup;
  readonly kind: FieldKind;
  /** For a section: the group whose fields are the keys written under it (qualifications → education, majors …). */
  readonly rows?: FieldGroup;
  /** Other names HR uses for the key (from the source handbook and common forms): for did-you-mean, and the labels `roledoc import` reads. */
  readonly aliases?: readonly string[];
}

export const FIELDS = [
  // 基本信息, in the order of the grid
  { key: 'title', group: 'info', kind: 'text', aliases: ['职位名称', '岗位', '职位', '岗位名'] },
  { key: 'code', group: 'info', kind: 'text', aliases: ['编号', '职位编号', '岗位代码'] },
  { key: 'department', group: 'info', kind: 'text', aliases: ['部门', '所在部门'] },
  { key: 'unit', group: 'info', kind: 'text', aliases: ['分部'] },
  { key: 'work_location', group: 'info', kind: 'text', aliases: ['工作地', '办公地点', 'Location'] },
  { key: 'grade', group: 'info', kind: 'text', aliases: ['职级', '岗位级别', '职等'] },
  { key: 'headcount', group: 'info', kind: 'count', aliases: ['定员', '人数', '编制'] },
  { key: 'reports_to', group: 'info', kind: 'role', aliases: ['上级', '汇报对象', '直属上级', '直接主管', '汇报上级', '上级岗位'] },
  { key: 'direct_reports', group: 'info', kind: 'roles', aliases: ['下级', '直接下属', '下属岗位'] },
  { key: 'established', group: 'info', kind: 'date', aliases: ['定岗日期', '设立时间'] },
  { key: 'salary', group: 'info', kind: 'money', aliases: ['薪资', '薪酬', '工资'] },
  { key: 'career_path', group: 'info', kind: 'path', aliases: ['发展路径', '晋升通道', '职业发展'] },
  // section titles
  { key: 'purpose', group: 'section', kind: 'label', aliases: ['岗位概述', '职位概要', '岗位设置目的', '工作概述', '岗位概要'] },
  { key: 'responsibilities', group: 'section', kind: 'label', aliases: ['职责', '工作职责', '主要职责', '岗位职责描述', '职责描述', '工作内容'] },
  { key: 'duties', group: 'section', kind: 'label', rows: 'duty-table', aliases: ['职责与工作任务', '工作任务与职责'] },
  { key: 'relations', group: 'section', kind: 'label', rows: 'relations', aliases: ['工作协调关系', '协作关系', '协调关系', '工作关系'] },
  { key: 'qualifications', group: 'section', kind: 'label', rows: 'qualifications', aliases: ['任职要求', '任职条件', '任职资格要求', '岗位要求'] },
  { key: 'conditions', group: 'section', kind: 'label', rows: 'conditions', aliases: ['工作条件', '其他'] },
  { key: 'kpis', group: 'section', kind: 'label', rows: 'kpi-table', aliases: ['考核指标', 'KPI', 'KPIs', '绩效指标', '关键绩效指标', '绩效考核指标', 'KPI指标'] },
  { key: 'remarks', group: 'section', kind: 'label', aliases: ['备注说明', '说明', '其他说明'] },
  // 修订记录: not written in a role file; built from its git history when the config asks (revision_history)
  { key: 'revisions', group: 'section', kind: 'label', rows: 'revision-table', aliases: ['修订记录', '版本记录', '变更记录'] },
  // the rows of 工作协作关系
  { key: 'internal', group: 'relations', kind: 'names', aliases: ['内部门协调关系', '内部', '内部关系', '内部协作'] },
  { key: 'external', group: 'relations', kind: 'names', aliases: ['外部', '外部关系', '外部协作'] },
  // the rows of 任职资格
  { key: 'education', group: 'qualifications', kind: 'noted', aliases: ['学历', '学历要求', '教育背景', '学历背景'] },
  { key: 'majors', group: 'qualifications', kind: 'noted-names', aliases: ['专业要求'] },
  { key: 'training', group: 'qualifications', kind: 'lines', aliases: ['培训', '培训要求'] },
  { key: 'experience', group: 'qualifications', kind: 'lines', aliases: ['工作经验', '经验要求', '工作经历'] },
  { key: 'knowledge', group: 'qualifications', kind: 'lines', aliases: ['专业知识', '知识要求'] },
  { key: 'skills', group: 'qualifications', kind: 'lines', aliases: ['技能要求', '能力要求', '能力', '专业技能'] },
  { key: 'personal', group: 'qualifications', kind: 'lines', aliases: ['个人素质要求', '素质', '素质要求', '个性特征'] },
  // the rows of 其它 (工作条件)
  { key: 'tools', group: 'conditions', kind: 'lines', aliases: ['使用工具', '工具', '设备', '工作设备'] },
  { key: 'environment', group: 'conditions', kind: 'lines', aliases: ['环境'] },
  { key: 'schedule', group: 'conditions', kind: 'lines', aliases: ['工作时间'] },
  { key: 'records', group: 'conditions', kind: 'lines', aliases: ['记录文档', '所需文档'] },
  // the headers of the duty table
  { key: 'duty', group: 'duty-table', kind: 'label', aliases: ['职责', '职责描述', '主要职责', '职责名称'] },
  { key: 'tasks', group: 'duty-table', kind: 'label', aliases: ['任务', '工作内容', '具体任务', '工作任务描述'] },
  // the headers of the KPI table
  { key: 'name', group: 'kpi-table', kind: 'label', aliases: ['指标', '指标名称', 'KPI指标', '考核项目', '考核内容', 'KPI'] },
  { key: 'weight', group: 'kpi-table', kind: 'label', aliases: ['比重', '占比', '权重(%)', '分值'] },
  { key: 'target', group: 'kpi-table', kind: 'label', aliases: ['目标值', '考核标准', '评分标准', '标准', '考核目标', 'Target'] },
  // the headers of the 修订记录 table
  { key: 'version', group: 'revision-table', kind: 'label', aliases: ['版本号'] },
  { key: 'date', group: 'revision-table', kind: 'label', aliases: ['修订日期'] },
  { key: 'changes', group: 'revision-table', kind: 'label', aliases: ['修订说明', '变更内容'] },
  { key: 'author', group: 'revision-table', kind: 'label', aliases: ['修订者', '编写人'] },
] as const satisfies readonly FieldSpec[];

type Field = (typeof FIELDS)[number];

/** Every label a catalog names: the keys of FIELDS, in order. */
export type LabelKey = Field['key'];
export const LABEL_KEYS: readonly LabelKey[] = FIELDS.map((field) => field.key);

export function isLabelKey(key: string): key is LabelKey {
  return (LABEL_KEYS as readonly string[]).includes(key);
}

/** The keys of one group, as a type: `GroupKey<'relations'>` is 'internal' | 'external'. */
export type GroupKey<G extends FieldGroup> = Extract<Field, { readonly group: G }>['key'];

/** The fields of one group, in order. */
export function fieldsOf<G extends FieldGroup>(group: G): readonly Extract<Field, { readonly group: G }>[] {
  return FIELDS.filter((field): field is Extract<Field, { readonly group: G }> => field.group === group);
}

/** The 基本信息 fields written as plain text in a role file (title, code, unit …): the role model's text fields. */
export type InfoTextKey = Extract<Field, { readonly group: 'info'; readonly kind: 'text' }>['key'];

/** The other names HR uses for each key, for did-you-mean on a Chinese label typed as a key. */
export const LABEL_ALIASES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  FIELDS.flatMap((field: FieldSpec) => (field.aliases === undefined ? [] : [[field.key, field.aliases] as const])),
);

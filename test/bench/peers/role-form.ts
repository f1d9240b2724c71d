/**
 * A role file's fields as roledoc's classic zh-CN form shows them, for the benchmark's peers (the
 * Typst template and the Markdown for pandoc). Not roledoc's own code on purpose: each peer gets
 * what a team writing its own template would write — the YAML parsed, the values joined and
 * labelled the way the form prints them (the task labels （n） and the numbering are the
 * template's). Only the fields of the classic form are handled; the benchmark's roles are copies
 * of the bundled 客服部经理, which uses most of them.
 */

/** A label and the text shown beside it. */
export type Field = readonly [label: string, value: string];

export interface RoleForm {
  readonly documentTitle: string;
  /** The info grid's fields, two to a row (label, value, label, value). */
  readonly grid: readonly Field[];
  /** 发展通路, on a row of its own: the steps joined by →, then the note on its own line. */
  readonly careerPath: readonly string[];
  readonly purpose: string;
  readonly responsibilities: readonly string[];
  readonly duties: readonly { readonly duty: string; readonly tasks: readonly string[] }[];
  readonly relations: readonly Field[];
  readonly qualifications: readonly Field[];
  readonly conditions: readonly Field[];
  /** The KPIs joined by 、 (names only; weights and targets are not in the bench's roles). */
  readonly kpis: string;
  readonly remarks: string;
}

type Yaml = Record<string, unknown>;

const isRecord = (value: unknown): value is Yaml => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text).filter((s) => s !== '') : text(value) === '' ? [] : [text(value)]);
const joined = (value: unknown): string => list(value).join('、');
/** A value and its note: 大专学历以上 + 根据能力可放宽标准。 → 大专学历以上，根据能力可放宽标准。; a note starting with 等 follows directly. */
const withNote = (value: string, note: unknown): string => {
  const n = text(note);
  if (n === '') return value;
  if (value === '') return n;
  return n.startsWith('等') ? `${value}${n}` : `${value}，${n}`;
};

const PERIOD: Record<string, string> = { month: '月', year: '年', hour: '小时' };

function salary(value: unknown): string {
  if (!isRecord(value)) return '';
  const unit = `元/${PERIOD[text(value['period'])] ?? '月'}`;
  const amount = (n: unknown): string => (typeof n === 'number' ? n.toLocaleString('en-US') : '');
  const range = [amount(value['min']), amount(value['max'])].filter((s) => s !== '').join('–');
  return withNote(range === '' ? unit : `${range} ${unit}`, value['note']);
}

/** The fields the form needs from other roles: their titles (for ids named in a role) and who reports to whom. */
export interface Directory {
  readonly titles: ReadonlyMap<string, string>;
  readonly reports: ReadonlyMap<string, readonly string[]>;
}

export function directoryOf(roles: readonly Yaml[]): Directory {
  const titles = new Map<string, string>();
  const reports = new Map<string, string[]>();
  for (const role of roles) titles.set(text(role['id']), text(role['title']));
  for (const role of roles) {
    const boss = text(role['reports_to']);
    if (boss === '') continue;
    const under = reports.get(boss) ?? [];
    under.push(text(role['title']));
    reports.set(boss, under);
  }
  return { titles, reports };
}

export function roleForm(role: Yaml, directory: Directory): RoleForm {
  const id = text(role['id']);
  const title = text(role['title']);
  const name = (idOrText: string): string => directory.titles.get(idOrText) ?? idOrText;
  const grid: Field[] = [];
  const add = (label: string, value: string): void => {
    if (value !== '') grid.push([label, value]);
  };
  add('岗位名称', title);
  add('岗位编号', text(role['code']));
  add('所属部门', text(role['department']));
  add('所属分部', text(role['unit']));
  add('工作地点', text(role['work_location']));
  add('岗位等级', text(role['grade']));
  add('定员人数', typeof role['headcount'] === 'number' ? `${role['headcount']}人` : '');
  add('直接上级', text(role['reports_to']) === '' ? '' : name(text(role['reports_to'])));
  add('直接下级', (directory.reports.get(id) ?? []).join('、'));
  add('定岗时间', text(role['established']).replace(/^(\d{4})-0?(\d{1,2})$/, '$1年$2月'));
  add('薪资待遇', salary(role['salary']));
  const steps = list(role['career_path']).map(name);
  const careerPath = steps.length === 0 ? [] : [steps.join('→'), ...list(role['career_note'])];

  const relations = isRecord(role['relations']) ? role['relations'] : {};
  const q = isRecord(role['qualifications']) ? role['qualifications'] : {};
  const c = isRecord(role['conditions']) ? role['conditions'] : {};
  const fields = (pairs: readonly Field[]): Field[] => pairs.filter(([, value]) => value !== '');
  const kpis = Array.isArray(role['kpis']) ? role['kpis'].map((k) => (isRecord(k) ? text(k['name']) : text(k))) : [];
  return {
    documentTitle: `${title}职位说明书`,
    grid,
    careerPath,
    purpose: text(role['purpose']),
    responsibilities: list(role['responsibilities']),
    duties: (Array.isArray(role['duties']) ? role['duties'] : []).filter(isRecord).map((d) => ({ duty: text(d['duty']), tasks: list(d['tasks']) })),
    relations: fields([
      ['内部协调关系', joined(relations['internal'])],
      ['外部协调关系', joined(relations['external'])],
    ]),
    qualifications: fields([
      ['教育水平', withNote(text(q['education']), q['education_note'])],
      ['专业', withNote(joined(q['majors']), q['majors_note'])],
      ['培训经历', text(q['training'])],
      ['经验', text(q['experience'])],
      ['知识', joined(q['knowledge'])],
      ['技能', joined(q['skills'])],
      ['个人素质', joined(q['personal'])],
    ]),
    conditions: fields([
      ['使用工具/设备', joined(c['tools'])],
      ['工作环境', text(c['environment'])],
      ['工作时间特征', text(c['schedule'])],
      ['所需记录文档', joined(c['records'])],
    ]),
    kpis: kpis.filter((k) => k !== '').join('、'),
    remarks: text(role['remarks']),
  };
}

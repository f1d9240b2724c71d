/**
 * Tokens → roles. A role starts at a document title (客服主管职位说明书) or at a second 岗位名称; each
 * label moves the reader to its field or section, and the text after it lands there. What fits no
 * field is kept aside — in `remarks`, or in `extra_sections` under its own label — and every guess
 * is written down with the place it was made, for the report. Pure.
 */
import { fieldsOf, type LabelKey } from '../model/fields.js';
import type { RawDuty, RawExtraSection, RawKpi, RawSalary, TextOrList } from '../model/role.js';
import type { GuessWords } from '../messages/import-messages.js';
import type { LabelIndex } from './labels.js';
import type { SourceDocument, SourcePlace } from './source.js';
import { tokenize, type Piece, type Token } from './tokens.js';
import {
  hasItemMarker,
  isBlankSalary,
  readCareerPath,
  readDate,
  readHeadcount,
  readSalary,
  splitKpiNames,
  splitNames,
  splitNote,
  splitNumberedItems,
  stripItemMarker,
} from './values.js';

/** Why a value went where it went, when the source did not say (each has its sentence in the report's catalog). */
export type GuessReason = GuessWords;

export interface Guess {
  readonly reason: GuessReason;
  /** The role file key the value went to (qualifications.education, duties …). */
  readonly field: string;
  readonly value: string;
  readonly place?: SourcePlace;
}

/** Source text that no field holds, kept aside. */
export interface Kept {
  /** The source's own label for it, when it had one. */
  readonly label?: string;
  readonly field: 'remarks' | 'extra_sections';
  readonly text: string;
  readonly place?: SourcePlace;
}

/** A field filled from a label of the source. */
export interface Mapped {
  readonly field: string;
  readonly label: string;
  readonly place: SourcePlace;
}

/** A role as read, before it has an id: the role file's fields, in the role schema's shape. */
export interface ImportedRole {
  title?: string;
  code?: string;
  department?: string;
  unit?: string;
  work_location?: string;
  grade?: string;
  headcount?: number;
  reports_to?: string;
  established?: string;
  salary?: RawSalary;
  career_path?: string[];
  career_note?: string;
  purpose?: string;
  responsibilities: string[];
  duties?: RawDuty[];
  relations?: { internal?: string[]; external?: string[] };
  qualifications?: {
    education?: string;
    education_note?: string;
    majors?: string[];
    majors_note?: string;
    training?: TextOrList;
    experience?: TextOrList;
    knowledge?: TextOrList;
    skills?: TextOrList;
    personal?: TextOrList;
  };
  conditions?: { tools?: TextOrList; environment?: string; schedule?: string; records?: TextOrList };
  kpis?: (string | RawKpi)[];
  remarks?: string;
  extra_sections?: RawExtraSection[];
}

export interface RecognisedRole {
  readonly role: ImportedRole;
  /** 直接下级 as the source wrote it: derived from reports_to, so checked once every role is known. */
  readonly directReports?: { readonly names: readonly string[]; readonly label: string; readonly place: SourcePlace };
  readonly mapped: readonly Mapped[];
  readonly guesses: Guess[];
  readonly kept: Kept[];
  /** Labels the source showed with nothing after them (薪资待遇 元/月): left out. */
  readonly empty: readonly string[];
  readonly place: SourcePlace;
}

export interface Recognised {
  readonly roles: readonly RecognisedRole[];
  /** Text before the first role (a cover, a web page's frame): no role's. */
  readonly outside: readonly Piece[];
}

export interface RecogniseOptions {
  readonly labels: LabelIndex;
  /** The catalogs' words between a value and its note (，) and the words a note starts with (等). */
  readonly noteSeparators: readonly string[];
  readonly noteAttachedBefore: readonly string[];
  /** The department to give roles whose source names none (`--department`). */
  readonly department?: string;
  /** The source file's name without its extension, for a role that names no title at all. */
  readonly fileTitle: string;
  /**
   * A top-level heading that is neither a role's title nor a label ends the role before it: in a
   * handbook roledoc made, a department's title and org chart come between its roles.
   */
  readonly endsAtTopHeading?: boolean;
  /**
   * How many roles the document holds, when roledoc made it: each starts at its title, and what
   * comes before the first (a cover, contents, the index of roles, org charts) is no role's.
   */
  readonly expectedRoles?: number;
}

type InfoKey = Extract<LabelKey, 'title' | 'code' | 'department' | 'unit' | 'work_location' | 'grade' | 'headcount' | 'reports_to' | 'direct_reports' | 'established' | 'salary' | 'career_path'>;
type SectionKey = 'purpose' | 'responsibilities' | 'duties' | 'relations' | 'qualifications' | 'conditions' | 'kpis' | 'remarks';
type Cursor =
  | { readonly at: 'info'; readonly key?: InfoKey; taken: number }
  | { readonly at: 'section'; readonly key: SectionKey; readonly sub?: string }
  | { readonly at: 'extra'; readonly index: number };

interface LabeledPieces {
  readonly label: string;
  readonly place: SourcePlace;
  readonly pieces: Piece[];
}

interface Draft {
  readonly place: SourcePlace;
  titleLine?: { title: string; place: SourcePlace };
  readonly info: Map<InfoKey, LabeledPieces>;
  readonly careerNote: Piece[];
  readonly loose: Piece[];
  readonly text: Map<'purpose' | 'responsibilities' | 'remarks' | 'kpis' | 'duties', Piece[]>;
  readonly dutyRows: { duty?: Piece; tasks: readonly Piece[] }[];
  readonly kpiRows: Extract<Token, { kind: 'kpi' }>[];
  /** relations / qualifications / conditions rows by key; by the section's own key, text under it with no row label. */
  readonly rows: Map<string, Piece[]>;
  readonly sectionLabels: Map<string, string>;
  readonly extras: LabeledPieces[];
  readonly mapped: Mapped[];
  readonly guesses: Guess[];
  /** Every piece of text the role took, labels too: where it goes if the role turns out to be none. */
  readonly seen: Piece[];
  content: boolean;
}

const SECTION_KEYS: readonly string[] = ['purpose', 'responsibilities', 'duties', 'relations', 'qualifications', 'conditions', 'kpis', 'remarks'];
const isSectionKey = (key: string): key is SectionKey => SECTION_KEYS.includes(key);
/** A label as a title: without its colon (薪资待遇: → 薪资待遇). */
const bare = (label: string): string => label.replace(/[:：]\s*$/u, '').trim();
const joinPieces = (pieces: readonly Piece[], separator: string): string => pieces.map((p) => p.text).join(separator).trim();

function newDraft(place: SourcePlace): Draft {
  return { place, info: new Map(), careerNote: [], loose: [], text: new Map(), dutyRows: [], kpiRows: [], rows: new Map(), sectionLabels: new Map(), extras: [], mapped: [], guesses: [], seen: [], content: false };
}

/** Words that tell which part of 任职资格 or 工作条件 an unlabelled line belongs to. */
const ROW_WORDS: Readonly<Record<string, RegExp>> = {
  education: /(学历|本科|大专|专科|硕士|博士|研究生|中专|高中|学士|degree|bachelor|master)/iu,
  majors: /专业(优先|不限|背景)|相关专业|\bmajor/iu,
  experience: /(经验|年以上|工作经历|从业|experience)/iu,
  training: /(培训|证书|资格证|certif)/iu,
  knowledge: /(知识|了解|熟悉.*(法|制度|流程)|knowledge)/iu,
  skills: /(能力|技能|熟练|掌握|精通|操作|office|excel|skill)/iu,
  personal: /(责任心|性格|品德|沟通|团队|踏实|细心|耐心|吃苦|素质|正直|诚信|积极|形象|气质|普通话|亲和)/iu,
  tools: /(工具|设备|电脑|计算机|软件|电话|系统)/iu,
  environment: /(环境|办公室|室内|户外|现场|场所)/iu,
  schedule: /(时间|加班|出差|轮班|倒班|班次|节假日|工作日)/iu,
  records: /(记录|文档|报表|台账|文件)/iu,
};

/** Which row's words are tried first: a sentence on 沟通能力 is about the person, not a skill. */
const ROW_ORDER: Readonly<Record<'relations' | 'qualifications' | 'conditions', readonly string[]>> = {
  relations: [],
  qualifications: ['education', 'majors', 'experience', 'training', 'personal', 'skills', 'knowledge'],
  conditions: ['tools', 'environment', 'schedule', 'records'],
};

/** Which role-ish words end a superior's title (部门经理, 客服总监), for a value with no label. */
const SUPERIOR = /(经理|主管|总监|主任|总裁|总经理|组长|部长|处长|科长|董事长|负责人)$/u;

export function recognise(document: SourceDocument, options: RecogniseOptions): Recognised {
  const { labels } = options;
  const tokens = tokenize(document.blocks, labels);
  const drafts: Draft[] = [];
  const outside: Piece[] = [];
  let draft: Draft | undefined;
  let cursor: Cursor | undefined;

  const open = (place: SourcePlace): Draft => {
    draft = newDraft(place);
    drafts.push(draft);
    cursor = { at: 'info', taken: 0 };
    return draft;
  };
  const current = (place: SourcePlace): Draft => draft ?? open(place);

  const feed = (d: Draft, p: Piece): void => {
    if (p.text === '') return;
    d.seen.push(p);
    d.content = true;
    const c = cursor ?? { at: 'info', taken: 0 };
    if (c.at === 'info') {
      if (c.key !== undefined && c.taken === 0) {
        d.info.get(c.key)?.pieces.push(p);
        c.taken = 1;
        return;
      }
      if (c.key === 'career_path' && c.taken >= 1 && !hasItemMarker(p.text) && !p.listItem) {
        d.careerNote.push(p);
        d.guesses.push({ reason: 'career-note', field: 'career_note', value: p.text, place: p.place });
        return;
      }
      // Numbered lines right after the basic fields, with no heading: the responsibilities (the seed's 客服主管).
      if (hasItemMarker(p.text) || p.listItem) {
        d.guesses.push({ reason: 'numbered-as-responsibilities', field: 'responsibilities', value: p.text, place: p.place });
        cursor = { at: 'section', key: 'responsibilities' };
        feed(d, p);
        return;
      }
      d.loose.push(p);
      return;
    }
    if (c.at === 'extra') {
      d.extras[c.index]?.pieces.push(p);
      return;
    }
    if (c.key === 'relations' || c.key === 'qualifications' || c.key === 'conditions') {
      const key = c.sub ?? c.key;
      d.rows.set(key, [...(d.rows.get(key) ?? []), p]);
      return;
    }
    d.text.set(c.key, [...(d.text.get(c.key) ?? []), p]);
  };

  const startsNewRole = (d: Draft): boolean => d.content || d.info.has('title') || d.titleLine !== undefined;

  for (const token of tokens) {
    if (draft && (token.kind === 'label' || token.kind === 'other-label')) draft.seen.push({ text: token.label, place: token.place, listItem: false });
    switch (token.kind) {
      case 'title': {
        if (!draft || startsNewRole(draft)) open(token.place);
        (draft as Draft).titleLine = { title: token.title, place: token.place };
        break;
      }
      case 'label': {
        const { target, label, place, values } = token;
        if (target.group === 'info') {
          const key = target.key as InfoKey;
          // A second 岗位名称 in one document starts the next role of a handbook.
          if (key === 'title' && draft && (draft.info.has('title') || (draft.content && draft.titleLine === undefined))) open(place);
          const d = current(place);
          d.content = true;
          d.info.set(key, { label, place, pieces: [...(values ?? [])] });
          d.mapped.push({ field: key, label, place });
          cursor = values === undefined ? { at: 'info', key, taken: 0 } : { at: 'info', key, taken: values.length };
        } else if (target.group === 'section') {
          const d = current(place);
          if (!isSectionKey(target.key)) break;
          d.sectionLabels.set(target.key, label);
          d.mapped.push({ field: target.key, label, place });
          cursor = { at: 'section', key: target.key };
          for (const value of values ?? []) feed(d, value);
        } else if (target.group === 'relations' || target.group === 'qualifications' || target.group === 'conditions') {
          const d = current(place);
          d.mapped.push({ field: `${target.group}.${target.key}`, label, place });
          d.rows.set(target.key, [...(d.rows.get(target.key) ?? [])]);
          cursor = { at: 'section', key: target.group, sub: target.key };
          for (const value of values ?? []) feed(d, value);
        } else {
          // A duty or KPI table's header met as text (职责表述, 工作任务): the text under it is that table's.
          const d = current(place);
          cursor = { at: 'section', key: target.group === 'duty-table' ? 'duties' : 'kpis' };
          for (const value of values ?? []) feed(d, value);
        }
        break;
      }
      case 'other-label': {
        if (options.endsAtTopHeading && token.heading === 1) draft = undefined;
        if (!draft) {
          outside.push({ text: [token.label, ...(token.values ?? []).map((v) => v.text)].join('：'), place: token.place, listItem: false });
          break;
        }
        // Under 工作职责与工作任务, a heading of its own is a duty (### 招聘渠道管理, then its tasks).
        if (cursor?.at === 'section' && cursor.key === 'duties') {
          feed(draft, { text: bare(token.label), place: token.place, listItem: false });
          for (const value of token.values ?? []) feed(draft, { ...value, listItem: true });
          break;
        }
        draft.extras.push({ label: token.label, place: token.place, pieces: [...(token.values ?? [])] });
        cursor = { at: 'extra', index: draft.extras.length - 1 };
        break;
      }
      case 'text': {
        if (!draft) outside.push(token.piece);
        else feed(draft, token.piece);
        break;
      }
      case 'duty': {
        const d = current(token.duty?.place ?? token.tasks[0]?.place ?? {});
        d.content = true;
        d.dutyRows.push({ ...(token.duty ? { duty: token.duty } : {}), tasks: token.tasks });
        cursor = { at: 'section', key: 'duties' };
        break;
      }
      case 'kpi': {
        const d = current(token.name.place);
        d.content = true;
        d.kpiRows.push(token);
        cursor = { at: 'section', key: 'kpis' };
        break;
      }
      case 'pair': {
        const d = current(token.left.place);
        d.content = true;
        if (cursor?.at === 'section' && cursor.key === 'duties') {
          d.dutyRows.push({ duty: token.left, tasks: token.right });
        } else {
          d.extras.push({ label: token.left.text, place: token.left.place, pieces: [...token.right] });
        }
        break;
      }
    }
  }

  // In a document roledoc made, the roles are the last ones that start at their titles.
  let kept = drafts;
  if (options.expectedRoles !== undefined) {
    const titled = drafts.filter((d) => d.titleLine !== undefined);
    const roleDrafts = new Set(titled.slice(Math.max(0, titled.length - options.expectedRoles)));
    for (const d of drafts) if (!roleDrafts.has(d)) outside.push(...(d.titleLine ? [{ text: d.titleLine.title, place: d.titleLine.place, listItem: false }] : []), ...d.seen);
    kept = drafts.filter((d) => roleDrafts.has(d));
  }
  const roles: RecognisedRole[] = [];
  for (const d of kept) {
    const previous = roles[roles.length - 1];
    roles.push(finish(d, options, previous?.role.department));
  }
  return { roles, outside };
}

/** Items of a list written as paragraphs: numbers taken off, several numbered items in one paragraph split. */
function itemsOf(pieces: readonly Piece[]): string[] {
  return pieces.flatMap((p) => (p.listItem ? [stripItemMarker(p.text)] : splitNumberedItems(p.text))).filter((item) => item !== '');
}

const textOrList = (items: readonly string[]): TextOrList | undefined => (items.length === 0 ? undefined : items.length === 1 ? (items[0] as string) : [...items]);

/** A line of a duty list is a duty's title when it reads like one: no number, no closing punctuation, no comma. */
const isDutyTitle = (p: Piece): boolean => !p.listItem && !hasItemMarker(p.text) && !/[。；;.!！?？,，]/u.test(p.text) && p.text.length <= 40;

function finish(d: Draft, options: RecogniseOptions, previousDepartment: string | undefined): RecognisedRole {
  const role: ImportedRole = { responsibilities: [] };
  const guesses = d.guesses;
  const kept: Kept[] = [];
  const empty: string[] = [];
  const extras: RawExtraSection[] = [];
  const keepAside = (label: string, pieces: readonly Piece[], asItems = false): void => {
    const texts = pieces.map((p) => p.text).filter((t) => t !== '');
    if (texts.length === 0) return;
    const title = bare(label);
    extras.push(asItems || texts.length > 1 ? { title, items: texts.map((t) => stripItemMarker(t)) } : { title, text: texts[0] as string });
    for (const p of pieces) kept.push({ label: title, field: 'extra_sections', text: p.text, place: p.place });
  };
  const infoText = (key: InfoKey): { text: string; entry: LabeledPieces } | undefined => {
    const entry = d.info.get(key);
    if (!entry) return undefined;
    const text = joinPieces(entry.pieces, ' ');
    if (text === '') {
      empty.push(entry.label);
      return undefined;
    }
    return { text, entry };
  };

  // 基本信息
  for (const key of ['title', 'code', 'department', 'unit', 'work_location', 'grade'] as const) {
    const value = infoText(key);
    if (value) role[key] = value.text;
  }
  const headcount = infoText('headcount');
  if (headcount) {
    const count = readHeadcount(headcount.text);
    if (count === undefined) keepAside(headcount.entry.label, headcount.entry.pieces);
    else role.headcount = count;
  }
  const reportsTo = infoText('reports_to');
  if (reportsTo) role.reports_to = reportsTo.text;
  const established = infoText('established');
  if (established) {
    const date = readDate(established.text);
    if (date === undefined) keepAside(established.entry.label, established.entry.pieces);
    else role.established = date;
  }
  const salaryEntry = d.info.get('salary');
  if (salaryEntry) {
    const text = joinPieces(salaryEntry.pieces, ' ');
    const salary = text === '' || isBlankSalary(text) ? undefined : readSalary(text);
    if (text === '' || isBlankSalary(text)) empty.push(salaryEntry.label);
    else if (salary === undefined) keepAside(salaryEntry.label, salaryEntry.pieces);
    else role.salary = salary;
  }
  const pathEntry = d.info.get('career_path');
  if (pathEntry) {
    const [first, ...notes] = pathEntry.pieces;
    if (first === undefined) empty.push(pathEntry.label);
    else role.career_path = readCareerPath(first.text) ?? [first.text];
    const note = joinPieces([...notes, ...d.careerNote], '\n');
    if (note !== '') role.career_note = note;
  }
  const reportsEntry = d.info.get('direct_reports');
  const directReports = reportsEntry && reportsEntry.pieces.length > 0 ? { names: reportsEntry.pieces.flatMap((p) => splitNames(p.text)), label: reportsEntry.label, place: reportsEntry.place } : undefined;

  if (role.title === undefined && d.titleLine) role.title = d.titleLine.title;
  // Values with no label in the basic-information part, placed by their shape (4人, 2014年9月, A→B).
  const remarks: Piece[] = [];
  for (const p of d.loose) {
    const byShape = (field: string): void => {
      guesses.push({ reason: 'value-by-shape', field, value: p.text, place: p.place });
    };
    const count = readHeadcount(p.text);
    const date = readDate(p.text);
    const path = readCareerPath(p.text);
    if (p.text === role.title) continue;
    if (role.headcount === undefined && count !== undefined && /\D/u.test(p.text)) {
      role.headcount = count;
      byShape('headcount');
    } else if (role.established === undefined && date !== undefined) {
      role.established = date;
      byShape('established');
    } else if (role.career_path === undefined && path !== undefined) {
      role.career_path = path;
      byShape('career_path');
    } else if (isBlankSalary(p.text)) {
      empty.push(p.text);
    } else if (role.department === undefined && /[^分]部$/u.test(p.text) && p.text.length <= 12) {
      role.department = p.text;
      byShape('department');
    } else if (role.unit === undefined && /(分部|分公司|中心|门店|基地)$/u.test(p.text) && p.text.length <= 12) {
      role.unit = p.text;
      byShape('unit');
    } else if (role.reports_to === undefined && SUPERIOR.test(p.text) && p.text.length <= 12) {
      role.reports_to = p.text;
      byShape('reports_to');
    } else {
      remarks.push(p);
    }
  }
  if (role.title === undefined && role.career_path?.[0] !== undefined) {
    role.title = role.career_path[0];
    guesses.push({ reason: 'title-from-career-path', field: 'title', value: role.title, ...(pathEntry ? { place: pathEntry.place } : {}) });
  }
  if (role.title === undefined && options.fileTitle !== '') {
    role.title = options.fileTitle;
    guesses.push({ reason: 'title-from-file-name', field: 'title', value: role.title });
  }
  if (role.department === undefined) {
    const fromTitle = role.title === undefined ? undefined : /^(.{1,8}?部)/u.exec(role.title)?.[1];
    if (options.department !== undefined) {
      role.department = options.department;
      guesses.push({ reason: 'department-from-option', field: 'department', value: options.department });
    } else if (previousDepartment !== undefined) {
      role.department = previousDepartment;
      guesses.push({ reason: 'department-from-previous-role', field: 'department', value: previousDepartment });
    } else if (fromTitle !== undefined) {
      role.department = fromTitle;
      guesses.push({ reason: 'department-from-title', field: 'department', value: fromTitle });
    }
  }

  // 岗位目的, 岗位职责
  const purpose = joinPieces(d.text.get('purpose') ?? [], '\n');
  if (purpose !== '') role.purpose = purpose;
  // A numbered list that ends in short unnumbered lines without punctuation (展开阅读全文, 相关搜索: a
  // web page's frame) ends before them; they are kept aside, not taken as duties.
  const listed = [...(d.text.get('responsibilities') ?? [])];
  const trailing: Piece[] = [];
  const numbered = listed.some((p) => hasItemMarker(p.text));
  while (numbered && listed.length > 1) {
    const last = listed[listed.length - 1] as Piece;
    if (last.listItem || hasItemMarker(last.text) || /[。；;.!！?？,，]$/u.test(last.text) || last.text.length > 20) break;
    trailing.unshift(last);
    listed.pop();
  }
  role.responsibilities = itemsOf(listed);
  remarks.push(...trailing);

  // 工作职责与工作任务: table rows, or lines where a duty's title is told from its tasks by its form.
  const duties: RawDuty[] = [];
  const orphans: Piece[] = [];
  const addDuty = (duty: Piece | undefined, tasks: readonly Piece[]): void => {
    const taskItems = itemsOf(tasks);
    const last = duties[duties.length - 1];
    if (duty === undefined || duty.text === '') {
      if (last) duties[duties.length - 1] = { duty: last.duty, tasks: [...last.tasks, ...taskItems] };
      else orphans.push(...tasks);
    } else if (taskItems.length === 0) {
      orphans.push(duty);
    } else {
      duties.push({ duty: stripItemMarker(duty.text), tasks: taskItems });
    }
  };
  for (const row of d.dutyRows) addDuty(row.duty, row.tasks);
  let open: { duty?: Piece; tasks: Piece[] } | undefined;
  let guessedDutyTitles = false;
  for (const p of d.text.get('duties') ?? []) {
    if (isDutyTitle(p)) {
      if (open) addDuty(open.duty, open.tasks);
      open = { duty: p, tasks: [] };
      if (!guessedDutyTitles) guesses.push({ reason: 'duty-title', field: 'duties', value: p.text, place: p.place });
      guessedDutyTitles = true;
    } else if (open) {
      open.tasks.push(p);
    } else {
      orphans.push(p);
    }
  }
  if (open) addDuty(open.duty, open.tasks);
  if (duties.length > 0) role.duties = duties;
  if (orphans.length > 0) keepAside(d.sectionLabels.get('duties') ?? '工作职责与工作任务', orphans, true);

  // Rows of 工作协作关系, 任职资格, 其它
  const rowsOf = (group: 'relations' | 'qualifications' | 'conditions'): Map<string, Piece[]> => {
    const rows = new Map<string, Piece[]>();
    for (const field of fieldsOf(group)) {
      const pieces = d.rows.get(field.key);
      if (pieces) rows.set(field.key, [...pieces]);
    }
    const unsorted = group === 'relations' ? [] : d.rows.get(group) ?? [];
    const left: Piece[] = [];
    for (const p of unsorted) {
      for (const item of p.listItem ? [p.text] : splitNumberedItems(p.text)) {
        const key = ROW_ORDER[group].find((row) => ROW_WORDS[row]?.test(item));
        const itemPiece = { ...p, text: item };
        if (key === undefined) {
          left.push(itemPiece);
        } else {
          rows.set(key, [...(rows.get(key) ?? []), itemPiece]);
          guesses.push({ reason: 'sorted-by-words', field: `${group}.${key}`, value: item, place: p.place });
        }
      }
    }
    const sideless = group === 'relations' ? d.rows.get('relations') ?? [] : [];
    if (sideless.length > 0) {
      rows.set('internal', [...(rows.get('internal') ?? []), ...sideless]);
      for (const p of sideless) guesses.push({ reason: 'relation-side', field: 'relations.internal', value: p.text, place: p.place });
    }
    if (left.length > 0) keepAside(d.sectionLabels.get(group) ?? group, left, true);
    return rows;
  };
  // A sentence under 工作协作关系 names no partner (the seed's 任职资格 lost its labels there): it is
  // sorted with the qualifications written without a row label.
  for (const key of ['relations', 'internal', 'external']) {
    const pieces = d.rows.get(key);
    if (!pieces) continue;
    const isSentence = (p: Piece): boolean => /[。；;]$/u.test(p.text);
    d.rows.set(key, pieces.filter((p) => !isSentence(p)));
    d.rows.set('qualifications', [...(d.rows.get('qualifications') ?? []), ...pieces.filter(isSentence)]);
  }
  const relations = rowsOf('relations');
  const internal = (relations.get('internal') ?? []).flatMap((p) => splitNames(p.text));
  const external = (relations.get('external') ?? []).flatMap((p) => splitNames(p.text));
  if (internal.length > 0 || external.length > 0) role.relations = { ...(internal.length > 0 ? { internal } : {}), ...(external.length > 0 ? { external } : {}) };

  const separators = [...options.noteSeparators, '，', ',', '。'];
  const qualificationRows = rowsOf('qualifications');
  const qualifications: NonNullable<ImportedRole['qualifications']> = {};
  const education = joinPieces(qualificationRows.get('education') ?? [], '');
  if (education !== '') {
    const { main, note } = splitNote(stripItemMarker(education), separators, []);
    qualifications.education = main;
    if (note !== undefined) {
      qualifications.education_note = note;
      guesses.push({ reason: 'note-split', field: 'qualifications.education_note', value: note });
    }
  }
  const majors = joinPieces(qualificationRows.get('majors') ?? [], '');
  if (majors !== '') {
    const { main, note } = splitNote(stripItemMarker(majors), [], options.noteAttachedBefore);
    qualifications.majors = splitNames(main);
    if (note !== undefined) qualifications.majors_note = note;
  }
  for (const key of ['training', 'experience', 'knowledge', 'skills', 'personal'] as const) {
    const value = textOrList(itemsOf(qualificationRows.get(key) ?? []));
    if (value !== undefined) qualifications[key] = value;
  }
  if (Object.keys(qualifications).length > 0) role.qualifications = qualifications;

  const conditionRows = rowsOf('conditions');
  const conditions: NonNullable<ImportedRole['conditions']> = {};
  for (const key of ['tools', 'records'] as const) {
    const value = textOrList(itemsOf(conditionRows.get(key) ?? []));
    if (value !== undefined) conditions[key] = value;
  }
  for (const key of ['environment', 'schedule'] as const) {
    const value = itemsOf(conditionRows.get(key) ?? []).join('\n');
    if (value !== '') conditions[key] = value;
  }
  if (Object.keys(conditions).length > 0) role.conditions = conditions;

  // 考核KPI指标: a table's rows, or names written as sentences.
  const kpis: (string | RawKpi)[] = [];
  for (const row of d.kpiRows) {
    const weightText = row.weight?.text.normalize('NFKC').replace(/\s|%/gu, '');
    const weight = weightText !== undefined && /^\d+(\.\d+)?$/u.test(weightText) ? Number(weightText) : undefined;
    kpis.push({ name: row.name.text, ...(weight !== undefined ? { weight } : {}), ...(row.target && row.target.text !== '' ? { target: row.target.text } : {}) });
    if (row.weight && row.weight.text !== '' && weight === undefined) keepAside(`${row.name.text}`, [row.weight]);
  }
  kpis.push(...(d.text.get('kpis') ?? []).flatMap((p) => splitKpiNames(p.text)));
  if (kpis.length > 0) role.kpis = kpis;

  // 备注, and text with no label of its own
  const ownRemarks = joinPieces(d.text.get('remarks') ?? [], '\n');
  for (const p of remarks) kept.push({ field: 'remarks', text: p.text, place: p.place });
  const allRemarks = [ownRemarks, ...remarks.map((p) => p.text)].filter((t) => t !== '').join('\n');
  if (allRemarks !== '') role.remarks = allRemarks;
  else if (d.sectionLabels.has('remarks')) empty.push(d.sectionLabels.get('remarks') as string);

  for (const extra of d.extras) keepAside(extra.label, extra.pieces);
  if (extras.length > 0) role.extra_sections = extras;

  return { role, ...(directReports ? { directReports } : {}), mapped: d.mapped, guesses, kept, empty, place: d.titleLine?.place ?? d.place };
}

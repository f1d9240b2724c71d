/**
 * A role's draft → the role file's fields: values read (4人 → 4, 2014年9月 → 2014-09), lists split
 * and their numbers taken off, duties told from their tasks, unlabelled lines sorted by their words,
 * and what fits no field kept aside under its own label. Every guess is written down. Pure.
 */
import { fieldsOf } from '../model/fields.js';
import type { RawDuty, RawExtraSection, RawKpi, TextOrList } from '../model/role.js';
import { bare, joinPieces, type Draft, type ImportedRole, type InfoKey, type Kept, type LabeledPieces, type RecognisedRole, type RecogniseOptions } from './draft.js';
import type { Piece } from './tokens.js';
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

/** Items of a list written as paragraphs: numbers taken off, several numbered items in one paragraph split. */
function itemsOf(pieces: readonly Piece[]): string[] {
  return pieces.flatMap((p) => (p.listItem ? [stripItemMarker(p.text)] : splitNumberedItems(p.text))).filter((item) => item !== '');
}

const textOrList = (items: readonly string[]): TextOrList | undefined => (items.length === 0 ? undefined : items.length === 1 ? (items[0] as string) : [...items]);

/** A line of a duty list is a duty's title when it reads like one: no number, no closing punctuation, no comma. */
const looksLikeDutyTitle = (p: Piece): boolean => !p.listItem && !hasItemMarker(p.text) && !/[。；;.!！?？,，]/u.test(p.text) && p.text.length <= 40;

/**
 * Whether a line that reads like a duty's title is one: not when it goes on a list the line before
 * left open with a semicolon, in the same words (负责配合市场部…； then 负责配合行政部门…).
 */
function isDutyTitle(p: Piece, previous: Piece | undefined): boolean {
  if (!looksLikeDutyTitle(p)) return false;
  if (previous === undefined || !/[；;]$/u.test(previous.text)) return true;
  return Array.from(p.text).slice(0, 2).join('') !== Array.from(previous.text).slice(0, 2).join('') && Array.from(p.text).length <= 12;
}

/** A value that says there is none (无, 暂无, —): an empty field. */
export const isNone = (text: string): boolean => /^(无|暂无|没有|空|不限|\/|-+|—+|n\/?a|none)$/iu.test(text.trim());

/** Words that mark the text after a value as its note (根据能力可放宽标准), not as another requirement. */
const NOTE_WORDS = /(放宽|酌情|或同等|同等学力|优先考虑|不限)/u;
const OTHER_REQUIREMENT = /(专业|经验|熟悉|掌握|熟练|证书)/u;

export function roleFromDraft(d: Draft, options: RecogniseOptions, previousDepartment: string | undefined): RecognisedRole {
  const role: ImportedRole = { responsibilities: [] };
  const guesses = d.guesses;
  const kept: Kept[] = [];
  const empty: string[] = [];
  const extras: RawExtraSection[] = [];
  const keepAside = (label: string, pieces: readonly Piece[], asItems = false): void => {
    const texts = pieces.map((p) => p.text).filter((t) => t !== '' && !isNone(t));
    if (texts.length === 0) return;
    const title = bare(label);
    extras.push(asItems || texts.length > 1 ? { title, items: texts.map((t) => stripItemMarker(t)) } : { title, text: texts[0] as string });
    for (const p of pieces) kept.push({ label: title, field: 'extra_sections', text: p.text, place: p.place });
  };
  const infoText = (key: InfoKey): { text: string; entry: LabeledPieces } | undefined => {
    const entry = d.info.get(key);
    if (!entry) return undefined;
    const text = joinPieces(entry.pieces, ' ');
    if (text === '' || isNone(text)) {
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
  const reportNames = reportsEntry ? reportsEntry.pieces.flatMap((p) => splitNames(p.text)).filter((name) => !isNone(name)) : [];
  const directReports = reportsEntry && reportNames.length > 0 ? { names: reportNames, label: reportsEntry.label, place: reportsEntry.place } : undefined;

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
  let previous: Piece | undefined;
  for (const p of d.text.get('duties') ?? []) {
    const title = isDutyTitle(p, previous);
    previous = p;
    if (title) {
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
    let last: string | undefined;
    for (const p of unsorted) {
      // One line may hold several requirements, apart by semicolons: each is sorted on its own.
      const items = (p.listItem ? [p.text] : splitNumberedItems(p.text)).flatMap((item) => item.split(/(?<=[；;])/u).map((part) => part.trim()).filter((part) => part !== ''));
      for (const item of items) {
        // A line right after the education that only relaxes it (根据能力可放宽标准) is its note.
        const key = last === 'education' && NOTE_WORDS.test(item) && !OTHER_REQUIREMENT.test(item) ? 'education_note' : ROW_ORDER[group].find((row) => ROW_WORDS[row]?.test(item));
        last = key;
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
  const sortedNote = joinPieces(qualificationRows.get('education_note') ?? [], '');
  if (education !== '') {
    // Split off as a note only what reads like one (大专学历以上，根据能力可放宽标准): never a second requirement.
    const split = splitNote(stripItemMarker(education), separators, []);
    const isNote = split.note !== undefined && NOTE_WORDS.test(split.note) && !OTHER_REQUIREMENT.test(split.note) && sortedNote === '';
    qualifications.education = isNote ? split.main : stripItemMarker(education);
    if (isNote && split.note !== undefined) {
      qualifications.education_note = split.note;
      guesses.push({ reason: 'note-split', field: 'qualifications.education_note', value: split.note });
    }
  }
  if (sortedNote !== '') qualifications.education_note = sortedNote;
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

/**
 * Reading the values of a form: list numbers (1. / 1、/ （1）/ ① …) taken off, names split, a
 * headcount, a date, a salary and a career path read from the ways forms write them. Pure; each
 * reader returns undefined where the text is not what it reads, so the text is kept, not lost.
 */

/** A list number at the start of an item: 1. 1、 1) (1) （1） ① 一、 (一) a) •. */
const ITEM_MARKER = /^\s*(?:\(\s*\d{1,3}\s*\)|（\s*\d{1,3}\s*）|\d{1,3}\s*(?:[、)）]|[.．](?!\d))|[①-⑳]|[⑴-⒇]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|[a-z][.)](?=\s)|[•·●○■□◆◇▪►✓√\-–—*])\s*/u;

/** Whether the text starts with a list number or bullet. */
export function hasItemMarker(text: string): boolean {
  return ITEM_MARKER.test(text) && text.replace(ITEM_MARKER, '').trim() !== '';
}

/** The text without its list number. */
export function stripItemMarker(text: string): string {
  return hasItemMarker(text) ? text.replace(ITEM_MARKER, '').trim() : text.trim();
}

/**
 * One paragraph holding several numbered items ("1、甲；2、乙；") as its items; a paragraph without
 * a second number stays one item. The numbers must count up from the first, so "3年以上" inside an
 * item never splits it.
 */
export function splitNumberedItems(text: string): string[] {
  const first = /^\s*(?:[(（]\s*)?(\d{1,3})\s*(?:[、)）]|[.．](?!\d))/u.exec(text);
  if (!first) return [stripItemMarker(text)];
  const items: string[] = [];
  let rest = text;
  let expected = Number(first[1]);
  for (;;) {
    const nextNumber = expected + 1;
    const at = new RegExp(`(?<=[；;。.!！?？\\s])\\s*(?:[(（]\\s*)?${nextNumber}\\s*(?:[、)）]|[.．](?!\\d))`, 'u').exec(rest);
    if (!at) break;
    items.push(stripItemMarker(rest.slice(0, at.index)));
    rest = rest.slice(at.index);
    expected = nextNumber;
  }
  items.push(stripItemMarker(rest));
  return items.filter((item) => item !== '');
}

/** Names written as one line (公司各部门、客服经理) as a list; commas split only names, never sentences. */
export function splitNames(text: string): string[] {
  const trimmed = text.trim().replace(/[。；;]$/u, '');
  const parts = trimmed.split(/[、]/u).flatMap((part) => {
    const byComma = part.split(/[,，]/u).map((p) => p.trim());
    return byComma.every((p) => p !== '' && p.length <= 12) ? byComma : [part.trim()];
  });
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** KPI names written as a sentence (销售业绩完成率、投诉率,质检控制率；…) as a list. */
export function splitKpiNames(text: string): string[] {
  return text
    .split(/[、，,；;\n]/u)
    .map((part) => stripItemMarker(part).replace(/[。.]$/u, '').trim())
    .filter((part) => part !== '');
}

/** 4 / 4人 / 4 名 / 编制4人 → 4. */
export function readHeadcount(text: string): number | undefined {
  const match = /^\D{0,4}?(\d{1,5})\s*(?:人|名|个|位|people|persons?)?\s*$/iu.exec(text.normalize('NFKC').trim());
  return match ? Number(match[1]) : undefined;
}

/** 2014年9月 / 2014-09 / 2014.9 / 2014/9/1 / 2014年9月1日 → 2014-09 or 2014-09-01. */
export function readDate(text: string): string | undefined {
  const match = /^(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])?\s*(?:(\d{1,2})\s*日?)?$/u.exec(text.normalize('NFKC').trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3])];
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

export interface ReadSalary {
  readonly note?: string;
  readonly min?: number;
  readonly max?: number;
  readonly currency?: string;
  readonly period?: 'month' | 'year' | 'hour';
}

const PERIODS: readonly (readonly [RegExp, 'month' | 'year' | 'hour'])[] = [
  [/(月|month|mo\b)/iu, 'month'],
  [/(年|year|yr\b|annum)/iu, 'year'],
  [/(小时|时|hour|hr\b)/iu, 'hour'],
];

/**
 * 6000-9000元/月, 6,000–9,000 元/月, 8k-12k/月, 1.2万/月, 5000元/月起 → amounts and period; words after
 * them (in brackets or after a comma) → the note; words alone (面议) → the note. A unit with no amount
 * (元/月, the blank of a printed form) and text of any other shape are undefined: the caller keeps it.
 */
export function readSalary(written: string): ReadSalary | undefined {
  // 9,000 is one amount: its comma is no separator of a note.
  const text = written.replace(/(\d),(\d{3})/g, '$1$2');
  // A note in brackets after the amount: 8000-12000元/月（另有季度绩效奖金）.
  const noted = /^(.*?)\s*[(（]([^()（）]+)[)）]\s*$/u.exec(text.trim()) ?? /^([^，,；;]*\d[^，,；;]*)[，,；;]\s*(.+)$/u.exec(text.trim());
  if (noted && noted[1] !== undefined && noted[2] !== undefined && /\d/u.test(noted[1])) {
    const amount = readSalary(noted[1]);
    return amount === undefined ? undefined : { ...amount, note: noted[2].trim() };
  }
  // Words with no amount at all (面议, 待定): the salary's note.
  if (!/\d/u.test(text) && !isBlankSalary(text) && Array.from(text.trim()).length <= 12) return { note: text.trim() };
  const plain = text.normalize('NFKC').replace(/\s+/g, '').replace(/(\d),(\d{3})/g, '$1$2');
  const amount = String.raw`(\d+(?:\.\d+)?)(k|千|万|w)?`;
  const match = new RegExp(`^(?:最高|up to)?${amount}(?:[-~–—至到]${amount})?(元|rmb|cny|人民币|usd|\\$|美元)?(?:/|每)?([^\\d]*)$`, 'iu').exec(plain);
  if (!match) return undefined;
  const scale = (unit: string | undefined): number => (unit === undefined ? 1 : /^(k|千)$/iu.test(unit) ? 1000 : 10000);
  const value = (n: string | undefined, unit: string | undefined): number | undefined => (n === undefined ? undefined : Math.round(Number(n) * scale(unit)));
  const first = value(match[1], match[2] ?? match[4]);
  const second = value(match[3], match[4]);
  const rest = match[6] ?? '';
  // After the amount only its period may follow (元/月, /年起): anything more is not read, so not lost.
  if (!/^(月|年|小时|时|month|year|yr|hour|hr|mo)?起?$/iu.test(rest)) return undefined;
  const period = PERIODS.find(([pattern]) => pattern.test(rest))?.[1];
  const currency = match[5] && /usd|\$|美元/iu.test(match[5]) ? 'USD' : undefined;
  const upTo = /^(最高|up to)/iu.test(plain);
  const max = second ?? (upTo ? first : undefined);
  return {
    ...(upTo || first === undefined ? {} : { min: first }),
    ...(max !== undefined ? { max } : {}),
    ...(currency ? { currency } : {}),
    ...(period ? { period } : {}),
  };
}

/** Whether the text is only a salary's unit, with no amount: 元/月, 元／年. */
export function isBlankSalary(text: string): boolean {
  return /^(元|人民币)?\s*[/／每]\s*(月|年|小时)$/u.test(text.trim());
}

const PATH_ARROW = /\s*(?:→|->|—>|－>|⇒|=>|＞|>|➝|➔|⟶)\s*/u;

/** 客服主管→客服副经理→客服经理 as its steps; text without an arrow is no path. */
export function readCareerPath(text: string): string[] | undefined {
  if (!PATH_ARROW.test(text)) return undefined;
  const steps = text.split(PATH_ARROW).map((step) => step.trim()).filter((step) => step !== '');
  return steps.length >= 2 ? steps : undefined;
}

/**
 * A value written with its note, as documents print education and majors: 大专以上，根据能力可放宽标准
 * → [大专以上, 根据能力可放宽标准]; 企业管理、市场营销等专业优先 → [企业管理、市场营销, 等专业优先].
 * The split follows the catalog's words (`note.separator`, `note.attached_before`); text with no
 * such place is one value.
 */
export function splitNote(text: string, separators: readonly string[], attachedBefore: readonly string[]): { main: string; note?: string } {
  for (const word of attachedBefore) {
    const at = word === '' ? -1 : text.indexOf(word);
    if (at > 0) return { main: text.slice(0, at), note: text.slice(at) };
  }
  const candidates = separators
    .map((separator) => ({ separator, at: separator === '' ? -1 : text.indexOf(separator) }))
    .filter(({ at }) => at > 0 && at < text.length - 1)
    .sort((a, b) => a.at - b.at);
  const first = candidates[0];
  if (first === undefined) return { main: text };
  // A sentence's full stop stays with it (大专以上。根据能力…); a comma joining the two goes.
  const keep = /[。.]/u.test(first.separator);
  return { main: text.slice(0, first.at + (keep ? first.separator.length : 0)), note: text.slice(first.at + first.separator.length) };
}

/**
 * Values that the schema's types and patterns let through but that cannot be: text made only of
 * spaces and invisible characters (a blank field, title or list item in the documents), and a
 * 定岗时间 that is not in the calendar (2014-02-30) or whose year cannot be one (0000-01). Pure:
 * the parsed data of a role file in, diagnostics at the values' lines out.
 */
import { type Diagnostic, diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../messages/lang.js';
import type { Messages } from '../messages/messages.js';
import { stringsWithPaths } from '../load/control-characters.js';
import { isBlank } from '../load/invisible-characters.js';
import type { Locator } from '../load/locate.js';
import { labelOf } from './explain.js';
import { schemaAt, type SchemaNode } from './schemas.js';

/**
 * The years a 定岗时间 may have. A role's establishment date is within living memory of the
 * organisation that keeps its job descriptions in roledoc: a year before 1900 is a slip (0000,
 * 1014 for 2014), as is one after 2100 (a role planned for the future is dated within this century).
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/** The keys whose text is a date (`YYYY-MM` or `YYYY-MM-DD`, as the schema's pattern has it). */
const DATE_KEYS: ReadonlySet<string> = new Set(['established']);
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface ValueContext {
  readonly file: string;
  readonly root: SchemaNode;
  readonly locator: Locator;
  readonly lang: Lang;
  readonly messages: Messages;
}

/** Blank text and impossible dates anywhere in a role file's data. */
export function checkRoleValues(data: unknown, ctx: ValueContext): Diagnostic[] {
  const { messages } = ctx;
  const out: Diagnostic[] = [];
  /** `「岗位职责」（responsibilities）的第 2 项`, as the schema's messages name it. */
  const nameOf = (segments: readonly string[]): string => {
    const last = segments.at(-1) ?? '';
    if (/^\d+$/.test(last)) return messages.itemOf(nameOf(segments.slice(0, -1)), Number(last));
    return messages.field(labelOf(schemaAt(ctx.root, segments), ctx.lang), last);
  };
  for (const { path, text } of stringsWithPaths(data)) {
    const node = schemaAt(ctx.root, path);
    // Empty text is the schema's (minLength); ids, codes and choices are held to their own patterns.
    if (node === undefined || text === '' || node.pattern !== undefined || node.enum !== undefined) continue;
    if (isBlank(text)) {
      out.push(diagnostic('value.blank-text', ctx.file, ctx.locator.locate(path, 'value'), messages.blankText(nameOf(path)), messages.blankTextHint));
    }
  }
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  for (const key of DATE_KEYS) {
    const text = record[key];
    const path = [key];
    // Anything but `YYYY-MM` or `YYYY-MM-DD` is the schema's to explain (type, pattern).
    const match = typeof text === 'string' ? DATE.exec(text) : null;
    if (!match || typeof text !== 'string') continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3])];
    const span = ctx.locator.locate(path, 'value');
    if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
      out.push(diagnostic('value.impossible-date', ctx.file, span, messages.implausibleYear(nameOf(path), text, EARLIEST_YEAR, LATEST_YEAR), messages.implausibleYearHint(EARLIEST_YEAR, LATEST_YEAR)));
    } else if (month >= 1 && month <= 12 && day !== undefined && day > daysInMonth(year, month)) {
      out.push(diagnostic('value.impossible-date', ctx.file, span, messages.noSuchDate(nameOf(path), text, year, month, daysInMonth(year, month)), messages.noSuchDateHint));
    }
  }
  return out;
}

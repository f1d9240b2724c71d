/**
 * Rules that need more than one file: ids unique, links resolve, no reporting cycles, KPI weights.
 * Each rule is a named function with its own diagnostic code. They read a lenient view of every
 * role file that parsed — a role with a typo elsewhere still gets its links checked — so one run
 * reports every problem, with the same file:line:column as the schema checks.
 */
import { type Diagnostic, diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor, type Messages } from '../messages/messages.js';
import { invisibleCodePoints, withoutInvisible } from '../load/invisible-characters.js';
import type { Locator } from '../load/locate.js';
import { CONFIG_FILE_NAME, HANDBOOK_NAME } from '../model/config.js';
import { ROLE_ID_PATTERN, type RawRole } from '../model/role.js';
import { labelOf, suggest } from '../validate/explain.js';
import { roleSchema, schemaAt } from '../validate/schemas.js';

/** What the rules read of a role file: each field only where it has the right type. */
export interface RuleRole {
  readonly file: string;
  readonly locator: Locator;
  readonly id: string | undefined;
  readonly reportsTo: string | undefined;
  /** Index-aligned with the file's career_path; non-text entries are undefined. */
  readonly careerPath: readonly (string | undefined)[];
  readonly kpiWeights: readonly number[];
  /** The file passed the schema: rules that sum values only trust schema-checked data. */
  readonly valid: boolean;
}

function field(data: object, key: string): unknown {
  return key in data ? (data as Record<string, unknown>)[key] : undefined;
}

/** The lenient view of parsed role data, whatever else is wrong with it. */
export function ruleViewOf(file: string, data: unknown, locator: Locator, valid: boolean): RuleRole {
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  // Compared as Unicode's composed form (NFC), as the documents show them: é typed as e + ◌́ is é.
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.normalize('NFC') : undefined);
  const path = field(record, 'career_path');
  const kpis = field(record, 'kpis');
  return {
    file,
    locator,
    valid,
    id: text(field(record, 'id')),
    reportsTo: text(field(record, 'reports_to')),
    careerPath: Array.isArray(path) ? path.map(text) : [],
    kpiWeights: Array.isArray(kpis)
      ? kpis.flatMap((kpi: unknown) => {
          const weight = typeof kpi === 'object' && kpi !== null ? field(kpi, 'weight') : undefined;
          return typeof weight === 'number' ? [weight] : [];
        })
      : [],
  };
}

interface RuleContext {
  readonly roles: readonly RuleRole[];
  readonly messages: Messages;
  readonly lang: Lang;
}

type Rule = (ctx: RuleContext) => Diagnostic[];

/** Names the field that holds the value at `segments` (the list, for a list entry). */
function fieldName(ctx: RuleContext, segments: readonly string[]): string {
  const fieldPath = segments.filter((s) => !/^\d+$/.test(s));
  return ctx.messages.field(labelOf(schemaAt(roleSchema().root, fieldPath), ctx.lang), fieldPath.at(-1) ?? '');
}

const uniqueIds: Rule = (ctx) => {
  const byId = new Map<string, RuleRole[]>();
  for (const role of ctx.roles) if (role.id !== undefined) byId.set(role.id, [...(byId.get(role.id) ?? []), role]);
  const out: Diagnostic[] = [];
  for (const [id, holders] of byId) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const others = holders.filter((h) => h !== holder).map((h) => h.file);
      out.push(diagnostic('role.duplicate-id', holder.file, holder.locator.locate(['id'], 'value'), ctx.messages.duplicateId(id, others), ctx.messages.duplicateIdHint));
    }
  }
  return out;
};

const linksResolve: Rule = (ctx) => {
  const ids = [...new Set(ctx.roles.flatMap((r) => (r.id === undefined ? [] : [r.id])))].sort();
  const known = new Set(ids);
  const out: Diagnostic[] = [];
  const check = (entry: RuleRole, value: string | undefined, segments: string[]): void => {
    if (value === undefined || known.has(value)) return;
    if (!ROLE_ID_PATTERN.test(value)) {
      // `cs-manager` + U+200B, pasted from a chat, looks like the id but would silently be words.
      const visible = withoutInvisible(value);
      if (visible === value || !ROLE_ID_PATTERN.test(visible)) return;
      const near = known.has(visible) ? visible : suggest(visible, ids);
      const message = ctx.messages.invisibleInRoleId(fieldName(ctx, segments), visible, invisibleCodePoints(value));
      out.push(diagnostic('link.unknown-role', entry.file, entry.locator.locate(segments, 'value'), message, near ? ctx.messages.invisibleInRoleIdHint(near) : ctx.messages.unknownRoleHint));
      return;
    }
    const near = suggest(value, ids);
    out.push(diagnostic('link.unknown-role', entry.file, entry.locator.locate(segments, 'value'), ctx.messages.unknownRole(fieldName(ctx, segments), value), near ? ctx.messages.didYouMean(near) : ctx.messages.unknownRoleHint));
  };
  for (const entry of ctx.roles) {
    check(entry, entry.reportsTo, ['reports_to']);
    entry.careerPath.forEach((step, index) => check(entry, step, ['career_path', String(index)]));
  }
  return out;
};

const noReportingCycles: Rule = (ctx) => {
  // With duplicate ids the reporting line is ambiguous; uniqueIds reports that, and the first holder is followed here.
  const byId = new Map<string, RuleRole>();
  for (const role of ctx.roles) if (role.id !== undefined && !byId.has(role.id)) byId.set(role.id, role);
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const start of byId.values()) {
    const startId = start.id ?? '';
    const chain: string[] = [];
    let current: RuleRole | undefined = start;
    while (current?.id !== undefined && !chain.includes(current.id)) {
      chain.push(current.id);
      const next: string | undefined = current.reportsTo;
      current = next === undefined ? undefined : byId.get(next);
    }
    if (current?.id !== startId || reported.has(startId)) continue;
    // Every role on the cycle gets the error in its own file, each naming the whole circle from itself.
    for (const id of chain) reported.add(id);
    for (let i = 0; i < chain.length; i++) {
      const rotated = [...chain.slice(i), ...chain.slice(0, i)];
      const member = byId.get(rotated[0] ?? '');
      if (!member) continue;
      out.push(diagnostic('link.cycle', member.file, member.locator.locate(['reports_to'], 'value'), ctx.messages.reportsToCycle([...rotated, rotated[0] ?? '']), ctx.messages.reportsToCycleHint));
    }
  }
  return out;
};

const kpiWeightsSumTo100: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const entry of ctx.roles) {
    const weights = entry.kpiWeights;
    // A misspelt `wieght` or a `50%` is already an error; a sum without it would be a second, misleading one.
    if (weights.length === 0 || !entry.valid) continue;
    const sum = weights.reduce((a, b) => a + b, 0);
    // Decimal weights (33.3 + 33.3 + 33.4) do not add up exactly in floating point.
    if (Math.abs(sum - 100) < 1e-3) continue;
    out.push(diagnostic('kpi.weights-sum', entry.file, entry.locator.locate(['kpis'], 'key'), ctx.messages.kpiWeightsSum(sum), ctx.messages.kpiWeightsSumHint));
  }
  return out;
};

/** Names Windows reserves for devices: a file con.pdf cannot be opened there, or copied from a repository. */
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

const idsAreFileNames: Rule = (ctx) =>
  ctx.roles.flatMap((role): Diagnostic[] => {
    if (role.id === undefined) return [];
    const device = WINDOWS_DEVICE_NAMES.test(role.id);
    if (!device && role.id !== HANDBOOK_NAME) return [];
    return [
      diagnostic('role.reserved-id', role.file, role.locator.locate(['id'], 'value'), device ? ctx.messages.reservedId(role.id) : ctx.messages.handbookId(role.id), ctx.messages.reservedIdHint),
    ];
  });

const RULES: readonly Rule[] = [uniqueIds, idsAreFileNames, linksResolve, noReportingCycles, kpiWeightsSumTo100];

export function checkProjectRules(roles: readonly RuleRole[], lang: Lang): Diagnostic[] {
  const ctx: RuleContext = { roles, messages: messagesFor(lang), lang };
  return RULES.flatMap((rule) => rule(ctx));
}

/** An `order` entry of the config that names no department and no role would be ignored without a word. */
export function checkHandbookOrder(order: readonly string[], roles: readonly RawRole[], configLocator: Locator, messages: Messages): Diagnostic[] {
  // Compared in NFC, as the handbook groups them (resolve): 客服部 is one department however its characters were composed.
  const departments = new Set(roles.map((role) => role.department.normalize('NFC')));
  const ids = new Set(roles.map((role) => role.id.normalize('NFC')));
  return order.flatMap((entry, index): Diagnostic[] => {
    if (departments.has(entry.normalize('NFC')) || ids.has(entry.normalize('NFC'))) return [];
    const near = suggest(entry, [...departments, ...ids]);
    return [
      diagnostic('config.unknown-order', CONFIG_FILE_NAME, configLocator.locate(['order', String(index)], 'value'), messages.unknownOrderEntry(entry), near === undefined ? messages.unknownOrderEntryHint : messages.didYouMean(near)),
    ];
  });
}

/**
 * Rules that need more than one file: ids unique, links resolve, no reporting cycles, KPI weights.
 * Each rule is a named function with its own diagnostic code, run over the roles that passed the
 * schema; they only read, and report with the same file:line:column as the schema checks.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import type { Locator } from '../load/locate.js';
import { ROLE_ID_PATTERN, type RawRole } from '../model/role.js';
import { labelOf, suggest } from '../validate/explain.js';
import { roleSchema, schemaAt } from '../validate/schemas.js';

export interface RuleRole {
  readonly file: string;
  readonly role: RawRole;
  readonly locator: Locator;
}

/** A role file whose id could be read even if the file has other errors: it still occupies the id. */
export interface IdClaim {
  readonly file: string;
  readonly id: string;
  readonly locator: Locator | undefined;
}

interface RuleContext {
  readonly roles: readonly RuleRole[];
  readonly claims: readonly IdClaim[];
  readonly messages: Messages;
  readonly lang: Lang;
}

type Rule = (ctx: RuleContext) => Diagnostic[];

function fieldName(ctx: RuleContext, segments: readonly string[]): string {
  const key = segments.filter((s) => !/^\d+$/.test(s)).at(-1) ?? '';
  return ctx.messages.field(labelOf(schemaAt(roleSchema().root, segments), ctx.lang), key);
}

const uniqueIds: Rule = (ctx) => {
  const byId = new Map<string, IdClaim[]>();
  for (const claim of ctx.claims) byId.set(claim.id, [...(byId.get(claim.id) ?? []), claim]);
  const out: Diagnostic[] = [];
  for (const [id, claims] of byId) {
    if (claims.length < 2) continue;
    for (const claim of claims) {
      const others = claims.filter((c) => c !== claim).map((c) => c.file);
      out.push({
        severity: 'error',
        code: 'role.duplicate-id',
        message: ctx.messages.duplicateId(id, others),
        file: claim.file,
        span: claim.locator?.locate(['id'], 'value') ?? { line: 1, column: 1, endLine: 1, endColumn: 1 },
        hint: ctx.messages.duplicateIdHint,
      });
    }
  }
  return out;
};

const linksResolve: Rule = (ctx) => {
  const ids = [...new Set(ctx.claims.map((c) => c.id))].sort();
  const known = new Set(ids);
  const out: Diagnostic[] = [];
  const check = (entry: RuleRole, value: string, segments: string[]): void => {
    if (!ROLE_ID_PATTERN.test(value) || known.has(value)) return;
    const near = suggest(value, ids);
    out.push({
      severity: 'error',
      code: 'link.unknown-role',
      message: ctx.messages.unknownRole(fieldName(ctx, segments), value),
      file: entry.file,
      span: entry.locator.locate(segments, 'value'),
      hint: near ? ctx.messages.didYouMean(near) : ctx.messages.unknownRoleHint,
    });
  };
  for (const entry of ctx.roles) {
    if (entry.role.reports_to !== undefined) check(entry, entry.role.reports_to, ['reports_to']);
    entry.role.career_path?.forEach((step, index) => check(entry, step, ['career_path', String(index)]));
  }
  return out;
};

const noReportingCycles: Rule = (ctx) => {
  const byId = new Map(ctx.roles.map((entry) => [entry.role.id, entry]));
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const start of ctx.roles) {
    const chain: string[] = [];
    let current: RuleRole | undefined = start;
    while (current && !chain.includes(current.role.id)) {
      chain.push(current.role.id);
      const next: string | undefined = current.role.reports_to;
      current = next === undefined ? undefined : byId.get(next);
    }
    if (!current || current.role.id !== start.role.id || reported.has(start.role.id)) continue;
    // Every role on the cycle gets the error in its own file, each naming the whole circle from itself.
    for (const id of chain) reported.add(id);
    for (let i = 0; i < chain.length; i++) {
      const rotated = [...chain.slice(i), ...chain.slice(0, i)];
      const member = byId.get(rotated[0] ?? '');
      if (!member) continue;
      out.push({
        severity: 'error',
        code: 'link.cycle',
        message: ctx.messages.reportsToCycle([...rotated, rotated[0] ?? '']),
        file: member.file,
        span: member.locator.locate(['reports_to'], 'value'),
        hint: ctx.messages.reportsToCycleHint,
      });
    }
  }
  return out;
};

const kpiWeightsSumTo100: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const entry of ctx.roles) {
    const weights = (entry.role.kpis ?? []).flatMap((kpi) => (typeof kpi === 'object' && kpi.weight !== undefined ? [kpi.weight] : []));
    if (weights.length === 0) continue;
    const sum = weights.reduce((a, b) => a + b, 0);
    // Decimal weights (33.3 + 33.3 + 33.4) do not add up exactly in floating point.
    if (Math.abs(sum - 100) < 1e-3) continue;
    out.push({
      severity: 'error',
      code: 'kpi.weights-sum',
      message: ctx.messages.kpiWeightsSum(sum),
      file: entry.file,
      span: entry.locator.locate(['kpis'], 'key'),
      hint: ctx.messages.kpiWeightsSumHint,
    });
  }
  return out;
};

const RULES: readonly Rule[] = [uniqueIds, linksResolve, noReportingCycles, kpiWeightsSumTo100];

export function checkProjectRules(roles: readonly RuleRole[], claims: readonly IdClaim[], lang: Lang): Diagnostic[] {
  const ctx: RuleContext = { roles, claims, messages: messagesFor(lang), lang };
  return RULES.flatMap((rule) => rule(ctx));
}

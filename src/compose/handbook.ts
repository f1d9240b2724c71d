/**
 * compose for the handbook: every role of the project → one Layout (pure). A cover, the contents,
 * the role index (岗位一览表), then per department its organisation chart and career paths and
 * each of its roles on new pages, with the same blocks as the role's own document. Links between
 * roles become links inside the handbook.
 */
import type { Block, ChartBox, ContentsEntry, Layout, TableBlock, TableCell } from '../layout/layout.js';
import { CHART, chartTextSize } from '../layout/metrics.js';
import { withLabels } from '../locale/index.js';
import type { RawRole } from '../model/role.js';
import { composeRoleBlocks, type ComposeContext } from './compose-role.js';
import { layoutOrgCharts, type ChartNode } from './org-chart.js';
import { coverLogoRoom, pageFurniture, placedLogo } from './page-furniture.js';
import { layoutStyleOf, pageSetupOf, textWidthOf } from './style.js';

export interface HandbookContext extends Omit<ComposeContext, 'anchorOf'> {
  /** The handbook's title (config `title`). */
  readonly title: string;
  /** Department names and role ids, first to last (config `order`). */
  readonly order: readonly string[];
  /** The handbook's date, shown on the cover: the newest of its roles' dates. */
  readonly date: Date;
}

/** One department of the handbook: its roles in reading order, and its reporting trees. */
export interface HandbookDepartment {
  readonly name: string;
  readonly roles: readonly RawRole[];
  /** Roles whose reports_to is not a role of the department, in order; each the top of a tree. */
  readonly tops: readonly RawRole[];
  /** The roles of the department that report to a role, in order. */
  readonly reportsOf: (id: string) => readonly RawRole[];
}

export const roleAnchor = (id: string): string => `role:${id}`;
const departmentAnchor = (index: number): string => `department:${index + 1}`;
const INDEX_ANCHOR = 'index';

/**
 * The handbook's order: departments by their first mention in `order` (by name, or by one of
 * their role ids), then by name; in a department, the reporting tree from the top, siblings by
 * their mention in `order`, then title, then id.
 */
export function handbookOrder(roles: readonly RawRole[], order: readonly string[], lang: string): HandbookDepartment[] {
  // numeric: 主管2 before 主管10.
  const collator = new Intl.Collator(lang, { numeric: true });
  const rank = (key: string): number => {
    const index = order.indexOf(key);
    return index < 0 ? Number.POSITIVE_INFINITY : index;
  };
  const byName = new Map<string, RawRole[]>();
  for (const role of roles) byName.set(role.department, [...(byName.get(role.department) ?? []), role]);
  const departmentRank = (name: string, members: readonly RawRole[]): number => Math.min(rank(name), ...members.map((role) => rank(role.id)));
  const siblings = (a: RawRole, b: RawRole): number => rank(a.id) - rank(b.id) || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const departments = [...byName].sort(([a, am], [b, bm]) => departmentRank(a, am) - departmentRank(b, bm) || collator.compare(a, b) || (a < b ? -1 : 1));

  return departments.map(([name, members]) => {
    const ids = new Set(members.map((role) => role.id));
    const reports = new Map<string, RawRole[]>();
    const tops: RawRole[] = [];
    for (const role of [...members].sort(siblings)) {
      if (role.reports_to !== undefined && ids.has(role.reports_to) && role.reports_to !== role.id) {
        reports.set(role.reports_to, [...(reports.get(role.reports_to) ?? []), role]);
      } else {
        tops.push(role);
      }
    }
    // Reading order: each tree from its top, depth first. The project rules refuse cycles; a role
    // left out by one anyway (its whole loop reports inside) is still printed, after the trees.
    const ordered: RawRole[] = [];
    const seen = new Set<string>();
    const visit = (role: RawRole): void => {
      if (seen.has(role.id)) return;
      seen.add(role.id);
      ordered.push(role);
      for (const report of reports.get(role.id) ?? []) visit(report);
    };
    tops.forEach(visit);
    for (const role of [...members].sort(siblings)) visit(role);
    return { name, roles: ordered, tops, reportsOf: (id: string) => reports.get(id) ?? [] };
  });
}

const cell = (text: string, options: { bold?: boolean; shaded?: boolean; link?: string } = {}): TableCell => ({
  content: text === '' ? [] : [[options.link === undefined ? { text } : { text, link: options.link }]],
  ...(options.bold === true ? { bold: true } : {}),
  ...(options.shaded === true ? { shaded: true } : {}),
});

function roleIndex(departments: readonly HandbookDepartment[], ctx: HandbookContext, titleOf: (id: string) => string | undefined): TableBlock {
  const { locale } = ctx;
  const f = locale.fields;
  const roles = departments.flatMap((department) => department.roles);
  const withCode = roles.some((role) => role.code !== undefined);
  const head = (label: string): TableCell => cell(label, { bold: true, shaded: true });
  const sum = (members: readonly RawRole[]): string => {
    const known = members.flatMap((role) => (role.headcount === undefined ? [] : [role.headcount]));
    return known.length === 0 ? '' : locale.formatHeadcount(known.reduce((a, b) => a + b, 0));
  };
  const row = (cells: readonly TableCell[]): TableCell[] => (withCode ? [...cells] : cells.slice(1));
  const body: TableCell[][] = [];
  for (const department of departments) {
    for (const role of department.roles) {
      const boss = role.reports_to === undefined ? undefined : titleOf(role.reports_to);
      body.push(
        row([
          cell(role.code ?? ''),
          cell(role.title, { link: roleAnchor(role.id) }),
          cell(role.department),
          cell(role.headcount === undefined ? '' : locale.formatHeadcount(role.headcount)),
          boss === undefined ? cell(role.reports_to ?? '') : cell(boss, { link: roleAnchor(role.reports_to ?? '') }),
        ]),
      );
    }
    body.push(row([cell(''), cell(locale.handbook.subtotal(department.name), { bold: true, shaded: true }), cell(''), cell(sum(department.roles), { bold: true }), cell('')]));
  }
  body.push(row([cell(''), cell(locale.handbook.total, { bold: true, shaded: true }), cell(''), cell(sum(roles), { bold: true }), cell('')]));
  // The headcount column is wide enough for "Headcount" in bold, not only for 定员人数.
  const widths = withCode ? [0.13, 0.26, 0.2, 0.14, 0.27] : [0.3, 0.24, 0.16, 0.3];
  return {
    kind: 'table',
    columns: widths.map((width) => ({ width })),
    header: row([head(f.code), head(f.title), head(f.department), head(f.headcount), head(f.reports_to)]),
    rows: body,
  };
}

export function composeHandbook(roles: readonly RawRole[], given: HandbookContext): Layout {
  const ctx = { ...given, locale: withLabels(given.locale, given.template.labels) };
  const { locale, template } = ctx;
  const page = pageSetupOf(template);
  const style = layoutStyleOf(template);
  const textWidth = textWidthOf(page);
  const ids = new Set(roles.map((role) => role.id));
  const anchorOf = (id: string): string | undefined => (ids.has(id) ? roleAnchor(id) : undefined);
  const roleCtx: ComposeContext = { ...ctx, anchorOf };
  const departments = handbookOrder(roles, ctx.order, locale.lang);
  const byId = new Map(roles.map((role) => [role.id, role]));

  // Chart geometry: how many boxes fit side by side.
  const chartSize = chartTextSize(style.sizes.table);
  const minColumn = (CHART.minBoxChars * chartSize + 2 * CHART.padding) / CHART.boxShare;
  const limits = { columns: Math.max(1, Math.floor(textWidth / minColumn)), rows: CHART.maxRows };
  const stepWidth = CHART.stepChars * chartSize + 2 * CHART.padding;
  const perLine = Math.max(2, Math.floor((textWidth - CHART.arrowWidth) / (stepWidth + CHART.arrowWidth)));

  const box = (role: RawRole): ChartBox => ({
    text: role.title,
    link: roleAnchor(role.id),
    ...(role.headcount === undefined ? {} : { detail: locale.formatHeadcount(role.headcount) }),
  });
  const tree = (department: HandbookDepartment, role: RawRole): ChartNode => {
    const boss = role.reports_to === undefined ? undefined : byId.get(role.reports_to);
    return {
      box: box(role),
      children: department.reportsOf(role.id).map((report) => tree(department, report)),
      // A top box says whom it reports to when that is outside the chart: another department, or free text.
      ...(boss !== undefined && boss.department !== department.name
        ? { caption: locale.handbook.reportsOutside(boss.title, boss.department) }
        : boss === undefined && role.reports_to !== undefined
          ? { caption: locale.handbook.reportsTo(role.reports_to) }
          : {}),
    };
  };

  const contents: ContentsEntry[] = [{ text: locale.handbook.index, anchor: INDEX_ANCHOR, depth: 0 }];
  const body: Block[] = [
    { kind: 'page-break' },
    { kind: 'title', text: locale.handbook.index, outline: 0, anchor: INDEX_ANCHOR },
    roleIndex(departments, ctx, (id) => byId.get(id)?.title),
  ];
  departments.forEach((department, index) => {
    contents.push({ text: department.name, anchor: departmentAnchor(index), depth: 0 });
    body.push({ kind: 'page-break' }, { kind: 'title', text: department.name, outline: 0, anchor: departmentAnchor(index) });
    const charts = layoutOrgCharts(
      department.tops.map((top) => tree(department, top)),
      limits,
      (parent) => locale.handbook.continued(parent.text),
    );
    body.push({ kind: 'heading', level: 1, text: locale.handbook.orgChart, outline: 1 }, ...charts);
    const paths = department.roles.flatMap((role) =>
      role.career_path === undefined || role.career_path.length === 0
        ? []
        : [role.career_path.map((step): ChartBox => {
            const target = byId.get(step);
            return target ? { text: target.title, link: roleAnchor(target.id) } : { text: step, plain: true };
          })],
    );
    if (paths.length > 0) body.push({ kind: 'heading', level: 1, text: locale.handbook.careerPaths, outline: 1 }, { kind: 'path-chart', perLine, paths });
    for (const role of department.roles) {
      contents.push({ text: role.title, anchor: roleAnchor(role.id), depth: 1 });
      body.push({ kind: 'page-break' }, ...composeRoleBlocks(role, roleCtx, { outline: 1, anchor: roleAnchor(role.id) }));
    }
  });

  const date = ctx.date.toISOString().slice(0, 10);
  const cover: Block = {
    kind: 'cover',
    title: ctx.title,
    lines: [...(ctx.organization === '' ? [] : [ctx.organization]), locale.formatDate(date)],
    ...(template.logo ? { logo: placedLogo(template.logo, template.logo.cover_height_mm, coverLogoRoom(page)) } : {}),
  };
  return {
    meta: {
      title: ctx.title,
      subject: departments.map((department) => department.name).join(locale.listSeparator),
      author: ctx.organization,
      keywords: departments.map((department) => department.name),
      lang: locale.lang,
    },
    page,
    style,
    // One header for every page of the handbook: {role} and {department} are empty in it.
    ...pageFurniture(template, locale, { title: ctx.title, role: '', department: '', organization: ctx.organization }, { center: '{organization}  {title}' }, page),
    blocks: [cover, { kind: 'contents', title: locale.handbook.contents, entries: contents }, ...body],
  };
}

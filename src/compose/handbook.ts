/**
 * compose for the handbook: every role of the project → one Layout (pure). A cover, the contents,
 * the role index (岗位一览表), then per department its organisation chart and career paths and
 * each of its roles on new pages, with the same blocks as the role's own document. Links between
 * roles become links inside the handbook.
 */
import type { Block, ChartBox, ContentsEntry, Layout, TableBlock, TableCell } from '../layout/layout.js';
import { coverLogoRoom, orgChartMaxColumns, pathChartPerLine, textWidth } from '../layout/geometry.js';
import { CHART, chartTextSize } from '../layout/metrics.js';
import { withLabels } from '../locale/build-locale.js';
import type { Handbook, HandbookDepartment } from '../model/handbook.js';
import type { Role } from '../model/role.js';
import { composeRoleBlocks, type ComposeContext } from './compose-role.js';
import { layoutOrgCharts, type ChartNode } from './org-chart.js';
import { pageFurniture, placedLogo } from './page-furniture.js';
import { layoutStyleOf, pageSetupOf } from './style.js';

export interface HandbookContext extends Omit<ComposeContext, 'anchorOf'> {
  /** The handbook's title (config `title`). */
  readonly title: string;
  /** The handbook's date, shown on the cover: the newest of its roles' dates. */
  readonly date: Date;
}

export const roleAnchor = (id: string): string => `role:${id}`;
const departmentAnchor = (index: number): string => `department:${index + 1}`;
const INDEX_ANCHOR = 'index';

const cell = (text: string, options: { bold?: boolean; shaded?: boolean; link?: string } = {}): TableCell => ({
  content: text === '' ? [] : [[options.link === undefined ? { text } : { text, link: options.link }]],
  ...(options.bold === true ? { bold: true } : {}),
  ...(options.shaded === true ? { shaded: true } : {}),
});

function roleIndex(departments: readonly HandbookDepartment[], ctx: HandbookContext): TableBlock {
  const { locale } = ctx;
  const f = locale.fields;
  const roles = departments.flatMap((department) => department.roles);
  const withCode = roles.some((role) => role.code !== undefined);
  const head = (label: string): TableCell => cell(label, { bold: true, shaded: true });
  const sum = (members: readonly Role[]): string => {
    const known = members.flatMap((role) => (role.headcount === undefined ? [] : [role.headcount]));
    return known.length === 0 ? '' : locale.formatHeadcount(known.reduce((a, b) => a + b, 0));
  };
  const row = (cells: readonly TableCell[]): TableCell[] => (withCode ? [...cells] : cells.slice(1));
  const body: TableCell[][] = [];
  for (const department of departments) {
    for (const role of department.roles) {
      const boss = role.reports_to;
      body.push(
        row([
          cell(role.code ?? ''),
          cell(role.title, { link: roleAnchor(role.id) }),
          cell(role.department),
          cell(role.headcount === undefined ? '' : locale.formatHeadcount(role.headcount)),
          boss === undefined ? cell('') : boss.kind === 'text' ? cell(boss.text) : cell(boss.title, { link: roleAnchor(boss.id) }),
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

export function composeHandbook(handbook: Handbook, given: HandbookContext): Layout {
  const ctx = { ...given, locale: withLabels(given.locale, given.template.labels) };
  const { locale, template } = ctx;
  const page = pageSetupOf(template);
  const style = layoutStyleOf(template);
  const width = textWidth(page);
  const { departments, byId } = handbook;
  const anchorOf = (id: string): string | undefined => (byId.has(id) ? roleAnchor(id) : undefined);
  const roleCtx: ComposeContext = { ...ctx, anchorOf };

  // Chart geometry: how many boxes fit side by side.
  const chartSize = chartTextSize(style.sizes.table);
  const limits = { columns: orgChartMaxColumns(width, chartSize), rows: CHART.maxRows };
  const perLine = pathChartPerLine(width, chartSize);

  const box = (role: Role): ChartBox => ({
    text: role.title,
    link: roleAnchor(role.id),
    ...(role.headcount === undefined ? {} : { detail: locale.formatHeadcount(role.headcount) }),
  });
  const tree = (department: HandbookDepartment, role: Role): ChartNode => {
    const boss = role.reports_to?.kind === 'role' ? byId.get(role.reports_to.id) : undefined;
    return {
      box: box(role),
      children: (department.reports.get(role.id) ?? []).map((report) => tree(department, report)),
      // A top box says whom it reports to when that is outside the chart: another department, or free text.
      ...(boss !== undefined && boss.department !== department.name
        ? { caption: locale.handbook.reportsOutside(boss.title, boss.department) }
        : role.reports_to?.kind === 'text'
          ? { caption: locale.handbook.reportsTo(role.reports_to.text) }
          : {}),
    };
  };

  const contents: ContentsEntry[] = [{ text: locale.handbook.index, anchor: INDEX_ANCHOR, depth: 0 }];
  // The index, each department's charts and each role are parts of their own (see Layout.partStarts);
  // the body follows the cover and the contents, hence the 2.
  const partStarts: number[] = [2];
  const body: Block[] = [
    { kind: 'page-break' },
    { kind: 'title', text: locale.handbook.index, outline: 0, anchor: INDEX_ANCHOR },
    roleIndex(departments, ctx),
  ];
  departments.forEach((department, index) => {
    contents.push({ text: department.name, anchor: departmentAnchor(index), depth: 0 });
    partStarts.push(2 + body.length);
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
        : [role.career_path.map((step): ChartBox => (step.kind === 'role' ? { text: step.title, link: roleAnchor(step.id) } : { text: step.text, plain: true }))],
    );
    if (paths.length > 0) body.push({ kind: 'heading', level: 1, text: locale.handbook.careerPaths, outline: 1 }, { kind: 'path-chart', perLine, paths });
    for (const role of department.roles) {
      contents.push({ text: role.title, anchor: roleAnchor(role.id), depth: 1 });
      partStarts.push(2 + body.length);
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
      roleIds: departments.flatMap((department) => department.roles.map((role) => role.id)),
    },
    page,
    style,
    // One header for every page of the handbook: {role} and {department} are empty in it.
    ...pageFurniture(template, locale, { title: ctx.title, role: '', department: '', organization: ctx.organization }, { center: '{organization}  {title}' }, page),
    blocks: [cover, { kind: 'contents', title: locale.handbook.contents, entries: contents }, ...body],
    partStarts,
  };
}

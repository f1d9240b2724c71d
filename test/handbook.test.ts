/**
 * The handbook, built by the CLI from an organisation of 8 roles in 3 departments (a 3-level
 * reporting tree, roles reporting across departments, career paths): content, contents, bookmarks,
 * links, derived direct reports and org charts, read back from the PDF with pdf.js and from the
 * .docx XML.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeHandbook } from '../src/compose/handbook.js';
import { layoutOrgCharts, type ChartNode } from '../src/compose/org-chart.js';
import type { OrgChartBlock } from '../src/layout/layout.js';
import { localeFor } from '../src/locale/builtin.js';
import { resolveHandbook } from '../src/resolve/resolve-handbook.js';
import { resolveRoles } from '../src/resolve/resolve-roles.js';
import type { RawRole } from '../src/model/role.js';
import { build } from './helpers/project.js';
import { runCli } from './helpers/run-cli.js';
import { builtSeedProject, leafStrings, loadBuiltinTemplate, loadRoles, REPO, seedProject, squash, tempProject } from './helpers/seed.js';
import { assertValidDocx, assertValidPdf } from './helpers/valid-output.js';

type PDFDocumentProxy = Awaited<ReturnType<typeof getDocumentProxy>>;

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'org');
const roles = (): RawRole[] => loadRoles(path.join(FIXTURE, 'roles')).map((entry) => entry.role);

interface PdfPage {
  readonly text: string;
  /** The text as lines read top to bottom, left to right (pdf.js gives it in drawing order). */
  readonly lines: readonly string[];
  readonly links: readonly { readonly dest: string; readonly rect: readonly number[] }[];
}

async function readPdf(file: string): Promise<{ pdf: PDFDocumentProxy; pages: PdfPage[] }> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const annotations = (await page.getAnnotations()) as { subtype: string; dest?: unknown; rect: number[] }[];
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = Math.round(item.transform[5] ?? 0);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4] ?? 0, str: item.str }]);
    }
    const lines = [...rows]
      .sort(([a], [b]) => b - a)
      .map(([, items]) => squash(items.sort((a, b) => a.x - b.x).map((item) => item.str).join('')));
    pages.push({
      lines,
      text: squash(content.items.map((item) => ('str' in item ? item.str : '')).join('')),
      links: annotations.filter((a) => a.subtype === 'Link' && typeof a.dest === 'string').map((a) => ({ dest: a.dest as string, rect: a.rect })),
    });
  }
  return { pdf, pages };
}

/** The 0-based page a named destination points at. */
async function pageOfDestination(pdf: PDFDocumentProxy, name: string): Promise<number> {
  const dest = await pdf.getDestination(name);
  if (!dest) throw new Error(`no destination ${name}`);
  return pdf.getPageIndex(dest[0] as Parameters<PDFDocumentProxy['getPageIndex']>[0]);
}

interface Bookmark {
  readonly title: string;
  readonly page: number;
  readonly children: readonly Bookmark[];
}

async function bookmarks(pdf: PDFDocumentProxy): Promise<Bookmark[]> {
  type Item = { title: string; dest: unknown; items: Item[] };
  const walk = async (items: readonly Item[]): Promise<Bookmark[]> =>
    Promise.all(
      items.map(async (item) => {
        const dest = (typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest) as unknown[] | null;
        const page = dest ? await pdf.getPageIndex(dest[0] as Parameters<PDFDocumentProxy['getPageIndex']>[0]) : -1;
        return { title: item.title, page, children: await walk(item.items) };
      }),
    );
  return walk(((await pdf.getOutline()) ?? []) as Item[]);
}

describe('the handbook of an organisation', () => {
  let dir: string;
  let pages: PdfPage[];
  let pdf: PDFDocumentProxy;
  const all = roles();
  const titleOf = (id: string): string | undefined => all.find((role) => role.id === id)?.title;
  const documentTitle = (role: RawRole): string => `${role.title}职位说明书`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'roledoc-org-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const result = await build(dir);
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    ({ pdf, pages } = await readPdf(path.join(dir, 'out', 'handbook.pdf')));
  });

  it('is a valid PDF and .docx for every reader', async () => {
    await assertValidPdf(new Uint8Array(readFileSync(path.join(dir, 'out', 'handbook.pdf'))));
    await assertValidDocx(new Uint8Array(readFileSync(path.join(dir, 'out', 'handbook.docx'))));
  });

  it('holds every string of every role, and each role exactly once', () => {
    const text = pages.map((page) => page.text).join('');
    for (const role of all) {
      for (const value of leafStrings(role, titleOf)) expect(text, `${role.id}: ${value}`).toContain(squash(value));
      expect(text.split(squash(documentTitle(role))).length - 1, role.id).toBe(1);
      for (const responsibility of role.responsibilities) expect(text.split(squash(responsibility)).length - 1, responsibility).toBe(1);
    }
  });

  it('has a cover with title, organisation and date, and no header or page number on it', () => {
    const cover = pages[0]?.text ?? '';
    expect(cover).toContain('华东呼叫中心岗位说明书');
    expect(cover).toContain('示例科技有限公司');
    expect(cover).toContain('2024年1月1日');
    expect(cover).not.toContain('第1页');
    expect(pages[1]?.text).toContain(`示例科技有限公司华东呼叫中心岗位说明书`);
    expect(pages[1]?.text).toContain(`第2页/共${pages.length}页`);
  });

  it('orders departments as the config says, and roles by the reporting tree from the top', () => {
    const text = pages.map((page) => page.text).join('');
    const at = (title: string): number => text.indexOf(squash(title));
    expect(at('行政部组织架构图')).toBeLessThan(at('客服部组织架构图'));
    expect(at('客服部组织架构图')).toBeLessThan(at('市场部组织架构图'));
    const order = ['客服部经理', '客服主管', '客服专员', '质检专员'].map((title) => at(`${title}职位说明书`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('lists every role in the contents, each entry a link to the page where the role starts, with that page number', async () => {
    const contents = pages[1];
    expect(contents?.text).toContain('目录');
    for (const role of all) {
      const link = contents?.links.find((l) => l.dest === `role:${role.id}`);
      expect(link, role.id).toBeDefined();
      const page = await pageOfDestination(pdf, `role:${role.id}`);
      // The title is the first thing drawn on the page (the running header comes last).
      expect(pages[page]?.text.startsWith(squash(documentTitle(role))), role.id).toBe(true);
      expect(contents?.lines, role.id).toContain(`${role.title}${page + 1}`);
    }
  });

  it('has bookmarks department → role → section', async () => {
    const tree = await bookmarks(pdf);
    expect(tree.map((b) => b.title)).toEqual(['岗位一览表', '行政部', '客服部', '市场部']);
    for (const role of all) {
      const department = tree.find((b) => b.title === role.department);
      const entry = department?.children.find((b) => b.title === documentTitle(role));
      expect(entry, role.id).toBeDefined();
      expect(entry?.page).toBe(await pageOfDestination(pdf, `role:${role.id}`));
      expect(entry?.children.map((b) => b.title)).toContain('岗位职责');
    }
  });

  it('turns reports_to, career paths and direct reports into links to the right pages', async () => {
    const supervisorPage = await pageOfDestination(pdf, 'role:cs-supervisor');
    const onSupervisor = pages[supervisorPage]?.links.map((l) => l.dest) ?? [];
    // 直接上级 客服部经理, 直接下级 客服专员, and the career path's own role and the manager.
    expect(onSupervisor).toEqual(expect.arrayContaining(['role:cs-manager', 'role:cs-agent', 'role:cs-supervisor']));
    let checked = 0;
    for (const [index, page] of pages.entries()) {
      for (const link of page.links) {
        const id = link.dest.replace(/^role:/, '');
        const role = all.find((r) => r.id === id);
        if (!role) continue;
        const target = await pageOfDestination(pdf, link.dest);
        expect(pages[target]?.text, `link on page ${index + 1} to ${id}`).toContain(squash(documentTitle(role)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('shows derived 直接下级 in the role documents and the handbook', async () => {
    const manager = await assertValidPdf(new Uint8Array(readFileSync(path.join(dir, 'out', 'cs-manager.pdf'))));
    expect(squash(manager)).toContain('直接下级质检专员、客服主管');
    const gm = pages[await pageOfDestination(pdf, 'role:general-manager')]?.text;
    expect(gm).toContain('直接下级行政专员、客服部经理、市场部经理');
    const agent = await assertValidPdf(new Uint8Array(readFileSync(path.join(dir, 'out', 'cs-agent.pdf'))));
    expect(squash(agent)).not.toContain('直接下级');
  });

  it("draws each department's org chart with every role of the department, and its career paths", async () => {
    const { departments } = resolveHandbook(resolveRoles(all), ['行政部', '客服部'], 'zh-CN');
    for (const [index, department] of departments.entries()) {
      const page = pages[await pageOfDestination(pdf, `department:${index + 1}`)];
      expect(page?.text).toContain(`${department.name}组织架构图`);
      for (const role of department.roles) expect(page?.text, role.id).toContain(squash(role.title));
      // Every box is a link to its role.
      for (const role of department.roles) expect(page?.links.map((l) => l.dest), role.id).toContain(`role:${role.id}`);
    }
    const service = pages[await pageOfDestination(pdf, 'department:2')]?.text ?? '';
    expect(service).toContain('上级：总经理（行政部）');
    expect(service).toContain('发展通路');
    expect(service).toContain('资深客服专员');
  });

  it('gives the .docx bookmarks for every anchor, hyperlinks that all lead to one, and built-in headings department → role → section', () => {
    const files = unzipSync(new Uint8Array(readFileSync(path.join(dir, 'out', 'handbook.docx'))));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const names = new Set([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]));
    const anchors = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(30);
    for (const anchor of anchors) expect(names.has(anchor), anchor).toBe(true);
    // Bookmark ids are numbered from 0 in document order, whatever else the process rendered before.
    const ids = [...xml.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(ids.map((_, i) => i));
    // Word's built-in headings ("heading 1" …, with their outline levels); a look of its own at a depth is a style based on that heading.
    const styles = strFromU8(files['word/styles.xml'] ?? new Uint8Array());
    const styleOf = new Map(
      [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)].map((m) => [
        m[1],
        { name: m[2]?.match(/<w:name w:val="([^"]+)"\/>/)?.[1], basedOn: m[2]?.match(/<w:basedOn w:val="([^"]+)"\/>/)?.[1], level: m[2]?.match(/<w:outlineLvl w:val="(\d)"\/>/)?.[1] },
      ]),
    );
    const paragraphs = xml.split('</w:p>');
    const headingOf = (text: string): { name: string | undefined; level: string | undefined } => {
      // The title or heading with this text, not the contents entry that links to it.
      const paragraph = paragraphs.find((p) => /<w:pStyle w:val="Heading\d/.test(p) && p.replace(/<[^>]+>/g, '') === text);
      const id = paragraph?.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1] ?? '';
      expect(paragraph?.includes('<w:outlineLvl'), text).toBe(false);
      const style = styleOf.get(id);
      // The built-in heading itself, or the one the style is based on.
      const builtIn = style?.name?.startsWith('heading ') ? style : styleOf.get(style?.basedOn ?? '');
      return { name: builtIn?.name, level: style?.level };
    };
    expect(headingOf('客服部')).toEqual({ name: 'heading 1', level: '0' });
    for (const role of all) expect(headingOf(documentTitle(role)), role.id).toEqual({ name: 'heading 2', level: '1' });
    expect(headingOf('组织架构图')).toEqual({ name: 'heading 2', level: '1' });
    expect(headingOf('岗位职责')).toEqual({ name: 'heading 3', level: '2' });
    expect([...styleOf.keys()].some((id) => id?.startsWith('Roledoc') === true)).toBe(false);
  });

  it("gives the .docx a TOC field whose entries already hold the PDF's page numbers", async () => {
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(dir, 'out', 'handbook.docx'))))['word/document.xml'] ?? new Uint8Array());
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(xml)?.[0] ?? '';
    expect(toc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(toc).toContain('<w:instrText xml:space="preserve"> TOC \\o &quot;1-2&quot; \\h \\z </w:instrText>');
    expect(toc).not.toContain('w:dirty');
    const bookmarkOf = new Map([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"[^>]*\/>((?:(?!<\/w:p>)[\s\S])*)/g)].map((m) => [m[2]?.replace(/<[^>]+>/g, ''), m[1]]));
    for (const role of all) {
      const entry = new RegExp(`<w:hyperlink w:anchor="([^"]+)"[^>]*><w:r><w:t xml:space="preserve">${role.title}</w:t></w:r><w:r><w:tab/></w:r>(.*?)</w:hyperlink>`).exec(toc);
      expect(entry, role.id).not.toBeNull();
      const [, anchor, field] = entry ?? [];
      // The entry leads to the role's title, and its PAGEREF names the same bookmark, with the page the PDF has it on.
      expect(bookmarkOf.get(documentTitle(role)), role.id).toBe(anchor);
      expect(field).toContain(`<w:instrText xml:space="preserve"> PAGEREF ${anchor} \\h </w:instrText>`);
      const page = (await pageOfDestination(pdf, `role:${role.id}`)) + 1;
      // The number in the body font and regular weight, as the PDF draws it (a department's entry is bold).
      expect(field, role.id).toMatch(
        new RegExp(`<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" [^>]*w:eastAsia="SimSun"/><w:b w:val="0"/><w:bCs w:val="0"/></w:rPr><w:t xml:space="preserve">${page}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>`),
      );
    }
  });

  it('sums headcounts per department and overall in the role index', () => {
    const index = pages[2]?.text ?? '';
    expect(index).toContain('岗位一览表');
    expect(index).toContain('行政部小计3人');
    expect(index).toContain('客服部小计48人');
    expect(index).toContain('市场部小计6人');
    expect(index).toContain('合计57人');
  });
});

describe('building the handbook, or not', () => {
  const outputs = (dir: string): string[] => ['handbook.docx', 'handbook.pdf'].filter((name) => existsSync(path.join(dir, 'out', name)));

  it('--only handbook builds the handbook alone; --only roles and --no-handbook leave it out', async () => {
    const dir = seedProject();
    const only = await runCli(['build', '--only', 'handbook', '--format', 'json'], dir);
    expect(JSON.parse(only.stdout).written).toEqual(['handbook.docx', 'handbook.pdf']);
    const roles = await runCli(['build', '--only', 'roles', '--format', 'json'], dir);
    expect(JSON.parse(roles.stdout)).toMatchObject({ removed: [] });
    expect(JSON.parse(roles.stdout).written).toHaveLength(6);
    const skip = await runCli(['build', '--no-handbook', '--force', '--format', 'json'], dir);
    expect(JSON.parse(skip.stdout).written).toHaveLength(6);
    expect(JSON.parse(skip.stdout).removed).toEqual([]);
    expect(outputs(dir)).toEqual(['handbook.docx', 'handbook.pdf']);
    expect((await runCli(['build', '--only', 'everything'], dir)).exitCode).toBe(2);
    const contradiction = await runCli(['build', '--only', 'handbook', '--no-handbook'], dir);
    expect(contradiction.exitCode).toBe(2);
    expect(contradiction.stderr).toContain('手册已关闭');
  });

  it('handbook: false in the config builds none, and removes the one roledoc made before', async () => {
    const dir = await builtSeedProject();
    expect(outputs(dir)).toHaveLength(2);
    const config = path.join(dir, 'roledoc.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('handbook: true', 'handbook: false'));
    const result = await runCli(['build', '--format', 'json'], dir);
    expect(JSON.parse(result.stdout).removed).toEqual(['handbook.docx', 'handbook.pdf']);
    expect(outputs(dir)).toEqual([]);
  });

  it('refuses a role whose id is handbook, at its line', async () => {
    const dir = tempProject({ 'roles/h.yaml': 'id: handbook\ntitle: 手册专员\ndepartment: 行政部\nresponsibilities: [负责手册。]\n' });
    const result = await runCli(['build', '--no-color'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/roles\/h\.yaml:1:5 {2}error {2}role\.reserved-id {2}“handbook”是合订本的文件名/);
  });
});

describe('compose: handbook order and org charts', () => {
  const template = loadBuiltinTemplate();
  const locale = localeFor('zh-CN');

  it('orders by config order, then by department name, then the tree from the top', () => {
    const { departments } = resolveHandbook(resolveRoles(roles()), ['mkt-specialist'], 'zh-CN');
    expect(departments[0]?.name).toBe('市场部');
    expect(departments.find((d) => d.name === '客服部')?.roles.map((r) => r.id)).toEqual(['cs-manager', 'cs-supervisor', 'cs-agent', 'cs-qa']);
  });

  const node = (text: string, children: ChartNode[] = []): ChartNode => ({ box: { text }, children });
  const names = (charts: readonly OrgChartBlock[]): string[] => charts.flatMap((chart) => chart.boxes.map((box) => box.text));

  it('puts a tree that fits on one chart, parents centred over their children', () => {
    const [chart, ...rest] = layoutOrgCharts([node('经理', [node('主管甲', [node('专员甲'), node('专员乙')]), node('主管乙')])], { columns: 8, rows: 6 }, (box) => `续 ${box.text}`);
    expect(rest).toEqual([]);
    expect(chart?.columns).toBe(3);
    expect(chart?.boxes.map((b) => [b.text, b.column, b.span, b.row])).toEqual([
      ['经理', 0, 3, 0],
      ['主管甲', 0, 2, 1],
      ['专员甲', 0, 1, 2],
      ['专员乙', 1, 1, 2],
      ['主管乙', 2, 1, 1],
    ]);
    expect(chart?.edges).toEqual([
      { from: 0, to: [1, 4] },
      { from: 1, to: [2, 3] },
    ]);
  });

  it('splits a tree too wide or too deep for the page into captioned charts, losing no box', () => {
    const wide = node('经理', Array.from({ length: 20 }, (_, i) => node(`专员${i + 1}`)));
    const charts = layoutOrgCharts([wide], { columns: 8, rows: 6 }, (box) => `续 ${box.text}`);
    expect(charts).toHaveLength(3);
    for (const chart of charts) expect(chart.columns).toBeLessThanOrEqual(8);
    expect(new Set(names(charts))).toEqual(new Set(['经理', ...Array.from({ length: 20 }, (_, i) => `专员${i + 1}`)]));
    expect(charts[1]?.caption).toBe('续 经理');

    let deep = node('L9');
    for (let level = 8; level >= 1; level--) deep = node(`L${level}`, [deep]);
    const deepCharts = layoutOrgCharts([deep], { columns: 8, rows: 6 }, (box) => `续 ${box.text}`);
    for (const chart of deepCharts) expect(chart.rows).toBeLessThanOrEqual(6);
    expect(new Set(names(deepCharts))).toEqual(new Set(Array.from({ length: 9 }, (_, i) => `L${i + 1}`)));
  });

  it('says above a chart whom its top role reports to when that is free text', () => {
    const guard: RawRole = { id: 'guard', title: '保安', department: '安保部', reports_to: '物业公司经理', responsibilities: ['负责巡逻。'] };
    const layout = composeHandbook(resolveHandbook(resolveRoles([guard]), [], 'zh-CN'), { template, locale, organization: '', title: '手册', date: new Date('2024-01-01T00:00:00Z') });
    expect(layout.blocks.find((block): block is OrgChartBlock => block.kind === 'org-chart')?.caption).toBe('上级：物业公司经理');
  });

  it('draws every role of a wide department somewhere, with the charts of the handbook', () => {
    const many: RawRole[] = [
      { id: 'boss', title: '经理', department: '客服部', responsibilities: ['负责。'] },
      ...Array.from({ length: 30 }, (_, i): RawRole => ({ id: `agent-${i}`, title: `专员${i}`, department: '客服部', reports_to: 'boss', responsibilities: ['负责。'] })),
    ];
    const layout = composeHandbook(resolveHandbook(resolveRoles(many), [], 'zh-CN'), {
      template,
      locale,
      organization: '',
      title: '手册',
      date: new Date('2024-01-01T00:00:00Z'),
    });
    const charts = layout.blocks.filter((block): block is OrgChartBlock => block.kind === 'org-chart');
    expect(charts.length).toBeGreaterThan(1);
    expect(new Set(names(charts))).toEqual(new Set(many.map((role) => role.title)));
  });
});

describe('the handbook of the seed roles', () => {
  it('draws the 客服部 tree from the data: 客服部经理 over 客服主管', async () => {
    const dir = seedProject();
    expect((await runCli(['build', '--only', 'handbook'], dir)).exitCode).toBe(0);
    const { pages } = await readPdf(path.join(dir, 'out', 'handbook.pdf'));
    const department = pages.find((page) => page.text.includes('组织架构图'));
    for (const title of ['客服部经理', '客服主管', '客服营销支持主管']) expect(department?.text).toContain(title);
    expect(department?.text).toContain('客服主管4人');
  });
});

describe('charts that do not fit', () => {
  it('keeps every box of a wide, deep department with long titles inside the page, in the PDF', async () => {
    // Titles that wrap to ten lines in a box: six levels of them are taller than a page.
    const long = (i: number): string => `负责华东区域大客户服务与投诉升级处理并协调质检培训排班及现场管理工作的高级专员岗位（含夜班与节假日值守、跨部门协作、重大投诉应急处置）第${i}号`;
    const files: Record<string, string> = {};
    const add = (id: string, title: string, boss?: string): void => {
      files[`roles/${id}.yaml`] = `id: ${id}\ntitle: ${title}\ndepartment: 客服部\n${boss ? `reports_to: ${boss}\n` : ''}responsibilities: [负责。]\n`;
    };
    add('boss', '客服部经理');
    for (let i = 0; i < 25; i++) add(`lead-${i}`, `主管${i}`, 'boss');
    let parent = 'lead-0';
    for (let level = 0; level < 8; level++) {
      add(`chain-${level}`, long(level), parent);
      parent = `chain-${level}`;
    }
    const dir = tempProject(files);
    expect((await runCli(['build', '--only', 'handbook', '--format', 'pdf'], dir)).exitCode).toBe(0);
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path.join(dir, 'out', 'handbook.pdf'))));
    // The charts: from the department's 组织架构图 to its first role.
    let chartText = '';
    let inCharts = false;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [x, y] = [item.transform[4] ?? 0, item.transform[5] ?? 0];
        expect(x >= 0 && x + item.width <= (width ?? 0) && y >= 0 && y <= (height ?? 0), `page ${number}: ${item.str}`).toBe(true);
      }
      const text = squash(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      if (text.includes('组织架构图')) inCharts = true;
      if (text.includes('职位说明书')) inCharts = false;
      if (inCharts) chartText += text;
    }
    for (let i = 0; i < 25; i++) expect(chartText).toContain(`主管${i}`);
    for (let level = 0; level < 8; level++) expect(chartText).toContain(squash(long(level)));
  });
});

describe('org charts of roles that report to no one', () => {
  it('sets them side by side, as many to a chart as fit, not one chart each', () => {
    const flat = Array.from({ length: 12 }, (_, i): ChartNode => ({ box: { text: `专员${i}` }, children: [] }));
    const charts = layoutOrgCharts(flat, { columns: 6, rows: 6 }, (box) => box.text);
    expect(charts.map((chart) => chart.boxes.length)).toEqual([6, 6]);
    expect(charts.map((chart) => chart.rows)).toEqual([1, 1]);
  });
});

describe('departments written in composed and decomposed Unicode', () => {
  // "Café Équipe" typed on one machine (é, one character) and saved by another as e + U+0301:
  // the same name to a reader, two different strings to a computer.
  const composed = 'Café Équipe';
  const decomposed = composed.normalize('NFD');
  const role = (id: string, department: string, reportsTo?: string): RawRole => ({ id, title: id, department, responsibilities: ['x'], ...(reportsTo ? { reports_to: reportsTo } : {}) });

  it('are one department of the handbook, named in composed form, and found by an order entry in either form', () => {
    expect(decomposed).not.toBe(composed);
    const resolved = resolveRoles([role('lead', composed), role('agent', decomposed, 'lead'), role('other', 'Accueil')]);
    expect(resolved.map((r) => r.department)).toEqual([composed, composed, 'Accueil']);
    const { departments } = resolveHandbook(resolved, ['Accueil', decomposed], 'fr');
    expect(departments.map((d) => d.name)).toEqual(['Accueil', composed]);
    expect(departments[1]?.roles.map((r) => r.id)).toEqual(['lead', 'agent']);
    expect(departments[1]?.tops.map((r) => r.id)).toEqual(['lead']);
  });
});

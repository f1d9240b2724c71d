/**
 * Tagged and archival PDF, read back the way assistive technology and archive checkers read it:
 * pdf.js's structure tree and marked content (what Firefox's reader hands a screen reader), the
 * catalog and XMP packet as bytes, Ghostscript re-reading the file where it is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { Layout, TableCell } from '../src/layout/layout.js';
import { compileProject } from '../src/pipeline/compile-project.js';
import { orgChartAlt } from '../src/render/pdf/charts.js';
import { measurerFor } from '../src/render/pdf/measure.js';
import { leadingLabel } from '../src/layout/cell-labels.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import type { PdfStandard } from '../src/model/config.js';
import { bundledFonts } from './helpers/fonts.js';
import { seedFixture, seedProject, squash } from './helpers/seed.js';
import { pdfSource } from './helpers/pdf-source.js';

const fonts = bundledFonts();
const createdAt = new Date('2024-03-01T08:30:00Z');
const render = (layout: Layout, standard?: PdfStandard) => renderPdf(layout, { fonts, createdAt, ...(standard ? { standard } : {}) });
const { layouts } = seedFixture();
const roleLayout = (id: string): Layout => {
  const layout = layouts.get(id);
  if (!layout) throw new Error(`no layout for ${id}`);
  return layout;
};

/** pdf.js's structure tree node: an element with a role, marked content, or an object reference (OBJR). */
interface StructNode {
  role?: string;
  alt?: string;
  type?: 'content' | 'object' | 'annotation';
  id?: string;
  children?: StructNode[];
}

type PdfProxy = Awaited<ReturnType<typeof getDocumentProxy>>;
const open = (pdf: Uint8Array): Promise<PdfProxy> => getDocumentProxy(pdf.slice());

async function treeOf(doc: PdfProxy, page: number): Promise<StructNode> {
  return (await (await doc.getPage(page)).getStructTree()) as StructNode;
}

/** Every element under `node`, depth first, in reading order. */
function elements(node: StructNode): StructNode[] {
  return (node.children ?? []).flatMap((child) => (child.role === undefined ? [] : [child, ...elements(child)]));
}

/** How many pieces of marked content (on the page the tree was read for) `node` holds itself. */
const contentCount = (node: StructNode): number => (node.children ?? []).filter((child) => child.type === 'content').length;
const hasContentBelow = (node: StructNode): boolean => contentCount(node) > 0 || (node.children ?? []).some((child) => child.role !== undefined && hasContentBelow(child));

/** The page's text with, for each piece, the marked content it is in: an MCID's id, 'Artifact', or none. */
async function markedText(doc: PdfProxy, page: number): Promise<{ text: string; mark: string | undefined; x: number; y: number }[]> {
  const content = await (await doc.getPage(page)).getTextContent({ includeMarkedContent: true });
  const out: { text: string; mark: string | undefined; x: number; y: number }[] = [];
  const open: (string | undefined)[] = [];
  for (const item of content.items) {
    if ('type' in item) {
      // pdf.js also gives the tag (Artifact, P, TD …), which its types leave out.
      const marked: { type: string; id: string | null; tag?: string } = item;
      if (marked.type === 'beginMarkedContentProps' || marked.type === 'beginMarkedContent') open.push(marked.tag === 'Artifact' ? 'Artifact' : (marked.id ?? undefined));
      else if (marked.type === 'endMarkedContent') open.pop();
      continue;
    }
    if (item.str.trim() === '') continue;
    out.push({ text: item.str, mark: open[open.length - 1], x: item.transform[4] ?? 0, y: item.transform[5] ?? 0 });
  }
  return out;
}

const latin1 = (pdf: Uint8Array): string => pdfSource(pdf);
const utf8 = (pdf: Uint8Array): string => Buffer.from(pdf).toString('utf8');

describe('tagged PDF: a role document', () => {
  it('has a structure tree of headings, a form, lists and tables, with language, title and MarkInfo', async () => {
    const pdf = await render(roleLayout('cs-supervisor'));
    const doc = await open(pdf);
    expect(await doc.getMarkInfo()).toMatchObject({ Marked: true });
    const raw = latin1(pdf);
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/Lang (zh-CN)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toContain('/Type /StructTreeRoot');

    const first = await treeOf(doc, 1);
    expect(first.role).toBe('Root');
    const [documentElement] = first.children ?? [];
    expect(documentElement?.role).toBe('Document');
    // pdf.js gives a page the elements on it (an element's /Pg): each heading is on one page.
    const all: StructNode[] = [];
    for (let page = 1; page <= doc.numPages; page++) all.push(...elements(await treeOf(doc, page)).filter((node) => node.role !== 'Table' || page === 1));
    const roles = new Set(all.map((node) => node.role));
    for (const role of ['H1', 'H2', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'Lbl', 'LBody']) expect(roles).toContain(role);
    // The title is the document's only H1, first in reading order; the sections are H2.
    expect(documentElement?.children?.[0]?.role).toBe('H1');
    expect(all.filter((node) => node.role === 'H1')).toHaveLength(1);
    const sections = all.filter((node) => node.role === 'H2');
    expect(sections.length).toBe(6);
    // Every list item is a label and a body, in that order.
    for (const item of all.filter((node) => node.role === 'LI')) expect(item.children?.map((child) => child.role)).toEqual(['Lbl', 'LBody']);
    // The form (基本信息): label, value, label, value — the labels head their rows.
    const formRow = documentElement?.children?.[1]?.children?.[0];
    expect(formRow?.children?.map((cell) => cell.role)).toEqual(['TH', 'TD', 'TH', 'TD']);
  });

  it('marks every piece of text on every page as content of an element or as an artifact (the header and footer)', async () => {
    const pdf = await render(roleLayout('cs-supervisor'));
    const doc = await open(pdf);
    for (let page = 1; page <= doc.numPages; page++) {
      const pieces = await markedText(doc, page);
      expect(pieces.filter((piece) => piece.mark === undefined)).toEqual([]);
      const footer = squash(pieces.filter((piece) => piece.mark === 'Artifact').map((piece) => piece.text).join(''));
      expect(footer).toContain(`第${page}页/共${doc.numPages}页`);
      // And no content holds the footer: a screen reader does not read it on every page.
      expect(squash(pieces.filter((piece) => piece.mark !== 'Artifact').map((piece) => piece.text).join(''))).not.toContain(`第${page}页`);
    }
  });

  it('gives the same bytes for the same layout and date', async () => {
    const sha = async () => createHash('sha256').update(await render(roleLayout('cs-manager'))).digest('hex');
    expect(await sha()).toBe(await sha());
  });
});

describe('tagged PDF: a table across pages', () => {
  const base = roleLayout('cs-supervisor');
  const sentences = Array.from({ length: 90 }, (_, i) => `第${i + 1}条：负责对管辖范围内人员的日常营销工作进行管理安排，通过对每日数据的监控和诊断，及时发现问题。`);
  const cell = (text: string, bold = false): TableCell => ({ content: [[{ text, ...(bold ? { bold: true } : {}) }]], ...(bold ? { bold: true } : {}) });
  const layout: Layout = {
    ...base,
    blocks: [
      { kind: 'title', text: '长表测试' },
      {
        kind: 'table',
        columns: [{ width: 0.28 }, { width: 0.72 }],
        header: [
          { ...cell('职责表述', true), shaded: true },
          { ...cell('工作任务', true), shaded: true },
        ],
        rows: [
          [{ ...cell('日常行政管理', true), continued: [[{ text: '日常行政管理（续）', bold: true }]] }, { content: sentences.map((text, index) => [{ text: `（${index + 1}）${text}` }]) }],
          [cell('之后的行', true), cell('表格在长行之后继续。')],
        ],
      },
    ],
  };

  it('is one Table whose split row is one TR with content on every page, the repeated header an artifact', async () => {
    const doc = await open(await render(layout));
    expect(doc.numPages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= doc.numPages; page++) {
      const documentElement = (await treeOf(doc, page)).children?.[0];
      const tables = (documentElement?.children ?? []).filter((node) => node.role === 'Table');
      expect(tables).toHaveLength(1);
      const [header, longRow] = tables[0]?.children ?? [];
      expect(header?.children?.map((cell) => cell.role)).toEqual(['TH', 'TH']);
      // The header is content on the first page only; the long row's tasks cell has content on every page.
      expect(hasContentBelow(header ?? {})).toBe(page === 1);
      expect(contentCount(longRow?.children?.[1] ?? {})).toBeGreaterThan(0);
      const pieces = await markedText(doc, page);
      if (page > 1) {
        const repeated = squash(pieces.filter((piece) => piece.mark === 'Artifact').map((piece) => piece.text).join(''));
        expect(repeated).toContain('职责表述工作任务');
      }
    }
  });

  it('says the duty again with （续） at the top of each page its tasks continue on, as an artifact', async () => {
    const doc = await open(await render(layout));
    for (let page = 2; page <= doc.numPages; page++) {
      const pieces = await markedText(doc, page);
      const artifacts = squash(pieces.filter((piece) => piece.mark === 'Artifact').map((piece) => piece.text).join(''));
      const content = squash(pieces.filter((piece) => piece.mark !== 'Artifact').map((piece) => piece.text).join(''));
      if (content.includes('第')) expect(artifacts).toContain('日常行政管理（续）');
      expect(content).not.toContain('（续）');
    }
  });

  it('hangs a task’s wrapped lines after its label （1）, where the task’s text begins', async () => {
    const doc = await open(await render(layout));
    const pieces = await markedText(doc, 1);
    const size = base.style.sizes.table;
    const labelWidth = measurerFor(fonts).width('（1）', 'regular', size);
    // The first task's label starts its line; the line under it starts a label's width further right.
    const label = pieces.find((piece) => piece.text.startsWith('（1）') || piece.text === '（');
    expect(label).toBeDefined();
    const lines = [...new Set(pieces.filter((piece) => piece.x > (label?.x ?? 0) - 1 && piece.y < (label?.y ?? 0)).map((piece) => piece.y))].sort((a, b) => b - a);
    const second = pieces.filter((piece) => piece.y === lines[0]).sort((a, b) => a.x - b.x)[0];
    expect(second?.text.startsWith('（')).toBe(false);
    expect((second?.x ?? 0) - (label?.x ?? 0)).toBeCloseTo(labelWidth, 1);
  });

  it('recognises the labels of every numbering style, and only at a paragraph’s start', () => {
    for (const label of ['（1）', '(1) ', '1. ', '1) ', '1、', '一、', '（十二）', '①', 'a. ', 'A) ', '• ']) expect(leadingLabel([{ text: `${label}负责客户投诉处理` }])).toBe(label);
    for (const text of ['1.5倍加班工资', 'e.g. 客户', '负责（1）项', '（1）']) expect(leadingLabel([{ text }])).toBeUndefined();
  });
});

describe('tagged PDF: the handbook', () => {
  it('tags the contents as TOC → TOCI → Link with its annotation, and the charts as Figures with alternative text', async () => {
    const compiled = await compileProject(seedProject(), { formats: ['pdf'] });
    const handbook = compiled.documents.find((document) => document.name === 'handbook.pdf');
    if (!handbook) throw new Error('no handbook');
    const doc = await open(await render(handbook.layout));
    const contentsPage = elements(await treeOf(doc, 2));
    const entries = contentsPage.filter((node) => node.role === 'TOCI');
    expect(entries.length).toBeGreaterThan(2);
    for (const entry of entries) {
      const link = entry.children?.[0];
      expect(link?.role).toBe('Link');
      // Its words and page number, and the link annotation (OBJR).
      expect(contentCount(link ?? {})).toBeGreaterThan(0);
      expect(link?.children?.some((child) => child.type === 'object' || child.type === 'annotation')).toBe(true);
    }
    const figures: StructNode[] = [];
    for (let page = 1; page <= doc.numPages; page++) figures.push(...elements(await treeOf(doc, page)).filter((node) => node.role === 'Figure' && hasContentBelow(node)));
    expect(figures.length).toBeGreaterThanOrEqual(2);
    const titles = handbook.layout.blocks.flatMap((block) => (block.kind === 'org-chart' ? block.boxes.map((box) => box.text) : []));
    expect(titles.length).toBeGreaterThan(0);
    const alts = figures.map((figure) => figure.alt ?? '').join('\n');
    for (const title of titles) expect(alts).toContain(title);
    expect(alts).toContain('→');
  });

  it('says every box of an org chart in its alternative text, a box beside the tree too', () => {
    const box = (text: string, column: number, detail?: string) => ({ text, column, span: 1, row: 0, ...(detail === undefined ? {} : { detail }) });
    const alt = orgChartAlt({
      kind: 'org-chart',
      columns: 3,
      rows: 2,
      boxes: [box('客服部经理', 0, '1人'), { ...box('客服主管', 0, '4人'), row: 1 }, box('客服营销支持主管', 2, '1人')],
      edges: [{ from: 0, to: [1] }],
    });
    expect(alt).toBe('客服部经理（1人）：客服主管（4人）；客服营销支持主管（1人）');
  });
});

describe('PDF/A', () => {
  const xmpOf = (pdf: Uint8Array): string => {
    const text = utf8(pdf);
    const start = text.indexOf('<?xpacket begin');
    const end = text.indexOf('<?xpacket end', start);
    return text.slice(start, text.indexOf('?>', end) + 2);
  };

  it.each(['PDF/A-2b', 'PDF/A-2u'] as const)('%s: XMP identification, OutputIntent with an sRGB profile, tagged, the same bytes twice', async (standard) => {
    const pdf = await render(roleLayout('cs-supervisor'), standard);
    const raw = latin1(pdf);
    expect(raw.startsWith('%PDF-1.7\n%')).toBe(true);
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toMatch(/\/DestOutputProfile \d+ 0 R/);
    expect(raw).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    expect(raw).toContain('/MarkInfo');
    expect(raw).not.toContain('/Encrypt');
    const xmp = xmpOf(pdf);
    expect(XMLValidator.validate(xmp)).toBe(true);
    const description = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(xmp)['x:xmpmeta']['rdf:RDF']['rdf:Description'];
    expect(String(description['pdfaid:part'])).toBe('2');
    expect(description['pdfaid:conformance']).toBe(standard === 'PDF/A-2u' ? 'U' : 'B');
    expect(description['dc:title']['rdf:Alt']['rdf:li']['#text']).toBe('客服主管职位说明书');
    // The dates are the document's own (never the clock), equal to the Info dictionary's.
    expect(description['xmp:CreateDate']).toBe('2024-03-01T08:30:00Z');
    expect(description['xmp:ModifyDate']).toBe('2024-03-01T08:30:00Z');
    // pdfkit writes each Info entry as an object of its own: CreationDate and ModDate.
    expect(raw.split('(D:20240301083000Z)').length - 1).toBe(2);
    expect(raw).toMatch(/\/CreationDate \d+ 0 R/);
    expect(raw).toMatch(/\/ModDate \d+ 0 R/);
    expect(createHash('sha256').update(await render(roleLayout('cs-supervisor'), standard)).digest('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
  });

  it('writes no pdfaid without the option, and a title with XML’s special characters as valid XMP', async () => {
    const base = roleLayout('cs-supervisor');
    const layout: Layout = { ...base, meta: { ...base.meta, title: 'R&D <研发> 工程师', author: 'A & B' } };
    for (const standard of [undefined, 'PDF/A-2b'] as const) {
      const pdf = await render(layout, standard);
      const xmp = xmpOf(pdf);
      expect(XMLValidator.validate(xmp)).toBe(true);
      expect(xmp).toContain('R&amp;D &lt;研发&gt; 工程师');
      expect(xmp.includes('pdfaid')).toBe(standard !== undefined);
      expect(latin1(pdf).includes('/OutputIntents')).toBe(standard !== undefined);
    }
  });

  const gs = spawnSync('gs', ['--version'], { encoding: 'utf8' });
  it.skipIf(gs.status !== 0)('Ghostscript reads a PDF/A-2u handbook page by page without a complaint (skipped without gs)', async () => {
    const compiled = await compileProject(seedProject(), { formats: ['pdf'] });
    const handbook = compiled.documents.find((document) => document.name === 'handbook.pdf');
    if (!handbook) throw new Error('no handbook');
    const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-pdfa-'));
    const file = path.join(dir, 'handbook.pdf');
    writeFileSync(file, await render(handbook.layout, 'PDF/A-2u'));
    const output = execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dPDFSTOPONERROR', '-sDEVICE=nullpage', file], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).not.toMatch(/error|warning/i);
    expect(readFileSync(file).byteLength).toBeGreaterThan(0);
  }, 120_000);
});

describe('the pdf_standard option', () => {
  it('is part of a PDF’s inputs hash (changing it rebuilds the PDFs), and of no .docx’s', async () => {
    const dir = seedProject();
    const configFile = path.join(dir, 'roledoc.config.yaml');
    const config = readFileSync(configFile, 'utf8');
    const hashes = async (): Promise<Map<string, string>> => new Map((await compileProject(dir, { formats: ['pdf', 'docx'] })).documents.map((document) => [document.name, document.inputs]));
    const before = await hashes();
    writeFileSync(configFile, `${config}\npdf_standard: PDF/A-2b\n`);
    const archival = await hashes();
    writeFileSync(configFile, `${config}\npdf_standard: PDF/A-2u\n`);
    const unicode = await hashes();
    expect(before.size).toBeGreaterThan(2);
    for (const [name, hash] of before) {
      if (name.endsWith('.pdf')) {
        expect(archival.get(name)).not.toBe(hash);
        expect(unicode.get(name)).not.toBe(archival.get(name));
      } else {
        expect(archival.get(name)).toBe(hash);
      }
    }
  });

  it('is checked against the standards roledoc writes', async () => {
    const dir = seedProject();
    const configFile = path.join(dir, 'roledoc.config.yaml');
    writeFileSync(configFile, `${readFileSync(configFile, 'utf8')}\npdf_standard: PDF/A-1b\n`);
    const compiled = await compileProject(dir, { formats: ['pdf'] });
    expect(compiled.documents).toEqual([]);
    expect(compiled.checked.diagnostics.some((d) => d.file === 'roledoc.config.yaml' && d.severity === 'error')).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import type { Layout } from '../src/layout/layout.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { bundledFonts } from './helpers/fonts.js';
import { leafStrings, seedFixture, squash } from './helpers/seed.js';
import { assertValidPdf } from './helpers/valid-output.js';
import { pdfSource } from './helpers/pdf-source.js';

const fonts = bundledFonts();
const createdAt = new Date('2024-03-01T08:30:00Z');
const render = (layout: Layout) => renderPdf(layout, { fonts, createdAt });

/** pdf.js detaches the buffer it is given, so every call gets its own copy. */
async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(pdf.slice(), { mergePages: false });
  return text;
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

const { roles, layouts, titleOf } = seedFixture();

describe('PDF renderer on the seed roles', () => {
  it.each(roles.map((role) => role.id))('%s: every string of the role is in the PDF text', async (id) => {
    const role = roles.find((r) => r.id === id);
    const layout = layouts.get(id);
    if (!role || !layout) throw new Error('missing');
    const text = squash(await assertValidPdf(await render(layout)));
    const missing = leafStrings(role, titleOf).filter((s) => !text.includes(squash(s)));
    expect(missing).toEqual([]);
  });

  it('keeps its dictionaries in object streams behind a cross-reference stream, which qpdf reads without a warning', { timeout: 120_000 }, async (context) => {
    const layout = layouts.get('cs-supervisor');
    if (!layout) throw new Error('no layout');
    const pdf = await render(layout);
    const raw = Buffer.from(pdf).toString('latin1');
    // No classic table: the structure elements, pages and fonts' dictionaries are packed.
    expect(raw).not.toMatch(/\nxref\n/);
    expect(raw).toMatch(/\/Type \/XRef\n/);
    expect((raw.match(/\/Type \/ObjStm\n/g) ?? []).length).toBeGreaterThan(0);
    expect(raw).not.toContain('/Type /StructElem');
    expect(pdfSource(pdf)).toMatch(/\/S \/H1\n/);
    const qpdf = spawnSync('qpdf', ['--version']);
    if (qpdf.status !== 0) {
      context.skip('qpdf is not installed: the file was not checked by it');
      return;
    }
    const folder = mkdtempSync(path.join(tmpdir(), 'roledoc-objstm-'));
    const file = path.join(folder, 'role.pdf');
    writeFileSync(file, pdf);
    const checked = spawnSync('qpdf', ['--check', file], { encoding: 'utf8', timeout: 60_000 });
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout + checked.stderr).not.toMatch(/WARNING/i);
  });

  it('has metadata, embedded subset CJK fonts, bookmarks and page numbers', async () => {
    const layout = layouts.get('cs-supervisor');
    if (!layout) throw new Error('missing');
    const pdf = await render(layout);
    const meta = await getMeta(pdf.slice());
    expect(meta.info).toMatchObject({ Title: '客服主管职位说明书', Subject: '客服部', Keywords: '客服主管, 客服部', Creator: 'roledoc' });

    const raw = pdfSource(pdf);
    expect(raw).toContain('/Lang (zh-CN)');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('Helvetica');

    const doc = await getDocumentProxy(pdf.slice());
    const outline = (await doc.getOutline()) as OutlineNode[];
    expect(outline.map((item) => item.title)).toEqual(['客服主管职位说明书']);
    expect(outline[0]?.items.map((item) => item.title)).toEqual(['岗位职责', '工作职责与工作任务', '工作协作关系', '任职资格', '其它', '考核KPI指标']);

    const pages = await pagesOf(pdf);
    expect(pages.length).toBe(doc.numPages);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, index) => expect(squash(page)).toContain(`第${index + 1}页/共${pages.length}页`));
  });

  it('gives the same bytes for the same layout and date', async () => {
    const layout = layouts.get('cs-manager');
    if (!layout) throw new Error('missing');
    const sha = async () => createHash('sha256').update(await render(layout)).digest('hex');
    expect(await sha()).toBe(await sha());
  });
});

describe('PDF tables across pages', () => {
  const base = layouts.get('cs-supervisor');
  if (!base) throw new Error('missing');
  const sentences = Array.from({ length: 140 }, (_, i) => `第${i + 1}条：负责对管辖范围内人员的日常营销工作进行管理安排，通过对每日数据的监控和诊断，及时发现问题。`);
  const cell = (text: string, bold = false) => ({ content: [[{ text, ...(bold ? { bold: true } : {}) }]] });
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
          [cell('短行', true), cell('只有一句。')],
          [cell('一行长过三页', true), { content: sentences.map((text) => [{ text }]) }],
          [cell('之后的行', true), cell('表格在长行之后继续。')],
        ],
      },
    ],
  };

  it('flows a row longer than a page over several pages, keeping every sentence and repeating the header', async () => {
    const pages = await pagesOf(await render(layout));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const all = squash(pages.join(''));
    for (const sentence of sentences) expect(all).toContain(squash(sentence));
    expect(all).toContain('表格在长行之后继续。');
    for (const page of pages) expect(squash(page)).toContain('职责表述工作任务');
  });
});

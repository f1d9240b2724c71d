/**
 * Text HR pastes from Word and WeChat, and files nobody meant to write: each renders in both
 * formats with nothing lost, or is reported — and every document stays readable by other programs.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from './helpers/project.js';
import { squash, tempProject } from './helpers/seed.js';
import { assertValidDocx, assertValidPdf } from './helpers/valid-output.js';

const LONG_URL = `https://example.com/docs/${'a1b2c3d4e5'.repeat(28)}`;
const LONG_TITLE = '华东区域客户服务中心高级客户体验与服务质量保障及培训发展项目负责人兼运营数据分析主管';
const items = Array.from({ length: 150 }, (_, i) => `第${i + 1}条职责：负责客服团队的日常管理与服务质量监督；`);
const tasks = Array.from({ length: 60 }, (_, i) => `任务${i + 1}：负责对管辖范围内人员的日常营销工作进行管理安排，及时发现问题。`);


const hostileRole = [
  '\ufeffid: hostile',
  `title: ${LONG_TITLE}`,
  'department: 客服部',
  'remarks: "XML 的特殊字符 & < > \\" \' ]]> 原样保留；响铃\\x07与半个代理对\\uD800被去掉。"',
  `purpose: 网址 ${LONG_URL} 必须在格子里换行。`,
  'kpis: ["客户满意度 😀 与 𠮷 字"]',
  'responsibilities:',
  ...items.map((item) => `  - ${item}`),
  'duties:',
  '  - duty: 一行长过一页的职责',
  '    tasks:',
  `      - 网址 ${LONG_URL} 在表格的格子里换行。`,
  ...tasks.map((task) => `      - ${task}`),
  '',
].join('\r\n');

describe('hostile text', () => {
  it('renders in both formats with nothing lost, control characters reported and removed, documents readable', async () => {
    const dir = tempProject({ 'roles/hostile.yaml': hostileRole });
    const result = await build(dir, { formats: ['docx', 'pdf'] });
    expect(result.ok).toBe(true);
    const codes = result.diagnostics.map((d) => `${d.code}@${d.span.line}`);
    expect(codes).toEqual(expect.arrayContaining(['text.control-character@4', 'font.missing-glyph@6']));

    const docxText = squash(await assertValidDocx(new Uint8Array(readFileSync(path.join(dir, 'out', 'hostile.docx')))));
    const pdfText = squash(await assertValidPdf(new Uint8Array(readFileSync(path.join(dir, 'out', 'hostile.pdf')))));
    const expected = [
      `XML的特殊字符&<>"']]>原样保留；响铃与半个代理对被去掉。`,
      squash(`网址 ${LONG_URL} 必须在格子里换行。`),
      squash(`网址 ${LONG_URL} 在表格的格子里换行。`),
      LONG_TITLE,
      ...items,
      ...tasks.map((task) => squash(task)),
    ];
    for (const text of [docxText, pdfText]) {
      for (const string of expected) expect(text).toContain(squash(string));
      expect(text).not.toContain('\u0007');
    }
    // Word would spread the short line before the URL letter by letter if the paragraph were justified.
    const { strFromU8, unzipSync } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(dir, 'out', 'hostile.docx'))))['word/document.xml'] ?? new Uint8Array());
    const urlParagraphs = xml.split('<w:p>').filter((p) => p.includes('https://example.com'));
    expect(urlParagraphs.length).toBe(2);
    for (const paragraph of urlParagraphs) expect(paragraph).toContain('<w:jc w:val="left"/>');
  });

  it('keeps every document of a build well-formed: the seed roles, in both languages', async () => {
    const dir = tempProject({});
    const seed = path.resolve(import.meta.dirname, '..', 'roles', '客服部');
    for (const name of readdirSync(seed)) writeFileSync(path.join(dir, name), readFileSync(path.join(seed, name)));
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'roles: .\nout: out\n');
    for (const locale of ['zh-CN', 'en']) {
      expect((await build(dir, { locale, out: `out-${locale}` })).ok).toBe(true);
      for (const name of readdirSync(path.join(dir, `out-${locale}`)).filter((n) => !n.startsWith('.'))) {
        const bytes = new Uint8Array(readFileSync(path.join(dir, `out-${locale}`, name)));
        await (name.endsWith('.pdf') ? assertValidPdf(bytes) : assertValidDocx(bytes));
      }
    }
  });
});

describe('the validity checks themselves', () => {
  it('reject a PDF pdf.js has to repair, and a .docx with a broken XML part', async () => {
    const dir = tempProject({ 'roles/a.yaml': 'id: a\ntitle: 甲\ndepartment: 乙\nresponsibilities: [丙]\n' });
    await build(dir);
    const pdf = readFileSync(path.join(dir, 'out', 'a.pdf'));
    // Point startxref somewhere wrong: pdf.js then rebuilds the cross-reference table, with a warning.
    const damaged = Buffer.from(pdf.toString('latin1').replace(/startxref\n\d+/, 'startxref\n12'), 'latin1');
    await expect(assertValidPdf(new Uint8Array(damaged))).rejects.toThrow(/pdf\.js warned/);

    const { unzipSync, zipSync, strToU8 } = await import('fflate');
    const parts = unzipSync(new Uint8Array(readFileSync(path.join(dir, 'out', 'a.docx'))));
    parts['word/document.xml'] = strToU8('<w:document><w:body></w:document>');
    await expect(assertValidDocx(zipSync(parts))).rejects.toThrow(/not well-formed/);
  });
});

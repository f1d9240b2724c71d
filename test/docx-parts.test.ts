/**
 * The .docx packages read back as their readers read them: the parts through an XML parser
 * (styles that resolve, a font table that declares the fonts, no leftover parts), the handbook's
 * contents field and headings, the typography of table cells, and — where the tools are
 * installed — pandoc, python-docx and LibreOffice on the handbook of an organisation.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLibreOffice } from '../src/io/libreoffice.js';
import type { Layout } from '../src/layout/layout.js';
import { crc32 } from 'node:zlib';
import { compileProject } from '../src/pipeline/compile-project.js';
import { Numberer } from '../src/render/docx/assemble.js';
import { crc32Combine, type PieceStore } from '../src/render/docx/kept-pieces.js';
import { partKey, type DocxPart, type PartInputs, type PartStore } from '../src/render/docx/parts.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { labelWidthEm } from '../src/render/docx/tables.js';
import { A4_PAGE, CLASSIC_STYLE } from './helpers/layouts.js';
import { build } from './helpers/project.js';
import { REPO } from './helpers/seed.js';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'org');
const CREATED_AT = new Date('2024-03-01T08:30:46Z');

/** A page and look as the classic template gives them. */
const sampleLayout: Layout = {
  meta: { title: '客服主管职位说明书', subject: '岗位说明书', author: '人力资源部', keywords: [], lang: 'zh-CN' },
  page: A4_PAGE,
  style: CLASSIC_STYLE,
  footer: { left: [], center: [{ field: 'page' }], right: [] },
  blocks: [
    { kind: 'title', text: '客服主管职位说明书' },
    { kind: 'heading', level: 1, text: '一、岗位职责' },
    { kind: 'list', numbering: '1.', items: [[{ text: '负责协助部门经理做总体业务规划；' }]] },
    { kind: 'heading', level: 2, text: '考核指标' },
    { kind: 'table', columns: [{ width: 0.3 }, { width: 0.7 }], rows: [[{ content: [[{ text: '教育水平' }]], shaded: true, bold: true }, { content: [[{ text: '大专以上。' }]] }]] },
  ],
};

type Xml = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['w:style', 'w:font', 'Override', 'Relationship'].includes(name) });

function partsOf(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** Every w:style of styles.xml, by id, as the parser reads it. */
function stylesOf(parts: Record<string, string>): Map<string, Xml> {
  const root = parser.parse(parts['word/styles.xml'] ?? '') as { 'w:styles': { 'w:style': Xml[] } };
  return new Map(root['w:styles']['w:style'].map((style) => [String(style['@w:styleId']), style]));
}

const valOf = (element: unknown): string | undefined => (typeof element === 'object' && element !== null ? (element as Xml)['@w:val'] as string | undefined : undefined);

/** What a clean package holds: styles that resolve, the fonts declared, no notes parts. */
function expectCleanPackage(parts: Record<string, string>, label: string): void {
  const styles = stylesOf(parts);
  for (const [id, style] of styles) {
    for (const link of ['w:basedOn', 'w:next', 'w:link']) {
      const target = valOf(style[link]);
      if (target !== undefined) expect(styles.has(target), `${label}: ${id} ${link} ${target}`).toBe(true);
    }
    expect(id, label).not.toMatch(/Footnote|Endnote|Caption|Bibliography|^Strong$|LineNumber|^Hyperlink$/);
  }
  // Every style a paragraph or run names is defined.
  const document = parts['word/document.xml'] ?? '';
  for (const [, id] of document.matchAll(/<w:[pr]Style w:val="([^"]+)"\/>/g)) expect(styles.has(id ?? ''), `${label}: ${id}`).toBe(true);
  // The font table declares each font the styles name, the Chinese ones with their other name and character set.
  const fonts = new Map(
    ((parser.parse(parts['word/fontTable.xml'] ?? '') as { 'w:fonts': { 'w:font'?: Xml[] } })['w:fonts']['w:font'] ?? []).map((font) => [String(font['@w:name']), font]),
  );
  for (const [, name] of (parts['word/styles.xml'] ?? '').matchAll(/<w:rFonts [^>]*?w:(?:ascii|eastAsia)="([^"]+)"/g)) expect(fonts.has(name ?? ''), `${label}: font ${name}`).toBe(true);
  expect(valOf(fonts.get('SimSun')?.['w:altName'])).toBe('宋体');
  expect(valOf(fonts.get('SimSun')?.['w:charset'])).toBe('86');
  expect(valOf(fonts.get('SimHei')?.['w:altName'])).toBe('黑体');
  expect(valOf(fonts.get('Times New Roman')?.['w:family'])).toBe('roman');
  // No notes parts, and nothing refers to one.
  expect(Object.keys(parts).filter((name) => /footnotes|endnotes/.test(name)), label).toEqual([]);
  const types = (parser.parse(parts['[Content_Types].xml'] ?? '') as { Types: { Override: Xml[] } }).Types.Override.map((o) => String(o['@PartName']));
  for (const name of types) expect(parts[name.slice(1)], `${label}: ${name}`).toBeDefined();
  const relationships = (parser.parse(parts['word/_rels/document.xml.rels'] ?? '') as { Relationships: { Relationship: Xml[] } }).Relationships.Relationship;
  for (const relationship of relationships) expect(parts[`word/${String(relationship['@Target'])}`], `${label}: ${String(relationship['@Target'])}`).toBeDefined();
}

/** The organisation's project, built once for the tests of this file: they read its outputs and change none. */
let organisation: Promise<string> | undefined;
function builtOrganisation(): Promise<string> {
  organisation ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-docx-parts-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const result = await build(dir);
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    return dir;
  })();
  return organisation;
}

describe('the parts of every .docx', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await builtOrganisation();
  }, 120_000);

  it('have styles that all resolve, a font table that declares the fonts, and no leftover notes (a role, the handbook, a hand-made layout)', async () => {
    expectCleanPackage(partsOf(readFileSync(path.join(dir, 'out', 'cs-manager.docx'))), 'cs-manager.docx');
    expectCleanPackage(partsOf(readFileSync(path.join(dir, 'out', 'handbook.docx'))), 'handbook.docx');
    expectCleanPackage(partsOf(await renderDocx(sampleLayout, { createdAt: CREATED_AT })), 'sample');
  });

  it('gives the handbook the built-in headings, department → role → section, and the contents their TOC styles', () => {
    const parts = partsOf(readFileSync(path.join(dir, 'out', 'handbook.docx')));
    const styles = stylesOf(parts);
    const nameOf = (id: string): string | undefined => valOf(styles.get(id)?.['w:name']);
    expect(['Heading1', 'Heading2', 'Heading3'].map(nameOf)).toEqual(['heading 1', 'heading 2', 'heading 3']);
    expect(['TOC1', 'TOC2', 'TOCHeading'].map(nameOf)).toEqual(['toc 1', 'toc 2', 'TOC Heading']);
    for (const [id, level] of [['Heading1', '0'], ['Heading2', '1'], ['Heading3', '2']] as const) {
      expect(valOf((styles.get(id)?.['w:pPr'] as Xml | undefined)?.['w:outlineLvl']), id).toBe(level);
    }
    // 组织架构图 sits beside the roles at depth 1 with a section's look: a style based on Heading 2.
    expect(valOf(styles.get('Heading2Section')?.['w:basedOn'])).toBe('Heading2');
  });

  it('holds the contents as a TOC field; without fonts to paginate with, its numbers are left for Word (dirty)', async () => {
    const layout: Layout = {
      ...sampleLayout,
      blocks: [
        { kind: 'contents', title: '目录', entries: [{ text: '客服主管', anchor: 'role:a', depth: 0 }] },
        { kind: 'page-break' },
        { kind: 'title', text: '客服主管职位说明书', outline: 0, anchor: 'role:a' },
      ],
    };
    const document = partsOf(await renderDocx(layout, { createdAt: CREATED_AT }))['word/document.xml'] ?? '';
    expect(document).toContain('<w:fldChar w:fldCharType="begin" w:dirty="true"/>');
    expect(document).toMatch(/PAGEREF roledoc_1 \\h <\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r><w:r><w:fldChar w:fldCharType="end"\/>/);
    expect(document).toContain('<w:bookmarkStart w:name="roledoc_1" w:id="0"/>');
  });

  it('keys the contents part by its page numbers, and a role part by its blocks alone', () => {
    const inputs = (blocks: Layout['blocks'], pages: ReadonlyMap<string, number>): PartInputs => ({ blocks, style: sampleLayout.style, textWidth: 8306, afterCover: false, followed: true, version: '1', anchorPages: pages });
    const contents: Layout['blocks'] = [{ kind: 'contents', title: '目录', entries: [{ text: '甲', anchor: 'role:a', depth: 0 }] }];
    const role: Layout['blocks'] = [{ kind: 'title', text: '甲', outline: 1, anchor: 'role:a' }];
    const before = new Map([['role:a', 3]]);
    const after = new Map([['role:a', 4]]);
    expect(partKey(inputs(contents, before))).not.toBe(partKey(inputs(contents, after)));
    expect(partKey(inputs(role, before))).toBe(partKey(inputs(role, after)));
  });
});

describe('table cells in the .docx', () => {
  const cellsLayout: Layout = {
    ...sampleLayout,
    blocks: [
      {
        kind: 'table',
        columns: [{ width: 0.3 }, { width: 0.7 }],
        rows: [
          [{ content: [[{ text: 'CS-01' }]] }, { content: [[{ text: '（1）负责对管辖范围内人员的日常营销工作进行管理安排；' }], [{ text: '（12）负责定期汇报。' }]] }],
          [{ content: [[{ text: '1人' }]] }, { content: [[{ text: '（1）不是每段都有编号' }], [{ text: '所以不悬挂' }]] }],
        ],
      },
    ],
  };

  it('hang numbered tasks after their label, as wide as the label is drawn', async () => {
    expect(labelWidthEm('（1）')).toBe(2.5);
    expect(labelWidthEm('（12）')).toBe(3);
    const document = partsOf(await renderDocx(cellsLayout, { createdAt: CREATED_AT }))['word/document.xml'] ?? '';
    // 2.5 em and 3 em of 10.5 pt, in twips.
    expect(document).toMatch(/<w:ind w:left="525" w:hanging="525"\/>(?:(?!<\/w:p>)[\s\S])*（1）负责对管辖/);
    expect(document).toMatch(/<w:ind w:left="630" w:hanging="630"\/>(?:(?!<\/w:p>)[\s\S])*（12）负责定期/);
    // A cell where not every paragraph is numbered is running text.
    expect(document).not.toMatch(/<w:ind [^>]*\/>(?:(?!<\/w:p>)[\s\S])*不是每段/);
  });

  it('set a Latin-only cell at exactly the line height, so its baseline sits level with a CJK cell', async () => {
    const document = partsOf(await renderDocx(cellsLayout, { createdAt: CREATED_AT }))['word/document.xml'] ?? '';
    // 10.5 pt × 1.5 = 15.75 pt.
    expect(document).toMatch(/<w:spacing w:line="315" w:lineRule="exact"\/>(?:(?!<\/w:p>)[\s\S])*CS-01/);
    expect(document).not.toMatch(/w:lineRule="exact"\/>(?:(?!<\/w:p>)[\s\S])*1人/);
  });
});

/** A tool's path when it runs here; otherwise the test says it is skipped. */
function runs(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  return result.status === 0;
}

describe('the handbook .docx in the readers HR offices use', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await builtOrganisation();
  }, 120_000);

  it('pandoc finds the department, role and section headings', () => {
    if (!runs('pandoc', ['--version'])) {
      console.warn('skipped: pandoc is not installed here');
      return;
    }
    const markdown = spawnSync('pandoc', ['-t', 'markdown', path.join(dir, 'out', 'handbook.docx')], { encoding: 'utf8', timeout: 120_000 }).stdout;
    expect(markdown).toMatch(/^# 客服部$/m);
    expect(markdown).toMatch(/^## 客服部经理职位说明书$/m);
    expect(markdown).toMatch(/^### 岗位职责$/m);
  }, 120_000);

  it('python-docx opens it and every style it reads resolves', () => {
    const python = '/usr/bin/python3';
    if (!runs(python, ['-c', 'import docx'])) {
      console.warn('skipped: python-docx (/usr/bin/python3) is not installed here');
      return;
    }
    const script = [
      'import sys, docx',
      'd = docx.Document(sys.argv[1])',
      'W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"',
      'bad = [s.style_id for s in d.styles if s.element.find(W + "basedOn") is not None and s.base_style is None]',
      'print("dangling:" + ",".join(bad))',
      'print("headings:" + ",".join(p.style.name.lower() for p in d.paragraphs if p.style.name.lower().startswith("heading ")))',
    ].join('\n');
    const file = path.join(dir, 'check.py');
    writeFileSync(file, script);
    const out = spawnSync(python, [file, path.join(dir, 'out', 'handbook.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('dangling:\n');
    expect(out.stdout).toMatch(/headings:heading 1,/);
  }, 120_000);

  it("LibreOffice shows the contents' page numbers without updating them, and each role starts on its page", async () => {
    const soffice = await findLibreOffice();
    if (soffice === undefined || !runs('pdftotext', ['-v'])) {
      console.warn('skipped: LibreOffice (soffice) or pdftotext is not installed here');
      return;
    }
    const converted = path.join(dir, 'lo');
    const profile = path.join(dir, 'lo-profile');
    const result = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', converted, path.join(dir, 'out', 'handbook.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    const pageText = (page: number): string =>
      spawnSync('pdftotext', ['-f', String(page), '-l', String(page), path.join(converted, 'handbook.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    const contents = pageText(2);
    const roles = [
      ['总经理', '总经理职位说明书'],
      ['客服部经理', '客服部经理职位说明书'],
      ['市场专员', '市场专员职位说明书'],
    ] as const;
    for (const [title, heading] of roles) {
      const number = new RegExp(`${title}\\.+(\\d+)`).exec(contents)?.[1];
      expect(number, title).toBeDefined();
      expect(pageText(Number(number)).includes(heading), `${heading} on page ${number}`).toBe(true);
      // The PDF's contents say the same page.
      const pdfContents = spawnSync('pdftotext', ['-f', '2', '-l', '2', '-layout', path.join(dir, 'out', 'handbook.pdf'), '-'], { encoding: 'utf8' }).stdout;
      expect(new RegExp(`${title}[\\s.]*${number}\\s*$`, 'm').test(pdfContents), `${title} ${number} in the PDF's contents`).toBe(true);
    }
  }, 180_000);
});

describe('numbering a part for the whole document', () => {
  /** A part with what the numbering touches: bookmarks, anchors, contents page references, lists. */
  const part = (roles: number, prefix: string): DocxPart => ({
    xml: Array.from(
      { length: roles },
      (_, i) =>
        `<w:p><w:pPr><w:numPr><w:numId w:val="{roledoc-list-${(i % 3) + 1}-0}"/></w:numPr></w:pPr><w:bookmarkStart w:name="roledoc-anchor:role:${prefix}${i}" w:id="${i}"/>` +
        `<w:r><w:t>岗位 ${i} &lt;客服&gt;</w:t></w:r><w:bookmarkEnd w:id="${i}"/><w:hyperlink w:anchor="roledoc-anchor:role:${prefix}${(i * 7) % roles}">` +
        `<w:r><w:instrText xml:space="preserve"> PAGEREF roledoc-anchor:role:${prefix}${i} \\h </w:instrText></w:r></w:hyperlink></w:p>`,
    ).join(''),
    lists: [],
  });

  it('numbers a long part a slice at a time exactly as it would whole, and the parts after it too', () => {
    const parts = [part(300, 'a'), part(40, 'b')];
    const whole = new Numberer();
    const sliced = new Numberer();
    for (const each of parts) {
      const inSlices = [...sliced.place(each, 500)];
      if (each.xml.length > 5000) expect(inSlices.length).toBeGreaterThan(10);
      // Each slice after the first starts with a tag: no element or text is cut.
      for (const slice of inSlices.slice(1)) expect(slice.startsWith('<')).toBe(true);
      const numbered = [...whole.place(each)].join('');
      expect(inSlices.join('')).toBe(numbered);
      expect(numbered).not.toContain('roledoc-anchor:');
      expect(numbered).not.toContain('{roledoc-list-');
    }
    expect(whole.name('role:b1')).toBe(sliced.name('role:b1'));
  });
});

describe('document.xml in pieces kept between builds (kept-pieces.ts)', () => {
  it('combines CRC-32s as zlib computes them over the bytes joined', () => {
    const random = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 2654435761) >>> 24);
    for (const [a, b] of [[0, 0], [1, 0], [0, 1], [17, 3], [40_000, 33_000], [5, 1_048_583]] as const) {
      const first = random(a);
      const second = random(b).reverse();
      expect(crc32Combine(crc32(first), crc32(second), b), `${a} + ${b}`).toBe(crc32(Buffer.concat([first, second])));
    }
  });

  /** Parts and pieces in memory, counting the pieces made (set) and taken (get). */
  function memoryStore(): PartStore & { readonly pieces: PieceStore; made: number; taken: number } {
    const parts = new Map<string, DocxPart>();
    const pieces = new Map<string, Uint8Array>();
    const store = {
      made: 0,
      taken: 0,
      get: (key: string) => parts.get(key),
      set: (key: string, part: DocxPart) => void parts.set(key, part),
      keep: () => undefined,
      pieces: {
        get(key: string) {
          const piece = pieces.get(key);
          if (piece) store.taken++;
          return piece;
        },
        set(key: string, piece: Uint8Array) {
          store.made++;
          pieces.set(key, piece);
        },
      },
    };
    return store;
  }

  it('writes the handbook the same whether its pieces were made now or taken, and after an edit makes only the pieces it changed', async () => {
    const compiled = await compileProject(FIXTURE, { formats: ['docx'] });
    const handbook = compiled.documents.find((candidate) => candidate.name === 'handbook.docx')?.layout;
    if (!handbook) throw new Error('the fixture has no handbook');
    const parts = (handbook.partStarts ?? []).length;
    const store = memoryStore();
    const made = await renderDocx(handbook, { createdAt: CREATED_AT, parts: store });
    expect(store.made).toBeGreaterThanOrEqual(parts - 1);
    const madeCount = store.made;
    const taken = await renderDocx(handbook, { createdAt: CREATED_AT, parts: store });
    expect(store.made).toBe(madeCount);
    expect(store.taken).toBe(madeCount);
    expect(Buffer.from(taken).equals(Buffer.from(made))).toBe(true);
    expect(Buffer.from(await renderDocx(handbook, { createdAt: CREATED_AT })).equals(Buffer.from(made))).toBe(true);
    // One sentence of a role in the middle changed: its piece, and the next whose 32 KB before it changed, are made again.
    const lists = handbook.blocks.flatMap((block, index) => (block.kind === 'list' ? [index] : []));
    const middle = lists[Math.floor(lists.length / 2)] ?? -1;
    const edited: Layout = {
      ...handbook,
      blocks: handbook.blocks.map((block, index) => (index === middle && block.kind === 'list' ? { ...block, items: [[{ text: '改过的一句话。' }], ...block.items.slice(1)] } : block)),
    };
    const [madeBefore, takenBefore] = [store.made, store.taken];
    const afterEdit = await renderDocx(edited, { createdAt: CREATED_AT, parts: store });
    const madeAgain = store.made - madeBefore;
    expect(madeAgain).toBeGreaterThanOrEqual(1);
    expect(madeAgain).toBeLessThan(madeCount / 2);
    expect(store.taken - takenBefore + madeAgain).toBe(madeCount);
    expect(Buffer.from(afterEdit).equals(Buffer.from(await renderDocx(edited, { createdAt: CREATED_AT })))).toBe(true);
    // The package still opens, its document.xml whole.
    expect(partsOf(afterEdit)['word/document.xml']).toContain('改过的一句话。');
  }, 120_000);
});

describe('kept pieces taken between pieces made again', () => {
  /** A paragraph of `words` words from a small vocabulary: the same phrases recur across parts, so deflate reaches back into the parts before. */
  const paragraph = (seed: number, words: number): Layout['blocks'][number] => ({
    kind: 'paragraph',
    text: [{ text: Array.from({ length: words }, (_, i) => ['客户', '服务', '质量', '考核', '培训', '流程', '投诉', '回访'][(seed * 31 + i * 7 + ((i * i) % 5)) % 8]).join('') }],
  });
  /** A document of one part per paragraph. */
  const documentOf = (paragraphs: Layout['blocks']): Layout => ({ ...sampleLayout, blocks: paragraphs, partStarts: paragraphs.map((_, index) => index) });

  function piecesStore(): PartStore & { readonly pieces: PieceStore } {
    const parts = new Map<string, DocxPart>();
    const pieces = new Map<string, Uint8Array>();
    return {
      get: (key) => parts.get(key),
      set: (key, part) => void parts.set(key, part),
      keep: () => undefined,
      pieces: { get: (key) => pieces.get(key), set: (key, piece) => void pieces.set(key, piece) },
    };
  }

  it.for([
    ['small parts: the window before a piece made again is the one before the pieces taken', 300],
    ['large parts: the window is made from the last pieces taken', 6000],
  ] as const)('%s', async ([, words]) => {
    const original = documentOf(Array.from({ length: 12 }, (_, i) => paragraph(i, words)));
    const store = piecesStore();
    await renderDocx(original, { createdAt: CREATED_AT, parts: store });
    // Parts 4 and 9 changed; the rest taken as kept.
    const edited = documentOf(original.blocks.map((block, i) => (i === 4 || i === 9 ? paragraph(i + 100, words) : block)));
    const withPieces = await renderDocx(edited, { createdAt: CREATED_AT, parts: store });
    expect(Buffer.from(withPieces).equals(Buffer.from(await renderDocx(edited, { createdAt: CREATED_AT })))).toBe(true);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { FontSubset } from 'pdfkit';
import { chooseFonts, readFontFile } from '../src/io/fonts.js';
import type { Layout } from '../src/layout/layout.js';
import { parseFont, type FontFace, type FontSet } from '../src/render/fonts.js';
import { encodeSubset, toUnicodeCMap, trueTypeTablesOf } from '../src/render/pdf/font-subset.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { bundledFonts } from './helpers/fonts.js';
import { leafStrings, seedFixture, squash } from './helpers/seed.js';
import { pdfSource } from './helpers/pdf-source.js';

const fonts = bundledFonts();
const createdAt = new Date('2024-03-01T08:30:00Z');

/** A fresh fontkit font from the file, so fontkit's own subsetter works on bytes nobody else has touched. */
function freshFont(file: 'regular' | 'bold'): Font {
  const choice = chooseFonts(undefined, process.cwd());
  const font = create(readFontFile(choice[file]));
  if ('fonts' in font) throw new Error('a collection');
  return font;
}

/** fontkit's Subset, as pdfkit creates it (createSubset is not in roledoc's declarations of fontkit). */
function fontkitSubset(font: Font): FontSubset {
  const subset: unknown = Reflect.apply(Reflect.get(font, 'createSubset'), font, []);
  if (typeof subset !== 'object' || subset === null || !('includeGlyph' in subset) || !('encode' in subset) || !('glyphs' in subset)) throw new Error('no subset');
  return subset as FontSubset;
}

/** Glyph ids whose glyf record is a composite (a negative contour count). */
function compositeGlyphs(face: FontFace, limit: number): number[] {
  const tables = trueTypeTablesOf(face);
  if (!tables) return [];
  const found: number[] = [];
  for (let glyph = 0; glyph + 1 < tables.glyphStarts.length && found.length < limit; glyph++) {
    const start = tables.glyphStarts[glyph] ?? 0;
    if ((tables.glyphStarts[glyph + 1] ?? 0) - start >= 10 && new DataView(tables.glyf.buffer, tables.glyf.byteOffset + start, 2).getInt16(0) < 0) found.push(glyph);
  }
  return found;
}

describe.each(['regular', 'bold'] as const)('the %s face subset copied from glyf and loca', (file) => {
  const face = fonts[file];
  const text = [...new Set(seedFixture().roles.flatMap((role) => leafStrings(role, () => undefined)).join(''))].join('') + 'ABCxyz0123456789%（）';

  it('is byte for byte the file fontkit encodes, for the glyphs of the seed roles and for composite glyphs', () => {
    const tables = trueTypeTablesOf(face);
    if (!tables) throw new Error('the bundled fonts are TrueType');
    const composites = compositeGlyphs(face, 40);
    const reference = freshFont(file);
    const theirs = fontkitSubset(reference);
    const ours = fontkitSubset(freshFont(file));
    const glyphIds = [...Array.from(text, (char) => face.glyphForCodePoint(char.codePointAt(0) ?? 0).id), ...composites];
    for (const id of glyphIds) {
      theirs.includeGlyph(id);
      ours.includeGlyph(id);
    }
    const expected = theirs.encode();
    const actual = encodeSubset(tables, ours);
    expect(glyphIds.length).toBeGreaterThan(300);
    expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
    // A composite's components join the subset after it, in both.
    expect(ours.glyphs).toEqual(theirs.glyphs);
  });

  it('leaves the font it reads from as it was', () => {
    const before = face.layout('岗位职责KPI').advanceWidth;
    const tables = trueTypeTablesOf(face);
    if (!tables) throw new Error('TrueType');
    const subset = fontkitSubset(freshFont(file));
    for (const char of '岗位职责') subset.includeGlyph(face.glyphForCodePoint(char.codePointAt(0) ?? 0).id);
    encodeSubset(tables, subset);
    expect(face.layout('岗位职责KPI').advanceWidth).toBe(before);
    expect(face.numGlyphs).toBe(freshFont(file).numGlyphs);
  });
});

/** A hinted Latin TrueType font with composite glyphs (accented letters), where the system has one. */
const LIBERATION_SANS = '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf';

describe('a subset of a hinted font with composite glyphs', () => {
  it.skipIf(!existsSync(LIBERATION_SANS))('is byte for byte fontkit\'s, the components renumbered and added after', () => {
    const open = (): Font => {
      const font = create(readFileSync(LIBERATION_SANS));
      if ('fonts' in font) throw new Error('a collection');
      return font;
    };
    const face = open();
    const tables = trueTypeTablesOf(face);
    if (!tables) throw new Error('TrueType');
    const composites = compositeGlyphs(face, 60);
    expect(composites.length).toBeGreaterThan(20);
    const theirs = fontkitSubset(open());
    const ours = fontkitSubset(open());
    const glyphIds = [...Array.from('Résumé: àéîõü ÅÇÑ Straße', (char) => face.glyphForCodePoint(char.codePointAt(0) ?? 0).id), ...composites];
    for (const id of glyphIds) {
      theirs.includeGlyph(id);
      ours.includeGlyph(id);
    }
    const expected = theirs.encode();
    const actual = encodeSubset(tables, ours);
    expect(ours.glyphs.length).toBeGreaterThan(new Set(glyphIds).size);
    expect(ours.glyphs).toEqual(theirs.glyphs);
    expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
  });
});

/** The page's text items as pdf.js reads them: string, left edge and width in points. */
async function textItems(pdf: Uint8Array, pageNumber: number): Promise<{ str: string; x: number; y: number; width: number }[]> {
  const doc = await getDocumentProxy(pdf.slice());
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const items: { str: string; x: number; y: number; width: number }[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    items.push({ str: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width });
  }
  return items;
}

/** The layout's page and style with one paragraph and no running header (whose text would mix with the body's). */
function paragraphLayout(layout: Layout, text: string): Layout {
  const { header: _header, ...rest } = layout;
  return { ...rest, blocks: [{ kind: 'paragraph', text: [{ text }] }] };
}

describe('a PDF whose lines are written one text object each', () => {
  const { layouts } = seedFixture();
  const base = layouts.get('cs-manager');
  if (!base) throw new Error('missing');

  it('ends every justified line at the right margin and starts it at the left one', async () => {
    const sentence = '负责公司SP服务产品的营销工作，完成KPI考核指标，整合部门资源，制定明确、可量化考核、可接受、实际性的营销方针和策略计划；定期统计和分析关键数据，及时向上级反馈数据中的异常。';
    const layout = paragraphLayout(base, sentence.repeat(3));
    const pdf = await renderPdf(layout, { fonts, createdAt });
    const items = await textItems(pdf, 1);
    const left = layout.page.margins.left;
    const right = layout.page.width - layout.page.margins.right;
    const lines = new Map<number, { x: number; end: number }>();
    for (const item of items) {
      const y = Math.round(item.y * 100) / 100;
      const line = lines.get(y) ?? { x: Number.POSITIVE_INFINITY, end: 0 };
      lines.set(y, { x: Math.min(line.x, item.x), end: Math.max(line.end, item.x + item.width) });
    }
    const body = [...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, line]) => line).filter((line) => line.x < left + 1);
    expect(body.length).toBeGreaterThanOrEqual(4);
    // Every line but the paragraph's last is justified to the margin.
    for (const line of body.slice(0, -1)) {
      expect(line.x).toBeCloseTo(left, 1);
      expect(line.end).toBeCloseTo(right, 0);
    }
    expect(body.at(-1)?.end ?? right).toBeLessThan(right - 1);
  });

  it('reads back every string of the role with pdftotext and with pdf.js', async () => {
    const { roles, titleOf } = seedFixture();
    const role = roles.find((r) => r.id === 'cs-manager');
    if (!role) throw new Error('missing');
    const pdf = await renderPdf(base, { fonts, createdAt });
    const { text } = await extractText(pdf.slice(), { mergePages: true });
    const strings = leafStrings(role, titleOf);
    expect(strings.filter((s) => !squash(text).includes(squash(s)))).toEqual([]);
    const folder = mkdtempSync(path.join(tmpdir(), 'roledoc-pdf-'));
    try {
      writeFileSync(path.join(folder, 'role.pdf'), pdf);
      let extracted: string;
      try {
        extracted = execFileSync('pdftotext', [path.join(folder, 'role.pdf'), '-'], { encoding: 'utf8' });
      } catch {
        return; // no poppler here: pdf.js above read the same ToUnicode map
      }
      expect(strings.filter((s) => !squash(extracted).includes(squash(s)))).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives the same bytes for a document whatever was rendered before it in the worker', async () => {
    const other = layouts.get('cs-supervisor');
    if (!other) throw new Error('missing');
    const first = await renderPdf(base, { fonts, createdAt });
    await renderPdf(other, { fonts, createdAt });
    await renderPdf(paragraphLayout(base, 'Ωμέγα ﬁ café naïve — “quotes” 𠀀 한국어'), { fonts, createdAt });
    const again = await renderPdf(base, { fonts, createdAt });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('says for a glyph two characters share (U+0020, U+00A0) the character this document uses, whatever the worker drew before', async () => {
    const choice = chooseFonts(undefined, process.cwd());
    // Faces parsed anew: fontkit keeps one object per glyph, with the characters of its first use in the worker.
    const parsedAnew = (): FontSet => ({ regular: parseFont(readFontFile(choice.regular), choice.regular), bold: parseFont(readFontFile(choice.bold), choice.bold) });
    for (const [spaces, others] of [
      ['KPI 考核 and SP 服务 2024 年', 'KPI\u00a0考核 and SP\u00a0服务 2024\u00a0年'],
      ['考核 KPI 指标', '考核\u00a0KPI\u00a0指标'],
    ] as const) {
      const alone = await renderPdf(paragraphLayout(base, spaces), { fonts: parsedAnew(), createdAt });
      const worker = parsedAnew();
      await renderPdf(paragraphLayout(base, others), { fonts: worker, createdAt });
      const after = await renderPdf(paragraphLayout(base, spaces), { fonts: worker, createdAt });
      expect(Buffer.from(after).equals(Buffer.from(alone)), spaces).toBe(true);
      const { text } = await extractText(after.slice(), { mergePages: true });
      // The spaces read back as spaces: the glyph's ToUnicode entry is U+0020, not the U+00A0 drawn before.
      expect(text.replace(/\s+/g, ' '), spaces).toContain(spaces);
    }
  });
});

/** The tables of a TrueType file as raw bytes, by tag. */
function tablesOfFile(file: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let index = 0; index < view.getUint16(4); index++) {
    const entry = 12 + index * 16;
    const tag = String.fromCharCode(...file.subarray(entry, entry + 4));
    tables.set(tag, file.subarray(view.getUint32(entry + 8), view.getUint32(entry + 8) + view.getUint32(entry + 12)));
  }
  return tables;
}

describe('a stand-in for a missing character in the subset', () => {
  it('is written as a copy of .notdef: the same outline record and the same metrics, under its own number', () => {
    const face = fonts.regular;
    const tables = trueTypeTablesOf(face);
    if (!tables) throw new Error('TrueType');
    const subset = fontkitSubset(freshFont('regular'));
    subset.includeGlyph(0);
    subset.includeGlyph(face.glyphForCodePoint('岗'.codePointAt(0) ?? 0).id);
    const standIn = subset.includeGlyph(face.numGlyphs + 7);
    const file = tablesOfFile(encodeSubset(tables, subset));
    const loca = file.get('loca');
    const glyf = file.get('glyf');
    const hmtx = file.get('hmtx');
    if (!loca || !glyf || !hmtx) throw new Error('tables missing');
    const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
    const offset = (index: number): number => (tables.longOffsets ? locaView.getUint32(index * 4) : locaView.getUint16(index * 2) * 2);
    const record = (index: number): Buffer => Buffer.from(glyf.subarray(offset(index), offset(index + 1)));
    expect(standIn).toBe(2);
    expect(record(0).length).toBeGreaterThan(10);
    expect(record(standIn).equals(record(0))).toBe(true);
    expect(Buffer.from(hmtx.subarray(standIn * 4, standIn * 4 + 4)).equals(Buffer.from(hmtx.subarray(0, 4)))).toBe(true);
  });
});

describe('the ToUnicode map', () => {
  it('is bfchar entries in blocks of at most 100 (what Ghostscript reads), with surrogate pairs past the BMP and .notdef as U+FFFD', () => {
    const unicode: (number[] | undefined)[] = [[0], [0x5ba2], [0x20bb7], [0x66, 0x69], undefined, []];
    for (let code = 0x4e00; code < 0x4e00 + 250; code++) unicode.push([code]);
    const cmap = toUnicodeCMap(unicode);
    expect(cmap).not.toContain('bfrange');
    expect(cmap).toContain('<0000> <fffd>');
    expect(cmap).toContain('<0001> <5ba2>');
    expect(cmap).toContain('<0002> <d842dfb7>');
    expect(cmap).toContain('<0003> <00660069>');
    // A glyph that stands for nothing gets no entry.
    expect(cmap).not.toMatch(/<0004>|<0005>/);
    const counts = [...cmap.matchAll(/(\d+) beginbfchar\n([^]*?)\nendbfchar/g)].map((block) => ({ declared: Number(block[1]), lines: block[2]?.split('\n').length }));
    expect(counts.map((block) => block.declared)).toEqual([100, 100, 54]);
    for (const block of counts) expect(block.lines).toBe(block.declared);
    expect(cmap).toContain('1 begincodespacerange\n<0000> <ffff>\nendcodespacerange');
  });
});

describe('PDF text for characters the font lacks', () => {
  const { layouts } = seedFixture();
  const base = layouts.get('cs-manager');
  if (!base) throw new Error('missing');

  it('extracts each as itself (pdf.js), never U+0000', async () => {
    const pdf = await renderPdf(paragraphLayout(base, '吉祥物𠮷与ก、한和ᚠ😀完'), { fonts, createdAt });
    const { text } = await extractText(pdf.slice(), { mergePages: true });
    expect(squash(text)).toContain('吉祥物𠮷与ก、한和ᚠ😀完');
    expect(text).not.toContain('\u0000');
  });

  it('gives the same bytes whatever missing characters the worker drew before (a stand-in\'s number is not written)', async () => {
    const layout = paragraphLayout(base, '甲ก乙𠮷丙한');
    const first = await renderPdf(layout, { fonts, createdAt });
    await renderPdf(paragraphLayout(base, 'ᚠ😀𠀀ꙮ'), { fonts, createdAt });
    const again = await renderPdf(layout, { fonts, createdAt });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('draws them all as the .notdef box: pages differing only in which characters are missing look the same to the pixel', async (context) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'roledoc-notdef-'));
    try {
      const pages: Buffer[] = [];
      for (const [index, text] of ['岗位𠮷ก名称', '岗位ᚠ한名称'].entries()) {
        const file = path.join(folder, `${index}.pdf`);
        writeFileSync(file, await renderPdf(paragraphLayout(base, text), { fonts, createdAt }));
        try {
          pages.push(execFileSync('pdftoppm', ['-r', '72', '-gray', '-f', '1', '-l', '1', file], { maxBuffer: 64 * 1024 * 1024 }));
        } catch {
          context.skip('pdftoppm (poppler-utils) is not installed: the pages were not compared');
        }
      }
      expect(pages[0]?.length).toBeGreaterThan(100_000);
      expect(pages[0]?.equals(pages[1] ?? Buffer.alloc(0))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the subset tag', () => {
  const { layouts } = seedFixture();
  /** Every font name of the PDF (the tag, a plus and the face). */
  const fontNames = (pdf: Uint8Array): Set<string> => new Set([...pdfSource(pdf).matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((match) => match[1] ?? ''));

  it('differs between documents whose subsets differ, so merged PDFs never hold two subsets of one name', async () => {
    const manager = layouts.get('cs-manager');
    const supervisor = layouts.get('cs-supervisor');
    if (!manager || !supervisor) throw new Error('missing');
    const a = fontNames(await renderPdf(manager, { fonts, createdAt }));
    const b = fontNames(await renderPdf(supervisor, { fonts, createdAt }));
    expect(a.size).toBe(2);
    expect(b.size).toBe(2);
    expect([...a].filter((name) => b.has(name))).toEqual([]);
    // The same document: the same names.
    expect(fontNames(await renderPdf(manager, { fonts, createdAt }))).toEqual(a);
  });
});

/** A CFF (PostScript outlines) OpenType font, where the system has one: its subset is fontkit's. */
const NIMBUS_SANS = '/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf';

describe('a CFF font with characters it lacks', () => {
  it.skipIf(!existsSync(NIMBUS_SANS))('writes its stand-ins through fontkit\'s subsetter as .notdef, and they extract as themselves', async () => {
    const face = parseFont(readFileSync(NIMBUS_SANS), { path: NIMBUS_SANS });
    expect(trueTypeTablesOf(face)).toBeNull();
    const layout = seedFixture().layouts.get('cs-manager');
    if (!layout) throw new Error('missing');
    const pdf = await renderPdf(paragraphLayout(layout, 'Office ก and 한 or ᚠ, done.'), { fonts: { regular: face, bold: face }, createdAt });
    expect(pdfSource(pdf)).toContain('/FontFile3');
    const { text } = await extractText(pdf.slice(), { mergePages: true });
    expect(squash(text)).toContain(squash('Office ก and 한 or ᚠ, done.'));
  });
});

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
import type { FontFace } from '../src/render/fonts.js';
import { encodeSubset, trueTypeTablesOf } from '../src/render/pdf/font-subset.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { bundledFonts } from './helpers/fonts.js';
import { leafStrings, seedFixture, squash } from './helpers/seed.js';

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
});

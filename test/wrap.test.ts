import { describe, expect, it } from 'vitest';
import { createMeasurer } from '../src/render/pdf/measure.js';
import { NO_LINE_END, NO_LINE_START, wrapRichText, type Line } from '../src/render/pdf/wrap.js';
import { wrapKey } from '../src/render/pdf/cursor.js';
import { bundledFonts } from './helpers/fonts.js';
import { leafStrings, seedRoles } from './helpers/seed.js';
import { pdfSource } from './helpers/pdf-source.js';

const measure = createMeasurer(bundledFonts());
const textOf = (line: Line): string => line.fragments.map((f) => f.text).join('');
const SIZE = 10.5;

const sentences = [
  ...seedRoles().flatMap((entry) => leafStrings(entry.role, () => undefined)),
  // A torture line: every closing mark right after a possible break, every opening mark before one.
  '（注意）“客户至上”，《服务规范》；【重要】「原则」：质量、效率！是否？是。‘内部’）》」』】',
];

describe('wrapRichText', () => {
  it('never starts a line with closing punctuation nor ends one with an opening bracket, at any width', () => {
    const offenders: string[] = [];
    let lines = 0;
    for (let width = 60; width <= 480; width += 3.7) {
      for (const sentence of sentences) {
        const wrapped = wrapRichText([{ text: sentence }], width, SIZE, measure);
        lines += wrapped.length;
        wrapped.forEach((line, index) => {
          const text = textOf(line);
          if (index > 0 && NO_LINE_START.has(Array.from(text)[0] ?? '')) offenders.push(`${width}: starts "${text}"`);
          if (!line.endsParagraph && NO_LINE_END.has(Array.from(text).at(-1) ?? '')) offenders.push(`${width}: ends "${text}"`);
        });
      }
    }
    expect(lines).toBeGreaterThan(10_000);
    expect(offenders).toEqual([]);
  });

  it('loses no character and overflows no line', () => {
    for (const width of [80, 150, 333]) {
      for (const sentence of sentences) {
        const wrapped = wrapRichText([{ text: sentence }], width, SIZE, measure);
        expect(wrapped.map(textOf).join('').replace(/\s/g, '')).toBe(sentence.replace(/\s/g, ''));
        for (const line of wrapped) expect(line.width).toBeLessThanOrEqual(width + 1e-6);
      }
    }
  });

  it('cuts an unbroken 300-character token (a URL) between characters to fit', () => {
    const url = `https://example.com/${'a1b2c3d4e5'.repeat(28)}`;
    const wrapped = wrapRichText([{ text: url }], 200, SIZE, measure);
    expect(wrapped.length).toBeGreaterThan(5);
    expect(wrapped.map(textOf).join('')).toBe(url);
    for (const line of wrapped) expect(line.width).toBeLessThanOrEqual(200 + 1e-6);
  });

  it('marks the lines of a paragraph with a URL in it ragged, as the .docx leaves it, and only those', () => {
    const url = `https://example.com/docs/${'a1b2c3d4e5'.repeat(5)}`;
    const wrapped = wrapRichText([{ text: `（1）网址 ${url} 在表格的格子里换行。\n（2）任务：负责对管辖范围内人员的日常营销工作进行管理安排，及时发现问题。` }], 200, SIZE, measure);
    const urlLines = wrapped.slice(0, wrapped.findIndex((line) => line.endsParagraph) + 1);
    const taskLines = wrapped.slice(urlLines.length);
    expect(urlLines.length).toBeGreaterThan(1);
    expect(taskLines.length).toBeGreaterThan(1);
    expect(urlLines.every((line) => line.ragged === true)).toBe(true);
    expect(taskLines.some((line) => line.ragged === true)).toBe(false);
    // A long Latin phrase with spaces is no URL: it breaks at its spaces and is justified.
    const phrase = wrapRichText([{ text: 'Customer satisfaction and first call resolution rate, measured monthly by the quality team.' }], 120, SIZE, measure);
    expect(phrase.some((line) => line.ragged === true)).toBe(false);
  });

  it('keeps runs of different weight apart and honours line breaks inside text', () => {
    const wrapped = wrapRichText([{ text: '标签：', bold: true }, { text: '第一行\n第二行' }], 300, SIZE, measure);
    expect(wrapped.map(textOf)).toEqual(['标签：第一行', '第二行']);
    expect(wrapped[0]?.fragments).toEqual([
      { text: '标签：', face: 'bold' },
      { text: '第一行', face: 'regular' },
    ]);
    expect(wrapped.map((l) => l.endsParagraph)).toEqual([true, true]);
  });
});

describe('glyph coverage', () => {
  it('the bundled font draws all of both locales’ own text, and reports what it lacks in order', async () => {
    const { missingCharacters } = await import('../src/pipeline/glyph-coverage.js');
    const { localeFor } = await import('../src/locale/builtin.js');
    const { localeText } = await import('../src/locale/locale-text.js');
    const fonts = bundledFonts();
    expect(missingCharacters(localeText(localeFor('zh-CN')), fonts)).toEqual([]);
    expect(missingCharacters(localeText(localeFor('en')), fonts)).toEqual([]);
    expect(missingCharacters('吉𠮷祥😀吉 𠮷', fonts)).toEqual(['𠮷', '😀']);
  });
});

describe('a fallback font', () => {
  it('sets the characters the main faces lack in the fallback, and the PDF draws them', async () => {
    const { renderPdf } = await import('../src/render/pdf/render-pdf.js');
    const { missingCharacters } = await import('../src/pipeline/glyph-coverage.js');
    const { assertValidPdf } = await import('./helpers/valid-output.js');
    const real = bundledFonts();
    // Main faces that lack 乙 (as a Latin font lacks Chinese, or a CJK font lacks an emoji).
    const lacking = (font: typeof real.regular) =>
      new Proxy(font, { get: (target, key) => (key === 'hasGlyphForCodePoint' ? (cp: number) => cp !== 0x4e59 && target.hasGlyphForCodePoint(cp) : Reflect.get(target, key)) });
    const fonts = { regular: lacking(real.regular), bold: lacking(real.bold), fallback: real.regular };

    expect(missingCharacters('甲乙丙', { regular: fonts.regular, bold: fonts.bold })).toEqual(['乙']);
    expect(missingCharacters('甲乙丙', fonts)).toEqual([]);
    const lines = wrapRichText([{ text: '甲乙丙' }], 300, SIZE, createMeasurer(fonts));
    expect(lines[0]?.fragments).toEqual([
      { text: '甲', face: 'regular' },
      { text: '乙', face: 'fallback' },
      { text: '丙', face: 'regular' },
    ]);

    const layout = {
      ...(await import('./helpers/seed.js')).composeAll([{ id: 'x', title: '甲乙丙', department: '丁', responsibilities: ['甲乙丙'] }]).get('x'),
    } as import('../src/layout/layout.js').Layout;
    const pdf = await renderPdf(layout, { fonts, createdAt: new Date('2024-01-01T00:00:00Z') });
    expect(await assertValidPdf(pdf)).toContain('甲乙丙');
    expect(pdfSource(pdf).match(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/g)?.length).toBe(2);
  });
});

describe('the wrap cache key', () => {
  it('tells apart texts that JSON would tell apart: run boundaries, weight, links, sizes', () => {
    const keys = [
      wrapKey([{ text: 'ab' }], 100, 10.5, false),
      wrapKey([{ text: 'a' }, { text: 'b' }], 100, 10.5, false),
      wrapKey([{ text: 'a|1:b' }], 100, 10.5, false),
      wrapKey([{ text: 'ab', bold: true }], 100, 10.5, false),
      wrapKey([{ text: 'ab' }], 100, 10.5, true),
      wrapKey([{ text: 'ab', link: 'x' }], 100, 10.5, false),
      wrapKey([{ text: 'a', link: 'b' }], 100, 10.5, false),
      wrapKey([{ text: 'ab' }], 100, 9, false),
      wrapKey([{ text: 'ab' }], 100.5, 10.5, false),
      wrapKey([{ text: 'ab', bold: false }], 100, 10.5, false),
    ];
    // Only the last repeats the first: bold: false wraps as no bold at all.
    expect(new Set(keys).size).toBe(keys.length - 1);
    expect(keys.at(-1)).toBe(keys[0]);
  });
});

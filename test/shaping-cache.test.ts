/**
 * fontkit's shaping kept between builds (out/.roledoc-cache/shaping.json): a later build shapes
 * from it exactly as fontkit would, never from an entry that does not fit the face, and a damaged
 * or foreign file is not used.
 */
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseFonts } from '../src/io/fonts.js';
import { openShapingCache } from '../src/pipeline/shaping-cache.js';
import type { Layout } from '../src/layout/layout.js';
import { parseFont, type FontFace, type FontSet, type KeptShaping, type ShapedRun } from '../src/render/fonts.js';
import { faceKey, glyphTableOf, keepShaping, takeShaping } from '../src/render/pdf/glyphs.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { bundledFonts } from './helpers/fonts.js';
import { seedFixture } from './helpers/seed.js';

/** What fontkit gives a text (as the glyph table shapes it: no ligatures), as the cache keeps it. */
function fontkitNumbers(face: FontFace, text: string): number[] {
  const run = face.layout(text, { liga: false, clig: false });
  return run.glyphs.flatMap((glyph, index) => {
    const position = run.positions[index];
    return [glyph.id, position?.xAdvance ?? 0, position?.xOffset ?? 0, position?.yOffset ?? 0, glyph.codePoints.length, ...glyph.codePoints];
  });
}

/** A run as the table gives it, in the same numbers. */
function runNumbers(run: ShapedRun): number[] {
  return run.glyphs.flatMap((glyph, index) => {
    const position = run.positions[index];
    return [glyph.id, position?.xAdvance ?? 0, position?.xOffset ?? 0, position?.yOffset ?? 0, glyph.codePoints.length, ...glyph.codePoints];
  });
}

describe('shaping kept between builds', () => {
  it('notes what fontkit shaped: Latin words and page numbers, with the glyphs and positions fontkit gave', () => {
    const face = bundledFonts().regular;
    keepShaping({});
    const table = glyphTableOf(face);
    table.shape('Workflow 2026');
    table.shapedAdvance('第 1234 页 共 3000 页');
    // A text with a character the face lacks is drawn from a stand-in: shaped anew each build, never kept.
    table.shape('A\u{10FFFD}B');
    const taken = takeShaping()[faceKey(face)];
    expect(taken?.runs).toEqual([['Workflow 2026', fontkitNumbers(face, 'Workflow 2026')]]);
    expect(runNumbers(table.shape('Workflow 2026'))).toEqual(fontkitNumbers(face, 'Workflow 2026'));
    expect(taken?.advances).toEqual([['第 1234 页 共 3000 页', face.layout('第 1234 页 共 3000 页', { liga: false, clig: false }).advanceWidth]]);
    // Taken once: the next take has only what was shaped since.
    expect(takeShaping()).toEqual({});
  });

  it('shapes from what was kept, and not again: page numbers too, whose digits the face substitutes', () => {
    const face = bundledFonts().regular;
    const numbers = fontkitNumbers(face, 'Kept 42');
    // The digits are not the cmap's glyphs in this face: shaping substitutes them.
    expect(numbers[5 * 6]).not.toBe(face.glyphForCodePoint(0x34).id);
    expect(numbers.slice(5 * 6 + 4, 5 * 6 + 6)).toEqual([1, 0x34]);
    // One advance changed, so that what comes back can only be the kept entry.
    const moved = [...numbers];
    moved[1] = (moved[1] ?? 0) + 7;
    keepShaping({ [faceKey(face)]: { runs: [['Kept 42', moved]], advances: [['Kept line 7', 12345]] } });
    const table = glyphTableOf(face);
    expect(runNumbers(table.shape('Kept 42'))).toEqual(moved);
    expect(table.shape('Kept 42').advanceWidth).toBe(face.layout('Kept 42', { liga: false, clig: false }).advanceWidth + 7);
    expect(table.shapedAdvance('Kept line 7')).toBe(12345);
    expect(takeShaping()).toEqual({});
  });

  it('shapes again a kept run that does not fit the face or its text', () => {
    const face = bundledFonts().regular;
    const texts = ['Zero 9', 'Past 8', 'Other 7', 'Short 6'];
    const broken = (text: string, change: (numbers: number[]) => number[]): readonly [string, number[]] => [text, change(fontkitNumbers(face, text))];
    keepShaping({
      [faceKey(face)]: {
        runs: [
          broken('Zero 9', (numbers) => [0, ...numbers.slice(1)]),
          broken('Past 8', (numbers) => [face.numGlyphs, ...numbers.slice(1)]),
          broken('Other 7', (numbers) => numbers.map((n, index) => (index === 5 ? n + 1 : n))),
          broken('Short 6', (numbers) => numbers.slice(0, -1)),
        ],
        advances: [],
      },
    });
    const table = glyphTableOf(face);
    for (const text of texts) expect(runNumbers(table.shape(text)), text).toEqual(fontkitNumbers(face, text));
  });
});

describe('a document shaped from the kept shaping', () => {
  it('is the same bytes as one shaped now, and asks fontkit nothing', async () => {
    const choice = chooseFonts(undefined, process.cwd());
    // Faces parsed anew for each: fontkit keeps one object per glyph, made at its first use.
    const parsedAnew = (): FontSet => ({ regular: parseFont(readFileSync(choice.regular.path), choice.regular), bold: parseFont(readFileSync(choice.bold.path), choice.bold) });
    const base = seedFixture().layouts.get('cs-manager');
    if (!base) throw new Error('missing');
    // Latin kerned, digits substituted, a glyph two characters share (U+0020 and U+00A0), and the role's own text.
    const layout: Layout = { ...base, blocks: [{ kind: 'paragraph', text: [{ text: 'KPI\u00a0考核 2024\u00a0年, SP 服务 and 3,000 页' }] }, ...base.blocks] };
    const createdAt = new Date('2024-03-01T08:30:00Z');
    keepShaping({});
    const shapedNow = await renderPdf(layout, { fonts: parsedAnew(), createdAt });
    const kept = takeShaping();
    expect(Object.keys(kept).length).toBeGreaterThan(0);
    keepShaping(kept);
    const fromKept = await renderPdf(layout, { fonts: parsedAnew(), createdAt });
    expect(takeShaping()).toEqual({});
    expect(Buffer.from(fromKept).equals(Buffer.from(shapedNow))).toBe(true);
  });
});

describe('the shaping cache file', () => {
  const entry = (text: string, advance: number): KeptShaping => ({ face: { runs: [[text, [1, advance, 0, 0, 1, 65]]], advances: [[text, advance]] } });

  it('gives back what a build added, this build\'s first, then the earlier ones it did not shape again', () => {
    const first = openShapingCache(undefined);
    expect(first.kept).toEqual({});
    expect(first.serialize()).toBeUndefined();
    first.add(entry('a', 1));
    first.add(entry('b', 2));
    const second = openShapingCache(first.serialize());
    expect(second.kept).toEqual({ face: { runs: [['a', [1, 1, 0, 0, 1, 65]], ['b', [1, 2, 0, 0, 1, 65]]], advances: [['a', 1], ['b', 2]] } });
    second.add(entry('c', 3));
    expect(openShapingCache(second.serialize()).kept).toEqual({
      face: { runs: [['c', [1, 3, 0, 0, 1, 65]], ['a', [1, 1, 0, 0, 1, 65]], ['b', [1, 2, 0, 0, 1, 65]]], advances: [['c', 3], ['a', 1], ['b', 2]] },
    });
  });

  it('uses nothing from a damaged file, one of another version, or with --force', () => {
    const made = openShapingCache(undefined);
    made.add(entry('a', 1));
    const text = made.serialize() ?? '';
    expect(openShapingCache(text).kept).not.toEqual({});
    expect(openShapingCache(text, { fresh: true }).kept).toEqual({});
    expect(openShapingCache(text.slice(0, -5)).kept).toEqual({});
    expect(openShapingCache(text.replace('"version":', '"version":"0.0.0-other","was":')).kept).toEqual({});
    // One number changed in the body: caught by its CRC-32.
    expect(openShapingCache(text.replace('[1,1,0,0,1,65]', '[1,2,0,0,1,65]')).kept).toEqual({});
    // A face whose entries are not numbers is left out; the others are used.
    const newline = text.indexOf('\n');
    const body = JSON.stringify({ ...(JSON.parse(text.slice(newline + 1)) as object), broken: { runs: [['x', ['not a number']]], advances: [] } });
    const head = JSON.parse(text.slice(0, newline)) as object;
    expect(Object.keys(openShapingCache(`${JSON.stringify({ ...head, crc32: crc32(body) })}\n${body}`).kept)).toEqual(['face']);
  });
});

/**
 * The bundled fonts' facts that `npm run build` writes (dist/render/bundled-font-facts.json) stand
 * in for the fonts themselves when a project's text is checked: they must say exactly what fontkit
 * says of the same files, or a character would be reported (or not) wrongly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONT_FILES, bundledFontSpecifiers, decodeRuns, encodeRuns, storedRuns, type StoredFontFacts } from '../src/model/fonts.js';
import { BUILTIN_TEMPLATES } from '../src/template/load-template.js';
import { runProcess } from './helpers/run-cli.js';
import { loadBuiltinTemplate, REPO, seedProject } from './helpers/seed.js';

const FACTS = path.join(REPO, 'dist', 'render', 'bundled-font-facts.json');
const require = createRequire(import.meta.url);

const inRanges = (ranges: readonly (readonly [number, number])[], codePoint: number): boolean => ranges.some(([first, last]) => codePoint >= first && codePoint <= last);

describe('the bundled fonts\' facts (npm run build)', () => {
  it('are written by the build step (npm ci runs it), beside the compiled code', () => {
    expect(existsSync(FACTS), `${FACTS} is missing: run npm run build`).toBe(true);
  });

  it('say what fontkit says of the same files: name, version, glyphs, and every character of the BMP and a few beyond', () => {
    const facts = JSON.parse(readFileSync(FACTS, 'utf8')) as Record<string, StoredFontFacts>;
    for (const specifier of bundledFontSpecifiers()) {
      const stored = facts[specifier];
      if (stored === undefined) throw new Error(`no facts for ${specifier}`);
      const bytes = readFileSync(require.resolve(specifier));
      const font = create(bytes);
      if ('fonts' in font) throw new Error('a collection');
      expect([stored.size, stored.postscriptName, stored.version, stored.numGlyphs]).toEqual([bytes.byteLength, font.postscriptName, font.version, font.numGlyphs]);
      const runs = storedRuns(facts, specifier);
      if (runs === undefined) throw new Error(`no runs for ${specifier}`);
      const ranges = decodeRuns(runs);
      const differing: number[] = [];
      // Beyond the BMP: 𠮷 (in neither family), an emoji, and 𥫗 𧾷, which Noto Sans SC draws and Noto Serif SC does not.
      for (const codePoint of [...Array.from({ length: 0x10000 }, (_, i) => i), 0x20bb7, 0x1f600, 0x25ad7, 0x27fb7, 0x2a6d6, 0x30000]) {
        if (inRanges(ranges, codePoint) !== font.hasGlyphForCodePoint(codePoint)) differing.push(codePoint);
      }
      expect(differing, specifier).toEqual([]);
    }
  });

  it('cover every face a built-in template sets its PDF in, so checking its text parses no font', () => {
    const facts = JSON.parse(readFileSync(FACTS, 'utf8')) as Record<string, StoredFontFacts>;
    const picked = BUILTIN_TEMPLATES.flatMap((name) => {
      const faces = loadBuiltinTemplate(name).pdf_fonts;
      return [BUNDLED_FONT_FILES[faces.regular].regular, BUNDLED_FONT_FILES[faces.bold].bold];
    });
    expect(new Set(picked)).toEqual(new Set([BUNDLED_FONT_FILES.serif.regular, BUNDLED_FONT_FILES.sans.bold, BUNDLED_FONT_FILES.sans.regular]));
    for (const specifier of picked) expect(storedRuns(facts, specifier), specifier).toMatch(/^[0-9a-z.,]+$/);
  });

  it('store a bold face that draws what its regular draws as a reference to it, and follow it once', () => {
    const facts = JSON.parse(readFileSync(FACTS, 'utf8')) as Record<string, StoredFontFacts>;
    expect(facts[BUNDLED_FONT_FILES.serif.bold]?.runs).toBe(`=${BUNDLED_FONT_FILES.serif.regular}`);
    expect(storedRuns(facts, BUNDLED_FONT_FILES.serif.bold)).toBe(facts[BUNDLED_FONT_FILES.serif.regular]?.runs);
    const stored = { size: 1, postscriptName: 'X', version: '1', numGlyphs: 1 };
    // A reference to a reference, or to nothing, is no runs at all (the font is then parsed).
    expect(storedRuns({ a: { ...stored, runs: '=b' }, b: { ...stored, runs: '=c' }, c: { ...stored, runs: '0.1' } }, 'a')).toBeUndefined();
    expect(storedRuns({ a: { ...stored, runs: '=z' } }, 'a')).toBeUndefined();
  });

  it('keep their runs exactly through encoding', () => {
    const ranges: [number, number][] = [[0, 0], [32, 126], [160, 160], [0x4e00, 0x9fff], [0x20bb7, 0x20bb7]];
    expect(decodeRuns(encodeRuns(ranges))).toEqual(ranges);
    expect(decodeRuns('')).toEqual([]);
  });

  it('find what the compiled CLI reports: a character the font lacks is still a warning at its line, with no font parsed', async () => {
    const dir = seedProject();
    const file = path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, `${readFileSync(file, 'utf8')}remarks: 吉祥物“𠮷”\n`);
    const result = await runProcess(['validate'], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/roles\/客服部\/cs-marketing-support-supervisor\.yaml:\d+:14 {2}warning {2}font\.missing-glyph {2}.*“𠮷”（U\+20BB7）/);
    // The lines of the seed's own text draw: no other character is reported.
    expect(result.stdout.match(/font\.missing-glyph/g)).toHaveLength(1);
  });

  it('find a character the serif body face lacks for classic, and none for modern, whose faces are both sans', async () => {
    const dir = seedProject();
    const file = path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml');
    const { writeFileSync } = await import('node:fs');
    // 𥫗 (U+25AD7): in Noto Sans SC, not in Noto Serif SC.
    writeFileSync(file, `${readFileSync(file, 'utf8')}remarks: 部首“𥫗”\n`);
    const classic = await runProcess(['validate'], dir);
    expect(classic.exitCode).toBe(0);
    expect(classic.stdout).toMatch(/cs-marketing-support-supervisor\.yaml:\d+:13 {2}warning {2}font\.missing-glyph {2}.*“𥫗”（U\+25AD7）/);
    const config = path.join(dir, 'roledoc.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^template: classic$/m, 'template: modern'));
    const modern = await runProcess(['validate'], dir);
    expect(modern.exitCode).toBe(0);
    expect(modern.stdout).not.toMatch(/font\.missing-glyph/);
  });
});

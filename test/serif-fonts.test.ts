/**
 * One look per template: classic's PDF is set as its Word document is — body text in Noto Serif SC
 * (宋体-like, as SimSun), headings and bold text in Noto Sans SC Bold (黑体-like, as SimHei) —, modern's
 * all in Noto Sans SC. The template says so (`pdf_fonts`); fonts named in roledoc.config.yaml win.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { create, type Font } from 'fontkit';
import type { FontSubset } from 'pdfkit';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { chooseFonts, readFontFile } from '../src/io/fonts.js';
import { cliMessagesFor } from '../src/messages/cli-messages.js';
import { BUNDLED_FONT_FILES, type FontFacts } from '../src/model/fonts.js';
import { checkProject } from '../src/pipeline/check-project.js';
import { compileProject } from '../src/pipeline/compile-project.js';
import { loadPdfFonts } from '../src/pipeline/pdf-fonts.js';
import { renderDocument } from '../src/pipeline/render-document.js';
import { loadFontSet } from '../src/pipeline/load-fonts.js';
import { encodeSubset, trueTypeTablesOf } from '../src/render/pdf/font-subset.js';
import { runCli } from './helpers/run-cli.js';
import { leafStrings, REPO, seedFixture, seedProject, squash } from './helpers/seed.js';
import { pdfSource } from './helpers/pdf-source.js';

const require = createRequire(import.meta.url);
const fileOf = (specifier: string): string => require.resolve(specifier);

/** The example project, set in another built-in template or a template of its own. */
function projectWith(template: string, ownTemplate?: string): string {
  const dir = seedProject();
  const config = path.join(dir, 'roledoc.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^template: classic$/m, `template: ${template}`));
  if (ownTemplate !== undefined) {
    const folder = path.join(dir, 'templates', template);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'template.yaml'), ownTemplate);
  }
  return dir;
}

/**
 * The PDF fonts of a project, as the compiled roledoc in dist/ chooses them: only there are the
 * facts npm run build wrote beside the code (run from src/, every face is parsed).
 */
async function pdfFontsOf(dir: string): Promise<Awaited<ReturnType<typeof loadPdfFonts>>> {
  const dist = (file: string): string => pathToFileURL(path.join(REPO, 'dist', file)).href;
  const compiled = {
    check: (await import(dist('pipeline/check-project.js'))) as { checkProject: typeof checkProject },
    fonts: (await import(dist('pipeline/pdf-fonts.js'))) as { loadPdfFonts: typeof loadPdfFonts },
    messages: (await import(dist('messages/cli-messages.js'))) as { cliMessagesFor: typeof cliMessagesFor },
  };
  const checked = await compiled.check.checkProject(dir);
  if (!checked.template) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return compiled.fonts.loadPdfFonts(checked.project.config, checked.project.root, checked.template, compiled.messages.cliMessagesFor('en'));
}

/** Facts read from the file npm run build wrote carry no fontkit methods: nothing was parsed. */
const parsed = (facts: FontFacts): boolean => 'layout' in facts;

/** The names of the fonts a PDF embeds (its /BaseFont entries, subset tag removed), sorted. */
function embeddedFonts(pdf: Uint8Array): string[] {
  const names = new Set<string>();
  for (const match of pdfSource(pdf).matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)/g)) names.add(match[1] ?? '');
  return [...names].sort();
}

describe('the faces a template picks for its PDF', () => {
  it('are the serif regular and the sans bold for classic, from the facts npm run build wrote (no font parsed)', async () => {
    const fonts = await pdfFontsOf(seedProject());
    expect([fonts.choice.regular.path, fonts.choice.bold.path]).toEqual([fileOf(BUNDLED_FONT_FILES.serif.regular), fileOf(BUNDLED_FONT_FILES.sans.bold)]);
    expect([fonts.facts.regular.postscriptName, fonts.facts.bold.postscriptName]).toEqual(['NotoSerifSC-Regular', 'NotoSansSC-Bold']);
    expect([parsed(fonts.facts.regular), parsed(fonts.facts.bold)]).toEqual([false, false]);
  });

  it('are both sans for modern', async () => {
    const fonts = await pdfFontsOf(projectWith('modern'));
    expect([fonts.facts.regular.postscriptName, fonts.facts.bold.postscriptName]).toEqual(['NotoSansSC-Regular', 'NotoSansSC-Bold']);
  });

  it('are inherited by a project template that extends classic, face by face', async () => {
    const inherited = await pdfFontsOf(projectWith('mine', 'extends: classic\nname: mine\ncolors: { heading: 1F4E79 }\n'));
    expect([inherited.facts.regular.postscriptName, inherited.facts.bold.postscriptName]).toEqual(['NotoSerifSC-Regular', 'NotoSansSC-Bold']);
    const boldSerif = await pdfFontsOf(projectWith('mine', 'extends: classic\nname: mine\npdf_fonts: { bold: serif }\n'));
    expect([boldSerif.facts.regular.postscriptName, boldSerif.facts.bold.postscriptName]).toEqual(['NotoSerifSC-Regular', 'NotoSerifSC-Bold']);
    expect(parsed(boldSerif.facts.bold)).toBe(false);
  });

  it('give way to fonts named in roledoc.config.yaml: a regular face there is the body face, whatever the template says', async () => {
    const dir = seedProject();
    const config = path.join(dir, 'roledoc.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}fonts:\n  regular: ${JSON.stringify(fileOf(BUNDLED_FONT_FILES.sans.regular))}\n`);
    const fonts = await pdfFontsOf(dir);
    expect(fonts.facts.regular.postscriptName).toBe('NotoSansSC-Regular');
    // A bold face alone in the config: the body stays the template's serif.
    writeFileSync(config, `${readFileSync(config, 'utf8').replace(/fonts:\n.*\n$/, '')}fonts:\n  bold: ${JSON.stringify(fileOf(BUNDLED_FONT_FILES.serif.bold))}\n`);
    const boldOnly = await pdfFontsOf(dir);
    expect([boldOnly.facts.regular.postscriptName, boldOnly.facts.bold.postscriptName]).toEqual(['NotoSerifSC-Regular', 'NotoSerifSC-Bold']);
  });

  it('are sans for both faces when the caller names no family (chooseFonts\' default)', () => {
    const choice = chooseFonts(undefined, process.cwd());
    expect([choice.regular.path, choice.bold.path]).toEqual([fileOf(BUNDLED_FONT_FILES.sans.regular), fileOf(BUNDLED_FONT_FILES.sans.bold)]);
    const serif = chooseFonts(undefined, process.cwd(), { regular: 'serif', bold: 'sans' });
    expect([serif.regular.path, serif.bold.path]).toEqual([fileOf(BUNDLED_FONT_FILES.serif.regular), fileOf(BUNDLED_FONT_FILES.sans.bold)]);
  });
});

describe('a classic PDF built by roledoc', () => {
  it('embeds the serif body face and the sans bold one; a template that picks sans makes the PDFs again, in sans', { timeout: 120_000 }, async () => {
    const dir = seedProject();
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    expect(embeddedFonts(readFileSync(path.join(dir, 'out', 'cs-manager.pdf')))).toEqual(['NotoSansSC-Bold', 'NotoSerifSC-Regular']);
    expect(embeddedFonts(readFileSync(path.join(dir, 'out', 'handbook.pdf')))).toEqual(['NotoSansSC-Bold', 'NotoSerifSC-Regular']);
    // The same look in sans, as a template of the project's: the PDFs are made again.
    const folder = path.join(dir, 'templates', 'sans');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'template.yaml'), 'extends: classic\nname: sans\npdf_fonts: { regular: sans }\n');
    const config = path.join(dir, 'roledoc.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^template: classic$/m, 'template: sans'));
    const before = readFileSync(path.join(dir, 'out', 'cs-manager.pdf'));
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    const after = readFileSync(path.join(dir, 'out', 'cs-manager.pdf'));
    expect(after.equals(before)).toBe(false);
    expect(embeddedFonts(after)).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
  });

  it('reads back every string of every role, and no line runs past the right margin', { timeout: 120_000 }, async () => {
    const dir = seedProject();
    const { documents, checked } = await compileProject(dir, { formats: ['pdf'], sourceDateEpoch: '1709281800' });
    if (!checked.template) throw new Error('no template');
    const fonts = await (await loadPdfFonts(checked.project.config, checked.project.root, checked.template, cliMessagesFor('en'))).fonts();
    expect(fonts.regular.postscriptName).toBe('NotoSerifSC-Regular');
    const { roles, titleOf } = seedFixture();
    const everyString = roles.flatMap((role) => leafStrings(role, titleOf));
    for (const document of documents) {
      const pdf = await renderDocument(document.layout, 'pdf', { createdAt: document.createdAt, fonts });
      const { text } = await extractText(pdf.slice(), { mergePages: true });
      const role = roles.find((each) => each.id === document.role);
      const own = role === undefined ? everyString : leafStrings(role, titleOf);
      expect(own.filter((s) => !squash(text).includes(squash(s))), document.name).toEqual([]);
      const { page } = document.layout;
      const doc = await getDocumentProxy(pdf.slice());
      for (let number = 1; number <= doc.numPages; number++) {
        const content = await (await doc.getPage(number)).getTextContent();
        for (const item of content.items) {
          if (!('str' in item) || item.str.trim() === '') continue;
          const right = (item.transform[4] ?? 0) + item.width;
          expect(right, `${document.name} p. ${number}: ${item.str}`).toBeLessThanOrEqual(page.width - page.margins.right + 0.5);
        }
      }
    }
  });
});

/** fontkit's Subset, as pdfkit creates it (createSubset is not in roledoc's declarations of fontkit). */
function fontkitSubset(font: Font): FontSubset {
  const subset: unknown = Reflect.apply(Reflect.get(font, 'createSubset'), font, []);
  if (typeof subset !== 'object' || subset === null || !('includeGlyph' in subset) || !('encode' in subset) || !('glyphs' in subset)) throw new Error('no subset');
  return subset as FontSubset;
}

describe.each(['regular', 'bold'] as const)('Noto Serif SC %s', (weight) => {
  const file = { path: fileOf(BUNDLED_FONT_FILES.serif[weight]) };
  const fresh = (): Font => {
    const font = create(readFontFile(file));
    if ('fonts' in font) throw new Error('a collection');
    return font;
  };

  it('is a glyf TrueType whose subset, copied from glyf and loca, is byte for byte the one fontkit encodes', () => {
    const face = loadFontSet({ regular: file, bold: file, source: 'bundled' }).regular;
    const tables = trueTypeTablesOf(face);
    expect(tables, 'roledoc subsets glyf fonts itself').not.toBeNull();
    if (!tables) return;
    const text = [...new Set(seedFixture().roles.flatMap((role) => leafStrings(role, () => undefined)).join(''))].join('') + 'ABCxyz0123456789%（）≥—“”';
    const theirs = fontkitSubset(fresh());
    const ours = fontkitSubset(fresh());
    const glyphIds = Array.from(text, (char) => face.glyphForCodePoint(char.codePointAt(0) ?? 0).id);
    for (const id of glyphIds) {
      theirs.includeGlyph(id);
      ours.includeGlyph(id);
    }
    expect(glyphIds.filter((id) => id === 0)).toEqual([]);
    expect(Buffer.from(encodeSubset(tables, ours)).equals(Buffer.from(theirs.encode()))).toBe(true);
    expect(ours.glyphs).toEqual(theirs.glyphs);
  });
});

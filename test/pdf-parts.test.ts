/**
 * The handbook PDF from parts (pdf-part.ts, link-parts.ts): each role's pages drawn once, kept,
 * and copied into the handbook. What a reader sees must not tell: the same pages, pixel for
 * pixel, and the same text as the handbook drawn in one go; the same bytes whether a part was
 * drawn now or taken from the store; structure, links and bookmarks that still lead where they
 * did; and fonts a reader can load.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create } from 'fontkit';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Layout } from '../src/layout/layout.js';
import { compileProject } from '../src/pipeline/compile-project.js';
import { compactWidths, standInCode } from '../src/render/pdf/font-subset.js';
import type { PdfPartStore } from '../src/render/pdf/link-parts.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { bundledFonts } from './helpers/fonts.js';
import { pdfSource } from './helpers/pdf-source.js';
import { build } from './helpers/project.js';
import { REPO } from './helpers/seed.js';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'org');
const fonts = bundledFonts();
const createdAt = new Date('2024-03-01T08:30:00Z');
const has = (tool: string): boolean => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;

/** A store in memory that counts what is drawn (set), taken as kept (get) and read back to be copied in (peek). */
function memoryStore(): PdfPartStore & { readonly parts: Map<string, Uint8Array>; sets: number; hits: number; peeks: number } {
  const parts = new Map<string, Uint8Array>();
  const store = {
    parts,
    sets: 0,
    hits: 0,
    peeks: 0,
    get(key: string) {
      const part = parts.get(key);
      if (part) store.hits++;
      return part;
    },
    peek(key: string) {
      const part = parts.get(key);
      if (part) store.peeks++;
      return part;
    },
    set(key: string, part: Uint8Array) {
      store.sets++;
      parts.set(key, part);
    },
  };
  return store;
}

/** The same Layout drawn in one go: without part starts, the renderer draws it whole. */
function whole(layout: Layout): Layout {
  const { partStarts: _parts, ...rest } = layout;
  return rest;
}

let handbook: Layout;

beforeAll(async () => {
  const compiled = await compileProject(FIXTURE, { formats: ['pdf'] });
  const document = compiled.documents.find((candidate) => candidate.name === 'handbook.pdf');
  if (!document) throw new Error('the fixture has no handbook');
  handbook = document.layout;
}, 60_000);

describe('the handbook PDF from parts', () => {
  it('has parts: the index, each department and each role', () => {
    expect(handbook.partStarts?.length).toBeGreaterThan(8);
  });

  it('looks exactly like the handbook drawn in one go: every page pixel for pixel, and the same text', async (context) => {
    if (!has('pdftoppm') || !has('pdftotext')) {
      context.skip('pdftoppm/pdftotext (poppler-utils) not installed: the pages are not compared');
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-parts-'));
    const [fromParts, inOneGo] = await Promise.all([renderPdf(handbook, { fonts, createdAt }), renderPdf(whole(handbook), { fonts, createdAt })]);
    expect(Buffer.from(fromParts).equals(Buffer.from(inOneGo))).toBe(false);
    writeFileSync(path.join(dir, 'parts.pdf'), fromParts);
    writeFileSync(path.join(dir, 'whole.pdf'), inOneGo);
    for (const name of ['parts', 'whole']) {
      expect(spawnSync('pdftoppm', ['-r', '40', path.join(dir, `${name}.pdf`), path.join(dir, name)], { timeout: 60_000 }).status).toBe(0);
      expect(spawnSync('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), path.join(dir, `${name}.txt`)], { timeout: 60_000 }).status).toBe(0);
    }
    const pages = (name: string): string[] => readdirSync(dir).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.ppm')).sort();
    expect(pages('parts').length).toBeGreaterThan(10);
    expect(pages('parts').length).toBe(pages('whole').length);
    for (const [index, page] of pages('parts').entries()) {
      const other = pages('whole')[index] ?? '';
      expect(readFileSync(path.join(dir, page)).equals(readFileSync(path.join(dir, other))), `page ${index + 1}`).toBe(true);
    }
    expect(readFileSync(path.join(dir, 'parts.txt'), 'utf8')).toBe(readFileSync(path.join(dir, 'whole.txt'), 'utf8'));
  }, 120_000);

  it('gives the same bytes whether its parts were drawn now or kept, and draws again only the part that changed', async () => {
    const store = memoryStore();
    const first = await renderPdf(handbook, { fonts, createdAt, parts: store });
    const drawn = store.sets;
    // Each part, and the part pages' furniture (kept-furniture.ts).
    expect(drawn).toBe((handbook.partStarts ?? []).length + 1);
    // Each part drawn once and read back from the store to be copied in, not kept in memory meanwhile.
    expect(store.peeks).toBe(drawn - 1);
    const again = await renderPdf(handbook, { fonts, createdAt, parts: store });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(store.sets).toBe(drawn);
    expect(store.hits).toBe(drawn);
    expect(store.peeks).toBe(2 * (drawn - 1));
    // One sentence of one role changed: that role's part alone is drawn again.
    const edited: Layout = {
      ...handbook,
      blocks: handbook.blocks.map((block) => (block.kind === 'list' && block === handbook.blocks.find((candidate) => candidate.kind === 'list') ? { ...block, items: [[{ text: '改过的一句话。' }], ...block.items.slice(1)] } : block)),
    };
    const afterEdit = await renderPdf(edited, { fonts, createdAt, parts: store });
    expect(store.sets).toBe(drawn + 1);
    const fresh = await renderPdf(edited, { fonts, createdAt, parts: memoryStore() });
    expect(Buffer.from(afterEdit).equals(Buffer.from(fresh))).toBe(true);
  }, 120_000);

  it('keeps its pages’ running header and footer, logo and all: taken from the store, the same bytes as drawn', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-parts-logo-'));
    cpSync(FIXTURE, dir, { recursive: true });
    cpSync(path.join(REPO, 'test', 'fixtures', 'brand', 'templates'), path.join(dir, 'templates'), { recursive: true });
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), `template: templates/acme\n${readFileSync(path.join(dir, 'roledoc.config.yaml'), 'utf8')}`);
    const compiled = await compileProject(dir, { formats: ['pdf'] });
    const branded = compiled.documents.find((candidate) => candidate.name === 'handbook.pdf')?.layout;
    expect(branded?.header?.logo).toBeDefined();
    if (!branded) return;
    const store = memoryStore();
    const drawn = await renderPdf(branded, { fonts, createdAt, parts: store });
    const sets = store.sets;
    const taken = await renderPdf(branded, { fonts, createdAt, parts: store });
    // Nothing drawn again, the furniture included: nothing stored anew.
    expect(store.sets).toBe(sets);
    expect(Buffer.from(taken).equals(Buffer.from(drawn))).toBe(true);
    expect(Buffer.from(await renderPdf(branded, { fonts, createdAt })).equals(Buffer.from(drawn))).toBe(true);
  }, 120_000);

  it('keeps its structure, links, bookmarks and destinations: every page tagged, every link leads to a destination, each part a Part of the Document', async () => {
    const pdf = await renderPdf(handbook, { fonts, createdAt });
    const doc = await getDocumentProxy(pdf.slice());
    const destinations = await doc.getDestinations();
    const outline = await doc.getOutline();
    const titles = (items: typeof outline): string[] => items.flatMap((item) => [item.title, ...titles(item.items)]);
    const expectedTitles = handbook.blocks.flatMap((block) => ((block.kind === 'title' || block.kind === 'heading') && block.outline !== undefined ? [block.text] : []));
    expect(titles(outline)).toEqual(expectedTitles);
    let links = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const tree = (await page.getStructTree()) as { children?: { role?: string; children?: { role?: string }[] }[] } | null;
      expect(tree?.children?.[0]?.role, `page ${number}`).toBe('Document');
      const annotations = (await page.getAnnotations()) as { subtype: string; dest?: unknown }[];
      for (const annotation of annotations.filter((candidate) => candidate.subtype === 'Link')) {
        links++;
        expect(typeof annotation.dest === 'string' && annotation.dest in destinations, `page ${number}: ${String(annotation.dest)}`).toBe(true);
      }
      // Past the cover and the contents, a page's content belongs to a part.
      if (number > 3) expect(tree?.children?.[0]?.children?.some((child) => child.role === 'Part'), `page ${number}`).toBe(true);
    }
    expect(links).toBeGreaterThan(8);
    const source = pdfSource(pdf);
    // Two content streams drawn apart, each with its own coordinates: kept apart by q … Q.
    expect(source).toMatch(/\/Contents \[\d+ 0 R \d+ 0 R \d+ 0 R \d+ 0 R\]/);
  }, 120_000);

  it('embeds fonts that keep the font’s glyph numbers: a TrueType file a font reader loads, widths by ranges', async () => {
    const pdf = await renderPdf(handbook, { fonts, createdAt });
    const source = pdfSource(pdf);
    expect(source).toContain('/CIDToGIDMap /Identity');
    expect(source).not.toMatch(/\/W \[[^\]]*null/);
    if (has('qpdf')) {
      const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-parts-'));
      writeFileSync(path.join(dir, 'handbook.pdf'), pdf);
      const check = spawnSync('qpdf', ['--check', path.join(dir, 'handbook.pdf')], { encoding: 'utf8', timeout: 60_000 });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      // Each embedded font file, as qpdf decodes it, is a TrueType file (roledoc's start 'true') fontkit reads, with the face's glyphs at their own numbers.
      const json = spawnSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', path.join(dir, 'handbook.pdf')], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60_000 });
      const objects = Object.values((JSON.parse(json.stdout) as { qpdf: [unknown, Record<string, { stream?: { data?: string } }>] }).qpdf[1]);
      const fontFiles = objects.flatMap((object) => (object.stream?.data?.startsWith('dHJ1ZQ') ? [Buffer.from(object.stream.data, 'base64')] : []));
      expect(fontFiles.length).toBe(2);
      const glyph = fonts.regular.glyphForCodePoint('岗'.codePointAt(0) ?? 0);
      for (const file of fontFiles) {
        const face = create(file);
        if (!('numGlyphs' in face)) throw new Error('a font collection');
        expect(face.numGlyphs).toBeGreaterThan(glyph.id);
      }
      // fontkit's Font reads any glyph by its id (its declarations leave getGlyph out).
      const advanceOf = (face: object, id: number): unknown => Reflect.get(Reflect.apply(Reflect.get(face, 'getGlyph') as (id: number) => object, face, [id]), 'advanceWidth');
      const regular = fontFiles.map((file) => create(file)).find((face) => 'numGlyphs' in face && face.numGlyphs > glyph.id && advanceOf(face, glyph.id) === glyph.advanceWidth);
      expect(regular).toBeDefined();
    }
  }, 120_000);
});

describe('stable glyph codes', () => {
  it('writes widths as ranges of consecutive codes', () => {
    const widths: (number | undefined)[] = [];
    widths[0] = 1000;
    widths[5] = 500;
    widths[6] = 600;
    widths[9] = 900;
    expect(compactWidths(widths)).toEqual([0, [1000], 5, [500, 600], 9, [900]]);
  });

  it('codes a missing character past the face’s glyphs, by the character alone', () => {
    expect(standInCode({ numGlyphs: 30_000 }, 0x20bb7)).toBe(30_000 + (0x20bb7 % 35_536));
    expect(standInCode({ numGlyphs: 30_000 }, 0x4e00)).toBe(standInCode({ numGlyphs: 30_000 }, 0x4e00));
    expect(standInCode({ numGlyphs: 0x10000 }, 0x4e00)).toBe(0);
  });
});

describe('roledoc build keeps the handbook PDF’s parts', () => {
  it('draws one part after a one-role edit, and writes the same handbook as a build that draws them all', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-parts-build-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const request = { formats: ['pdf' as const], jobs: 1 };
    await build(dir, request);
    const partsDir = path.join(dir, 'out', '.roledoc-cache', 'pdf-parts');
    const kept = new Set(readdirSync(partsDir));
    // Each part, and the part pages' furniture.
    expect(kept.size).toBe((handbook.partStarts ?? []).length + 1);
    const rolePath = path.join(dir, 'roles', '客服部', 'cs-agent.yaml');
    const text = readFileSync(rolePath, 'utf8');
    expect(text).toContain('跟踪问题的解决结果');
    writeFileSync(rolePath, text.replace('跟踪问题的解决结果', '跟踪并记录问题的解决结果'));
    await build(dir, request);
    const after = new Set(readdirSync(partsDir));
    expect([...after].filter((name) => !kept.has(name)).length).toBe(1);
    expect(after.size).toBe(kept.size);
    const edited = readFileSync(path.join(dir, 'out', 'handbook.pdf'));
    await build(dir, { ...request, force: true });
    expect(readFileSync(path.join(dir, 'out', 'handbook.pdf')).equals(edited)).toBe(true);
  }, 180_000);
});

/**
 * The contract every renderer keeps, whatever its format: the same Layouts — each seed role's and
 * two handbooks — go through every renderer of the registry, and each document must hold every
 * string of its Layout (as often as the Layout shows it), its titles and headings in order (in the
 * text and in the format's own outline), and links that all lead to an anchor of the same document.
 *
 * The formats come from the registry (RENDERER_FORMATS), so a new renderer is held to this suite as
 * soon as it is registered; `readers` is keyed by OutputFormat, so it will not type-check until the
 * new format says how its documents are read back.
 */
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeHandbook } from '../src/compose/handbook.js';
import type { CellContent, ChartBox, Layout, RichText } from '../src/layout/layout.js';
import { localeFor } from '../src/locale/builtin.js';
import type { OutputFormat } from '../src/model/config.js';
import type { RawRole } from '../src/model/role.js';
import { loadRenderer, RENDERER_FORMATS, type RenderContext } from '../src/render/renderers.js';
import { resolveHandbook } from '../src/resolve/resolve-handbook.js';
import { resolveRoles } from '../src/resolve/resolve-roles.js';
import { bundledFonts } from './helpers/fonts.js';
import { loadBuiltinTemplate, loadRoles, REPO, seedFixture, squash } from './helpers/seed.js';
import { assertValidDocx, assertValidHtml, assertValidPdf } from './helpers/valid-output.js';

/** What the checks read back from a rendered document, whatever its format. */
interface RenderedDocument {
  /** The document's text in reading order. */
  readonly text: string;
  /** Titles and headings in order, as the format itself marks them (Word heading styles, the PDF outline). */
  readonly headings: readonly string[];
  /** The anchor each link leads to, one entry per link. */
  readonly links: readonly string[];
  /** The anchors links can lead to. */
  readonly anchors: ReadonlySet<string>;
}

type DocumentReader = (bytes: Uint8Array) => Promise<RenderedDocument>;

const decodeXml = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Paragraph styles that make a Word paragraph a title or heading: the built-in ones and the handbook's looks based on them. */
const HEADING_STYLE = /^(Title|Heading\d(?:Title|Section|Subsection)?)$/;

async function readDocx(bytes: Uint8Array): Promise<RenderedDocument> {
  const text = await assertValidDocx(bytes);
  const xml = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
  const headings: string[] = [];
  for (const [, paragraph = ''] of xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const style = /<w:pStyle w:val="([^"]*)"\/>/.exec(paragraph)?.[1];
    if (style === undefined || !HEADING_STYLE.test(style)) continue;
    headings.push(decodeXml([...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1] ?? '').join('')));
  }
  const links = [...xml.matchAll(/<w:hyperlink\b[^>]*\bw:anchor="([^"]*)"/g)].map((match) => decodeXml(match[1] ?? ''));
  const anchors = new Set([...xml.matchAll(/<w:bookmarkStart\b[^>]*\bw:name="([^"]*)"/g)].map((match) => decodeXml(match[1] ?? '')));
  return { text, headings, links, anchors };
}

interface OutlineNode {
  readonly title: string;
  readonly items: readonly OutlineNode[];
}

const flattenOutline = (items: readonly OutlineNode[]): string[] => items.flatMap((item) => [item.title, ...flattenOutline(item.items)]);

async function readPdf(bytes: Uint8Array): Promise<RenderedDocument> {
  const text = await assertValidPdf(bytes);
  const pdf = await getDocumentProxy(bytes.slice());
  try {
    const links: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const annotations = (await (await pdf.getPage(number)).getAnnotations()) as { subtype: string; dest?: unknown }[];
      for (const annotation of annotations) {
        if (annotation.subtype !== 'Link') continue;
        // Every link roledoc draws leads to a named destination; anything else is a broken link here.
        links.push(typeof annotation.dest === 'string' ? annotation.dest : JSON.stringify(annotation.dest ?? null));
      }
    }
    const anchors = new Set(Object.keys(await pdf.getDestinations()));
    const headings = flattenOutline(((await pdf.getOutline()) ?? []) as OutlineNode[]);
    return { text, headings, links, anchors };
  } finally {
    await pdf.destroy();
  }
}

const decodeHtml = (text: string): string => decodeXml(text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code))));
/** An element's text: its tags dropped, its entities decoded. */
const innerText = (html: string): string => decodeHtml(html.replace(/<[^>]*>/g, ''));

/** The HTML as a reader takes it in: valid, then its text in document order, its headings, links and ids. */
async function readHtml(bytes: Uint8Array): Promise<RenderedDocument> {
  const html = await assertValidHtml(bytes);
  const body = html.slice(html.indexOf('<body>'));
  const text = innerText(body.replace(/<(\/p|br|\/li|\/tr|\/h\d|\/td|\/th|\/text)>/g, '$&\n'));
  const headings = [...body.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => innerText(match[2] ?? ''));
  const links = [...body.matchAll(/\bhref="#([^"]*)"/g)].map((match) => decodeHtml(match[1] ?? ''));
  const anchors = new Set([...body.matchAll(/\bid="([^"]*)"/g)].map((match) => decodeHtml(match[1] ?? '')));
  return { text, headings, links, anchors };
}

/** How each format's documents are read back. Keyed by OutputFormat: a new format must say how. */
const readers: Record<OutputFormat, DocumentReader> = { docx: readDocx, pdf: readPdf, html: readHtml };

/** Every string a Layout shows on its pages, a paragraph at a time (page headers and footers aside). */
function layoutStrings(layout: Layout): string[] {
  const out: string[] = [];
  const rich = (text: RichText): void => {
    out.push(text.map((run) => run.text).join(''));
  };
  const cell = (content: CellContent): void => content.forEach(rich);
  const box = (chartBox: ChartBox): void => {
    out.push(chartBox.text, ...(chartBox.detail === undefined ? [] : [chartBox.detail]));
  };
  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'title':
      case 'heading':
        out.push(block.text);
        break;
      case 'paragraph':
        rich(block.text);
        break;
      case 'list':
        block.items.forEach(rich);
        break;
      case 'field-grid':
        for (const field of block.rows.flat()) {
          out.push(field.label);
          cell(field.value);
        }
        break;
      case 'table':
        for (const tableCell of [...(block.header ?? []), ...block.rows.flat()]) cell(tableCell.content);
        break;
      case 'cover':
        out.push(block.title, ...block.lines);
        break;
      case 'contents':
        out.push(block.title, ...block.entries.map((entry) => entry.text));
        break;
      case 'org-chart':
        if (block.caption !== undefined) out.push(block.caption);
        block.boxes.forEach(box);
        break;
      case 'path-chart':
        block.paths.flat().forEach(box);
        break;
      case 'page-break':
        break;
    }
  }
  return out.filter((text) => squash(text) !== '');
}

/** How often `part` occurs in `text` without overlapping itself. */
const occurrences = (text: string, part: string): number => text.split(part).length - 1;

const layoutHeadings = (layout: Layout): string[] =>
  layout.blocks.flatMap((block) => (block.kind === 'title' || block.kind === 'heading' ? [block.text] : []));

/** The anchors a Layout's links lead to: linked runs, contents entries and chart boxes. */
function layoutLinks(layout: Layout): Set<string> {
  const links = new Set<string>();
  const rich = (text: RichText): void => {
    for (const run of text) if (run.link !== undefined) links.add(run.link);
  };
  for (const block of layout.blocks) {
    if (block.kind === 'paragraph') rich(block.text);
    if (block.kind === 'list') block.items.forEach(rich);
    if (block.kind === 'field-grid') block.rows.flat().forEach((field) => field.value.forEach(rich));
    if (block.kind === 'table') [...(block.header ?? []), ...block.rows.flat()].forEach((tableCell) => tableCell.content.forEach(rich));
    if (block.kind === 'contents') block.entries.forEach((entry) => links.add(entry.anchor));
    const boxes = block.kind === 'org-chart' ? block.boxes : block.kind === 'path-chart' ? block.paths.flat() : [];
    for (const chartBox of boxes) if (chartBox.link !== undefined) links.add(chartBox.link);
  }
  return links;
}

const layoutAnchors = (layout: Layout): Set<string> =>
  new Set(layout.blocks.flatMap((block) => ((block.kind === 'title' || block.kind === 'heading') && block.anchor !== undefined ? [block.anchor] : [])));

function handbookOf(roles: readonly RawRole[], organization: string): Layout {
  return composeHandbook(resolveHandbook(resolveRoles(roles), [], 'zh-CN'), {
    template: loadBuiltinTemplate(),
    locale: localeFor('zh-CN'),
    organization,
    title: '岗位说明书',
    date: new Date('2024-01-01T00:00:00Z'),
  });
}

const seed = seedFixture();
const orgRoles = loadRoles(path.join(REPO, 'test', 'fixtures', 'org', 'roles')).map((entry) => entry.role);
const LAYOUTS: readonly (readonly [string, Layout])[] = [
  ...[...seed.layouts].map(([id, layout]) => [`role ${id}`, layout] as const),
  ['the handbook of the seed roles', handbookOf(seed.roles, '')],
  ['the handbook of an organisation', handbookOf(orgRoles, '示例科技有限公司')],
];

it('reads back every registered format', () => {
  expect(RENDERER_FORMATS.length).toBeGreaterThan(0);
  expect(Object.keys(readers).sort()).toEqual([...RENDERER_FORMATS].sort());
});

it('has Layouts with links, anchors and every kind of block to hold the renderers to', () => {
  const kinds = new Set(LAYOUTS.flatMap(([, layout]) => layout.blocks.map((block) => block.kind)));
  expect([...kinds].sort()).toEqual(['contents', 'cover', 'field-grid', 'heading', 'list', 'org-chart', 'page-break', 'paragraph', 'path-chart', 'table', 'title']);
  expect(LAYOUTS.some(([, layout]) => layoutLinks(layout).size > 0 && layoutAnchors(layout).size > 0)).toBe(true);
});

describe.each(RENDERER_FORMATS)('the %s renderer', (format) => {
  const ctx: RenderContext = { createdAt: new Date('2024-01-01T00:00:00Z'), fonts: bundledFonts() };

  describe.each(LAYOUTS)('given %s', (_name, layout) => {
    let document: RenderedDocument;

    beforeAll(async () => {
      const renderer = await loadRenderer(format);
      expect(renderer.format).toBe(format);
      document = await readers[format](await renderer.render(layout, ctx));
    });

    it('holds every string of the Layout, as often as the Layout shows it', () => {
      // Counted, not just found: a role's title is also a heading, an index row and a contents
      // entry, so a chart box that lost it would go unnoticed by a search for the words alone.
      const text = squash(document.text);
      const strings = layoutStrings(layout).map(squash);
      for (const value of new Set(strings)) {
        const shown = strings.reduce((count, string) => count + occurrences(string, value), 0);
        expect(occurrences(text, value), value).toBeGreaterThanOrEqual(shown);
      }
    });

    it('has the titles and headings of the Layout, in order', () => {
      const headings = layoutHeadings(layout);
      expect(headings.length).toBeGreaterThan(0);
      expect(document.headings.map(squash)).toEqual(headings.map(squash));
      // And in the text, one after the other.
      const text = squash(document.text);
      let from = 0;
      for (const heading of headings) {
        const at = text.indexOf(squash(heading), from);
        expect(at, `${heading} after position ${from}`).toBeGreaterThanOrEqual(0);
        from = at + squash(heading).length;
      }
    });

    it('leads every link to an anchor of the same document, one anchor per anchor of the Layout', () => {
      for (const link of document.links) expect(document.anchors, link).toContain(link);
      expect(new Set(document.links).size).toBe(layoutLinks(layout).size);
      expect(document.anchors.size).toBe(layoutAnchors(layout).size);
    });
  });
});

/**
 * Templates as data: a project template that extends a built-in changes exactly what it says, in
 * both formats; every built-in template renders all of a role; a mistake in a template is reported
 * at its line; `roledoc templates` and `roledoc template eject`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { composeRole } from '../src/compose/compose-role.js';
import { composeHandbook } from '../src/compose/handbook.js';
import type { Layout } from '../src/layout/layout.js';
import { chineseCounting, circled, itemLabel, letters } from '../src/layout/numbering.js';
import { localeFor } from '../src/locale/builtin.js';
import { LABEL_KEYS } from '../src/model/fields.js';
import { BUILTIN_LOCALES } from '../src/model/locale.js';
import { chooseFonts } from '../src/io/fonts.js';
import { nodeFiles } from '../src/io/node-files.js';
import { loadFontSet } from '../src/pipeline/load-fonts.js';
import { resolveHandbook } from '../src/resolve/resolve-handbook.js';
import { resolveRoles } from '../src/resolve/resolve-roles.js';
import type { Template } from '../src/model/template.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { BUILTIN_TEMPLATES, loadTemplate, templatePdfFonts } from '../src/template/load-template.js';
import { bundledFonts } from './helpers/fonts.js';
import { runCli } from './helpers/run-cli.js';
import { leafStrings, loadBuiltinTemplate, REPO, seedProject, seedRoles, squash, tempProject } from './helpers/seed.js';
import { assertValidDocx, assertValidPdf } from './helpers/valid-output.js';

const BRAND = path.join(REPO, 'test', 'fixtures', 'brand');
const createdAt = new Date('2024-01-01T00:00:00Z');
const roles = seedRoles().map((entry) => entry.role);
const resolved = resolveRoles(roles);
const supervisor = resolved.find((role) => role.id === 'cs-supervisor') ?? resolved[0];
if (!supervisor) throw new Error('no seed roles');

async function brandTemplate(): Promise<Template> {
  const loaded = await loadTemplate('acme', BRAND, 'zh-CN', nodeFiles);
  expect(loaded.diagnostics).toEqual([]);
  if (!loaded.template) throw new Error('acme did not load');
  return loaded.template;
}

const compose = (template: Template): Layout => composeRole(supervisor, { template, locale: localeFor('zh-CN'), organization: '安科客服有限公司' });

/** The parts of a .docx, as text. */
function docxParts(bytes: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, name.endsWith('.png') ? `<${data.length} bytes>` : strFromU8(data)]));
}

describe('a project template that extends classic', () => {
  it('is classic with exactly its own changes', async () => {
    const acme = await brandTemplate();
    const classic = loadBuiltinTemplate('classic');
    const { logo, ...rest } = acme;
    expect(rest).toEqual({
      ...classic,
      name: 'acme',
      description: '安科客服的岗位说明书 / ACME\'s job descriptions',
      colors: { ...classic.colors, heading: 'C0392B', accent: 'C0392B' },
      labels: { responsibilities: '主要职责' },
      numbering: { ...classic.numbering, responsibilities: '一、' },
      header: { right: '{organization}' },
    });
    expect(logo).toMatchObject({ format: 'png', widthPx: 360, heightPx: 100, header_height_mm: 8, cover_height_mm: 25 });
    expect(Buffer.from(logo?.data ?? '', 'base64')).toEqual(readFileSync(path.join(BRAND, 'templates', 'acme', 'logo.png')));
  });

  it('changes in the layout only the heading word, the numbering, the colours and the header', async () => {
    const acme = compose(await brandTemplate());
    const classic = compose(loadBuiltinTemplate('classic'));
    // Undo the template's changes on its layout: what is left must be the classic layout.
    const { header, ...rest } = acme;
    expect(header?.text).toEqual({ left: [], center: [], right: [{ text: '安科客服有限公司' }] });
    expect(header?.logo).toMatchObject({ height: 22.68, width: 81.64 });
    const undone = JSON.parse(
      JSON.stringify(rest).replaceAll('"主要职责"', '"岗位职责"').replaceAll('"numbering":"一、"', '"numbering":"1."').replaceAll('"C0392B"', '"000000"'),
    ) as unknown;
    expect(undone).toEqual({ ...classic, style: { ...classic.style, colors: { ...classic.style.colors, accent: '000000' } } });
    // Classic's accent is its border grey; the template made it red, so undoing turned both black.
    expect(classic.style.colors.accent).toBe('333333');
  });

  it('shows the changes in the .docx: the label, 一、 numbering, the colour and the logo in the header', async () => {
    const acme = docxParts(await renderDocx(compose(await brandTemplate()), { createdAt }));
    const classic = docxParts(await renderDocx(compose(loadBuiltinTemplate('classic')), { createdAt }));
    // (The seed's own sentences mention 岗位职责, so the heading paragraphs are what is compared.)
    const heading = (word: string): string => `<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">${word}</w:t>`;
    const documentXml = acme.get('word/document.xml') ?? '';
    expect(documentXml.includes(heading('主要职责'))).toBe(true);
    expect(documentXml.includes(heading('岗位职责'))).toBe(false);
    expect(classic.get('word/document.xml')?.includes(heading('岗位职责'))).toBe(true);
    // The responsibilities list counts in Chinese; the others stay 1. 2. 3.
    expect(acme.get('word/numbering.xml')).toMatch(/<w:numFmt w:val="chineseCounting"\/><w:lvlText w:val="%1、"\/>/);
    expect(classic.get('word/numbering.xml')).not.toContain('chineseCounting');
    expect(acme.get('word/styles.xml')).toContain('w:color w:val="C0392B"');
    expect(classic.get('word/styles.xml')).not.toContain('C0392B');
    const media = [...acme.keys()].filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const header = [...acme.entries()].find(([name]) => /^word\/header\d*\.xml$/.test(name) && acme.get(name)?.includes('<w:drawing>'));
    expect(header?.[1]).toContain('安科客服有限公司');
    expect([...classic.keys()].some((name) => name.startsWith('word/media/'))).toBe(false);
  });

  it('shows the changes in the PDF: the label, 一、 numbering, the header text and the logo image', async () => {
    const fonts = bundledFonts();
    const acmePdf = await renderPdf(compose(await brandTemplate()), { fonts, createdAt });
    const classicPdf = await renderPdf(compose(loadBuiltinTemplate('classic')), { fonts, createdAt });
    const acme = squash(await assertValidPdf(acmePdf));
    const classic = squash(await assertValidPdf(classicPdf));
    expect(acme.includes('主要职责一、负责')).toBe(true);
    expect(acme.includes('；二、负责')).toBe(true);
    expect(acme.includes('岗位职责1.')).toBe(false);
    expect(acme.includes('安科客服有限公司第1页')).toBe(true);
    expect(classic.includes('岗位职责1.负责')).toBe(true);
    const images = (pdf: Uint8Array): number => (Buffer.from(pdf).toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;
    // The logo and its transparency mask, once, though all three pages show it.
    expect(images(acmePdf)).toBe(2);
    expect(images(classicPdf)).toBe(0);
  });

  it('builds from the command line, the handbook cover carrying the logo too', async () => {
    const dir = seedProject();
    cpSync(path.join(BRAND, 'templates'), path.join(dir, 'templates'), { recursive: true });
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'title: 呼叫中心岗位说明书\norganization: 安科客服有限公司\ntemplate: acme\n');
    const result = await runCli(['build'], dir, { SOURCE_DATE_EPOCH: '1704067200' });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const handbook = docxParts(readFileSync(path.join(dir, 'out', 'handbook.docx')));
    expect(handbook.get('word/document.xml')).toContain('<w:drawing>');
    expect(handbook.get('word/document.xml')).toContain('主要职责');
  });
});

describe('template settings', () => {
  const classic = loadBuiltinTemplate('classic');

  it('hide leaves sections out, wherever the section list puts them', () => {
    const layout = compose({ ...classic, hide: ['kpis', 'duties'] });
    const headings = layout.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
    expect(headings).not.toContain('考核KPI指标');
    expect(headings).not.toContain('工作职责与工作任务');
    expect(headings).toContain('岗位职责');
  });

  it('sections reorder what is shown', () => {
    const layout = compose({ ...classic, sections: [{ section: 'kpis', as: 'numbered-list' }, { section: 'responsibilities', as: 'numbered-list' }] });
    expect(layout.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []))).toEqual(['考核KPI指标', '岗位职责']);
  });

  it('numbers the tasks of the duty table in the style asked for', () => {
    const layout = compose({ ...classic, numbering: { ...classic.numbering, tasks: '①' } });
    const table = layout.blocks.find((block) => block.kind === 'table');
    expect(JSON.stringify(table)).toContain('"①负责');
    expect(JSON.stringify(table)).not.toContain('（1）');
  });

  it('labels rename fields and table headers in every place they show, the handbook index too', () => {
    const template = { ...classic, labels: { reports_to: '汇报对象', duty: '职责', title: '职位' } };
    const role = JSON.stringify(compose(template));
    expect(role).toContain('"汇报对象"');
    expect(role).toContain('"职责"');
    expect(role).not.toContain('直接上级');
    const handbook = composeHandbook(resolveHandbook(resolved, [], 'zh-CN'), { template, locale: localeFor('zh-CN'), organization: '', title: '手册', date: createdAt });
    expect(JSON.stringify(handbook)).not.toContain('直接上级');
    expect(JSON.stringify(handbook)).toContain('"职位"');
  });

  it('header and footer placeholders are filled, {page} and {pages} left to each page', () => {
    const layout = compose({ ...classic, header: { left: '{organization}', center: '{department}', right: '{role}' }, footer: { right: '{title} · {page}/{pages}' } });
    expect(layout.header?.text).toEqual({ left: [{ text: '安科客服有限公司' }], center: [{ text: '客服部' }], right: [{ text: '客服主管' }] });
    expect(layout.footer).toEqual({ left: [], center: [], right: [{ text: '客服主管职位说明书 · ' }, { field: 'page' }, { text: '/' }, { field: 'pages' }] });
  });

  it('without a header a role has none and the footer is the locale\'s page numbers', () => {
    const layout = compose(classic);
    expect(layout.header).toBeUndefined();
    expect(layout.footer.center).toEqual([{ text: '第 ' }, { field: 'page' }, { text: ' 页 / 共 ' }, { field: 'pages' }, { text: ' 页' }]);
  });

  it('gives the PDF the template\'s font files, headings in the heading file', () => {
    expect(templatePdfFonts(classic)).toEqual({});
    const body = { ...classic.fonts.body, pdf: '/fonts/body.otf' };
    expect(templatePdfFonts({ ...classic, fonts: { ...classic.fonts, body } })).toEqual({ regular: '/fonts/body.otf', bold: '/fonts/body.otf' });
    expect(templatePdfFonts({ ...classic, fonts: { body, heading: { ...classic.fonts.heading, pdf: '/fonts/bold.otf' } } })).toEqual({ regular: '/fonts/body.otf', bold: '/fonts/bold.otf' });
  });
});

describe('the PDF faces a template picks (pdf_fonts)', () => {
  it('are classic\'s serif body and sans bold, modern\'s sans, and a project template\'s own laid over what it extends', async () => {
    expect(loadBuiltinTemplate('classic').pdf_fonts).toEqual({ regular: 'serif', bold: 'sans' });
    expect(loadBuiltinTemplate('modern').pdf_fonts).toEqual({ regular: 'sans', bold: 'sans' });
    // acme extends classic and says nothing of them.
    expect((await brandTemplate()).pdf_fonts).toEqual({ regular: 'serif', bold: 'sans' });
    const dir = tempProject({ 'templates/mine/template.yaml': 'extends: classic\npdf_fonts: { bold: serif }\n' });
    const loaded = await loadTemplate('mine', dir, 'en', nodeFiles);
    expect(loaded.template?.pdf_fonts).toEqual({ regular: 'serif', bold: 'serif' });
  });

  it('are named by family only: anything else is an error at its line, with the families offered', async () => {
    const dir = tempProject({ 'templates/mine/template.yaml': 'extends: classic\npdf_fonts:\n  regular: song\n' });
    const loaded = await loadTemplate('mine', dir, 'en', nodeFiles);
    expect(loaded.template).toBeUndefined();
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'schema.enum', span: expect.objectContaining({ line: 3 }), message: expect.stringContaining('sans, serif') })]);
  });
});

describe('the template schema', () => {
  it('offers exactly the labels a locale has, so every label can be renamed and no other', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'template.schema.json'), 'utf8')) as { properties: { labels: { properties: object } } };
    expect(Object.keys(schema.properties.labels.properties).sort()).toEqual([...LABEL_KEYS].sort());
  });
});

describe('numbering styles', () => {
  it('count as Word counts them', () => {
    expect([1, 2, 10, 11, 19, 20, 21, 99].map(chineseCounting)).toEqual(['一', '二', '十', '十一', '十九', '二十', '二十一', '九十九']);
    expect([1, 20, 21, 35, 36, 50, 51].map(circled)).toEqual(['①', '⑳', '㉑', '㉟', '㊱', '㊿', '(51)']);
    expect([1, 26, 27, 28].map(letters)).toEqual(['a', 'z', 'aa', 'bb']);
    expect(['1.', '1)', '1、', '(1)', '（1）', '一、', '（一）', '①', 'a.', 'A.', '•'].map((style) => itemLabel(style as never, 2))).toEqual([
      '3.',
      '3)',
      '3、',
      '(3)',
      '（3）',
      '三、',
      '（三）',
      '③',
      'c.',
      'C.',
      '•',
    ]);
  });
});

describe('every built-in template', async () => {
  const names = [...BUILTIN_TEMPLATES];
  const titles = new Map(roles.map((role) => [role.id, role.title]));
  const titleOf = (id: string): string | undefined => titles.get(id);

  it('are classic and modern, as the folder and the schema\'s extends have them', () => {
    expect(names).toEqual(['classic', 'modern']);
    const folders = readdirSync(path.join(REPO, 'templates'), { withFileTypes: true }).filter((entry) => existsSync(path.join(REPO, 'templates', entry.name, 'template.yaml')));
    expect(folders.map((entry) => entry.name).sort()).toEqual(names);
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'template.schema.json'), 'utf8')) as { properties: { extends: { enum: string[] } } };
    expect(schema.properties.extends.enum).toEqual(names);
  });

  describe.each(names.flatMap((name) => BUILTIN_LOCALES.map((lang) => [name, lang] as const)))('%s in %s', (name, lang) => {
    const template = loadBuiltinTemplate(name);
    // The faces the template's PDF is set in (classic's body is serif), as a build would choose them.
    const fonts = loadFontSet(chooseFonts(undefined, process.cwd(), template.pdf_fonts));
    it.each(roles.map((role) => role.id))('%s: every string of the role is in the .docx and the PDF', async (id) => {
      const role = roles.find((r) => r.id === id);
      const shown = resolved.find((r) => r.id === id);
      if (!role || !shown) throw new Error('missing');
      const layout = composeRole(shown, { template, locale: localeFor(lang), organization: 'ACME' });
      const docx = squash(await assertValidDocx(await renderDocx(layout, { createdAt })));
      const pdf = squash(await assertValidPdf(await renderPdf(layout, { fonts, createdAt })));
      const strings = leafStrings(role, titleOf).map(squash);
      expect(strings.filter((s) => !docx.includes(s))).toEqual([]);
      expect(strings.filter((s) => !pdf.includes(s))).toEqual([]);
    });
  });
});

describe('mistakes in a template', () => {
  const broken = [
    '# yaml-language-server: $schema=../../schemas/template.schema.json',
    'extends: clasic',
    'colors: { heading: C0392B }',
    'logo: { file: missing.png }',
    'labels:',
    '  responsibilites: 主要职责',
    "header: { right: '{organisation}' }",
    'fonts:',
    '  body: { pdf: fonts/none.ttf }',
    '',
  ].join('\n');

  it('are each reported at their line, with a hint, and nothing is built', async () => {
    const dir = seedProject();
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'template: mine\n');
    cpSync(path.join(BRAND, 'templates', 'acme'), path.join(dir, 'templates', 'mine'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 'mine', 'template.yaml'), broken);
    const result = await runCli(['build', '--format', 'json'], dir);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; line: number; code: string; message: string; hint?: string }[] };
    const found = report.diagnostics.map(({ file, line, code, message, hint }) => ({ file, line, code, message, hint }));
    expect(found).toEqual([
      expect.objectContaining({ file: 'templates/mine/template.yaml', line: 2, code: 'schema.enum', hint: expect.stringContaining('classic') }),
      expect.objectContaining({ line: 4, code: 'template.missing-file', message: expect.stringContaining('templates/mine/missing.png') }),
      expect.objectContaining({ line: 6, code: 'schema.unknown-key', hint: expect.stringContaining('responsibilities') }),
      expect.objectContaining({ line: 7, code: 'template.unknown-placeholder', hint: expect.stringContaining('{organization}') }),
      expect.objectContaining({ line: 9, code: 'template.missing-file', message: expect.stringContaining('templates/mine/fonts/none.ttf') }),
    ]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    // validate reports the same, in the same words.
    const validate = await runCli(['validate', '--format', 'json'], dir);
    expect(validate.exitCode).toBe(1);
    expect((JSON.parse(validate.stdout) as unknown[]).length).toBe(5);
  });

  it('come with the role files\' errors in one report, build and validate saying the same and counting the same files', async () => {
    const dir = tempProject({
      'roledoc.config.yaml': 'template: templates/mine\n',
      'roles/a.yaml': 'id: a\ntitle: 专员\ndepartment: 客服部\nresponsibilities: [负责接听电话。]\n',
      'roles/b.yaml': 'id: b\ntitle: 组长\n',
      'templates/mine/template.yaml': 'colours: { heading: C0392B }\n',
    });
    const build = await runCli(['build', '--no-color'], dir);
    const validate = await runCli(['validate', '--no-color'], dir);
    expect(build.exitCode).toBe(1);
    expect(validate.exitCode).toBe(1);
    const codes = (stdout: string): string[] => [...stdout.matchAll(/^(\S+):\d+:\d+ {2}error {2}(\S+)/gm)].map((match) => `${match[1]} ${match[2]}`);
    expect(codes(build.stdout)).toEqual(['roles/b.yaml schema.missing-key', 'roles/b.yaml schema.missing-key', 'templates/mine/template.yaml schema.unknown-key']);
    expect(codes(validate.stdout)).toEqual(codes(build.stdout));
    // Two role files, the config and the template.
    const summary = '✖ 发现 3 个错误（共检查 4 个文件）。';
    expect(build.stdout.trim().split('\n').at(-1)).toBe(summary);
    expect(validate.stdout.trim().split('\n').at(-1)).toBe(summary);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('an image that is not a PNG or JPEG is named', async () => {
    const dir = tempProject({
      'roledoc.config.yaml': 'template: templates/bad\n',
      'roles/a.yaml': 'id: a\ntitle: 专员\ndepartment: 客服部\nresponsibilities: [负责接听电话。]\n',
      'templates/bad/template.yaml': 'logo: { file: logo.png }\n',
      'templates/bad/logo.png': 'not an image',
    });
    const result = await runCli(['build', '--format', 'json'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('template.bad-image');
    expect(result.stdout).toContain('templates/bad/logo.png');
  });
});

describe('files a template names', () => {
  const logo = readFileSync(path.join(BRAND, 'templates', 'acme', 'logo.png'));
  const role = 'id: a\ntitle: 专员\ndepartment: 客服部\nresponsibilities: [负责接听电话。]\n';
  const diagnosticsOf = async (files: Record<string, string | Uint8Array>, config = 'template: templates/t\n') => {
    const dir = tempProject({ 'roledoc.config.yaml': config, 'roles/a.yaml': role });
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    const result = await runCli(['build', '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as { diagnostics: { code: string; line: number; severity: string; message: string; hint?: string }[] };
    return { exitCode: result.exitCode, diagnostics: report.diagnostics, dir };
  };

  it('a PNG cut short is a bad image at its line, not a crash while rendering', async () => {
    const { exitCode, diagnostics } = await diagnosticsOf({ 'templates/t/template.yaml': 'name: t\nlogo: { file: cut.png }\n', 'templates/t/cut.png': logo.subarray(0, 200) });
    expect(exitCode).toBe(1);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'template.bad-image', line: 2 })]);
  });

  it('a logo of more pixels than any page needs is refused before it is decoded', async () => {
    const huge = Buffer.from(logo);
    huge.writeUInt32BE(6000, 16);
    huge.writeUInt32BE(6000, 20);
    const { diagnostics } = await diagnosticsOf({ 'templates/t/template.yaml': 'logo: { file: huge.png }\n', 'templates/t/huge.png': huge });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'template.image-too-large', line: 1, message: expect.stringContaining('4096') })]);
  });

  it('a font file that is not a font is an error at its line', async () => {
    const { diagnostics } = await diagnosticsOf({ 'templates/t/template.yaml': 'fonts:\n  body: { pdf: fake.ttf }\n', 'templates/t/fake.ttf': 'not a font' });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'template.bad-font', line: 2, message: expect.stringContaining('templates/t/fake.ttf') })]);
  });

  it('a file outside the project is a warning: another machine will not have it', async () => {
    const outside = path.join(tempProject({}), 'logo.png');
    writeFileSync(outside, logo);
    const { exitCode, diagnostics } = await diagnosticsOf({ 'templates/t/template.yaml': `logo: { file: '${outside}' }\n` });
    expect(exitCode).toBe(0);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'template.path-outside', severity: 'warning', line: 1 })]);
  });

  it('a section listed twice and a brace without its pair are errors at their lines', async () => {
    const template = ['sections:', '  - { section: info, as: field-grid }', '  - { section: info, as: label-table }', "footer: { center: '{page / {pages}' }", ''].join('\n');
    const { diagnostics } = await diagnosticsOf({ 'templates/t/template.yaml': template });
    expect(diagnostics.map(({ code, line }) => ({ code, line }))).toEqual([
      { code: 'template.duplicate-section', line: 3 },
      { code: 'template.stray-brace', line: 4 },
    ]);
  });

  it('a template the config names that is not there is an error at the config line, with a did-you-mean', async () => {
    const { exitCode, diagnostics } = await diagnosticsOf({}, 'title: 手册\ntemplate: modrn\n');
    expect(exitCode).toBe(1);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config.template-not-found', line: 2, hint: expect.stringContaining('modern') })]);
  });

  it('a logo too wide for its place is made smaller, in the header and on the cover', async () => {
    const classic = loadBuiltinTemplate('classic');
    const banner = { format: 'png' as const, data: '', widthPx: 3000, heightPx: 40, header_height_mm: 8, cover_height_mm: 120 };
    const layout = compose({ ...classic, logo: banner });
    const textWidth = layout.page.width - layout.page.margins.left - layout.page.margins.right;
    expect(layout.header?.logo?.width).toBeCloseTo(textWidth * 0.3, 1);
    expect(layout.header?.logo?.height).toBeCloseTo((textWidth * 0.3 * 40) / 3000, 1);
    const handbook = composeHandbook(resolveHandbook(resolved, [], 'zh-CN'), { template: { ...classic, logo: { ...banner, widthPx: 400, heightPx: 120 } }, locale: localeFor('zh-CN'), organization: '', title: '手册', date: createdAt });
    const cover = handbook.blocks[0];
    if (cover?.kind !== 'cover' || !cover.logo) throw new Error('no cover logo');
    expect(cover.logo.width).toBeLessThanOrEqual(textWidth + 0.01);
    expect(cover.logo.height).toBeLessThanOrEqual((layout.page.height - layout.page.margins.top - layout.page.margins.bottom) * 0.25 + 0.01);
  });
});

describe('a logo with centre text only', () => {
  it('keeps its place at the left in both formats, the text in the middle third', async () => {
    const acme = await brandTemplate();
    const layout = compose({ ...acme, header: { center: '{title}' } });
    const docx = docxParts(await renderDocx(layout, { createdAt }));
    expect([...docx.keys()].filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
    const header = [...docx.values()].find((xml) => xml.includes('<w:hdr') && xml.includes('<w:drawing>'));
    // Three columns: the logo's, the title's, and an empty right one.
    expect(header?.match(/<w:gridCol /g)).toHaveLength(3);
    expect(header).toContain('客服主管职位说明书');
    const pdf = await renderPdf(layout, { fonts: bundledFonts(), createdAt });
    expect(squash(await assertValidPdf(pdf)).startsWith('客服主管职位说明书')).toBe(true);
  });
});

describe('a project locale catalog', () => {
  const role = 'id: a\ntitle: 专员\ndepartment: 客服部\nreports_to: 主管\nresponsibilities: [负责接听电话。]\n';

  it('renames words in the documents, extending a built-in', async () => {
    const dir = tempProject({
      'roledoc.config.yaml': 'locale: locales/ours.yaml\nhandbook: false\n',
      'roles/a.yaml': role,
      'locales/ours.yaml': "extends: zh-CN\ndocument_title: '{title}岗位说明书'\nlabels:\n  reports_to: 汇报对象\n",
    });
    const result = await runCli(['build', '--format', 'docx'], dir);
    expect(result.exitCode).toBe(0);
    const xml = docxParts(readFileSync(path.join(dir, 'out', 'a.docx'))).get('word/document.xml') ?? '';
    expect(xml).toContain('专员岗位说明书');
    expect(xml).toContain('汇报对象');
    expect(xml).not.toContain('直接上级');
  });

  it('that is not there is an error at the config line; a typo in it at its own line', async () => {
    const missing = tempProject({ 'roledoc.config.yaml': 'title: 手册\nlocale: locales/none.yaml\n', 'roles/a.yaml': role });
    const result = await runCli(['validate', '--format', 'json'], missing);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ file: 'roledoc.config.yaml', line: 2, code: 'config.locale-not-found' })]);
    const typo = tempProject({ 'roledoc.config.yaml': 'locale: locales/ours.yaml\n', 'roles/a.yaml': role, 'locales/ours.yaml': 'extends: zh-CN\nlabels:\n  reprots_to: 汇报对象\n' });
    const build = await runCli(['build', '--format', 'json'], typo);
    expect(build.exitCode).toBe(1);
    const report = JSON.parse(build.stdout) as { diagnostics: { file: string; line: number; hint?: string }[] };
    expect(report.diagnostics).toEqual([expect.objectContaining({ file: 'locales/ours.yaml', line: 3, hint: expect.stringContaining('reports_to') })]);
  });
});

describe('a template named on the command line that is not there', () => {
  it('is a usage error whose hint and its label are in the project\'s language', async () => {
    const dir = tempProject({ 'roledoc.config.yaml': 'locale: en\n', 'roles/a.yaml': 'id: a\ntitle: Agent\ndepartment: Support\nresponsibilities: [Answer calls.]\n' });
    const result = await runCli(['build', '--template', 'modrn'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('There is no template "modrn".');
    expect(result.stderr).toContain('hint: Did you mean modern?');
  });
});

describe('roledoc templates and roledoc template eject', () => {
  it('lists the built-in templates with their descriptions', async () => {
    const result = await runCli(['templates', '--lang', 'en'], seedProject());
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/classic\s+正式的表格式岗位说明书/);
    expect(result.stdout).toMatch(/modern\s+清爽的现代版式/);
    expect(result.stdout).toContain('In use: classic');
  });

  it('copies a built-in into the project, which then builds with it, and never overwrites', async () => {
    const dir = seedProject();
    const eject = await runCli(['template', 'eject', 'modern'], dir);
    expect(eject.exitCode).toBe(0);
    const copied = readFileSync(path.join(dir, 'templates', 'modern', 'template.yaml'), 'utf8');
    expect(copied).toContain('# yaml-language-server: $schema=../../schemas/template.schema.json');
    expect(existsSync(path.join(dir, 'schemas', 'template.schema.json'))).toBe(true);
    const listed = await runCli(['templates'], dir);
    expect(listed.stdout).toContain('templates/modern');
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'template: templates/modern\n');
    writeFileSync(path.join(dir, 'templates', 'modern', 'template.yaml'), copied.replace("heading: '1F5C99'", "heading: '00AA00'"));
    const build = await runCli(['build', '--format', 'docx'], dir);
    expect(build.exitCode).toBe(0);
    expect(docxParts(readFileSync(path.join(dir, 'out', 'cs-supervisor.docx'))).get('word/styles.xml')).toContain('00AA00');
    const again = await runCli(['template', 'eject', 'modern'], dir);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('templates/modern');
    const unknown = await runCli(['template', 'eject', 'fancy'], dir);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('classic');
  });
});

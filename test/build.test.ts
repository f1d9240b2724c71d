import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { builtSeedProject, seedProject, squash } from './helpers/seed.js';
import { outputNames } from './helpers/project.js';
import { pdfSource } from './helpers/pdf-source.js';

const require = createRequire(import.meta.url);

async function pdfText(file: string): Promise<string> {
  const { text } = await extractText(new Uint8Array(readFileSync(file)), { mergePages: true });
  return squash(text);
}

describe('roledoc build', () => {
  it('writes a .docx and a .pdf per seed role', async () => {
    const dir = seedProject();
    const result = await runCli(['build'], dir);
    expect(result.exitCode).toBe(0);
    expect(outputNames(path.join(dir, 'out')).sort()).toEqual([
      '.roledoc-manifest.json',
      ...['cs-manager', 'cs-marketing-support-supervisor', 'cs-supervisor', 'handbook'].flatMap((id) => [`${id}.docx`, `${id}.pdf`]),
    ]);
    expect(result.stdout).toMatch(/✔ 3 个岗位，生成 8 个文件/);
  });

  it('writes nothing when any role has an error, and leaves earlier documents as they were', async () => {
    const dir = await builtSeedProject();
    const before = readFileSync(path.join(dir, 'out', 'cs-supervisor.pdf'));
    const mtime = statSync(path.join(dir, 'out', 'cs-supervisor.pdf')).mtimeMs;
    const file = path.join(dir, 'roles', '客服部', 'cs-supervisor.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('headcount: 4', 'headcount: 4人'));
    const result = await runCli(['build'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('roles/客服部/cs-supervisor.yaml:');
    expect(result.stdout).toContain('schema.type');
    expect(readFileSync(path.join(dir, 'out', 'cs-supervisor.pdf')).equals(before)).toBe(true);
    expect(statSync(path.join(dir, 'out', 'cs-supervisor.pdf')).mtimeMs).toBe(mtime);
  });

  it('builds English documents for a project whose locale is en', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-en-'));
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'title: Job Descriptions\norganization: ACME Ltd\nlocale: en\n');
    mkdirSync(path.join(dir, 'roles'));
    writeFileSync(
      path.join(dir, 'roles', 'support-lead.yaml'),
      [
        'id: support-lead',
        'title: Support Team Lead',
        'department: Customer Service',
        'headcount: 3',
        'established: 2021-04',
        'salary: {min: 6000, max: 9000}',
        'responsibilities:',
        '  - Plans the shifts of the support team.',
        '  - Reviews escalated customer complaints.',
        'kpis:',
        '  - {name: Customer satisfaction, weight: 60, target: "95%"}',
        '  - {name: First response time, weight: 40}',
        '',
      ].join('\n'),
    );
    const result = await runCli(['build'], dir);
    expect(result.exitCode).toBe(0);
    // The role's two documents and the handbook's two.
    expect(result.stdout).toContain('✔ 1 role, 4 files written');
    const text = await pdfText(path.join(dir, 'out', 'support-lead.pdf'));
    for (const expected of ['JobDescription:SupportTeamLead', 'Headcount3', 'EstablishedApr2021', '6,000–9,000CNY/month', 'Responsibilities', 'KeyPerformanceIndicators', 'Page1of1']) {
      expect(text).toContain(expected);
    }
    const handbook = await pdfText(path.join(dir, 'out', 'handbook.pdf'));
    for (const expected of ['JobDescriptions', 'ACMELtd', '1Jan2024', 'Contents', 'RoleIndex', 'CustomerServicesubtotal', 'OrganisationChart', 'JobDescription:SupportTeamLead']) {
      expect(handbook).toContain(expected);
    }
  });

  it('honours --format, --out and named paths', async () => {
    const dir = seedProject();
    const result = await runCli(['build', 'roles/客服部/cs-supervisor.yaml', '--format', 'docx', '--out', 'docs-out'], dir);
    expect(result.exitCode).toBe(0);
    expect(outputNames(path.join(dir, 'docs-out')).sort()).toEqual(['.roledoc-manifest.json', 'cs-supervisor.docx']);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('warns about a character the PDF font cannot draw, at its own line and column, and still builds', async () => {
    const dir = seedProject();
    const file = path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}remarks: 吉祥物“𠮷”\n`);
    const result = await runCli(['build', '--format', 'pdf'], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/roles\/客服部\/cs-marketing-support-supervisor\.yaml:\d+:14 {2}warning {2}font\.missing-glyph {2}.*“𠮷”（U\+20BB7）/);
  });

  it('warns about a character the font lacks in the config’s title or organisation at its line, as in a role, and builds', async () => {
    const dir = seedProject();
    const config = path.join(dir, 'roledoc.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8').replace(/^title:.*$/m, 'title: 𠮷野家岗位说明书')}`);
    expect(readFileSync(config, 'utf8')).toMatch(/^title: 𠮷野家/m);
    const line = readFileSync(config, 'utf8').split('\n').findIndex((text) => text.startsWith('title:')) + 1;
    for (const command of ['validate', 'build']) {
      const result = await runCli([command], dir);
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain(`roledoc.config.yaml:${line}:8  warning  font.missing-glyph`);
    }
  });

  it('a docx-only build with a font it cannot read still builds, its handbook contents left for Word to number, and says so at fonts', async () => {
    const dir = seedProject();
    const config = path.join(dir, 'roledoc.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8').replace(/^formats:.*$/m, 'formats: [docx]')}fonts:\n  regular: fonts/missing.ttf\n`);
    const line = readFileSync(config, 'utf8').split('\n').indexOf('fonts:') + 1;
    for (const command of ['validate', 'build']) {
      const result = await runCli([command], dir);
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain(`roledoc.config.yaml:${line}:1  warning  font.contents-unpaged`);
    }
    const documentXml = strFromU8(unzipSync(readFileSync(path.join(dir, 'out', 'handbook.docx')))['word/document.xml'] ?? new Uint8Array());
    expect(documentXml).toContain('<w:fldChar w:fldCharType="begin" w:dirty="true"/>');
  });

  it('validate reports the same font warnings as build, at the same places, for the formats the project makes', async () => {
    const dir = seedProject();
    const supervisor = path.join(dir, 'roles', '客服部', 'cs-supervisor.yaml');
    writeFileSync(supervisor, readFileSync(supervisor, 'utf8').replace('title: 客服主管', 'title: 客服主管𠮷😀'));
    const other = path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml');
    writeFileSync(other, `${readFileSync(other, 'utf8')}remarks: 吉祥物“𠮷”\n`);
    const places = (stdout: string, diagnostics: (parsed: unknown) => unknown = (parsed) => parsed): string[] =>
      (diagnostics(JSON.parse(stdout)) as { code: string; file: string; line: number; column: number }[]).map((d) => `${d.code}@${d.file}:${d.line}:${d.column}`);
    const validate = await runCli(['validate', '--format', 'json'], dir);
    const build = await runCli(['build', '--format', 'json'], dir);
    expect(validate.exitCode).toBe(0);
    expect(build.exitCode).toBe(0);
    const expected = [
      'font.missing-glyph@roles/客服部/cs-marketing-support-supervisor.yaml:16:14',
      'font.missing-glyph@roles/客服部/cs-supervisor.yaml:6:12',
      'font.missing-glyph@roles/客服部/cs-supervisor.yaml:6:14',
    ];
    expect(places(validate.stdout)).toEqual(expected);
    expect(places(build.stdout, (summary) => (summary as { diagnostics: unknown }).diagnostics)).toEqual(expected);
    // Named files: their own warnings only.
    expect(places((await runCli(['validate', 'roles/客服部/cs-supervisor.yaml', '--format', 'json'], dir)).stdout)).toEqual(expected.slice(1));
    // A project that makes no PDF has nothing to warn about.
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'formats: [docx]\n');
    expect(places((await runCli(['validate', '--format', 'json'], dir)).stdout)).toEqual([]);
  });

  it('exits 2 with a sentence for an unknown template or format', async () => {
    const dir = seedProject();
    const template = await runCli(['build', '--template', 'fancy'], dir);
    expect(template.exitCode).toBe(2);
    expect(template.stderr).toContain('找不到模板“fancy”');
    const format = await runCli(['build', '--format', 'odt'], dir);
    expect(format.exitCode).toBe(2);
    expect(format.stderr).toContain('不认识的格式“odt”');
  });

  it('exits 2 naming the report formats when --format gives two of them', async () => {
    const dir = seedProject();
    const result = await runCli(['build', '--format', 'pdf,json,github'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--format 只能写一种报告格式（text、json、github），这里写了 json、github。');
    const english = await runCli(['--lang', 'en', 'build', '--format', 'json', '--format', 'text'], dir);
    expect(english.exitCode).toBe(2);
    expect(english.stderr).toContain('--format takes one report format (text, json, github), but json and text were given.');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('PDF fonts from the config', () => {
  it('uses the font files the config names, relative to the project', async () => {
    const dir = seedProject();
    const bundled = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
    mkdirSync(path.join(dir, 'fonts'));
    cpSync(path.join(bundled, 'NotoSansSC_400Regular.ttf'), path.join(dir, 'fonts', 'body.ttf'));
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'title: 呼叫中心岗位说明书\nfonts:\n  regular: fonts/body.ttf\n');
    const result = await runCli(['build', '--format', 'pdf'], dir);
    expect(result.exitCode).toBe(0);
    // With no bold face named, bold text is set in the regular face (never a synthetic or Latin font).
    const raw = pdfSource(readFileSync(path.join(dir, 'out', 'cs-supervisor.pdf')));
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).not.toMatch(/NotoSansSC-Bold|Helvetica/);
  });

  it('stops with a sentence when a configured font file is missing', async () => {
    const dir = seedProject();
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'fonts:\n  regular: fonts/missing.ttf\n');
    const result = await runCli(['build'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('找不到字体文件');
    expect(result.stderr).toContain('missing.ttf');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    // validate says so too: the project cannot make its PDFs.
    const validate = await runCli(['validate'], dir);
    expect(validate.exitCode).toBe(2);
    expect(validate.stderr).toContain('找不到字体文件');
  });
});

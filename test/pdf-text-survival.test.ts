/**
 * The PDF text layer after the tools people run on PDFs: Ghostscript's pdfwrite (behind most
 * "compress" and "merge" tools), qpdf and pdfunite. Each tool's output is read back with pdftotext.
 * A tool that is not installed skips its test with a line saying so; CI installs ghostscript,
 * qpdf and poppler-utils.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import type { RawRole } from '../src/model/role.js';
import { runCli } from './helpers/run-cli.js';
import { leafStrings, loadRoles, seedProject, squash } from './helpers/seed.js';

/** External tools get two minutes: Ghostscript on a busy two-core machine is slow. */
const TOOL_TIMEOUT_MS = 120_000;

/** Characters the bundled faces lack in the Basic Multilingual Plane: Thai, Hangul, Runic. */
const MISSING_BMP = ['ก', '한', 'ᚠ'];
/** And past it: CJK Extension B, an emoji. */
const MISSING_ASTRAL = ['𠮷', '😀'];
const TITLE = `客服主管${MISSING_ASTRAL[0]}${MISSING_BMP.join('')}${MISSING_ASTRAL[1]}`;

/** Whether a command-line tool is installed (it runs at all). */
function installed(tool: string, versionFlag = '-v'): boolean {
  const result = spawnSync(tool, [versionFlag], { encoding: 'utf8', timeout: TOOL_TIMEOUT_MS });
  return result.error === undefined;
}

const tools = {
  pdftotext: installed('pdftotext'),
  gs: installed('gs', '--version'),
  qpdf: installed('qpdf', '--version'),
  pdfunite: installed('pdfunite'),
  pdffonts: installed('pdffonts'),
};

/**
 * Whether the installed Ghostscript writes a ToUnicode value of more than one UTF-16 unit back
 * right. 10.0 does not, whoever made the PDF (LibreOffice's too): a character past the BMP (a
 * surrogate pair) comes out as two wrong ones, and so does a ligature (ﬀ → 昀昀, "office" →
 * "o昀케ce"). Later releases are reported fixed; 10.03 is taken as the first that is.
 */
function ghostscriptKeepsLongValues(): boolean {
  const [major = 0, minor = 0] = spawnSync('gs', ['--version'], { encoding: 'utf8' }).stdout.trim().split('.').map(Number);
  return major > 10 || (major === 10 && minor >= 3);
}

/**
 * Text whose glyphs stand for more than one UTF-16 unit: characters past the BMP. (Not ligatures:
 * roledoc sets none, so "office" must come through any Ghostscript.)
 */
const LONG_VALUES = /[\u{10000}-\u{10ffff}]/u;

let project = '';
let folder = '';
let manager: RawRole;
let supervisor: RawRole;
let titles: Map<string, string>;

const out = (name: string): string => path.join(project, 'out', name);
const scratch = (name: string): string => path.join(folder, name);
const titleOf = (id: string): string | undefined => titles.get(id);
const pdftotext = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: TOOL_TIMEOUT_MS });
const run = (tool: string, args: string[]): void => {
  execFileSync(tool, args, { stdio: 'pipe', timeout: TOOL_TIMEOUT_MS });
};

/** The strings of a role that are not in `text` (whitespace ignored, as lines wrap anywhere). */
const notIn = (text: string, role: RawRole): string[] => leafStrings(role, titleOf).filter((string) => !squash(text).includes(squash(string)));

/** A skip that says which tool was missing, in the test's own output. */
function needs(context: { skip: (note?: string) => void }, ...names: (keyof typeof tools)[]): void {
  const absent = names.filter((name) => !tools[name]);
  if (absent.length > 0) context.skip(`${absent.join(' and ')} not installed: this tool's round trip was not checked`);
}

beforeAll(async () => {
  project = seedProject();
  folder = mkdtempSync(path.join(tmpdir(), 'roledoc-survival-'));
  const file = path.join(project, 'roles', '客服部', 'cs-supervisor.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: 客服主管', `title: ${TITLE}`));
  const result = await runCli(['build', '--format', 'pdf'], project);
  if (result.exitCode !== 0) throw new Error(`the project did not build: ${result.stdout}${result.stderr}`);
  // The build warns about each missing character, and still makes the documents.
  expect(result.stdout.match(/font\.missing-glyph/g)?.length).toBeGreaterThanOrEqual(MISSING_BMP.length + MISSING_ASTRAL.length);
  const roles = loadRoles(path.join(project, 'roles')).map((checked) => checked.role);
  const byId = (id: string): RawRole => {
    const role = roles.find((each) => each.id === id);
    if (!role) throw new Error(`no role ${id}`);
    return role;
  };
  manager = byId('cs-manager');
  supervisor = byId('cs-supervisor');
  titles = new Map(roles.map((role) => [role.id, role.title]));
});

afterAll(() => {
  for (const dir of [project, folder]) if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('a role PDF with characters the font lacks', () => {
  it('extracts every one of them as itself, with pdf.js and with pdftotext, and no U+0000', async (context) => {
    const pdf = readFileSync(out('cs-supervisor.pdf'));
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(squash(text)).toContain(TITLE);
    expect(text).not.toContain('\u0000');
    expect(notIn(text, supervisor)).toEqual([]);
    needs(context, 'pdftotext');
    const extracted = pdftotext(out('cs-supervisor.pdf'));
    expect(squash(extracted)).toContain(TITLE);
    expect(extracted).not.toContain('\u0000');
  });
});

describe('the handbook PDF with characters the font lacks', () => {
  it('extracts them as themselves too: its parts code a missing character by the character, the same in every part', async (context) => {
    const pdf = readFileSync(out('handbook.pdf'));
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(text).not.toContain('\u0000');
    // The title is in the contents (drawn by the handbook) and on the role's own pages (a part).
    expect(squash(text).split(TITLE).length - 1).toBeGreaterThanOrEqual(2);
    needs(context, 'pdftotext');
    const extracted = squash(pdftotext(out('handbook.pdf')));
    expect(extracted.split(TITLE).length - 1).toBeGreaterThanOrEqual(2);
  });
});

describe('Ghostscript pdfwrite (gs -sDEVICE=pdfwrite)', () => {
  /**
   * The strings of `role` that are not in `text`, leaving out on a Ghostscript that garbles them
   * (ghostscriptKeepsLongValues) those with characters past the BMP, and saying so.
   */
  function lostByGhostscript(text: string, role: RawRole): string[] {
    const lost = notIn(text, role);
    if (ghostscriptKeepsLongValues()) return lost;
    const garbled = lost.filter((string) => LONG_VALUES.test(string));
    if (garbled.length > 0) console.info(`this Ghostscript garbles multi-unit ToUnicode values (any producer's); not checked: ${garbled.join(' | ')}`);
    return lost.filter((string) => !LONG_VALUES.test(string));
  }

  it('keeps every string of a role readable', { timeout: TOOL_TIMEOUT_MS * 2 }, (context) => {
    needs(context, 'gs', 'pdftotext');
    run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pdfwrite', `-sOutputFile=${scratch('manager-gs.pdf')}`, out('cs-manager.pdf')]);
    const text = pdftotext(scratch('manager-gs.pdf'));
    // pdfkit's ToUnicode map came out of Ghostscript 10.0 as one garbage character for each Chinese one.
    expect(squash(text)).toContain('负责部门工作计划制定与实施');
    expect(lostByGhostscript(text, manager)).toEqual([]);
  });

  it('keeps the characters the font lacks as themselves', { timeout: TOOL_TIMEOUT_MS * 2 }, (context) => {
    needs(context, 'gs', 'pdftotext');
    run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pdfwrite', `-sOutputFile=${scratch('supervisor-gs.pdf')}`, out('cs-supervisor.pdf')]);
    const text = pdftotext(scratch('supervisor-gs.pdf'));
    // Latin with f-ligature pairs in it (the role's 使用工具): set without ligatures, it survives even 10.0.
    expect(squash(text)).toContain('office');
    for (const char of MISSING_BMP) expect(squash(text), char).toContain(char);
    // The title as a whole has characters past the BMP: checked where Ghostscript keeps them.
    expect(lostByGhostscript(text, supervisor)).toEqual([]);
    if (ghostscriptKeepsLongValues()) expect(squash(text)).toContain(TITLE);
  });
});

describe('qpdf and pdfunite', () => {
  it.for([
    ['qpdf --linearize', ['--linearize']],
    ['qpdf --object-streams=generate', ['--object-streams=generate']],
  ] as const)('%s keeps every string, the missing characters among them', { timeout: TOOL_TIMEOUT_MS * 2 }, ([name, options], context) => {
    needs(context, 'qpdf', 'pdftotext');
    const target = scratch(`${name.replace(/\W+/g, '-')}.pdf`);
    run('qpdf', [...options, out('cs-supervisor.pdf'), target]);
    const text = pdftotext(target);
    expect(squash(text)).toContain(TITLE);
    expect(notIn(text, supervisor)).toEqual([]);
  });

  it('pdfunite keeps both documents\' strings, and Ghostscript after it too', { timeout: TOOL_TIMEOUT_MS * 3 }, (context) => {
    needs(context, 'pdfunite', 'pdftotext', 'pdffonts');
    run('pdfunite', [out('cs-manager.pdf'), out('cs-supervisor.pdf'), scratch('merged.pdf')]);
    const merged = pdftotext(scratch('merged.pdf'));
    expect(notIn(merged, manager)).toEqual([]);
    expect(notIn(merged, supervisor)).toEqual([]);
    // Four subsets (two faces, two documents), four names: no two different subsets share one.
    const names = execFileSync('pdffonts', [scratch('merged.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() !== '').map((line) => line.split(/\s+/)[0]);
    expect(new Set(names).size).toBe(4);
    if (!tools.gs) return;
    run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pdfwrite', `-sOutputFile=${scratch('merged-gs.pdf')}`, scratch('merged.pdf')]);
    const text = pdftotext(scratch('merged-gs.pdf'));
    expect(squash(text)).toContain('负责部门工作计划制定与实施');
    for (const char of MISSING_BMP) expect(squash(text), char).toContain(char);
  });
});

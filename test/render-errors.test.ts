/**
 * Errors in rendering are sentences, not stacks: a font fontkit opens but cannot set text in is
 * named before anything renders; one that fails only on a character of one document is named with
 * that document and its format, whether it was rendered here or on a render thread; a handbook too
 * large for the memory a render thread may use is named as such. Each is exit 2 with a hint, in
 * the project's language, with the stack underneath only under --debug; the output folder's lock
 * is released and the documents of the last good build are left as they were.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { runCli, runProcess } from './helpers/run-cli.js';
import { tempProject } from './helpers/seed.js';
import { outputNames } from './helpers/project.js';

const require = createRequire(import.meta.url);
const NOTO = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const LOCK = '.roledoc.lock';

/** The offset and length of each table of a TrueType font. */
function tables(bytes: Buffer): Map<string, { offset: number; length: number }> {
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < bytes.readUInt16BE(4); i++) {
    const at = 12 + 16 * i;
    out.set(bytes.toString('latin1', at, at + 4), { offset: bytes.readUInt32BE(at + 8), length: bytes.readUInt32BE(at + 12) });
  }
  return out;
}

/**
 * Noto Sans SC with the outline of one character pointing past the end of the file: fontkit opens
 * it, sets every other character, and fails on that one.
 */
function fontBrokenAt(character: string): Buffer {
  const bytes = Buffer.from(readFileSync(NOTO));
  const font = create(bytes) as unknown as { glyphForCodePoint(codePoint: number): { id: number }; head: { indexToLocFormat: number } };
  const loca = tables(bytes).get('loca');
  if (!loca || font.head.indexToLocFormat !== 1) throw new Error('Noto Sans SC is not the font this test expects');
  bytes.writeUInt32BE(0x7ffffff0, loca.offset + 4 * font.glyphForCodePoint(character.codePointAt(0) ?? 0).id);
  return bytes;
}

/** Noto Sans SC cut short: its table directory is whole, half its tables are not there. */
const fontCutShort = (): Buffer => readFileSync(NOTO).subarray(0, 4_000_000);

const role = (id: string, duty = '负责接听电话。'): string => `id: ${id}\ntitle: 专员${id}\ndepartment: 客服部\nresponsibilities: [${duty}]\n`;

/** A project whose PDFs are set in `font` (the regular face), with `count` more roles than `a`. */
function fontProject(font: Buffer, count = 0, config = 'fonts:\n  regular: fonts/body.ttf\n'): string {
  const files: Record<string, string> = { 'roledoc.config.yaml': config, 'roles/a.yaml': role('a') };
  for (let i = 0; i < count; i++) files[`roles/r${i}.yaml`] = role(`r${i}`);
  const dir = tempProject(files);
  mkdirSync(path.join(dir, 'fonts'));
  writeFileSync(path.join(dir, 'fonts', 'body.ttf'), font);
  return dir;
}

const documents = (dir: string): Map<string, string> =>
  new Map(outputNames(path.join(dir, 'out')).map((name) => [name, readFileSync(path.join(dir, 'out', name)).toString('base64')]));

const noStack = (stderr: string): void => {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('Caused by');
};

describe('a font fontkit opens but cannot set text in', () => {
  it('named as the fallback font: an error naming the file before anything renders, not a roledoc bug', async () => {
    const dir = fontProject(fontCutShort(), 0, 'fonts:\n  fallback: fonts/body.ttf\n');
    const result = await runCli(['build'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`字体文件 ${path.join(dir, 'fonts', 'body.ttf')} 无法使用`);
    expect(result.stderr).toContain('提示：这个字体文件可能已损坏或不完整');
    expect(result.stderr).not.toContain('缺陷');
    noStack(result.stderr);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    // validate tries the fonts too: CI that only validates learns of it.
    const validate = await runCli(['validate', '--lang', 'en'], dir);
    expect(validate.exitCode).toBe(2);
    expect(validate.stderr).toContain(`The font file ${path.join(dir, 'fonts', 'body.ttf')} cannot be used`);
  });

  it('named by a template as its body font: the same', async () => {
    const dir = fontProject(fontCutShort(), 0, 'template: templates/t\n');
    mkdirSync(path.join(dir, 'templates', 't'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 't', 'template.yaml'), 'fonts:\n  body: { pdf: ../../fonts/body.ttf }\n');
    const result = await runCli(['build', '--lang', 'en'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`The font file ${path.join(dir, 'fonts', 'body.ttf')} cannot be used: it opens, but setting text in it fails`);
    noStack(result.stderr);
  });
});

describe('a font that fails on one character of one document', () => {
  const broken = fontBrokenAt('鑫');

  it('rendered here: names the document, its format and the font; exit 2; the last good build kept', async () => {
    const dir = fontProject(broken, 2);
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    const before = documents(dir);
    writeFileSync(path.join(dir, 'roles', 'r1.yaml'), role('r1', '负责鑫源客户的接待。'));
    const result = await runCli(['build'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`无法生成岗位 r1 的 PDF（out/r1.pdf）：PDF 字体 ${path.join(dir, 'fonts', 'body.ttf')} 排不了这份文档里的字`);
    expect(result.stderr).toContain('提示：这个字体文件可能已损坏或不完整');
    expect(result.stderr).not.toContain('缺陷');
    noStack(result.stderr);
    expect(existsSync(path.join(dir, 'out', LOCK))).toBe(false);
    expect(documents(dir)).toEqual(before);
  });

  it('met first by the handbook .docx (paginated with the PDF fonts): the font named there too, not a bug', async () => {
    const dir = fontProject(broken, 2);
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    const before = documents(dir);
    writeFileSync(path.join(dir, 'roles', 'r1.yaml'), role('r1', '负责鑫源客户的接待。'));
    const result = await runCli(['build', '--only', 'handbook'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`无法生成手册的 Word 文档（out/handbook.docx）：PDF 字体 ${path.join(dir, 'fonts', 'body.ttf')} 排不了这份文档里的字`);
    expect(result.stderr).not.toContain('缺陷');
    noStack(result.stderr);
    expect(documents(dir)).toEqual(before);
  });

  it('rendered on a render thread (the compiled CLI as a process): the same sentence; the stack only with --debug', async () => {
    const dir = fontProject(broken, 24);
    expect((await runProcess(['build', '--jobs', '2'], dir)).exitCode).toBe(0);
    const before = documents(dir);
    writeFileSync(path.join(dir, 'roles', 'r7.yaml'), role('r7', '负责鑫源客户的接待。'));
    const result = await runProcess(['build', '--jobs', '2', '--lang', 'en'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`Cannot make role r7's PDF (out/r7.pdf): the PDF font ${path.join(dir, 'fonts', 'body.ttf')} cannot set the document's text`);
    expect(result.stderr).toContain('hint: The file may be damaged');
    expect(result.stderr).not.toContain('bug');
    noStack(result.stderr);
    expect(existsSync(path.join(dir, 'out', LOCK))).toBe(false);
    expect(documents(dir)).toEqual(before);

    const debug = await runProcess(['build', '--jobs', '2', '--lang', 'en', '--debug'], dir);
    expect(debug.exitCode).toBe(2);
    expect(debug.stderr).toContain("Cannot make role r7's PDF (out/r7.pdf)");
    // The render thread's own stack, down to fontkit.
    expect(debug.stderr).toMatch(/Caused by: RangeError[^\n]*\n(\s+at [^\n]*\n)+/);
    expect(debug.stderr).toContain('fontkit');
  });
});

/** `count` roles of a dozen responsibilities each, in a handful of departments. */
function largeProject(count: number, config = 'formats: [docx]\n'): string {
  const sentences = ['负责受理客户来电咨询与投诉，并准确记录工单。', '负责按服务标准回访客户，跟踪问题直至解决。', '负责整理常见问题，更新知识库中的标准答复。'];
  const files: Record<string, string> = { 'roledoc.config.yaml': `title: 岗位说明书\norganization: 示例集团\n${config}` };
  for (let i = 0; i < count; i++) {
    const lines = Array.from({ length: 12 }, (_, n) => `  - ${sentences[(i + n) % sentences.length] ?? ''}`);
    files[`roles/r${i}.yaml`] = `id: r${i}\ntitle: 专员${i}\ndepartment: 部门${i % 5}\nresponsibilities:\n${lines.join('\n')}\n`;
  }
  return tempProject(files);
}

/** A heap small enough that the handbook of `largeProject(80)` does not fit beside the rest, large enough to render it. */
const SMALL_HEAP = { ...process.env, NODE_OPTIONS: '--max-old-space-size=300' };

describe('a handbook rendered on a thread of its own, the role documents here', () => {
  it('makes the same bytes as a build on one thread', async () => {
    const dir = largeProject(80);
    expect((await runProcess(['build', '--jobs', '1', '--out', 'here'], dir)).exitCode).toBe(0);
    expect((await runProcess(['build', '--jobs', '1', '--out', 'apart'], dir, SMALL_HEAP)).exitCode).toBe(0);
    const here = outputNames(path.join(dir, 'here'));
    expect(here).toContain('handbook.docx');
    expect(here).toContain('.roledoc-manifest.json');
    for (const name of here) expect(readFileSync(path.join(dir, 'apart', name)).equals(readFileSync(path.join(dir, 'here', name))), name).toBe(true);
  });

  it('stops the other when one fails, and says which document failed', async () => {
    const dir = largeProject(80, 'formats: [pdf]\nfonts:\n  regular: fonts/body.ttf\n');
    mkdirSync(path.join(dir, 'fonts'));
    writeFileSync(path.join(dir, 'fonts', 'body.ttf'), fontBrokenAt('鑫'));
    writeFileSync(path.join(dir, 'roles', 'r3.yaml'), role('r3', '负责鑫源客户的接待。'));
    const result = await runProcess(['build', '--jobs', '1'], dir, SMALL_HEAP);
    expect(result.exitCode).toBe(2);
    // Whichever comes first: the role's PDF here, or the handbook's on its thread.
    expect(result.stderr).toMatch(/无法生成(岗位 r3 |手册)的 PDF（out\/(r3|handbook)\.pdf）：PDF 字体 .* 排不了这份文档里的字/);
    noStack(result.stderr);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('a handbook too large for the memory a render thread may use', () => {
  it('is an error naming it and the memory, with what to do; the lock released, the last handbook kept', async () => {
    const dir = largeProject(150);
    expect((await runProcess(['build', '--only', 'handbook'], dir)).exitCode).toBe(0);
    const before = documents(dir);
    writeFileSync(path.join(dir, 'roles', 'r0.yaml'), role('r0', '负责统筹部门工作。'));
    // The heap a render thread may use, as a user would lower it on a crowded machine. (The handbook is
    // made part by part now: at the heap Node.js gives a process, no handbook of this size comes near it.)
    const result = await runProcess(['build', '--only', 'handbook'], dir, { ...process.env, ROLEDOC_RENDER_MEMORY_MB: '16' });
    expect(result.exitCode).toBe(2);
    const limit = Number(/生成手册的 Word 文档（out\/handbook\.docx）所需的内存超过了 (\d+) MB（一个生成线程可用的内存）。/.exec(result.stderr)?.[1]);
    expect(limit).toBe(16);
    expect(result.stderr).toContain('roledoc build --only roles');
    // What to raise, and to how much: twice as much, in whole gigabytes.
    expect(Number(/ROLEDOC_RENDER_MEMORY_MB 调大（例如 (\d+)）/.exec(result.stderr)?.[1])).toBeGreaterThanOrEqual(2 * limit);
    noStack(result.stderr);
    expect(existsSync(path.join(dir, 'out', LOCK))).toBe(false);
    expect(documents(dir)).toEqual(before);
    // With the memory back, the same build goes through.
    expect((await runProcess(['build', '--only', 'handbook'], dir)).exitCode).toBe(0);
  });

  it('a limit that is no number of MB is said so, before anything is built', async () => {
    const dir = largeProject(2);
    const result = await runCli(['build', '--lang', 'en'], dir, { ROLEDOC_RENDER_MEMORY_MB: '512MB' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('The environment variable ROLEDOC_RENDER_MEMORY_MB must be a whole number of MB, at least 16; it is "512MB".');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

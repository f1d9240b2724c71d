/**
 * out/.roledoc-cache/: what one build keeps for the next (stamps of the outputs, checked role
 * files, the handbook's .docx parts). It may only ever make a build faster: the documents and what
 * a build reports are the same with it, without it, and with it damaged.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/incremental/manifest.js';
import { openPartStore, openPdfPartStore } from '../src/pipeline/part-store.js';
import { build, BUILD_CACHE, outputNames } from './helpers/project.js';
import { runCli } from './helpers/run-cli.js';
import { builtSeedProject } from './helpers/seed.js';

const out = (dir: string): string => path.join(dir, 'out');
const hashes = (dir: string): Record<string, string> =>
  Object.fromEntries(outputNames(out(dir)).sort().map((name) => [name, sha256(readFileSync(path.join(out(dir), name)))]));
const manager = (dir: string): string => path.join(dir, 'roles', '客服部', 'cs-manager.yaml');
const parts = (dir: string): string[] => readdirSync(path.join(out(dir), BUILD_CACHE, 'docx-parts')).sort();

function canGunzip(bytes: Uint8Array): boolean {
  try {
    gunzipSync(bytes);
    return true;
  } catch {
    return false;
  }
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('the build cache', () => {
  it('keeps itself out of git, and holds what a build needs next time', async () => {
    const dir = await builtSeedProject();
    expect(readFileSync(path.join(out(dir), BUILD_CACHE, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(readdirSync(path.join(out(dir), BUILD_CACHE)).sort()).toEqual(['.gitignore', 'checked.json', 'docx-parts', 'docx-pieces', 'outputs.json', 'pdf-parts', 'shaping.json']);
    // The contents, the index, the department and each of the three roles.
    expect(parts(dir)).toHaveLength(6);
  });

  it('a handbook made from kept parts after a one-role edit is the handbook a build from nothing makes', async () => {
    const dir = await builtSeedProject();
    const before = parts(dir);
    edit(manager(dir), '负责管辖部门内部各项内部行政管理；', '负责管辖部门内部各项行政管理；');
    const edited = await build(dir);
    expect(edited.ok).toBe(true);
    expect([...edited.written].sort()).toEqual(['cs-manager.docx', 'cs-manager.pdf', 'handbook.docx', 'handbook.pdf']);
    // One part made again (cs-manager's), the old one gone, the other four kept.
    const after = parts(dir);
    expect(after.filter((name) => !before.includes(name))).toHaveLength(1);
    expect(before.filter((name) => !after.includes(name))).toHaveLength(1);
    const kept = hashes(dir);

    const fresh = mkdtempSync(path.join(tmpdir(), 'roledoc-cache-fresh-'));
    cpSync(path.join(dir, 'roles'), path.join(fresh, 'roles'), { recursive: true });
    cpSync(path.join(dir, 'roledoc.config.yaml'), path.join(fresh, 'roledoc.config.yaml'));
    expect((await build(fresh)).ok).toBe(true);
    expect(hashes(fresh)).toEqual(kept);
  });

  it('a damaged cache, or none, changes nothing but the time a build takes', async () => {
    const dir = await builtSeedProject();
    const good = hashes(dir);
    const cache = path.join(out(dir), BUILD_CACHE);
    writeFileSync(path.join(cache, 'checked.json'), '{"version": "0.1.0", "lang": "zh-CN", "files": {"roles/客服部/cs-manager.yaml": {"sha256": 1, "memo": null}}');
    writeFileSync(path.join(cache, 'outputs.json'), 'not json');
    for (const part of parts(dir)) writeFileSync(path.join(cache, 'docx-parts', part), 'not gzip');
    const forced = await build(dir, { force: true });
    expect(forced.ok).toBe(true);
    expect(hashes(dir)).toEqual(good);
    rmSync(cache, { recursive: true });
    const again = await build(dir, { force: true });
    expect(again.ok).toBe(true);
    expect(hashes(dir)).toEqual(good);
  });

  it('a kept part with one byte changed, or cut short (parts are written in place), is made again, not used', async () => {
    const dir = await builtSeedProject();
    const good = hashes(dir);
    const cache = path.join(out(dir), BUILD_CACHE);
    for (const folder of ['docx-parts', 'pdf-parts']) {
      const names = readdirSync(path.join(cache, folder));
      expect(names.length, folder).toBeGreaterThan(1);
      for (const [index, name] of names.entries()) {
        const file = path.join(cache, folder, name);
        const bytes = readFileSync(file);
        if (index % 2 === 1) {
          // Every other part as a write stopped two thirds of the way would leave it.
          writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.66)));
          continue;
        }
        // Past the header, inside what is kept: the gzip stream of a .docx part, the body of a PDF part.
        const at = Math.floor(bytes.length * 0.6);
        bytes[at] = (bytes[at] ?? 0) ^ 0x01;
        writeFileSync(file, bytes);
      }
    }
    // A build that needs every part (the handbooks' outputs gone), reading the damaged ones.
    rmSync(path.join(out(dir), 'handbook.docx'));
    rmSync(path.join(out(dir), 'handbook.pdf'));
    const rebuilt = await build(dir);
    expect(rebuilt.ok).toBe(true);
    expect([...rebuilt.written].sort()).toEqual(['handbook.docx', 'handbook.pdf']);
    expect(hashes(dir)).toEqual(good);
  });

  it('a hand edit is found though it keeps the size and puts the modification time back', async () => {
    const dir = await builtSeedProject();
    // A build that stamps the outputs as they are in this folder (a copy has other inodes and times).
    expect((await build(dir)).ok).toBe(true);
    const docx = path.join(out(dir), 'cs-manager.docx');
    const { atime, mtime, size } = statSync(docx);
    const bytes = readFileSync(docx);
    bytes[bytes.length - 30] = (bytes[bytes.length - 30] ?? 0) ^ 0xff;
    writeFileSync(docx, bytes);
    utimesSync(docx, atime, mtime);
    expect(statSync(docx).size).toBe(size);
    const result = await build(dir);
    expect(result.ok).toBe(false);
    expect(result.kept).toEqual(['out/cs-manager.docx']);
  });

  it('a role file kept as checked reports its findings again, each at its own line', async () => {
    const dir = await builtSeedProject();
    edit(manager(dir), '  - 负责管辖部门内部各项内部行政管理；', '  - 负责管辖部门内部各项内部行政管理；\n  - 限男性');
    const first = await runCli(['build', '--format', 'json'], dir);
    const second = await runCli(['build', '--format', 'json', '--force'], dir);
    const findings = (stdout: string): unknown =>
      (JSON.parse(stdout) as { diagnostics: { code: string; file: string; line: number }[] }).diagnostics.filter((d) => d.code.startsWith('lint.')).map((d) => [d.code, d.file, d.line]);
    expect(findings(first.stdout)).toEqual([['lint.gender', 'roles/客服部/cs-manager.yaml', expect.any(Number)]]);
    expect(findings(second.stdout)).toEqual(findings(first.stdout));
    const line = readFileSync(manager(dir), 'utf8').split('\n').findIndex((text) => text.includes('限男性')) + 1;
    expect((findings(second.stdout) as [string, string, number][])[0]?.[2]).toBe(line);
  });

  it('a build that writes nothing leaves no cache behind in a folder it did not make it in', async () => {
    const dir = await builtSeedProject();
    rmSync(out(dir), { recursive: true });
    // Someone's only copy at a document's name: nothing is written, and nothing is left.
    mkdirSync(out(dir));
    writeFileSync(path.join(out(dir), 'handbook.pdf'), 'the only copy');
    const result = await build(dir);
    expect(result.ok).toBe(false);
    expect(result.kept).toEqual(['out/handbook.pdf']);
    expect(readdirSync(out(dir))).toEqual(['handbook.pdf']);
  });

  it('never fails a build: a stray folder among the parts, a file where the parts folder goes, parts mixed up, a file of the user\'s at its name', async () => {
    const dir = await builtSeedProject();
    const cache = path.join(out(dir), BUILD_CACHE);
    const fresh = mkdtempSync(path.join(tmpdir(), 'roledoc-cache-ref-'));
    const reference = async (): Promise<Record<string, string>> => {
      rmSync(fresh, { recursive: true, force: true });
      cpSync(path.join(dir, 'roles'), path.join(fresh, 'roles'), { recursive: true });
      cpSync(path.join(dir, 'roledoc.config.yaml'), path.join(fresh, 'roledoc.config.yaml'));
      expect((await build(fresh)).ok).toBe(true);
      return hashes(fresh);
    };
    const step = async (change: () => void, to: string): Promise<void> => {
      change();
      edit(manager(dir), readFileSync(manager(dir), 'utf8').includes('内部各项内部') ? '内部各项内部' : '内部各项', to);
      const result = await build(dir);
      expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
      expect(hashes(dir)).toEqual(await reference());
    };
    await step(() => mkdirSync(path.join(cache, 'docx-parts', 'stray')), '内部各项');
    await step(() => {
      rmSync(path.join(cache, 'docx-parts'), { recursive: true });
      writeFileSync(path.join(cache, 'docx-parts'), 'in the way');
    }, '内部各项内部');
    rmSync(path.join(cache, 'docx-parts'));
    expect((await build(dir, { force: true })).ok).toBe(true);
    // Two parts' files swapped: each is refused for what it holds, and the handbook is made right.
    const [a, b] = parts(dir);
    if (a === undefined || b === undefined) throw new Error('no parts kept');
    const bytesA = readFileSync(path.join(cache, 'docx-parts', a));
    writeFileSync(path.join(cache, 'docx-parts', a), readFileSync(path.join(cache, 'docx-parts', b)));
    writeFileSync(path.join(cache, 'docx-parts', b), bytesA);
    await step(() => undefined, '内部各项');
    // A file of the user's where the cache goes: kept, and the build goes on without a cache.
    rmSync(cache, { recursive: true });
    writeFileSync(cache, 'my own notes');
    await step(() => undefined, '内部各项内部');
    expect(readFileSync(cache, 'utf8')).toBe('my own notes');
  });

  it('a part store opened for --force reads back the parts it wrote itself, never those of an earlier build', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-parts-'));
    const older = openPdfPartStore(dir);
    const key = (digit: string): string => digit.repeat(64);
    older.set(key('a'), new Uint8Array([1, 2, 3]));
    const fresh = openPdfPartStore(dir, { fresh: true });
    expect(fresh.get(key('a'))).toBeUndefined();
    expect(fresh.peek?.(key('a'))).toBeUndefined();
    fresh.set(key('b'), new Uint8Array([4, 5, 6]));
    expect([...(fresh.peek?.(key('b')) ?? [])]).toEqual([4, 5, 6]);
    expect([...(fresh.get(key('b')) ?? [])]).toEqual([4, 5, 6]);
    // Pruned after the handbook PDF: the .docx made next on the same thread still reads its page breaks from them.
    fresh.prune();
    expect([...(fresh.peek?.(key('b')) ?? [])]).toEqual([4, 5, 6]);
    expect(fresh.peek?.(key('a'))).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a .docx part store gives back what it kept, and refuses a part cut short after its head', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-parts-'));
    const store = openPartStore(dir);
    const key = 'c'.repeat(64);
    const part = { xml: '<w:p><w:r><w:t xml:space="preserve">负责"客服"工作\n</w:t></w:r></w:p>'.repeat(50), lists: [] };
    store.set(key, part);
    expect(openPartStore(dir).get(key)).toEqual(part);
    const file = path.join(dir, BUILD_CACHE, 'docx-parts', key);
    const bytes = readFileSync(file);
    // The first place a gzip reader can stop: the end of the head's member.
    const headEnd = [...bytes.keys()].find((at) => at > 0 && at < bytes.length && canGunzip(bytes.subarray(0, at)));
    expect(headEnd).toBeDefined();
    writeFileSync(file, bytes.subarray(0, headEnd));
    expect(openPartStore(dir).get(key)).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--force renders the handbook\'s kept parts again, and rewrites only those that come out different', async () => {
    const dir = await builtSeedProject();
    const cache = path.join(out(dir), BUILD_CACHE);
    const [tampered, ...others] = parts(dir);
    const [tamperedPdf] = readdirSync(path.join(cache, 'pdf-parts')).sort();
    if (tampered === undefined || tamperedPdf === undefined || others.length === 0) throw new Error('no parts kept');
    const original = openPartStore(out(dir)).get(tampered);
    const originalPdf = readFileSync(path.join(cache, 'pdf-parts', tamperedPdf));
    if (original === undefined) throw new Error('a kept part does not read back');
    // Parts the cache would give back as they are (right key, right checksum) but that rendering
    // does not make: only a build that renders them again replaces them.
    openPartStore(out(dir)).set(tampered, { xml: `${original.xml}<w:p><w:r><w:t>手改的段落</w:t></w:r></w:p>`, lists: original.lists });
    openPdfPartStore(out(dir)).set(tamperedPdf, new Uint8Array([1, 2, 3]));
    const long = new Date('2001-01-01T00:00:00Z');
    for (const part of others) utimesSync(path.join(cache, 'docx-parts', part), long, long);
    expect((await build(dir, { force: true })).ok).toBe(true);
    expect(openPartStore(out(dir)).get(tampered)).toEqual(original);
    expect(readFileSync(path.join(cache, 'pdf-parts', tamperedPdf)).equals(originalPdf)).toBe(true);
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(out(dir), 'handbook.docx'))))['word/document.xml'] ?? new Uint8Array())).not.toContain('手改的段落');
    // The parts that came out as they were kept are left alone (rewriting a thousand files costs seconds on some disks).
    for (const part of others) expect(statSync(path.join(cache, 'docx-parts', part)).mtimeMs, part).toBe(long.getTime());
  });
});

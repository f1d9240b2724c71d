import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { gitIn } from './helpers/git.js';
import { canInterrupt } from './helpers/platform.js';
import { sha256 } from '../src/incremental/manifest.js';
import { runCli, runProcess, startProcess } from './helpers/run-cli.js';
import { builtSeedProject, seedProject } from './helpers/seed.js';
import { build, outputNames } from './helpers/project.js';

/** The longest one step of the watch test may take: a build of four PDFs in a new process, on a busy machine. */
const WATCH_STEP_MS = 60_000;


const outFiles = (dir: string): string[] => outputNames(path.join(dir, 'out')).sort();
const hashes = (dir: string): Record<string, string> =>
  Object.fromEntries(outFiles(dir).map((name) => [name, sha256(readFileSync(path.join(dir, 'out', name)))]));
const mtimes = (dir: string): Record<string, number> =>
  Object.fromEntries(outFiles(dir).map((name) => [name, statSync(path.join(dir, 'out', name)).mtimeMs]));
const supervisorFile = (dir: string): string => path.join(dir, 'roles', '客服部', 'cs-supervisor.yaml');

describe('reproducible bytes', () => {
  it('two builds in different time zones, as separate processes, give identical sha256 for every file', async () => {
    const a = seedProject();
    const b = seedProject();
    expect((await runProcess(['build'], a, { ...process.env, TZ: 'Asia/Shanghai' })).exitCode).toBe(0);
    expect((await runProcess(['build'], b, { ...process.env, TZ: 'America/Los_Angeles' })).exitCode).toBe(0);
    expect(outFiles(a)).toContain('.roledoc-manifest.json');
    expect(hashes(a)).toEqual(hashes(b));
  });

  it('dates each document by the newest commit of its inputs, or by SOURCE_DATE_EPOCH', async () => {
    const dir = seedProject();
    const git = gitIn(dir);
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-q', '-m', 'roles');
    expect((await runCli(['build', '--format', 'pdf'], dir)).exitCode).toBe(0);
    const meta = await getMeta(new Uint8Array(readFileSync(path.join(dir, 'out', 'cs-supervisor.pdf'))));
    expect(String(meta.info['CreationDate'])).toMatch(/^D:20210615080000Z/);

    expect((await runCli(['build', '--format', 'pdf', '--force'], dir, { SOURCE_DATE_EPOCH: '1700000000' })).exitCode).toBe(0);
    const pinned = await getMeta(new Uint8Array(readFileSync(path.join(dir, 'out', 'cs-supervisor.pdf'))));
    expect(String(pinned.info['CreationDate'])).toMatch(/^D:20231114221320Z/);
  });
});

describe('incremental builds', () => {
  it('a second build with no change renders and writes nothing', async () => {
    const dir = await builtSeedProject();
    const before = mtimes(dir);
    const second = await runCli(['build'], dir);
    expect(second.stdout).toContain('生成 0 个文件，8 个未变');
    expect(mtimes(dir)).toEqual(before);
  });

  it('changing one role rebuilds its documents and the handbook only; a role linking to it is rebuilt when what it shows changes', async () => {
    const dir = await builtSeedProject();
    const manager = path.join(dir, 'roles', '客服部', 'cs-manager.yaml');
    // The supervisor reports to the manager (reports_to: cs-manager), so its document shows the manager's title.
    expect(readFileSync(supervisorFile(dir), 'utf8')).toContain('reports_to: cs-manager');
    const before = mtimes(dir);

    writeFileSync(manager, `${readFileSync(manager, 'utf8')}remarks: 每年复核。\n`);
    const onlyManager = await build(dir);
    expect(onlyManager).toMatchObject({ written: ['cs-manager.docx', 'cs-manager.pdf', 'handbook.docx', 'handbook.pdf'], removed: [] });

    writeFileSync(manager, readFileSync(manager, 'utf8').replace('title: 客服部经理', 'title: 客服中心经理'));
    const linked = await build(dir);
    expect(linked.written).toEqual(['cs-manager.docx', 'cs-manager.pdf', 'cs-supervisor.docx', 'cs-supervisor.pdf', 'handbook.docx', 'handbook.pdf']);
    const after = mtimes(dir);
    expect(after['cs-marketing-support-supervisor.pdf']).toBe(before['cs-marketing-support-supervisor.pdf']);
  });

  it('--force renders everything again, to the same bytes', async () => {
    const dir = await builtSeedProject();
    const before = hashes(dir);
    const forced = await build(dir, { force: true });
    expect(forced.written).toHaveLength(8);
    expect(hashes(dir)).toEqual(before);
  });

  it('repairs a document changed by hand, even when its size did not change, once told to (--overwrite), keeping the changed one', async () => {
    const dir = await builtSeedProject();
    const file = path.join(dir, 'out', 'cs-manager.pdf');
    const bytes = readFileSync(file);
    const original = sha256(bytes);
    bytes[2000] = (bytes[2000] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    expect((await runCli(['build', '--check'], dir)).exitCode).toBe(1);
    // A hand edit may be someone's work: a build without --overwrite keeps it and writes nothing.
    const refused = await build(dir);
    expect(refused).toMatchObject({ ok: false, written: [], kept: ['out/cs-manager.pdf'] });
    expect(readFileSync(file)).toEqual(bytes);
    const repaired = await build(dir, { overwrite: true });
    expect(repaired.backups).toEqual([{ file: 'out/cs-manager.pdf', backup: 'out/.roledoc-backup/cs-manager.pdf' }]);
    expect(readFileSync(path.join(dir, 'out', '.roledoc-backup', 'cs-manager.pdf'))).toEqual(bytes);
    expect(repaired.written).toEqual(['cs-manager.pdf']);
    expect(sha256(readFileSync(file))).toBe(original);
    expect((await runCli(['build', '--check'], dir)).exitCode).toBe(0);
  });

  it('keeps a hand-edited document of a deleted role, and says so', async () => {
    const dir = await builtSeedProject();
    writeFileSync(path.join(dir, 'out', 'cs-marketing-support-supervisor.docx'), 'edited by HR');
    rmSync(path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml'));
    const result = await runCli(['build', '--format', 'json'], dir);
    expect(JSON.parse(result.stdout).removed).toEqual(['cs-marketing-support-supervisor.pdf']);
    expect(result.stderr).toContain('out/cs-marketing-support-supervisor.docx');
    expect(readFileSync(path.join(dir, 'out', 'cs-marketing-support-supervisor.docx'), 'utf8')).toBe('edited by HR');
  });

  it('refuses an unusable SOURCE_DATE_EPOCH instead of ignoring it', async () => {
    const dir = seedProject();
    const result = await runCli(['build'], dir, { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('SOURCE_DATE_EPOCH');
  });

  it('removes the documents of a deleted role, and only files roledoc made', async () => {
    const dir = await builtSeedProject();
    writeFileSync(path.join(dir, 'out', 'notes.txt'), 'mine');
    rmSync(path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml'));
    const result = await build(dir);
    expect(result.removed).toEqual(['cs-marketing-support-supervisor.docx', 'cs-marketing-support-supervisor.pdf']);
    expect(outFiles(dir)).toEqual(['.roledoc-manifest.json', 'cs-manager.docx', 'cs-manager.pdf', 'cs-supervisor.docx', 'cs-supervisor.pdf', 'handbook.docx', 'handbook.pdf', 'notes.txt']);
  });
});

describe('roledoc build --check', () => {
  it('passes on fresh documents and writes nothing', async () => {
    const dir = await builtSeedProject();
    const before = mtimes(dir);
    const result = await runCli(['build', '--check'], dir);
    expect(result.exitCode).toBe(0);
    expect(mtimes(dir)).toEqual(before);
  });

  it('fails and names every stale, missing, hand-modified or orphaned document', async () => {
    const dir = await builtSeedProject();
    writeFileSync(supervisorFile(dir), readFileSync(supervisorFile(dir), 'utf8').replace('headcount: 4', 'headcount: 5'));
    rmSync(path.join(dir, 'out', 'cs-manager.docx'));
    writeFileSync(path.join(dir, 'out', 'cs-manager.pdf'), 'edited by hand');
    const before = hashes(dir);
    const result = await runCli(['build', '--check', '--no-color'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('out/cs-supervisor.pdf  stale');
    expect(result.stdout).toContain('out/cs-supervisor.docx  stale');
    expect(result.stdout).toContain('out/cs-manager.docx  missing');
    expect(result.stdout).toContain('out/cs-manager.pdf  foreign-modified');
    expect(hashes(dir)).toEqual(before);

    rmSync(path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml'));
    const orphaned = await runCli(['build', '--check', '--format', 'json'], dir);
    expect(JSON.parse(orphaned.stdout).problems).toContainEqual({ file: 'out/cs-marketing-support-supervisor.pdf', status: 'orphaned' });
  });

  it('fails when the manifest is missing, since a build would write it', async () => {
    const dir = await builtSeedProject();
    rmSync(path.join(dir, 'out', '.roledoc-manifest.json'));
    const result = await runCli(['build', '--check', '--no-color'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('out/.roledoc-manifest.json  missing');
  });

  it('cannot be combined with --watch', async () => {
    const result = await runCli(['build', '--check', '--watch'], seedProject());
    expect(result.exitCode).toBe(2);
  });
});

describe('roledoc build --watch', () => {
  it.runIf(canInterrupt)('rebuilds what a saved change affects, keeps going after an error, and exits cleanly on Ctrl-C', async () => {
    const dir = seedProject();
    const { child, waitFor } = startProcess(['build', '--watch', '--format', 'pdf'], dir, WATCH_STEP_MS);
    try {
      await waitFor(/正在监视/);
      writeFileSync(supervisorFile(dir), readFileSync(supervisorFile(dir), 'utf8').replace('headcount: 4', 'headcount: 4人'));
      await waitFor(/schema\.type/);
      // Saved the way many editors (and sed -i) do: a temporary file renamed over the old one.
      const temporary = `${supervisorFile(dir)}.tmp~`;
      writeFileSync(temporary, readFileSync(supervisorFile(dir), 'utf8').replace('headcount: 4人', 'headcount: 5'));
      renameSync(temporary, supervisorFile(dir));
      // The role's own PDF and the handbook's, which shows its headcount too.
      await waitFor(/生成 2 个文件/);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 3 * WATCH_STEP_MS);
});

describe('roledoc build for CI', () => {
  it('--format github prints diagnostics as workflow commands and still builds', async () => {
    const dir = seedProject();
    writeFileSync(supervisorFile(dir), `${readFileSync(supervisorFile(dir), 'utf8')}remarks: “重要”\n`);
    const result = await runCli(['build', '--format', 'github'], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^::warning file=roles\/客服部\/cs-supervisor\.yaml,line=\d+,col=10,.*title=yaml\.fullwidth-quotes::/m);
    expect(outFiles(dir)).toContain('cs-supervisor.pdf');
  });
});

/** Faults: paths that try to leave the project, two builds at once, a build killed half-way. */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { canSymlink, IDLE_PROCESS } from './helpers/platform.js';
import { builtSeedProject, REPO, seedProject } from './helpers/seed.js';

const BIN = path.join(REPO, 'bin', 'roledoc.js');

/** A PDF or .docx is whole: the PDF ends with its trailer, the .docx unzips. */
function isWhole(file: string): boolean {
  const bytes = readFileSync(file);
  if (file.endsWith('.pdf')) return bytes.subarray(0, 5).toString() === '%PDF-' && bytes.subarray(-8).toString().includes('%%EOF');
  try {
    return 'word/document.xml' in unzipSync(new Uint8Array(bytes));
  } catch {
    return false;
  }
}

function manyRoles(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-many-'));
  mkdirSync(path.join(dir, 'roles'));
  const tasks = Array.from({ length: 6 }, (_, i) => `      - 负责对管辖范围内人员的日常营销工作进行管理安排，通过对每日数据的监控和诊断，及时发现问题${i}；`).join('\n');
  for (let i = 0; i < count; i++) {
    writeFileSync(
      path.join(dir, 'roles', `r-${i}.yaml`),
      `id: r-${i}\ntitle: 岗位${i}\ndepartment: 部门${i % 5}\nresponsibilities:\n  - 负责客服团队的日常管理；\n  - 负责培训。\nduties:\n  - duty: 日常行政管理\n    tasks:\n${tasks}\n`,
    );
  }
  return dir;
}

describe('paths stay inside the project', () => {
  it('refuses config paths that climb out of the project, at their line', async () => {
    const dir = seedProject();
    const elsewhere = `elsewhere-${path.basename(dir)}`;
    writeFileSync(
      path.join(dir, 'roledoc.config.yaml'),
      `out: ../../${elsewhere}\ntemplate: ../templates/mine\nfonts:\n  regular: ../../fonts/x.ttf\n  bold: { path: ../y.ttc, face: Y }\n`,
    );
    const result = await runCli(['validate', '--format', 'json'], dir);
    expect(result.exitCode).toBe(1);
    const found = JSON.parse(result.stdout).map((d: { code: string; line: number }) => `${d.code}@${d.line}`);
    expect(found).toEqual(['config.path-outside@1', 'config.path-outside@2', 'config.path-outside@4', 'config.path-outside@5']);
    const build = await runCli(['build'], dir);
    expect(build.exitCode).toBe(1);
    expect(existsSync(path.join(dir, '..', '..', elsewhere))).toBe(false);
  });

  it('accepts an absolute path, written on purpose', async () => {
    const dir = seedProject();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'roledoc-abs-'));
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), `out: ${JSON.stringify(elsewhere)}\nformats: [docx]\n`);
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    expect(readdirSync(elsewhere)).toContain('cs-supervisor.docx');
  });

  it.runIf(canSymlink)('writes into a symlinked out/, and replaces a planted symlink instead of writing through it', async () => {
    const dir = seedProject();
    const target = mkdtempSync(path.join(tmpdir(), 'roledoc-target-'));
    symlinkSync(target, path.join(dir, 'out'));
    const victim = path.join(mkdtempSync(path.join(tmpdir(), 'roledoc-victim-')), 'precious.txt');
    writeFileSync(victim, 'do not touch');
    symlinkSync(victim, path.join(target, 'cs-supervisor.pdf'));
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('do not touch');
    expect(lstatSync(path.join(target, 'cs-supervisor.pdf')).isSymbolicLink()).toBe(false);
    expect(isWhole(path.join(target, 'cs-supervisor.pdf'))).toBe(true);
  });
});

describe('faults', () => {
  it('two builds of one project at once both succeed and leave whole documents and one consistent manifest', async () => {
    const dir = manyRoles(12);
    const run = (): Promise<number | null> =>
      new Promise((resolve) => spawn(process.execPath, [BIN, 'build', '--force'], { cwd: dir, stdio: 'ignore' }).on('exit', resolve));
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    const out = path.join(dir, 'out');
    const documents = readdirSync(out).filter((name) => !name.startsWith('.'));
    // 12 roles × 2 formats, and the handbook in both.
    expect(documents).toHaveLength(26);
    for (const name of documents) expect(isWhole(path.join(out, name))).toBe(true);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([]);
    expect((await runCli(['build', '--check'], dir)).exitCode).toBe(0);
  });

  it('a build killed while writing leaves every earlier document as it was, and the next build completes and cleans up', async () => {
    const dir = manyRoles(150);
    const out = path.join(dir, 'out');
    const documents = (): string[] => readdirSync(out).filter((name) => /\.(pdf|docx)$/.test(name)).sort();
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    const before = new Map(documents().map((name) => [name, readFileSync(path.join(out, name))]));
    expect(before.size).toBe(302);
    // Every role changed: every document is made again, each written beside its name first.
    for (let i = 0; i < 150; i++) {
      const file = path.join(dir, 'roles', `r-${i}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('负责培训。', '负责新员工培训。'));
    }
    const child = spawn(process.execPath, [BIN, 'build'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed as soon as the first new document is being written.
    const started = Date.now();
    while (!readdirSync(out).some((name) => name.endsWith('.tmp'))) {
      if (Date.now() - started > 120_000 || child.exitCode !== null) throw new Error('the build never started writing');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // Killed while rendering (302 documents take seconds; none is put in place before all are
    // made): every earlier document is there, whole and unchanged.
    expect(documents()).toEqual([...before.keys()]);
    for (const name of documents()) {
      expect(isWhole(path.join(out, name)), name).toBe(true);
      expect(readFileSync(path.join(out, name)).equals(before.get(name) ?? Buffer.alloc(0)), name).toBe(true);
    }

    const next = await runCli(['build'], dir);
    expect(next.exitCode).toBe(0);
    const after = documents();
    expect(after).toHaveLength(302);
    expect(after.filter((name) => readFileSync(path.join(out, name)).equals(before.get(name) ?? Buffer.alloc(0)))).toEqual([]);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([]);
  }, 180_000);
});

describe('a build waiting for another', () => {
  it('reads the role files once it has the lock, so it builds them as they are then', async () => {
    const dir = await builtSeedProject();
    // Holds the lock until killed below, however long the build takes to start.
    const holder = spawn(...IDLE_PROCESS);
    writeFileSync(path.join(dir, 'out', '.roledoc.lock'), String(holder.pid));
    const child = spawn(process.execPath, [BIN, 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const building = new Promise<number | null>((resolve) => child.on('exit', resolve));
      // The role changes only once the build says it is waiting: it has read nothing yet.
      await new Promise<void>((resolve, reject) => {
        let said = '';
        child.stderr.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          if (said.includes('等它完成')) resolve();
        });
        child.on('exit', () => reject(new Error(`the build did not wait for the lock: ${said}`)));
      });
      const role = path.join(dir, 'roles', '客服部', 'cs-supervisor.yaml');
      writeFileSync(role, readFileSync(role, 'utf8').replace('headcount: 4', 'headcount: 9'));
      holder.kill('SIGKILL');
      expect(await building).toBe(0);
    } finally {
      holder.kill('SIGKILL');
      child.kill('SIGKILL');
    }
    expect((await runCli(['build', '--check'], dir)).exitCode).toBe(0);
  });
});

describe('what a planted file may not do', () => {
  it('a manifest entry that is not a document name never leads a build to delete a file', async () => {
    const dir = await builtSeedProject();
    const victim = path.join(dir, 'roles', '客服部', 'cs-manager.yaml');
    const manifestFile = path.join(dir, 'out', '.roledoc-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const { sha256 } = await import('../src/incremental/manifest.js');
    manifest.outputs['../roles/客服部/cs-manager.yaml'] = { inputs: 'x', sha256: sha256(readFileSync(victim)), size: readFileSync(victim).length, role: 'gone' };
    writeFileSync(manifestFile, JSON.stringify(manifest));
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    expect(existsSync(victim)).toBe(true);
  });

  it.runIf(canSymlink)('a symlink planted at a temporary name is not written through', async () => {
    const dir = seedProject();
    const victim = path.join(mkdtempSync(path.join(tmpdir(), 'roledoc-victim-')), 'precious.txt');
    writeFileSync(victim, 'do not touch');
    mkdirSync(path.join(dir, 'out'));
    // The build runs in this process, so its temporary names carry this pid.
    symlinkSync(victim, path.join(dir, 'out', `.cs-manager.pdf.${process.pid}.tmp`));
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('do not touch');
    expect(isWhole(path.join(dir, 'out', 'cs-manager.pdf'))).toBe(true);
  });

  it.runIf(canSymlink)('a role file that is a symlink out of the project is not read, and says so', async () => {
    const dir = seedProject();
    const secret = path.join(mkdtempSync(path.join(tmpdir(), 'roledoc-secret-')), 'secret.yaml');
    writeFileSync(secret, 'id: secret\ntitle: 机密\ndepartment: 机密\nresponsibilities: [机密内容]\n');
    symlinkSync(secret, path.join(dir, 'roles', 'evil.yaml'));
    const result = await runCli(['validate', '--no-color'], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('roles/evil.yaml:1:1  warning  load.outside-project');
    expect(result.stdout).not.toContain('机密');
  });

  it('escape sequences in a role never reach the terminal, and a huge line is shown as a window', async () => {
    const dir = seedProject();
    const role = path.join(dir, 'roles', '客服部', 'cs-supervisor.yaml');
    writeFileSync(role, `${readFileSync(role, 'utf8')}remarks: "\\e]0;PWNED\\a\\e[31mRED"\npurpose: ${'x'.repeat(200_000)}\n`);
    const result = await runCli(['validate'], dir, { FORCE_COLOR: '0' });
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001A\u001C-\u001F]/);
    expect(result.stdout).not.toContain('\u001b]0;');
    expect(Math.max(...result.stdout.split('\n').map((line) => line.length))).toBeLessThan(400);
  });
});

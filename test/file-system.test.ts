/**
 * The file system as an adversary: files that are not files (a FIFO, /dev/zero), links that lead
 * out of the project, nowhere or round in a circle, a damaged lock, a file at a document's name
 * that roledoc did not write. Every case ends within seconds, with the right exit code and a
 * sentence (at its file:line where there is one), and loses no file.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasPosixFiles } from './helpers/platform.js';
import { UserError } from '../src/core/errors.js';
import { FileProblemError } from '../src/core/file-access.js';
import { findRoleFiles } from '../src/io/project-files.js';
import { readRegularFile, readRegularFileSync } from '../src/io/node-files.js';
import { lockOutputFolder, LOCK_NAME } from '../src/io/output-folder.js';
import { buildProject } from '../src/pipeline/build.js';
import { runCli, startProcess, type CliResult } from './helpers/run-cli.js';
import { REPO } from './helpers/seed.js';
import { BUILD_CACHE } from './helpers/project.js';

/** Every case here ends within this; the test's own limit is far longer, so a hang fails here, by name. */
const SECONDS = 20_000;

/** FIFOs made by a test: a read stuck in one (the bug these tests catch) is set free afterwards by opening its other end. */
const fifos: string[] = [];
function makeFifo(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(file, { force: true });
  execFileSync('mkfifo', [file]);
  fifos.push(file);
}
afterEach(() => {
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader waiting on it: nothing to free.
    }
  }
});

/** `roledoc …` in this process, failing by name if it does not end within SECONDS. */
async function roledoc(args: readonly string[], cwd: string, options: { lang?: boolean } = {}): Promise<CliResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`roledoc ${args.join(' ')} did not end within ${SECONDS / 1000} s`)), SECONDS);
  });
  try {
    return await Promise.race([runCli([...args, ...(options.lang === false ? [] : ['--lang', 'en']), '--no-color'], cwd), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Codes and lines of `validate --format json`. */
async function diagnosticsOf(cwd: string, args: readonly string[] = []): Promise<{ exitCode: number; found: string[] }> {
  const result = await roledoc(['validate', ...args, '--format', 'json'], cwd);
  const found = (JSON.parse(result.stdout) as { code: string; file: string; line: number }[]).map((d) => `${d.code}@${d.file}:${d.line}`);
  return { exitCode: result.exitCode, found };
}

/** The example roles with a config that makes .docx only: a build takes a second. */
function project(config = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-fs-'));
  cpSync(path.join(REPO, 'roles'), path.join(dir, 'roles'), { recursive: true });
  writeFileSync(path.join(dir, 'roledoc.config.yaml'), `title: 岗位说明书\nformats: [docx]\n${config}`);
  return dir;
}

let built: string | undefined;
/** A copy of `project()` as a build leaves it. */
async function builtProject(): Promise<string> {
  if (built === undefined) {
    const dir = project();
    expect((await roledoc(['build'], dir)).exitCode).toBe(0);
    built = dir;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-fs-built-'));
  cpSync(built, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with its bytes, to show nothing changed. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      // The build cache is this machine's aid, not a document: what it holds may change whenever roledoc reads the folder.
      .filter((entry) => entry.isFile() && !path.relative(dir, entry.parentPath).split(path.sep).includes(BUILD_CACHE))
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file).toString('base64')];
      }),
  );
}

const noStackTrace = (result: CliResult): void => {
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('internal error');
};

describe.runIf(hasPosixFiles)('reads that never end', () => {
  it('reads a file in chunks up to a limit, and never reads a device or a FIFO', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-fs-read-'));
    writeFileSync(path.join(dir, 'big'), Buffer.alloc(3000, 1));
    await expect(readRegularFile(path.join(dir, 'big'), 4000)).resolves.toHaveLength(3000);
    await expect(readRegularFile(path.join(dir, 'big'), 2999)).rejects.toMatchObject({ problem: 'too-large', details: { size: 3000, limit: 2999 } });
    expect(() => readRegularFileSync(path.join(dir, 'big'), 10)).toThrow(FileProblemError);
    await expect(readRegularFile('/dev/zero', 1000)).rejects.toMatchObject({ problem: 'device' });
    expect(() => readRegularFileSync('/dev/urandom', 1000)).toThrow(expect.objectContaining({ problem: 'device' }));
    makeFifo(path.join(dir, 'fifo'));
    await expect(readRegularFile(path.join(dir, 'fifo'), 1000)).rejects.toMatchObject({ problem: 'fifo' });
    expect(() => readRegularFileSync(path.join(dir, 'fifo'), 1000)).toThrow(expect.objectContaining({ problem: 'fifo' }));
    await expect(readRegularFile(path.join(dir, 'nothing'), 1000)).rejects.toMatchObject({ problem: 'missing' });
    // Under a file (ENOTDIR) nothing is there either, for both reads.
    await expect(readRegularFile(path.join(dir, 'big', 'x.ttf'), 1000)).rejects.toMatchObject({ problem: 'missing' });
    expect(() => readRegularFileSync(path.join(dir, 'big', 'x.ttf'), 1000)).toThrow(expect.objectContaining({ problem: 'missing' }));
    // A file stat calls empty (as /proc's are) is still read to its end.
    if (existsSync('/proc/self/status')) expect(Buffer.from(await readRegularFile('/proc/self/status', 1 << 20)).toString()).toContain('Pid:');
  });

  it('a template whose logo is /dev/zero and whose font is /dev/urandom is an error at each line', async () => {
    const dir = project('template: templates/mine\n');
    mkdirSync(path.join(dir, 'templates', 'mine'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 'mine', 'template.yaml'), 'extends: classic\nlogo:\n  file: /dev/zero\nfonts:\n  body:\n    pdf: /dev/urandom\n');
    const { exitCode, found } = await diagnosticsOf(dir);
    expect(exitCode).toBe(1);
    expect(found).toEqual(expect.arrayContaining(['template.not-a-file@templates/mine/template.yaml:3', 'template.not-a-file@templates/mine/template.yaml:6']));
    const result = await roledoc(['build'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/logo\.file names \S*dev\/zero, which is a device file, not a regular file\./);
  });

  it('a config font that is /dev/zero, or a locale catalog that is a FIFO, is an error at its line', async () => {
    const dir = project('locale: words.yaml\nfonts:\n  regular: /dev/zero\n');
    makeFifo(path.join(dir, 'words.yaml'));
    const { exitCode, found } = await diagnosticsOf(dir);
    expect(exitCode).toBe(1);
    expect(found).toEqual(['config.not-a-file@roledoc.config.yaml:3', 'config.not-a-file@roledoc.config.yaml:5']);
    const result = await roledoc(['build', '--format', 'pdf'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('locale names words.yaml, which is a named pipe (FIFO), not a regular file.');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    // Without --lang, the catalog is looked into for the language of the messages: that look never waits on a FIFO either.
    expect((await roledoc(['validate'], dir, { lang: false })).exitCode).toBe(1);
  });

  it('a locale catalog named on the command line that is a FIFO is a usage error', async () => {
    const dir = project();
    makeFifo(path.join(dir, 'words.yaml'));
    const result = await roledoc(['build', '--locale', 'words.yaml'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('words.yaml is a named pipe (FIFO), not a regular file roledoc can read.');
  });

  it('a logo that is a FIFO is an error at its line', async () => {
    const dir = project('template: templates/mine\n');
    mkdirSync(path.join(dir, 'templates', 'mine'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 'mine', 'template.yaml'), 'extends: classic\nlogo:\n  file: logo.png\n');
    makeFifo(path.join(dir, 'templates', 'mine', 'logo.png'));
    expect(await diagnosticsOf(dir)).toEqual({ exitCode: 1, found: ['template.not-a-file@templates/mine/template.yaml:3'] });
  });

  it('a role file that is a FIFO: a usage error named on the command line, an error at the file otherwise', async () => {
    const dir = project();
    makeFifo(path.join(dir, 'roles', 'pipe.yaml'));
    const named = await roledoc(['validate', 'roles/pipe.yaml'], dir);
    expect(named.exitCode).toBe(2);
    expect(named.stderr).toContain('roles/pipe.yaml is a named pipe (FIFO), not a regular file roledoc can read.');
    expect(await diagnosticsOf(dir)).toEqual({ exitCode: 1, found: ['load.not-a-file@roles/pipe.yaml:1'] });
    expect((await roledoc(['build'], dir)).exitCode).toBe(1);
    expect((await roledoc(['build', '--check'], dir)).exitCode).toBe(1);
  });

  it('a config that is a FIFO is a usage error for every command', async () => {
    const dir = project();
    makeFifo(path.join(dir, 'roledoc.config.yaml'));
    for (const args of [['validate'], ['build'], ['build', '--check']]) {
      const result = await roledoc(args, dir);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('roledoc.config.yaml is a named pipe (FIFO), not a regular file roledoc can read.');
    }
  });

  it('FIFOs in out/ (a document, the manifest, the lock) never hang a build or a check', async () => {
    const dir = await builtProject();
    const out = path.join(dir, 'out');
    makeFifo(path.join(out, 'cs-manager.docx'));
    const check = await roledoc(['build', '--check'], dir);
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toContain('out/cs-manager.docx  foreign-modified');
    // Not roledoc's: kept, and nothing written.
    const before = snapshot(out);
    const kept = await roledoc(['build'], dir);
    expect(kept.exitCode).toBe(1);
    expect(kept.stdout).toContain('out/cs-manager.docx  not written by roledoc');
    expect(statSync(path.join(out, 'cs-manager.docx')).isFIFO()).toBe(true);
    expect(snapshot(out)).toEqual(before);

    makeFifo(path.join(out, LOCK_NAME));
    const lock = await roledoc(['build', '--overwrite'], dir);
    expect(lock.exitCode).toBe(0);
    expect(lock.stderr).toContain('out/.roledoc.lock held no process id');
    expect(statSync(path.join(out, '.roledoc-backup', 'cs-manager.docx')).isFIFO()).toBe(true);

    makeFifo(path.join(out, '.roledoc-manifest.json'));
    for (const args of [['build'], ['build', '--check']]) {
      const result = await roledoc(args, dir);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('out/.roledoc-manifest.json is a named pipe (FIFO), not a regular file roledoc can read.');
    }
  });

  it.runIf(existsSync('/proc/self'))('--out /proc/x fails at once, in words', async () => {
    const result = await roledoc(['build', '--out', '/proc/roledoc-x/y'], project());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Cannot write to /proc/roledoc-x/y (a folder on the way does not exist or cannot hold new folders, ENOENT)');
  });

  it('roles: / is refused, and a walk that meets too much stops with a sentence', async () => {
    const dir = project('roles: /\n');
    for (const command of ['validate', 'build']) {
      const result = await roledoc([command], dir);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('roles: / in roledoc.config.yaml is the whole disk');
    }
    const wide = mkdtempSync(path.join(tmpdir(), 'roledoc-fs-wide-'));
    for (let i = 0; i < 30; i++) mkdirSync(path.join(wide, `folder-${i}`, 'inner'), { recursive: true });
    await expect(findRoleFiles(wide, '.', 'roledoc.config.yaml', 'en', 40)).rejects.toThrow(UserError);
    await expect(findRoleFiles(wide, '.', 'roledoc.config.yaml', 'en', 100)).resolves.toEqual([]);
  });
});

describe.runIf(hasPosixFiles)('the output folder lock', () => {
  it('a lock that is not a process id (zero-filled by a power cut) is stale, and said so', async () => {
    const dir = await builtProject();
    writeFileSync(path.join(dir, 'out', LOCK_NAME), Buffer.alloc(64));
    const result = await roledoc(['build', '--force'], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('out/.roledoc.lock held no process id (damaged, perhaps by a power cut); it was removed as a stale lock.');
    expect(existsSync(path.join(dir, 'out', LOCK_NAME))).toBe(false);
  });

  it('is kept fresh while the main thread is busy rendering synchronously', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'roledoc-fs-lock-'));
    const lock = await lockOutputFolder(out, { onWait: () => undefined }, { refreshMs: 50, staleMs: 90_000 });
    try {
      const file = path.join(out, LOCK_NAME);
      const longAgo = new Date(Date.now() - 3_600_000);
      utimesSync(file, longAgo, longAgo);
      // A render that takes a long time and never yields: no timer of this thread can fire meanwhile.
      const until = Date.now() + 1500;
      while (Date.now() < until) Math.sqrt(Math.random());
      expect(statSync(file).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
      expect(await lock.holds()).toBe(true);
    } finally {
      await lock.release();
    }
    expect(existsSync(path.join(out, LOCK_NAME))).toBe(false);
  });

  it('a build whose lock another build took over writes nothing, and leaves the other build its lock', async () => {
    const dir = await builtProject();
    const out = path.join(dir, 'out');
    const before = snapshot(out);
    const lockFile = path.join(out, LOCK_NAME);
    // The lock is taken over (as by a build that thought this one dead) while this one renders.
    const error = await buildProject(dir, 'en', { paths: [], force: true }, {
      onRendered: (done) => {
        if (done !== 1) return;
        rmSync(lockFile, { force: true });
        writeFileSync(lockFile, String(process.ppid));
      },
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('Another roledoc build took over the lock of out');
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.ppid));
    expect(snapshot(out)).toEqual({ ...before, [LOCK_NAME]: Buffer.from(String(process.ppid)).toString('base64') });
  });
});

describe.runIf(hasPosixFiles)('no silent loss', () => {
  it('a roles folder that is a link out of the project is an error, and the build deletes nothing', async () => {
    const dir = await builtProject();
    const elsewhere = path.join(mkdtempSync(path.join(tmpdir(), 'roledoc-fs-elsewhere-')), 'roles');
    renameSync(path.join(dir, 'roles'), elsewhere);
    symlinkSync(elsewhere, path.join(dir, 'roles'));
    const before = snapshot(path.join(dir, 'out'));
    for (const command of ['validate', 'build']) {
      const result = await roledoc([command], dir);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('Every role file in roles/ lies outside the project folder');
    }
    expect(snapshot(path.join(dir, 'out'))).toEqual(before);
  });

  it('a role file that became a link out of the project is skipped, but its documents are not deleted', async () => {
    const dir = await builtProject();
    const role = path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml');
    const elsewhere = path.join(mkdtempSync(path.join(tmpdir(), 'roledoc-fs-one-')), 'cs-marketing-support-supervisor.yaml');
    renameSync(role, elsewhere);
    symlinkSync(elsewhere, role);
    const result = await roledoc(['build', '--format', 'json'], dir);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, removed: [] });
    expect(existsSync(path.join(dir, 'out', 'cs-marketing-support-supervisor.docx'))).toBe(true);
  });

  it('a file at a document name that roledoc did not write is kept, and the build writes nothing; --overwrite keeps it in .roledoc-backup/', async () => {
    const dir = project('out: docs\n');
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', 'handbook.docx'), 'the only copy of last year’s handbook');
    const kept = await roledoc(['build'], dir);
    expect(kept.exitCode).toBe(1);
    expect(kept.stdout).toContain('docs/handbook.docx  not written by roledoc, or changed by hand (kept)');
    expect(kept.stdout).toContain('run roledoc build --overwrite');
    expect(readdirSync(path.join(dir, 'docs'))).toEqual(['handbook.docx']);
    expect(readFileSync(path.join(dir, 'docs', 'handbook.docx'), 'utf8')).toBe('the only copy of last year’s handbook');

    const replaced = await roledoc(['build', '--overwrite'], dir);
    expect(replaced.exitCode).toBe(0);
    expect(replaced.stderr).toContain('docs/handbook.docx was not written by roledoc (or was changed by hand) and was replaced; the old file is docs/.roledoc-backup/handbook.docx.');
    expect(readFileSync(path.join(dir, 'docs', '.roledoc-backup', 'handbook.docx'), 'utf8')).toBe('the only copy of last year’s handbook');
    expect((await roledoc(['build', '--check'], dir)).exitCode).toBe(0);
  });
});

describe.runIf(hasPosixFiles)('file-system mistakes said clearly', () => {
  it('a path outside the project, or the config, named as a role file is a usage error', async () => {
    const dir = project();
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'roledoc-fs-out-')), 'passwd');
    writeFileSync(outside, 'root:x:0:0:root:/root:/bin/bash\n');
    const result = await roledoc(['validate', outside], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`${outside} is outside the project folder`);
    const config = await roledoc(['build', 'roledoc.config.yaml'], dir);
    expect(config.exitCode).toBe(2);
    expect(config.stderr).toContain('roledoc.config.yaml is the project\'s configuration, not a role file.');
  });

  it('template eject onto a file, and an output folder that is a file, are said in words', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'somefile'), 'mine');
    const eject = await roledoc(['template', 'eject', 'classic', 'somefile'], dir);
    expect(eject.exitCode).toBe(2);
    expect(eject.stderr).toContain('somefile is a file, not a folder.');
    noStackTrace(eject);
    const out = await roledoc(['build', '--out', 'somefile'], dir);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('somefile is a file, not a folder.');
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'formats: [docx]\nout: somefile\n');
    expect(await diagnosticsOf(dir)).toEqual({ exitCode: 1, found: ['config.not-a-folder@roledoc.config.yaml:2'] });
    expect(readFileSync(path.join(dir, 'somefile'), 'utf8')).toBe('mine');
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'formats: [docx]\nroles: somefile\n');
    const roles = await roledoc(['validate'], dir);
    expect(roles.exitCode).toBe(2);
    expect(roles.stderr).toContain('somefile is a file, not a folder.');
  });

  it('role files that are links to nothing or round in a circle are errors at each file', async () => {
    const dir = project();
    symlinkSync('nowhere.yaml', path.join(dir, 'roles', 'dangling.yaml'));
    symlinkSync('loop-b.yaml', path.join(dir, 'roles', 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(dir, 'roles', 'loop-b.yaml'));
    expect(await diagnosticsOf(dir)).toEqual({
      exitCode: 1,
      found: ['load.not-a-file@roles/dangling.yaml:1', 'load.not-a-file@roles/loop-a.yaml:1', 'load.not-a-file@roles/loop-b.yaml:1'],
    });
    const result = await roledoc(['validate'], dir);
    expect(result.stdout).toContain('This role file is a link to a file that does not exist, not a regular file; it was not read.');
    expect(result.stdout).toContain('This role file is a link that leads round in a circle');
  });

  it('new refuses a hidden department and a title with a line break, and writes nothing', async () => {
    const dir = project();
    const before = snapshot(dir);
    const hidden = await roledoc(['new', 'x-role', '--department', '.hidden'], dir);
    expect(hidden.exitCode).toBe(2);
    expect(hidden.stderr).toContain('starts with a dot');
    const broken = await roledoc(['new', 'x-role', '--title', 'one\ntwo'], dir);
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toContain('--title holds a line break');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a failed build with a nested --out leaves no folder behind', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'roles', 'broken.yaml'), 'id: [\n');
    const result = await roledoc(['build', '--out', 'a/b/c'], dir);
    expect(result.exitCode).toBe(1);
    expect(existsSync(path.join(dir, 'a'))).toBe(false);
  });

  it('watch mode hears saves again after roles/ is moved away and back', async () => {
    const dir = project();
    const { child, waitFor } = startProcess(['build', '--watch', '--lang', 'en'], dir, 60_000);
    try {
      await waitFor(/Watching/);
      renameSync(path.join(dir, 'roles'), path.join(dir, 'roles-away'));
      await waitFor(/The roles folder roles\/ does not exist/);
      renameSync(path.join(dir, 'roles-away'), path.join(dir, 'roles'));
      await waitFor(/✔ 3 roles/, 2);
      const role = path.join(dir, 'roles', '客服部', 'cs-marketing-support-supervisor.yaml');
      writeFileSync(role, readFileSync(role, 'utf8').replace('headcount: 1', 'headcount: 2'));
      await waitFor(/✔ 3 roles, 2 files written/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 240_000);
});

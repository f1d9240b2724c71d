/**
 * Property: whatever a hostile file system does to a small built project — special files where
 * files are expected, links out of the project and round in circles, a damaged lock, files at the
 * documents' names, a read-only output folder — `validate` and `build` end within seconds, exit
 * 0, 1 or 2, print no stack trace, and leave every earlier output byte for byte as it was unless
 * the build said it rewrote or removed it. `npm test` runs a small budget; FS_FUZZ_RUNS runs more.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  constants,
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPosixFiles } from './helpers/platform.js';
import { runCli, type CliResult } from './helpers/run-cli.js';
import { REPO } from './helpers/seed.js';
import { BUILD_CACHE } from './helpers/project.js';

const RUNS = Number(process.env['FS_FUZZ_RUNS'] ?? 8);
/** Each command must end within this: a hang fails the run by name rather than the whole test file. */
const SECONDS = 20_000;

const fifos: string[] = [];
function fifo(file: string): void {
  rmSync(file, { force: true, recursive: true });
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
  fifos.push(file);
}
/** Sets free a read stuck in a FIFO (the bug this test exists to catch), so a failing run cannot hang the suite. */
function unblockFifos(): void {
  for (const file of fifos.splice(0)) {
    try {
      closeSync(openSync(file, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader: nothing to free.
    }
  }
}

/** Adds lines to the config, when it is still a file (opening a FIFO to write would wait for a reader forever). */
function addToConfig(dir: string, text: string): void {
  const config = path.join(dir, 'roledoc.config.yaml');
  if (lstatSync(config).isFile()) writeFileSync(config, text, { flag: 'a' });
}

const role = (dir: string, name = 'cs-marketing-support-supervisor.yaml'): string => path.join(dir, 'roles', '客服部', name);
const outside = (name: string): string => path.join(mkdtempSync(path.join(tmpdir(), 'roledoc-fsfuzz-away-')), name);

/** One thing a hostile file system does to the project. */
interface Mutation {
  readonly name: string;
  readonly apply: (dir: string) => void;
}

const MUTATIONS: readonly Mutation[] = [
  { name: 'a role file that is a FIFO', apply: (dir) => fifo(path.join(dir, 'roles', 'pipe.yaml')) },
  { name: 'the config is a FIFO', apply: (dir) => fifo(path.join(dir, 'roledoc.config.yaml')) },
  { name: 'a document is a FIFO', apply: (dir) => fifo(path.join(dir, 'out', 'cs-manager.docx')) },
  { name: 'the manifest is a FIFO', apply: (dir) => fifo(path.join(dir, 'out', '.roledoc-manifest.json')) },
  { name: 'the lock is a FIFO', apply: (dir) => fifo(path.join(dir, 'out', '.roledoc.lock')) },
  { name: 'a zero-filled lock', apply: (dir) => writeFileSync(path.join(dir, 'out', '.roledoc.lock'), Buffer.alloc(32)) },
  { name: 'a role file that is /dev/zero', apply: (dir) => symlinkSync('/dev/zero', path.join(dir, 'roles', 'zero.yaml')) },
  { name: 'a role file linked to nothing', apply: (dir) => symlinkSync('nowhere.yaml', path.join(dir, 'roles', 'dangling.yaml')) },
  {
    name: 'role files linked round in a circle',
    apply: (dir) => {
      symlinkSync('loop-b.yaml', path.join(dir, 'roles', 'loop-a.yaml'));
      symlinkSync('loop-a.yaml', path.join(dir, 'roles', 'loop-b.yaml'));
    },
  },
  { name: 'a folder linked to its parent', apply: (dir) => symlinkSync('..', path.join(dir, 'roles', '客服部', 'up')) },
  {
    name: 'roles/ moved out of the project and linked back',
    apply: (dir) => {
      const away = outside('roles');
      renameSync(path.join(dir, 'roles'), away);
      symlinkSync(away, path.join(dir, 'roles'));
    },
  },
  {
    name: 'a role file moved out of the project and linked back',
    apply: (dir) => {
      const away = outside('role.yaml');
      renameSync(role(dir), away);
      symlinkSync(away, role(dir));
    },
  },
  { name: 'a folder named like a role file', apply: (dir) => mkdirSync(path.join(dir, 'roles', 'folder.yaml')) },
  { name: 'a document changed by hand', apply: (dir) => writeFileSync(path.join(dir, 'out', 'handbook.docx'), 'changed by hand') },
  { name: 'a document that is a folder', apply: (dir) => (rmSync(path.join(dir, 'out', 'cs-supervisor.docx')), mkdirSync(path.join(dir, 'out', 'cs-supervisor.docx'))) },
  { name: 'a file roledoc never wrote at a new document name', apply: (dir) => writeFileSync(path.join(dir, 'out', 'cs-new.docx'), 'someone else’s') },
  { name: 'a new role', apply: (dir) => writeFileSync(role(dir, 'cs-new.yaml'), readFileSync(role(dir), 'utf8').replace(/^id: .*$/m, 'id: cs-new')) },
  { name: 'a changed role', apply: (dir) => writeFileSync(role(dir), readFileSync(role(dir), 'utf8').replace('headcount: 1', 'headcount: 3')) },
  { name: 'a deleted role', apply: (dir) => rmSync(role(dir, 'cs-supervisor.yaml')) },
  // Last, so no other change to out/ is refused by it.
  { name: 'a read-only output folder', apply: (dir) => chmodSync(path.join(dir, 'out'), 0o555) },
  { name: 'a config font that is /dev/zero', apply: (dir) => addToConfig(dir, 'fonts:\n  regular: /dev/zero\n') },
  {
    name: 'a locale catalog that is a FIFO',
    apply: (dir) => {
      fifo(path.join(dir, 'words.yaml'));
      addToConfig(dir, 'locale: words.yaml\n');
    },
  },
  {
    name: 'a template whose logo is a FIFO',
    apply: (dir) => {
      mkdirSync(path.join(dir, 'templates', 'mine'), { recursive: true });
      writeFileSync(path.join(dir, 'templates', 'mine', 'template.yaml'), 'extends: classic\nlogo:\n  file: logo.png\n');
      fifo(path.join(dir, 'templates', 'mine', 'logo.png'));
      addToConfig(dir, 'template: templates/mine\n');
    },
  },
  { name: 'an output folder that is a file', apply: (dir) => addToConfig(dir, 'out: roles/客服部/cs-manager.yaml\n') },
];

/** The regular files under out/ and their bytes: what a build must not lose. */
function outputs(dir: string): Map<string, string> {
  const out = path.join(dir, 'out');
  const found = new Map<string, string>();
  const entries = (() => {
    try {
      return readdirSync(out, { withFileTypes: true, recursive: true });
    } catch {
      return [];
    }
  })();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    // The build cache is this machine's aid, not an output: a build may rewrite it whenever it reads the project.
    if (path.relative(out, file).split(path.sep)[0] === BUILD_CACHE) continue;
    try {
      found.set(path.relative(out, file), readFileSync(file).toString('base64'));
    } catch {
      // Unreadable (a read-only folder as another user): not compared.
    }
  }
  return found;
}

async function within(args: readonly string[], cwd: string): Promise<CliResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`roledoc ${args.join(' ')} did not end within ${SECONDS / 1000} s`)), SECONDS);
  });
  try {
    return await Promise.race([runCli([...args, '--lang', 'en', '--no-color'], cwd), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function wellBehaved(result: CliResult, what: string): void {
  expect([0, 1, 2], `${what}: exit ${result.exitCode}\n${result.stdout}${result.stderr}`).toContain(result.exitCode);
  expect(result.stderr, what).not.toMatch(/\n\s+at /);
  expect(result.stderr, what).not.toContain('internal error');
}

describe.runIf(hasPosixFiles)('a hostile file system', () => {
  it('never hangs a command, never crashes it, and never loses an earlier output', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'roledoc-fsfuzz-base-'));
    cpSync(path.join(REPO, 'roles'), path.join(base, 'roles'), { recursive: true });
    writeFileSync(path.join(base, 'roledoc.config.yaml'), 'title: 岗位说明书\nformats: [docx]\n');
    expect((await runCli(['build'], base)).exitCode).toBe(0);

    await fc.assert(
      fc.asyncProperty(fc.subarray([...MUTATIONS], { minLength: 1, maxLength: 3 }), async (chosen) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-fsfuzz-'));
        cpSync(base, dir, { recursive: true });
        const what = chosen.map((mutation) => mutation.name).join(' + ');
        try {
          // A read-only out/ last: every other change is made before it.
          for (const mutation of [...chosen].sort((a, b) => Number(a.name.includes('read-only')) - Number(b.name.includes('read-only')))) mutation.apply(dir);
          const before = outputs(dir);
          wellBehaved(await within(['validate'], dir), `validate after ${what}`);
          const build = await within(['build', '--format', 'json'], dir);
          wellBehaved(build, `build after ${what}`);
          // What the build says it changed; everything else is as it was, byte for byte.
          const report = build.exitCode === 2 ? {} : (JSON.parse(build.stdout) as { written?: string[]; removed?: string[] });
          const changed = new Set([
            ...(report.written ?? []),
            ...(report.removed ?? []),
            ...(build.exitCode === 0 ? ['.roledoc-manifest.json'] : []),
            // A damaged lock is taken over, and said so.
            ...(build.stderr.includes('.roledoc.lock held no process id') ? ['.roledoc.lock'] : []),
          ]);
          const after = outputs(dir);
          for (const [name, bytes] of before) {
            if (changed.has(name)) continue;
            expect(after.get(name), `${name} after ${what}`).toBe(bytes);
          }
        } finally {
          unblockFifos();
          try {
            chmodSync(path.join(dir, 'out'), 0o755);
          } catch {
            // No out/ to give back.
          }
        }
      }),
      { numRuns: RUNS, seed: Number(process.env['FS_FUZZ_SEED'] ?? 20_240_601), endOnFailure: true },
    );
  }, 240_000);
});

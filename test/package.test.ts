/**
 * The package as npm installs it: `npm pack`, installed into an empty prefix that knows nothing of
 * this repository, and run there as a new team would — version, init, validate, build — in a
 * folder with a Chinese name. Everything roledoc needs at run time must be in the tarball or its
 * dependencies; nothing from devDependencies.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/seed.js';
import { assertValidDocx, assertValidPdf } from './helpers/valid-output.js';

/** How long npm may take to pack or to install from its cache on a busy machine. */
const NPM_TIMEOUT_MS = 240_000;
/** The packed tarball, kept small: it is what every HR repository's CI downloads. */
const MAX_PACKED_BYTES = 400 * 1024;

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  const windows = process.platform === 'win32';
  return new Promise((resolve, reject) => {
    // npm and the commands it links are .cmd scripts on Windows, which Node starts only through a shell.
    const script = windows && (command === 'npm' || command.endsWith('.cmd'));
    execFile(windows && command === 'npm' ? 'npm.cmd' : command, [...args], { cwd, timeout: NPM_TIMEOUT_MS, shell: script, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(`${command} ${args.join(' ')} did not finish: ${error.message}\n${stderr}`));
      else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

describe('the package', () => {
  it('installs from its tarball alone and runs init, validate and build in an empty folder', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'roledoc-package-'));
    // dist/ is already compiled from the sources (vitest's global setup), so packing need not build it again.
    const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], REPO);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
    if (!info) throw new Error('npm pack said nothing');
    console.log(`roledoc's package: ${(info.size / 1024).toFixed(0)} kB packed, ${(info.unpackedSize / 1024).toFixed(0)} kB unpacked, ${info.files.length} files`);
    expect(info.size).toBeLessThan(MAX_PACKED_BYTES);
    const shipped = info.files.map((file) => file.path);
    for (const needed of ['LICENSE', 'CHANGELOG.md', 'bin/roledoc.js', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'dist/validate/precompiled/role.cjs', 'schemas/role.schema.json', 'templates/classic/template.yaml', 'templates/locales/zh-CN.yaml']) {
      expect(shipped, needed).toContain(needed);
    }
    expect(shipped.filter((file) => file.startsWith('src/') || file.startsWith('test/'))).toEqual([]);

    const prefix = path.join(work, 'prefix');
    mkdirSync(prefix);
    const install = await run('npm', ['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(work, info.filename)], work);
    expect(install.code, install.stderr).toBe(0);
    // Only what runs: none of roledoc's development tools came along, unless a dependency of its
    // own needs it (docx depends on @types/node).
    const modules = path.join(prefix, 'node_modules');
    const installed = readdirSync(modules).filter((name) => !name.startsWith('.')).flatMap((name) => (name.startsWith('@') ? readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`) : [name]));
    const neededBy = new Set(
      installed
        .filter((name) => name !== 'roledoc')
        .flatMap((name) => Object.keys((JSON.parse(readFileSync(path.join(modules, name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {})),
    );
    const devDependencies = Object.keys((JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies);
    expect(devDependencies.filter((name) => installed.includes(name) && !neededBy.has(name))).toEqual([]);
    expect(installed).not.toContain('typescript');

    // A program using the API compiles against the installed declarations, strictly, checking them too.
    const consumerPackage = JSON.parse(readFileSync(path.join(prefix, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ ...consumerPackage, type: 'module' }));
    writeFileSync(
      path.join(prefix, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', skipLibCheck: false, noEmit: true, types: [] }, files: ['use.ts'] }),
    );
    writeFileSync(
      path.join(prefix, 'use.ts'),
      "import { buildProject, checkProject, compileProject, renderDocument, type Diagnostic } from 'roledoc';\n" +
        "const checked = await checkProject(process.argv[2] ?? '.');\nconst problems: readonly Diagnostic[] = checked.diagnostics;\n" +
        "const { documents } = await compileProject('.');\nconst first = documents[0];\n" +
        "if (first) await renderDocument(first.layout, first.format, { createdAt: first.createdAt });\n" +
        "console.log(problems.length, (await buildProject('.', undefined, { paths: [], check: true })).ok);\n" +
        'declare const process: { argv: string[] };\n',
    );
    const typecheck = await run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', prefix], prefix);
    expect(typecheck.code, typecheck.stdout + typecheck.stderr).toBe(0);

    // The command npm linked, as a user types it (on Windows, the .cmd npm writes).
    const bin = path.join(prefix, 'node_modules', '.bin', process.platform === 'win32' ? 'roledoc.cmd' : 'roledoc');
    const roledoc = (args: readonly string[], cwd: string): Promise<Ran> => run(bin, args, cwd);
    const version = await roledoc(['--version'], work);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version);

    const hr = path.join(work, '岗位说明书 仓库');
    mkdirSync(hr);
    for (const args of [['init'], ['validate'], ['build']]) {
      const result = await roledoc(args, hr);
      expect(result.code, `roledoc ${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
      expect(result.stderr).toBe('');
    }
    for (const name of ['cs-supervisor', 'handbook']) {
      await assertValidDocx(new Uint8Array(readFileSync(path.join(hr, 'out', `${name}.docx`))));
      const text = await assertValidPdf(new Uint8Array(readFileSync(path.join(hr, 'out', `${name}.pdf`))));
      expect(text).toContain('客服主管');
    }
    expect(existsSync(path.join(hr, '.github', 'workflows', 'roledoc.yml'))).toBe(true);
  }, 2 * NPM_TIMEOUT_MS);
});

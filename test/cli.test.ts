import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { runCli, runProcess } from './helpers/run-cli.js';
import { tempProject } from './helpers/seed.js';

const REPO = path.resolve(import.meta.dirname, '..');
const CASES = path.join(REPO, 'test', 'cases');

const VALID_ROLE = 'id: cs-a\ntitle: 客服主管\ndepartment: 客服部\nresponsibilities:\n  - 负责客服团队的日常管理；\n';

describe('roledoc validate', () => {
  it('finds the bundled seed roles valid', async () => {
    const result = await runCli(['validate'], REPO);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('✔ 3 个岗位文件全部有效');
  });

  it('prints path:line:col, severity, code and message, then the line with a caret under the CJK-aware column', async () => {
    const result = await runCli(['validate', '--no-color'], path.join(CASES, 'wrong-type-headcount'));
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('roles/cs-a.yaml:6:12  error  schema.type  '));
    expect(header).toBeGreaterThanOrEqual(0);
    expect(lines[header + 1]).toBe('    6 | headcount: 4人');
    // "4人" is three columns wide on a terminal: one for 4, two for 人.
    expect(lines[header + 2]).toBe('      |            ^^^');
    expect(lines[header + 3]).toBe('  提示：只写数字，例如 headcount: 4');
    expect(result.stdout).toContain('✖ 发现 1 个错误');
  });

  it('speaks English with --lang en, whatever the project locale', async () => {
    const result = await runCli(['validate', '--lang', 'en'], path.join(CASES, 'unknown-key-typo'));
    expect(result.stdout).toContain('The role file has no item called "responsibilites".');
    expect(result.stdout).toContain('hint: Did you mean `responsibilities` (Responsibilities)?');
  });

  it('validates only the named paths but checks links against the whole project', async () => {
    const dir = path.join(CASES, 'dangling-link');
    const manager = await runCli(['validate', 'roles/cs-manager.yaml'], dir);
    expect(manager.exitCode).toBe(0);
    expect(manager.stdout).toContain('✔ 1 个岗位文件全部有效');
    const other = await runCli(['validate', 'roles/cs-a.yaml', '--format', 'json'], dir);
    expect(other.exitCode).toBe(1);
    expect(JSON.parse(other.stdout)).toHaveLength(2);
  });

  it('writes GitHub workflow commands with escaped properties and the hint on a second line', async () => {
    const result = await runCli(['validate', '--format', 'github'], path.join(CASES, 'duplicate-id'));
    const first = result.stdout.split('\n')[0] ?? '';
    expect(first).toMatch(/^::error file=roles\/a\.yaml,line=1,col=5,endColumn=9,title=role\.duplicate-id::岗位 id“cs-a”重复了/);
    expect(first).toContain('%0A每个岗位的 id 必须唯一');
  });

  it('honours --cwd', async () => {
    const result = await runCli(['validate', '--cwd', path.join(CASES, 'valid-bom-crlf')], REPO);
    expect(result.exitCode).toBe(0);
  });

  it('exits 2 with a sentence when there is no roles folder', async () => {
    const dir = tempProject({ 'README.md': 'nothing here' });
    const result = await runCli(['validate'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('找不到岗位目录 roles/');
    expect(result.stderr).toContain('--cwd');
  });

  it('exits 2 for a path that does not exist and for an unknown option', async () => {
    const dir = tempProject({ 'roles/a.yaml': VALID_ROLE });
    expect((await runCli(['validate', 'roles/nope.yaml'], dir)).exitCode).toBe(2);
    const bad = await runCli(['validate', '--frobnicate'], dir);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('✖ 没有 --frobnicate 这个选项。\n  提示：运行 roledoc validate --help 可以看到所有选项。\n');
  });

  it('says what is wrong with a command line in one sentence, in the project\'s language, with commander\'s did-you-mean, and no help text', async () => {
    const zh = tempProject({ 'roles/a.yaml': VALID_ROLE });
    const en = tempProject({ 'roledoc.config.yaml': 'locale: en\n', 'roles/a.yaml': VALID_ROLE });
    const said = async (dir: string, ...args: string[]): Promise<string> => {
      const result = await runCli(args, dir);
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toContain('Usage:');
      return result.stderr;
    };
    expect(await said(zh, 'biuld')).toBe('✖ 没有 biuld 这个命令。\n  提示：是不是想写 build？运行 roledoc --help 可以看到所有命令和选项。\n');
    expect(await said(zh, 'build', '--forse')).toContain('提示：是不是想写 --force？运行 roledoc build --help');
    expect(await said(zh, 'build', '--jobs')).toContain('✖ 选项 --jobs 后面要写一个值。');
    expect(await said(zh, 'build', '--jobs', '0')).toContain('✖ 选项 --jobs 的值“0”不对：要写 1 或更大的整数（几个线程）。');
    expect(await said(zh, 'build', '--shard', '5/2')).toContain('例如 2/4');
    expect(await said(zh, 'build', '--only', 'hand')).toContain('✖ 选项 --only 的值“hand”不对：只能写 handbook、roles。');
    expect(await said(zh, 'new')).toContain('✖ 少了参数 <id>。');
    expect(await said(zh, 'new', 'a', 'b')).toContain('✖ roledoc new 只接受 1 个参数，这里写了 2 个。');
    // The project's language is the config's locale, found through --cwd as well; --lang says otherwise.
    expect(await said(en, 'build', '--frobnicate')).toBe('✖ There is no option --frobnicate.\n  hint: Run roledoc build --help to see every option.\n');
    expect(await said(REPO, '--cwd', en, 'validate', '--formt', 'json')).toContain('hint: Did you mean --format? Run roledoc validate --help');
    expect(await said(en, '--lang', 'zh-CN', 'new')).toContain('✖ 少了参数 <id>。');
  });

  it('exits 0 for --help and --version', async () => {
    expect((await runCli(['--help'], REPO)).exitCode).toBe(0);
    const version = await runCli(['--version'], REPO);
    expect(version.exitCode).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reports a bug as an internal error with a please-report line and no stack unless --debug', async () => {
    const dir = tempProject({ 'roles/a.yaml': VALID_ROLE });
    const failingIo = (stderr: string[]) => ({
      stdout: () => {
        throw new Error('disk on fire');
      },
      stderr: (text: string) => {
        stderr.push(text);
      },
      env: {},
      stdoutIsTty: false,
      stderrIsTty: false,
      cwd: dir,
    });
    const quiet: string[] = [];
    expect(await run(['validate'], failingIo(quiet))).toBe(2);
    expect(quiet.join('')).toContain('roledoc 内部错误：disk on fire');
    expect(quiet.join('')).toContain('请报告');
    expect(quiet.join('')).not.toMatch(/\n\s+at /);
    const loud: string[] = [];
    await run(['validate', '--debug'], failingIo(loud));
    expect(loud.join('')).toMatch(/\n\s+at /);
  });

  it('uses colour only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const dir = path.join(CASES, 'unknown-key-typo');
    const ESC = '\u001b[';
    const plain = await runCli(['validate'], dir);
    expect(plain.stdout).not.toContain(ESC);
    const forced = await runCli(['validate'], dir, { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain(ESC);
    expect((await runCli(['validate'], dir, { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain(ESC);
    expect((await runCli(['validate', '--no-color'], dir, { FORCE_COLOR: '1' })).stdout).not.toContain(ESC);
  });
});

describe('the installed command', () => {
  it('runs as a process: exit 1 on a broken file, no stack trace', async () => {
    // dist/ is built by `npm ci` (the prepare script); a missing build is a failure, not a skip.
    expect(existsSync(path.join(REPO, 'dist', 'cli', 'main.js'))).toBe(true);
    const result = await runProcess(['validate'], path.join(CASES, 'gbk-bytes'));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('roles/cs-a.yaml:2:8  error  load.not-utf8');
    expect(result.stderr).toBe('');
  });
});

describe('--format json when the command cannot run', () => {
  it('says why as JSON on stdout too (exit 2), for a program that parses it', async () => {
    const dir = tempProject({ 'roles/a.yaml': 'id: a\ntitle: 专员\ndepartment: 客服部\nresponsibilities: [负责接听电话。]\n' });
    const bad = await runCli(['build', '--format', 'json', '--lang', 'en'], dir, { ROLEDOC_RENDER_MEMORY_MB: 'lots' });
    expect(bad.exitCode).toBe(2);
    const report = JSON.parse(bad.stdout) as { ok: boolean; error: { message: string } };
    expect(report.ok).toBe(false);
    expect(report.error.message).toContain('ROLEDOC_RENDER_MEMORY_MB');
    expect(bad.stderr).toContain('ROLEDOC_RENDER_MEMORY_MB');
    const usage = await runCli(['validate', '--format=json', '--no-such-option'], dir);
    expect(usage.exitCode).toBe(2);
    expect((JSON.parse(usage.stdout) as { ok: boolean }).ok).toBe(false);
    // Without --format json, stdout stays empty.
    expect((await runCli(['build'], dir, { ROLEDOC_RENDER_MEMORY_MB: 'lots' })).stdout).toBe('');
  });
});


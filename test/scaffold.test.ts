import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers/run-cli.js';
import { REPO } from './helpers/seed.js';
import { workflowProblems } from './helpers/workflow.js';

const emptyDir = (): string => mkdtempSync(path.join(tmpdir(), 'roledoc-init-'));

describe('roledoc init', () => {
  it('scaffolds a repository that validates and builds at once', async () => {
    const dir = emptyDir();
    const init = await runCli(['init'], dir);
    expect(init.exitCode).toBe(0);
    for (const file of ['roledoc.config.yaml', 'roles/客服部/cs-supervisor.yaml', 'schemas/role.schema.json', '.vscode/settings.json', '.vscode/extensions.json', '.github/workflows/roledoc.yml', '.gitignore', 'README.md']) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    expect((await runCli(['validate'], dir)).exitCode).toBe(0);
    const build = await runCli(['build'], dir);
    expect(build.exitCode).toBe(0);
    expect(existsSync(path.join(dir, 'out', 'cs-supervisor.pdf'))).toBe(true);

    const settings = JSON.parse(readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8'));
    expect(settings['yaml.schemas']['./schemas/role.schema.json']).toContain('roles/**/*.yaml');
    const workflow = parse(readFileSync(path.join(dir, '.github', 'workflows', 'roledoc.yml'), 'utf8'));
    const steps = JSON.stringify(workflow.jobs.documents.steps);
    for (const step of ['npm install --global', 'roledoc validate --format github', 'roledoc build', 'actions/upload-artifact']) expect(steps).toContain(step);
    // Committing out/ is opt-in, on branch pushes only, and the only job that may write.
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.commit.if).toContain("vars.ROLEDOC_COMMIT_OUT == 'true'");
    expect(workflow.jobs.commit.permissions).toEqual({ contents: 'write' });
  });

  it('never overwrites an existing file', async () => {
    const dir = emptyDir();
    writeFileSync(path.join(dir, 'README.md'), '我们自己的说明');
    const result = await runCli(['init'], dir);
    expect(result.stdout).toContain('= README.md（已存在，未改动）');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('我们自己的说明');
  });

  it('sets up the folder it is given', async () => {
    const dir = emptyDir();
    expect((await runCli(['init', 'hr-roles'], dir)).exitCode).toBe(0);
    expect(existsSync(path.join(dir, 'hr-roles', 'roledoc.config.yaml'))).toBe(true);
  });
});

describe('roledoc init --package', () => {
  const workflowOf = (dir: string): string => readFileSync(path.join(dir, '.github', 'workflows', 'roledoc.yml'), 'utf8');

  it('installs this version from npm by default, and says how to install from the repository until it is published', async () => {
    const dir = emptyDir();
    const init = await runCli(['init'], dir);
    const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    expect(parse(workflowOf(dir)).env.ROLEDOC_PACKAGE).toBe(`roledoc@${version}`);
    expect(init.stdout).toContain(`roledoc init --package https://github.com/roledoc/roledoc/releases/download/v${version}/roledoc-${version}.tgz`);
  });

  it.each(['github:roledoc/roledoc#v0.1.0', 'git+https://github.com/roledoc/roledoc.git#v0.1.0', 'https://example.com/releases/roledoc-0.1.0.tgz', '@acme/roledoc@^1.2.0', 'roledoc@next'])(
    'writes a workflow that installs %s, parses and is a valid GitHub workflow',
    async (spec) => {
      const dir = emptyDir();
      const init = await runCli(['init', '--package', spec], dir);
      expect(init.exitCode).toBe(0);
      expect(init.stdout).not.toContain('--package');
      const text = workflowOf(dir);
      expect(parse(text).env.ROLEDOC_PACKAGE).toBe(spec);
      expect(workflowProblems(text)).toEqual([]);
    },
  );

  it.each([[''], ['  '], ['roledoc 0.1.0'], ['roledoc@0.1.0\nrun: rm -rf /'], ['roledoc@"1"'], ['@'], ['-x'], ['$(id)']])('refuses %j with exit 2 and writes nothing', async (spec) => {
    const dir = path.join(emptyDir(), 'hr');
    const init = await runCli(['init', dir, '--package', spec], path.dirname(dir));
    expect(init.exitCode).toBe(2);
    expect(init.stderr).toContain('npm 无法从');
    // One line, in one language: the spec quoted as written, the reason in words.
    expect(init.stderr.split('\n')[0]).toContain(JSON.stringify(spec));
    expect(init.stderr).not.toMatch(/Invalid|empty|spaces|encodeURIComponent/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('roledoc new', () => {
  it('writes a role with every section, which validates once filled in', async () => {
    const dir = emptyDir();
    await runCli(['init'], dir);
    const created = await runCli(['new', 'kf-agent', '--title', '客服专员', '--department', '客服部'], dir);
    expect(created.exitCode).toBe(0);
    const file = path.join(dir, 'roles', '客服部', 'kf-agent.yaml');
    const skeleton = readFileSync(file, 'utf8');
    expect(skeleton).toContain('# yaml-language-server: $schema=../../schemas/role.schema.json');
    for (const key of ['id', 'title', 'grade', 'work_location', 'career_note', 'responsibilities', 'duties', 'relations', 'qualifications', 'conditions', 'kpis', 'remarks', 'extra_sections']) {
      expect(skeleton).toMatch(new RegExp(`^${key}:.*# `, 'm'));
    }
    // Every field of the role schema, nested ones too, each with its description as a comment.
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'role.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    for (const key of Object.keys(schema.properties)) expect(skeleton, key).toMatch(new RegExp(`^${key}:`, 'm'));
    const keyLines = skeleton.split('\n').filter((line) => /^\s*(?:- )?[a-z_]+:/.test(line));
    expect(keyLines.filter((line) => !line.includes('  # '))).toEqual([]);
    for (const nested of ['  min:', '  currency: CNY', '  period: month', '  education_note:', '  majors_note:', '    weight:', '  - title:']) expect(skeleton).toContain(nested);
    // Unfilled, it fails, pointing at what is left to fill.
    const unfilled = await runCli(['validate', '--format', 'json'], dir);
    expect(unfilled.exitCode).toBe(1);
    expect(JSON.parse(unfilled.stdout).every((d: { file: string }) => d.file === 'roles/客服部/kf-agent.yaml')).toBe(true);
    // Filled (every empty value given a value of its kind), it validates.
    const filled = skeleton
      .replace(/^(\s*(?:- )?(?:code|unit|work_location|grade|reports_to|note|career_note|purpose|education|education_note|majors_note|training|experience|knowledge|skills|personal|tools|environment|schedule|records|remarks|duty|name|target|title|text):)(\s*(?:#.*)?)$/gm, '$1 示例$2')
      .replace(/^(\s*(?:headcount|min|max|weight):)(\s*(?:#.*)?)$/gm, (_m, key: string, rest: string) => `${key} ${key.includes('max') ? 9000 : key.includes('weight') ? 100 : 6000}${rest}`)
      .replace(/^(\s*established:)(\s*(?:#.*)?)$/m, '$1 2024-03$2')
      .replace(/^(\s*- )$/gm, '$1示例');
    writeFileSync(file, filled);
    const valid = await runCli(['validate', 'roles/客服部/kf-agent.yaml', '--format', 'json'], dir);
    expect(JSON.parse(valid.stdout)).toEqual([]);
    expect(valid.exitCode).toBe(0);
  });

  it('refuses a bad id and an id the project already has, wherever its file is', async () => {
    const dir = emptyDir();
    await runCli(['init'], dir);
    expect((await runCli(['new', '../x'], dir)).exitCode).toBe(2);
    const again = await runCli(['new', 'cs-supervisor'], dir);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('已经在 roles/客服部/cs-supervisor.yaml 里用了');
    expect(existsSync(path.join(dir, 'roles', 'cs-supervisor.yaml'))).toBe(false);
  });

  it('quotes a title YAML would read as something else, and files a role under the roles folder of a glob', async () => {
    const dir = emptyDir();
    writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'roles: "岗位/**/*.yaml"\n');
    expect((await runCli(['new', 'x-1', '--title', '1e3', '--department', 'Support'], dir)).exitCode).toBe(0);
    const text = readFileSync(path.join(dir, '岗位', 'Support', 'x-1.yaml'), 'utf8');
    expect(parse(text).title).toBe('1e3');
  });
});

describe('roledoc schema', () => {
  it.each(['role', 'config', 'template'])('prints the %s schema', async (kind) => {
    const result = await runCli(['schema', kind], REPO);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(path.join(REPO, 'schemas', `${kind}.schema.json`), 'utf8')));
  });
});

/**
 * What ships roledoc and checks it where users work: the CI and release workflows are valid
 * GitHub workflows that run the README's commands; the changelog gives each release its notes;
 * package.json says where roledoc lives and what the package holds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './helpers/seed.js';
import { workflowProblems } from './helpers/workflow.js';

const read = (...segments: string[]): string => readFileSync(path.join(REPO, ...segments), 'utf8');
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { 'runs-on': string; strategy?: { matrix: Record<string, unknown[]> }; permissions?: Record<string, string>; steps: { run?: string; uses?: string; env?: Record<string, string> }[] }> };
const workflow = (name: string): Workflow => parse(read('.github', 'workflows', name)) as Workflow;
const runs = (job: Workflow['jobs'][string]): string => job.steps.map((step) => step.run ?? '').join('\n');

async function releaseNotes(changelog: string, version: string): Promise<string | undefined> {
  const url = pathToFileURL(path.join(REPO, '.github', 'release-notes.mjs')).href;
  const module = (await import(url)) as { releaseNotes: (changelog: string, version: string) => string | undefined };
  return module.releaseNotes(changelog, version);
}

describe('the workflows', () => {
  it.each(['ci.yml', 'release.yml'])('%s is a valid GitHub workflow', (name) => {
    expect(workflowProblems(read('.github', 'workflows', name))).toEqual([]);
  });

  it('the checker finds what GitHub would reject', () => {
    expect(workflowProblems('name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n')).not.toEqual([]);
  });

  it('CI runs the README’s install and test commands on Linux, Windows and macOS, on every supported Node LTS line', () => {
    const ci = workflow('ci.yml');
    const test = ci.jobs['test'];
    if (!test) throw new Error('no test job');
    expect(test.strategy?.matrix['os']).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(test.strategy?.matrix['node']).toEqual([22, 24]);
    const readme = read('README.md');
    for (const command of ['npm ci', 'npm test']) {
      expect(readme).toContain(command);
      expect(runs(test)).toContain(command);
    }
    // A first run as HR makes it: from the package, in a folder with a Chinese name.
    const firstRun = runs(ci.jobs['first-run'] ?? { 'runs-on': '', steps: [] });
    for (const step of ['npm pack', 'npm install --global', '岗位说明书', 'roledoc init', 'roledoc validate', 'roledoc build']) expect(firstRun).toContain(step);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('a release runs the checks, then publishes with provenance on a version tag', () => {
    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    const job = release.jobs['release'];
    if (!job) throw new Error('no release job');
    const commands = runs(job);
    expect(commands.indexOf('npm test')).toBeGreaterThan(-1);
    expect(commands.indexOf('npm publish --provenance')).toBeGreaterThan(commands.indexOf('npm test'));
    expect(job.permissions).toMatchObject({ 'id-token': 'write' });
    expect(JSON.stringify(job.steps)).toContain('secrets.NPM_TOKEN');
    expect(commands).toContain('.github/release-notes.mjs');
    // The release carries the package itself: what init's workflow installs until roledoc is on npm.
    expect(commands).toMatch(/npm pack[\s\S]*gh release create .*roledoc-\$\{GITHUB_REF_NAME#v\}\.tgz/);
  });
});

describe('the changelog', () => {
  it('has a section for what is not released yet, which the release notes script finds', async () => {
    expect(await releaseNotes(read('CHANGELOG.md'), 'Unreleased')).toContain('work_location');
  });

  it('gives a version’s section, and none for a version it does not have', async () => {
    const changelog = '# Changelog\n\n## [Unreleased]\n\n- next\n\n## [1.2.0] - 2026-12-01\n\n- this\n- and this\n\n## [1.1.0] - 2026-11-01\n\n- before\n';
    expect(await releaseNotes(changelog, '1.2.0')).toBe('- this\n- and this');
    expect(await releaseNotes(changelog, '1.1.0')).toBe('- before');
    expect(await releaseNotes(changelog, '1.2')).toBeUndefined();
    expect(await releaseNotes(changelog, '9.9.9')).toBeUndefined();
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(read('package.json')) as Record<string, unknown>;

  it('says where roledoc lives and what it is about', () => {
    expect(pkg['repository']).toMatchObject({ type: 'git' });
    expect(typeof pkg['homepage']).toBe('string');
    expect(pkg['bugs']).toHaveProperty('url');
    expect(pkg['keywords']).toEqual(expect.arrayContaining(['岗位说明书', 'job description']));
  });

  it('ships what runs and its API’s types, and the engines CI tests', () => {
    expect(pkg['files']).toEqual(expect.arrayContaining(['bin', 'dist', 'schemas', 'templates']));
    expect(pkg['exports']).toMatchObject({ '.': { types: './dist/index.d.ts', default: './dist/index.js' } });
    expect(pkg['engines']).toEqual({ node: '>=22.2' });
  });
});

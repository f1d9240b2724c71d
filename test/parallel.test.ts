/**
 * Rendering on worker threads and sharding: the same bytes as one thread, every role in exactly
 * one shard. Worker threads run the compiled dist/ (as `npx roledoc` does), so these run the CLI
 * as a process.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inShard } from '../src/incremental/outputs.js';
import { renderPlan, threadCount, workerCount } from '../src/pipeline/render-pool.js';
import { runCli, runProcess } from './helpers/run-cli.js';
import { REPO } from './helpers/seed.js';
import { outputNames } from './helpers/project.js';

function orgProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-parallel-'));
  cpSync(path.join(REPO, 'test', 'fixtures', 'org'), dir, { recursive: true });
  return dir;
}

/** The 8-role organisation and 40 more agents: enough documents for two render threads. */
function largerProject(): string {
  const dir = orgProject();
  for (let i = 0; i < 40; i++) {
    writeFileSync(
      path.join(dir, 'roles', '客服部', `agent-${i}.yaml`),
      `id: agent-${i}\ntitle: 坐席${i}\ndepartment: 客服部\nheadcount: 2\nreports_to: cs-supervisor\nresponsibilities:\n  - 负责受理客户来电咨询与投诉，并准确记录工单；\n  - 负责回访客户。\n`,
    );
  }
  return dir;
}

const files = (dir: string): Map<string, Buffer> =>
  new Map(outputNames(dir).map((name) => [name, readFileSync(path.join(dir, name))]));

describe('roledoc build --jobs', () => {
  it('writes the same bytes on two threads as on one, manifest included', async () => {
    const dir = largerProject();
    expect(threadCount(2, 48 * 2 + 2)).toBe(2);
    const one = await runProcess(['build', '--jobs', '1', '--out', 'one'], dir);
    expect(one.exitCode, one.stderr).toBe(0);
    const two = await runProcess(['build', '--jobs', '2', '--out', 'two'], dir);
    expect(two.exitCode, two.stderr).toBe(0);
    const a = files(path.join(dir, 'one'));
    const b = files(path.join(dir, 'two'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(a.size).toBe(48 * 2 + 2 + 1);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
  });

  it('uses no more threads than the work needs', () => {
    expect(threadCount(8, 3)).toBe(1);
    expect(threadCount(8, 18)).toBe(1);
    expect(threadCount(8, 100)).toBe(4);
    expect(threadCount(2, 1000)).toBe(2);
    expect(threadCount(1, 1000)).toBe(1);
    expect(threadCount(16, 1000)).toBe(16);
    // Without --jobs: one per CPU, but never more than 4, whatever the machine says it has.
    expect(threadCount(undefined, 10_000)).toBeLessThanOrEqual(4);
  });

  it('renders role documents on this thread too, and gives each handbook a worker when there is little else', () => {
    // A full build on 2 threads: this one and a worker, which takes both handbooks first.
    expect(workerCount(2, 2, 2000)).toBe(1);
    expect(workerCount(4, 2, 2000)).toBe(3);
    expect(workerCount(2, 0, 1000)).toBe(1);
    // A one-role edit: both handbooks at once, on workers of their own.
    expect(workerCount(2, 2, 2)).toBe(2);
    expect(workerCount(4, 2, 2)).toBe(3);
    expect(workerCount(1, 2, 2)).toBe(1);
  });

  it('renders the handbook PDF on this thread in a one-role edit, when it fits, instead of only collecting', () => {
    // A one-role edit on 2 threads: the PDF here, the .docx on the one worker.
    expect(renderPlan(2, 2, 2, true)).toEqual({ workers: 1, heavyHere: true });
    // Too large for this thread's memory: on a worker of its own, whose running out is caught.
    expect(renderPlan(2, 2, 2, false)).toEqual({ workers: 2, heavyHere: false });
    // A full build: this thread renders role documents, the worker both handbooks.
    expect(renderPlan(2, 2, 2000, true)).toEqual({ workers: 1, heavyHere: false });
    // Threads to spare: a worker for each handbook, role documents here.
    expect(renderPlan(4, 2, 2, true)).toEqual({ workers: 3, heavyHere: false });
    expect(renderPlan(1, 2, 2, true)).toEqual({ workers: 1, heavyHere: false });
    expect(renderPlan(2, 0, 2, true)).toEqual({ workers: 1, heavyHere: false });
  });

  it('refuses a --jobs or --shard that is not a number it can use, with exit 2', async () => {
    const dir = orgProject();
    for (const args of [['--jobs', '0'], ['--jobs', 'two'], ['--shard', '3/2'], ['--shard', '0/2'], ['--shard', '1']]) {
      expect((await runCli(['build', ...args], dir)).exitCode, args.join(' ')).toBe(2);
    }
  });
});

describe('roledoc build --shard', () => {
  it('splits the role documents into disjoint shares that add up to all of them, without the handbook', async () => {
    const dir = orgProject();
    const written: string[][] = [];
    for (const share of ['1/3', '2/3', '3/3']) {
      const result = await runCli(['build', '--shard', share, '--format', 'json', '--out', `out-${share.replace('/', '-')}`], dir);
      expect(result.exitCode).toBe(0);
      written.push(JSON.parse(result.stdout).written as string[]);
    }
    const all = written.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(
      ['admin-clerk', 'cs-agent', 'cs-manager', 'cs-qa', 'cs-supervisor', 'general-manager', 'mkt-manager', 'mkt-specialist'].flatMap((id) => [`${id}.docx`, `${id}.pdf`]).sort(),
    );
    expect(all.some((name) => name.startsWith('handbook'))).toBe(false);
    const handbook = await runCli(['build', '--shard', '1/3', '--only', 'handbook'], dir);
    expect(handbook.exitCode).toBe(2);
    expect(handbook.stderr).toContain('不能分片');
  });

  it('keeps a role in its share whatever other roles exist', () => {
    const shares = (id: string): number[] => [1, 2, 3, 4].filter((index) => inShard(id, { index, count: 4 }));
    for (const id of ['cs-agent', 'cs-manager', 'a', 'zz-9']) expect(shares(id)).toHaveLength(1);
    // By the sha256 of the id alone: these shares are the same on every machine and in every project.
    expect([shares('cs-agent'), shares('cs-manager'), shares('a'), shares('zz-9')]).toEqual([[2], [3], [3], [2]]);
    expect(inShard('cs-agent', { index: 1, count: 1 })).toBe(true);
  });
});

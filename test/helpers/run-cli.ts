import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

type Run = typeof run;

/** Runs the CLI in-process, as a user would in `cwd`, capturing what it prints. */
export async function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, cli: Run = run): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    stdoutIsTty: false,
    stderrIsTty: false,
    cwd,
  };
  const exitCode = await cli(args, io);
  return { exitCode, stdout, stderr };
}

/**
 * The compiled CLI in dist/, as `npx roledoc` runs it (with the schemas' precompiled validators),
 * but in this process: a test of what is shipped without the cost of starting Node for each run.
 */
export async function runDistCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const main = pathToFileURL(path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js')).href;
  const compiled = (await import(main)) as { run: Run };
  return runCli(args, cwd, env, compiled.run);
}

/** How long one `roledoc` process may run in a test before it is killed: as long as a test may take. */
const PROCESS_TIMEOUT_MS = 60_000;

/**
 * `roledoc` as a separate process, as `npx roledoc` runs it (bin/ → dist/). Asynchronous, so the
 * test's own time limit still applies while it runs, and killed if it hangs.
 */
export function runProcess(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'roledoc.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { cwd, env, timeout: PROCESS_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`roledoc ${args.join(' ')} did not finish (${error.signal ?? error.message}): ${stderr}`));
        return;
      }
      resolve({ exitCode: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

/** A long-running `roledoc` process (`build --watch`), its output gathered as it comes. */
export interface WatchedProcess {
  readonly child: ChildProcess;
  /** Resolves once `pattern` has appeared `count` times in stdout and stderr together; throws after `stepMs`. */
  waitFor(pattern: RegExp, count?: number): Promise<void>;
  /** Everything it has printed so far, stdout and stderr together. */
  output(): string;
}

export function startProcess(args: readonly string[], cwd: string, stepMs: number = PROCESS_TIMEOUT_MS): WatchedProcess {
  const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'roledoc.js');
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = async (pattern: RegExp, count = 1): Promise<void> => {
    const started = Date.now();
    while ((output.match(new RegExp(pattern, 'g')) ?? []).length < count) {
      if (Date.now() - started > stepMs) throw new Error(`timed out waiting for ${pattern}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, waitFor, output: () => output };
}

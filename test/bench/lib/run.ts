/**
 * Runs one process and measures it: wall time (spawn to exit), peak resident memory, the machine's
 * load when it started, and — when it fails — its exit code and the last lines it wrote to stderr,
 * so a failed run is a figure of the report instead of the end of it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/**
 * Loaded into every Node process the benchmark runs (`node --import <probe>`): on exit it writes
 * the process's peak resident memory, all its threads included (getrusage's maxRSS), to stderr.
 */
export const PEAK_PROBE = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nPEAK_RSS_KB='+process.resourceUsage().maxRSS+'\\n'))`;

export interface Run {
  readonly ok: boolean;
  readonly seconds: number;
  /** Peak RSS in MB: the probe's figure, or else (a process that crashed) the highest VmHWM seen while it ran. */
  readonly peakMb: number | undefined;
  /** The peak is the probe's (exact) rather than sampled from /proc, which can miss the last moments. */
  readonly peakExact: boolean;
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** The 1-minute load average when the run started. */
  readonly load: number;
  readonly stdout: string;
  /** The last lines of stderr, the probe's line left out. */
  readonly stderrTail: readonly string[];
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the process after this many seconds (it then counts as failed). */
  readonly timeoutSeconds?: number;
}

const TAIL_BYTES = 64 * 1024;
const STDOUT_BYTES = 4 * 1024 * 1024;

/** VmHWM (the peak resident set) of a running process, in kB; undefined once it has gone. */
function highWaterKb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const load = loadavg()[0] ?? 0;
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < STDOUT_BYTES) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-TAIL_BYTES);
    });
    // Sampled for processes that die without running their exit handlers (an out-of-memory abort).
    let sampledKb = 0;
    const sample = (): void => {
      if (child.pid !== undefined) sampledKb = Math.max(sampledKb, highWaterKb(child.pid) ?? 0);
    };
    const sampler = setInterval(sample, 100);
    const timer = options.timeoutSeconds === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutSeconds * 1000);
    child.on('error', (error) => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      const probe = /PEAK_RSS_KB=(\d+)/.exec(stderr);
      const lines = stderr
        .replace(/\n?PEAK_RSS_KB=\d+\n?/, '\n')
        .split('\n')
        .map((line) => line.trimEnd())
        // A crash's native stack (` 5: 0x14921f9 v8::internal::…`) says less than the lines above it.
        .filter((line) => line !== '' && !/^\s*\d+: 0x[0-9a-f]+/.test(line));
      const peakKb = probe ? Number(probe[1]) : sampledKb;
      resolve({
        ok: exitCode === 0,
        seconds,
        peakMb: peakKb > 0 ? peakKb / 1024 : undefined,
        peakExact: probe !== null,
        exitCode,
        signal,
        load,
        stdout,
        stderrTail: lines.slice(-8),
      });
    });
  });
}

/** A Node script in its own process, with the peak-memory probe loaded. */
export function runNode(script: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return run(process.execPath, ['--import', PEAK_PROBE, script, ...args], options);
}

/** Whether a command exists and runs (`<command> --version` exits 0). */
export async function available(command: string): Promise<boolean> {
  try {
    return (await run(command, ['--version'], { timeoutSeconds: 60 })).ok;
  } catch {
    return false;
  }
}

/** What a failed run says about itself, for the report. */
export function failure(r: Run): string {
  const signals: Record<string, number> = { SIGABRT: 6, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 };
  const code = r.signal === null ? undefined : signals[r.signal];
  const how = r.signal !== null ? `killed by ${r.signal}${code === undefined ? '' : ` (exit code ${128 + code} in a shell)`}` : `exit code ${r.exitCode}`;
  return `${how} after ${r.seconds.toFixed(1)} s${r.stderrTail.length > 0 ? `; last lines of stderr:\n      ${r.stderrTail.join('\n      ')}` : ''}`;
}

/** Medians, ranges and the repeat policy of the benchmark's figures. */
import { failure, type Run } from './run.js';

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** One figure: the runs of one command, summarised. A figure with a failed run reports the failure. */
export interface Figure {
  readonly label: string;
  readonly runs: number;
  /** Median wall seconds of the runs that succeeded; NaN when none did. */
  readonly seconds: number;
  readonly min: number;
  readonly max: number;
  /** Highest peak RSS of the runs, in MB (undefined when no run reported one). */
  readonly peakMb: number | undefined;
  /** The peak was sampled (the process crashed before reporting it): a lower bound. */
  readonly peakSampled: boolean;
  readonly loads: readonly number[];
  readonly failed?: string;
  /** Every run's wall seconds, in order. */
  readonly all: readonly number[];
  /** The last line the last run printed on stdout (roledoc's summary: what it rendered). */
  readonly said: string;
}

export function figure(label: string, runs: readonly Run[]): Figure {
  const good = runs.filter((r) => r.ok).map((r) => r.seconds);
  const peaks = runs.map((r) => r.peakMb).filter((p): p is number => p !== undefined);
  const bad = runs.find((r) => !r.ok);
  return {
    label,
    runs: runs.length,
    seconds: median(good),
    min: good.length > 0 ? Math.min(...good) : Number.NaN,
    max: good.length > 0 ? Math.max(...good) : Number.NaN,
    peakMb: peaks.length > 0 ? Math.max(...peaks) : undefined,
    peakSampled: runs.some((r) => r.peakMb !== undefined && !r.peakExact),
    loads: runs.map((r) => r.load),
    ...(bad ? { failed: failure(bad) } : {}),
    all: runs.map((r) => r.seconds),
    said: runs.at(-1)?.stdout.trim().split('\n').at(-1)?.trim() ?? '',
  };
}

/**
 * Runs `once` up to `maxRuns` times, but no further run once the runs so far add up to
 * `budgetSeconds` or the next would take it past that (judged by the median so far): quick
 * figures get medians, a slow one (a 1,000-role build) runs once. Stops at the first failure.
 */
export async function repeat(maxRuns: number, budgetSeconds: number, once: () => Promise<Run>): Promise<Run[]> {
  const runs: Run[] = [];
  let spent = 0;
  while (runs.length < Math.max(1, maxRuns)) {
    const r = await once();
    runs.push(r);
    spent += r.seconds;
    if (!r.ok) break;
    if (spent + median(runs.map((x) => x.seconds)) > budgetSeconds) break;
  }
  return runs;
}

/**
 * Interleaved runs of commands that are compared (A B A B …, or A B C A B C …), so a change in
 * the machine's load falls on all of them alike; the same budget rule as `repeat`, per round.
 */
export async function interleave(maxRounds: number, budgetSeconds: number, sides: readonly (() => Promise<Run>)[]): Promise<Run[][]> {
  const runs: Run[][] = sides.map(() => []);
  let spent = 0;
  for (let round = 0; round < Math.max(1, maxRounds); round++) {
    let roundSeconds = 0;
    let ok = true;
    for (const [i, side] of sides.entries()) {
      const r = await side();
      runs[i]?.push(r);
      roundSeconds += r.seconds;
      ok &&= r.ok;
    }
    spent += roundSeconds;
    if (!ok || spent + spent / (round + 1) > budgetSeconds) break;
  }
  return runs;
}

/** Ratios of paired runs (a[i] ÷ b[i]), for the pairs where both succeeded. */
export function pairRatios(a: readonly Run[], b: readonly Run[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x?.ok && y?.ok && y.seconds > 0) out.push(x.seconds / y.seconds);
  }
  return out;
}

/**
 * Rendering on a pool of worker threads. compose stays in the main thread (cheap, and it decides
 * what a build does); only the rendering of finished Layouts — the expensive part — fans out.
 * Each worker parses the fonts once and keeps its renderers, the main thread collects the bytes
 * by document name and writes them itself, so the output is the same bytes in the same files as
 * a single-threaded build, whatever finishes first.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Layout } from '../layout/layout.js';
import type { OutputFormat } from '../model/config.js';
import type { FontChoice } from '../model/fonts.js';
import type { FontSet } from '../render/fonts.js';
import { loadRenderer, type Renderer } from '../render/renderers.js';

export interface RenderTask {
  readonly name: string;
  readonly format: OutputFormat;
  readonly layout: Layout;
  readonly createdAt: Date;
  /**
   * A document of all roles (the handbook): heavy ones are rendered one after the other on the
   * first thread, never two at once, since each holds a large document in memory.
   */
  readonly heavy?: boolean;
}

/** What the main thread sends a worker, and what comes back. */
export interface WorkerRequest {
  readonly id: number;
  readonly format: OutputFormat;
  readonly layout: Layout;
  readonly createdAt: number;
}

export type WorkerResponse = { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

export interface WorkerSetup {
  /** The font files to parse, for PDF; none when the build makes no PDF. */
  readonly fonts: FontChoice | undefined;
}

/**
 * Below this many documents per worker, starting workers costs more than it saves: a worker takes
 * about half a second to load the renderers and parse the fonts, a document 20–40 ms to render.
 */
const MIN_TASKS_PER_WORKER = 24;

/** Workers run compiled JavaScript; run from the TypeScript sources (the tests), rendering stays in-process. */
const WORKER_URL = new URL('./render-worker.js', import.meta.url);
const canUseWorkers = !import.meta.url.endsWith('.ts');

/**
 * The default never goes past this many threads: each adds ~65 MB, and in a container limited to
 * 2 CPUs, availableParallelism() may count every CPU of the host. More takes `--jobs`.
 */
export const DEFAULT_MAX_THREADS = 4;

/** How many threads a build of `tasks` documents uses: `--jobs`, else one per CPU (at most 4), never more than the work needs. */
export function threadCount(requested: number | undefined, tasks: number): number {
  const wanted = requested ?? Math.min(availableParallelism(), DEFAULT_MAX_THREADS);
  return Math.max(1, Math.min(wanted, Math.floor(tasks / MIN_TASKS_PER_WORKER)));
}

/**
 * Renders every task and returns the bytes by name. `onDone` is called after each document, in
 * the order they finish (for progress only).
 */
export async function renderAll(
  tasks: readonly RenderTask[],
  options: { readonly jobs: number | undefined; readonly fonts: FontSet | undefined; readonly fontChoice: FontChoice | undefined; readonly onDone?: (done: number) => void },
): Promise<Map<string, Uint8Array>> {
  const threads = canUseWorkers ? threadCount(options.jobs, tasks.length) : 1;
  return threads <= 1 ? renderHere(tasks, options.fonts, options.onDone) : renderOnWorkers(tasks, threads, options.fontChoice, options.onDone);
}

async function renderHere(tasks: readonly RenderTask[], fonts: FontSet | undefined, onDone?: (done: number) => void): Promise<Map<string, Uint8Array>> {
  const renderers = new Map<OutputFormat, Renderer>();
  const out = new Map<string, Uint8Array>();
  for (const task of tasks) {
    let renderer = renderers.get(task.format);
    if (!renderer) {
      renderer = await loadRenderer(task.format);
      renderers.set(task.format, renderer);
    }
    out.set(task.name, await renderer.render(task.layout, { createdAt: task.createdAt, fonts }));
    onDone?.(out.size);
  }
  return out;
}

function renderOnWorkers(tasks: readonly RenderTask[], threads: number, fontChoice: FontChoice | undefined, onDone?: (done: number) => void): Promise<Map<string, Uint8Array>> {
  // The heavy documents go to the first worker, which starts with them so that none is left for the
  // end; the others share the rest, biggest first.
  const bySize = [...tasks.keys()].sort((a, b) => (tasks[b]?.layout.blocks.length ?? 0) - (tasks[a]?.layout.blocks.length ?? 0));
  const heavy = bySize.filter((index) => tasks[index]?.heavy === true);
  const queue = bySize.filter((index) => tasks[index]?.heavy !== true);
  const out = new Map<string, Uint8Array>();
  const setup: WorkerSetup = { fonts: fontChoice };
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const stop = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const next = (worker: Worker): void => {
      const index = (worker === workers[0] ? heavy.shift() : undefined) ?? queue.shift();
      const task = index === undefined ? undefined : tasks[index];
      // Nothing left: the worker idles until the last document is in and every worker is stopped.
      if (index === undefined || !task) return;
      const request: WorkerRequest = { id: index, format: task.format, layout: task.layout, createdAt: task.createdAt.getTime() };
      worker.postMessage(request);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(WORKER_URL, { workerData: setup });
      workers.push(worker);
      worker.on('message', (response: WorkerResponse) => {
        const task = tasks[response.id];
        if ('error' in response || !task) {
          stop(new Error('error' in response ? response.error : `a worker answered an unknown task ${response.id}`));
          return;
        }
        out.set(task.name, response.bytes);
        onDone?.(out.size);
        if (out.size === tasks.length) {
          // Every worker goes, or the process would wait on an idle one.
          for (const each of workers) void each.terminate();
          resolve(out);
        } else {
          next(worker);
        }
      });
      worker.on('error', (error) => stop(error));
      // Workers are stopped only once everything is in; an exit before that is a crash.
      worker.on('exit', (code) => {
        if (!failed && out.size < tasks.length) stop(new Error(`a render worker exited with code ${code}`));
      });
      next(worker);
    }
    if (tasks.length === 0) resolve(out);
  });
}

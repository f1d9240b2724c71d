/**
 * Rendering on this thread and a pool of worker threads. compose stays in the main thread (cheap,
 * and it decides what a build does); the rendering of finished Layouts — the expensive part — is
 * shared: this thread renders role documents between collecting the others, the workers take the
 * heavy documents (the handbook) first, then role documents too. Each worker parses the fonts once
 * and keeps its renderers, the main thread collects the bytes by document name and writes them
 * itself, so the output is the same bytes in the same files as a single-threaded build, whatever
 * finishes first.
 */
import { availableParallelism, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { errorCode } from '../core/errors.js';
import type { Layout } from '../layout/layout.js';
import type { OutputFormat, PdfStandard } from '../model/config.js';
import type { FontChoice } from '../model/fonts.js';
import type { FontSet, KeptShaping } from '../render/fonts.js';
import { loadRenderer, usesPdfFonts, type Renderer } from '../render/renderers.js';
import { fontFilesOf, type FontFileBytes } from './font-files.js';
import { openPartStore, openPdfPartStore } from './part-store.js';
import { findFault, RenderFailure, type RenderFault, type RenderProblem } from './render-failure.js';

export interface RenderTask {
  readonly name: string;
  readonly format: OutputFormat;
  /**
   * The document's Layout. Read once, when the document's turn comes (a build composes it then, so
   * it never holds every role's Layout at once); a heavy document's is read at the start (its size
   * decides the threads) and let go once it is sent or rendered.
   */
  readonly layout: Layout;
  readonly createdAt: Date;
  /**
   * A document of all roles (the handbook): heavy ones are rendered first, each on a thread of its
   * own when there are threads, or on one whose running out of memory can be caught.
   */
  readonly heavy?: boolean;
}

/** What the main thread sends a worker, and what comes back. */
export interface WorkerRequest {
  readonly id: number;
  readonly format: OutputFormat;
  /**
   * The Layout as JSON (it is plain data): a structured clone of the 1,000-role handbook's Layout
   * costs ~150 ms to make and ~200 ms to read on each of its two threads; JSON ~50 ms, once, and
   * ~60 ms to parse.
   */
  readonly layout: string;
  readonly createdAt: number;
}

export type WorkerResponse =
  | { readonly id: number; readonly bytes: Uint8Array; readonly shaped?: KeptShaping | undefined }
  | { readonly id: number; readonly problem: RenderProblem };

export interface WorkerSetup {
  /** The font files to parse, for PDF and the handbook .docx's page numbers; none when the build makes neither. */
  readonly fonts: FontChoice | undefined;
  /** The output folder whose build cache keeps the handbook's rendered parts between builds; none: not kept. */
  readonly cacheDir: string | undefined;
  /** Render every kept part again (`--force`). */
  readonly freshParts: boolean;
  /** The archival standard of the PDFs (the config's pdf_standard). */
  readonly pdfStandard?: PdfStandard | undefined;
  /** fontkit's shaping kept by earlier builds; none: nothing is kept, nor noted. */
  readonly shaping?: KeptShaping | undefined;
  /** The font files as this thread read them, in shared memory: parsed, not read again (font-files.ts). */
  readonly fontFiles?: FontFileBytes | undefined;
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

/**
 * How many threads a build of `tasks` documents renders on, this one included: `--jobs`, else one
 * per CPU (at most 4), never more than the work needs — but a thread for each heavy document (the
 * handbook's .docx and PDF, seconds each) even among few others, so a one-role edit renders both
 * handbooks at once.
 */
export function threadCount(requested: number | undefined, tasks: number, heavy = 0): number {
  const wanted = requested ?? Math.min(availableParallelism(), DEFAULT_MAX_THREADS);
  return Math.max(1, Math.min(wanted, Math.max(heavy, Math.floor(tasks / MIN_TASKS_PER_WORKER))));
}

/** About a hundred roles' worth of blocks in a handbook. */
const BIG_HANDBOOK_BLOCKS = 1000;

/** The heap a render thread may use, in MB, unless told otherwise. */
export function renderMemoryLimitMb(): number {
  const mb = 1024 * 1024;
  // As much as this process may use: --max-old-space-size (NODE_OPTIONS), or V8's default for this machine's memory …
  const heap = getHeapStatistics().heap_size_limit / mb;
  // … but never more than the memory the process is given (a container's limit, else the machine's).
  const constrained = process.constrainedMemory();
  const memory = (constrained > 0 && constrained < totalmem() ? constrained : totalmem()) / mb;
  return Math.max(MIN_MEMORY_MB, Math.floor(Math.min(heap, memory * 0.75)));
}

/** Below this a render thread cannot even load the renderers. */
const MIN_MEMORY_MB = 16;

/**
 * What rendering a heavy document may take, per block of its Layout, four times over for safety:
 * at most 23 KB measured (peak heap on one thread, its Layout included, for the 1,000-role
 * handbook of 13,177 blocks: the PDF drawn in one go as for a CFF face 299 MB, from parts drawn
 * anew 187 MB, from kept parts 106 MB; the .docx 237 MB anew, 96 MB from kept parts).
 */
const HEAVY_BYTES_PER_BLOCK = 4 * 25 * 1024;

/**
 * Whether a heavy document is small enough to render on this thread, with room to spare: a thread
 * of its own takes half a second to start, which a small handbook need not pay. One that might
 * not fit goes to a thread whose running out of memory can be caught and reported.
 */
function fitsHere(blocks: number, memoryMb: number): boolean {
  const heap = getHeapStatistics();
  const room = Math.min(memoryMb * 1024 * 1024, heap.heap_size_limit - heap.used_heap_size);
  return blocks * HEAVY_BYTES_PER_BLOCK < room;
}

/**
 * The heap a render thread starts with: as much as its largest document is likely to need, not all
 * it may use. V8 lets garbage pile up towards whatever limit it is given (a thread allowed 4 GB
 * grows to 500 MB rendering a handbook that needs 150); a snug limit keeps it collecting. Measured:
 * a 1,000-role build needs under 22 KB per handbook block on every thread; 40 KB leaves room. A
 * thread that runs out at this limit is started again with all the memory it may use, so the
 * limit only ever costs a retry, never a document.
 */
const SNUG_FLOOR_MB = 512;
const SNUG_BYTES_PER_BLOCK = 40 * 1024;

function snugLimitMb(tasks: readonly RenderTask[], layouts: TaskLayouts, memoryMb: number): number {
  const blocks = Math.max(0, ...tasks.map((task) => layouts.blocks(task)));
  return Math.min(memoryMb, Math.max(SNUG_FLOOR_MB, Math.ceil((blocks * SNUG_BYTES_PER_BLOCK) / (1024 * 1024))));
}

/**
 * The tasks' Layouts, each read from its task once: a heavy document's at the start and kept until
 * it is sent or rendered, then let go (a 10,000-role handbook's takes hundreds of megabytes, and
 * the caller keeps the tasks); any other's when it is taken. The handbook's formats share one
 * Layout: made into JSON for the first sent to a worker, it is the JSON the other waits with, not
 * the Layout (at 10,000 roles, ~230 MB of the main thread's heap for two minutes).
 */
class TaskLayouts {
  readonly #heavy = new Map<RenderTask, Layout | string>();
  readonly #blocks = new Map<RenderTask, number>();

  constructor(tasks: readonly RenderTask[]) {
    for (const task of tasks) {
      if (task.heavy !== true) continue;
      const layout = task.layout;
      this.#heavy.set(task, layout);
      this.#blocks.set(task, layout.blocks.length);
    }
  }

  /** A heavy task's number of blocks (0 for any other). */
  blocks(task: RenderTask): number {
    return this.#blocks.get(task) ?? 0;
  }

  /** The task's Layout, for rendering here; a heavy one taken again (a retry) is read from its task again. */
  take(task: RenderTask): Layout {
    const held = this.#heavy.get(task);
    this.#heavy.delete(task);
    if (held === undefined) return task.layout;
    return typeof held === 'string' ? (JSON.parse(held) as Layout) : held;
  }

  /** The task's Layout as JSON, for a worker: made once for the tasks that share it, which wait with the JSON. */
  text(task: RenderTask): string {
    const held = this.#heavy.get(task) ?? task.layout;
    this.#heavy.delete(task);
    if (typeof held === 'string') return held;
    const text = JSON.stringify(held);
    for (const [other, layout] of this.#heavy) if (layout === held) this.#heavy.set(other, text);
    return text;
  }
}

export interface RenderOptions {
  readonly jobs: number | undefined;
  /** The parsed PDF fonts, for rendering on this thread; asked for only when a PDF (or the handbook .docx) is rendered here. */
  readonly fonts: (() => Promise<FontSet>) | undefined;
  readonly fontChoice: FontChoice | undefined;
  readonly onDone?: (done: number) => void;
  /** The heap each render thread may use, in MB; default renderMemoryLimitMb(). */
  readonly memoryMb?: number | undefined;
  /** The output folder whose build cache keeps the handbook's rendered parts between builds; none: not kept. */
  readonly cacheDir?: string | undefined;
  /** Render every kept part again (`--force`), keeping the new ones. */
  readonly freshParts?: boolean | undefined;
  /** The archival standard of the PDFs (the config's pdf_standard). */
  readonly pdfStandard?: PdfStandard | undefined;
  /** fontkit's shaping kept by earlier builds (the build cache), and where what is shaped anew goes. */
  readonly shaping?: { readonly kept: KeptShaping; readonly onShaped: (shaped: KeptShaping) => void } | undefined;
}

/** Where each rendered document goes as soon as it is made (a temporary file, a hash): no build keeps them all. */
export type DocumentSink = (name: string, bytes: Uint8Array) => Promise<void> | void;

/**
 * The documents not rendered yet, by index: the heavy ones first, then the rest in order (role
 * documents are all about the same size). Shared by the workers and this thread: whichever is free
 * takes the next, so none stands idle while another has a queue.
 */
class TaskQueue {
  readonly #heavy: number[];
  readonly #light: number[];

  constructor(tasks: readonly RenderTask[]) {
    const order = [...tasks.keys()];
    // The heavy PDF before the heavy .docx: the .docx numbers its contents with the PDF's page
    // breaks, which it then reads from the parts the PDF has just kept, instead of paginating
    // every part itself (1.8 s of a 1,000-role build's 45 CPU-seconds when one worker makes both).
    const heavy = order.filter((index) => tasks[index]?.heavy === true);
    this.#heavy = [...heavy.filter((index) => tasks[index]?.format === 'pdf'), ...heavy.filter((index) => tasks[index]?.format !== 'pdf')];
    this.#light = order.filter((index) => tasks[index]?.heavy !== true);
  }

  get heavy(): number {
    return this.#heavy.length;
  }

  get light(): number {
    return this.#light.length;
  }

  /** The heavy document taken next, if any. */
  get nextHeavy(): number | undefined {
    return this.#heavy[0];
  }

  /** The next document, a heavy one first. */
  readonly take = (): number | undefined => this.#heavy.shift() ?? this.#light.shift();
  readonly takeHeavy = (): number | undefined => this.#heavy.shift();
  readonly takeLight = (): number | undefined => this.#light.shift();

  /** A document taken but not rendered (its worker ran out of a snug heap): first again. */
  giveBack(index: number, heavy: boolean): void {
    (heavy ? this.#heavy : this.#light).unshift(index);
  }
}

/**
 * How many workers a build on `threads` render threads starts. This thread is one of them: it
 * renders role documents itself, which costs no copy of a Layout or of the bytes, and no thread
 * parsing the fonts and warming its caches again (measured on 2 CPUs, 1,000 roles: 15% less CPU
 * and 12% less time than two workers with this thread idle). But each heavy document gets a worker of its own when
 * there is not much else to do, so a one-role edit renders both handbooks at once.
 */
export function workerCount(threads: number, heavy: number, light: number): number {
  const others = Math.max(1, threads - 1);
  return heavy > others && light < MIN_TASKS_PER_WORKER * threads ? Math.min(heavy, threads) : others;
}

/**
 * How many workers start, and whether this thread renders the first heavy document (the handbook
 * PDF) itself: only when it would otherwise start a worker for each of its threads and only
 * collect (a one-role edit), and the document fits in its memory.
 */
export function renderPlan(threads: number, heavy: number, light: number, heavyFitsHere: boolean): { readonly workers: number; readonly heavyHere: boolean } {
  const workers = workerCount(threads, heavy, light);
  const heavyHere = threads > 1 && heavy > 0 && workers >= threads && heavyFitsHere;
  return { workers: heavyHere ? threads - 1 : workers, heavyHere };
}

/**
 * Renders every task and gives each document to `sink` as it is made, in the order they finish.
 * `onDone` is called after each (for progress only). Every render thread has a memory limit, and a
 * heavy document (the handbook) that might not fit in this thread's memory is rendered on a
 * thread of its own even when the rest are rendered here: a document too large for memory is then
 * an error that names it, not the end of the process.
 * @throws RenderFailure naming the document that could not be rendered, and what was at fault.
 */
export async function renderEach(tasks: readonly RenderTask[], options: RenderOptions, sink: DocumentSink): Promise<void> {
  let done = 0;
  const progress: Progress = () => options.onDone?.(++done);
  const heavy = tasks.filter((task) => task.heavy === true);
  const layouts = new TaskLayouts(tasks);
  const queue = new TaskQueue(tasks);
  // A handbook of a hundred roles or more takes seconds: worth a thread of its own however few the other documents.
  const threads = canUseWorkers ? threadCount(options.jobs, tasks.length, heavy.filter((task) => layouts.blocks(task) >= BIG_HANDBOOK_BLOCKS).length) : 1;
  const memoryMb = Math.max(MIN_MEMORY_MB, Math.floor(options.memoryMb ?? renderMemoryLimitMb()));
  const setup: WorkerSetup = { fonts: options.fontChoice, cacheDir: options.cacheDir, freshParts: options.freshParts === true, pdfStandard: options.pdfStandard, shaping: options.shaping?.kept };
  const onShaped = options.shaping?.onShaped;
  if (threads === 1 && (!canUseWorkers || heavy.every((task) => fitsHere(layouts.blocks(task), memoryMb)))) {
    let next = 0;
    await renderHere(tasks, () => (next < tasks.length ? next++ : undefined), layouts, options, progress, sink);
    return;
  }
  // The heavy documents on workers, the role documents here too while this thread is one of the
  // render threads. With a worker for each thread (a one-role edit: both handbooks and little
  // else) this thread would only collect: it renders the first heavy document (the PDF, the
  // longest) itself when that fits in its memory, and one worker fewer starts — the PDF begins
  // half a second sooner, with no thread to start, no fonts to parse again and no JSON of its
  // Layout to write and read. Either side failing stops the other.
  const firstHeavy = tasks[queue.nextHeavy ?? -1];
  const { workers, heavyHere } = renderPlan(threads, queue.heavy, queue.light, firstHeavy !== undefined && fitsHere(layouts.blocks(firstHeavy), memoryMb));
  const stop = new AbortController();
  // Whichever starts first takes first: this thread, when it renders the first heavy document.
  const here = (): Promise<void> => renderHere(tasks, heavyHere ? queue.take : queue.takeLight, layouts, options, progress, sink, stop.signal);
  const onWorkers = (): Promise<void> =>
    renderOnWorkers(tasks, threads === 1 ? queue.takeHeavy : queue.take, queue, layouts, workers, setup, memoryMb, progress, sink, stop.signal, onShaped);
  const hereToo = workers < threads || threads === 1;
  await Promise.all(
    (heavyHere ? [here(), onWorkers()] : [onWorkers(), ...(hereToo ? [here()] : [])]).map((part) =>
      part.catch((error: unknown) => {
        stop.abort(error);
        throw error;
      }),
    ),
  );
}

type Progress = () => void;

/** Renders on this thread each document `take` gives, until it gives none. */
async function renderHere(
  tasks: readonly RenderTask[],
  take: () => number | undefined,
  layouts: TaskLayouts,
  options: RenderOptions,
  progress: Progress,
  sink: DocumentSink,
  signal?: AbortSignal,
): Promise<void> {
  const renderers = new Map<OutputFormat, Renderer>();
  const { fontChoice } = options;
  let fonts: FontSet | undefined;
  const parts = options.cacheDir === undefined ? undefined : openPartStore(options.cacheDir, { fresh: options.freshParts === true });
  const pdfParts = options.cacheDir === undefined ? undefined : openPdfPartStore(options.cacheDir, { fresh: options.freshParts === true });
  for (let index = take(); index !== undefined; index = take()) {
    signal?.throwIfAborted();
    const task = tasks[index];
    if (!task) continue;
    let renderer = renderers.get(task.format);
    if (!renderer) {
      renderer = await loadRenderer(task.format);
      renderers.set(task.format, renderer);
    }
    let bytes: Uint8Array;
    let layout: Layout | undefined;
    try {
      layout = layouts.take(task);
      if (fonts === undefined && usesPdfFonts(task.format, layout)) {
        fonts = await options.fonts?.();
        if (options.shaping) (await import('../render/pdf/glyphs.js')).keepShaping(options.shaping.kept);
      }
      bytes = await renderer.render(layout, { createdAt: task.createdAt, fonts, parts, pdfParts, pdfStandard: options.pdfStandard });
    } catch (error: unknown) {
      const cause = error instanceof Error ? error : new Error(String(error));
      const fault = layout === undefined ? undefined : await findFault(layout, task.format, { renderer, createdAt: task.createdAt, fonts, fontChoice }).catch(() => undefined);
      throw new RenderFailure(task.name, task.format, fault, cause);
    }
    await sink(task.name, bytes);
    progress();
  }
  parts?.prune();
  pdfParts?.prune();
  if (options.shaping && fonts !== undefined) options.shaping.onShaped((await import('../render/pdf/glyphs.js')).takeShaping());
}

/**
 * Renders on `count` workers each document `take` gives, until it gives none: a worker with
 * nothing left to take is stopped at once.
 */
function renderOnWorkers(
  tasks: readonly RenderTask[],
  take: () => number | undefined,
  queue: TaskQueue,
  layouts: TaskLayouts,
  count: number,
  setup: WorkerSetup,
  memoryMb: number,
  progress: Progress,
  sink: DocumentSink,
  signal?: AbortSignal,
  onShaped?: (shaped: KeptShaping) => void,
): Promise<void> {
  /** Documents given to the sink and not yet taken by it. */
  let sinking = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    /** The task each worker is rendering. */
    const busy = new Map<Worker, number>();
    /** The heap each worker was given; one that ran out below `memoryMb` is replaced by one given all of it. */
    const limits = new Map<Worker, number>();
    /** Workers stopped on purpose: out of work, or replaced. */
    const stopped = new Set<Worker>();
    const snug = snugLimitMb(tasks, layouts, memoryMb);
    let failed = false;
    const stop = (error: unknown): void => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    if (signal?.aborted === true) {
      stop(signal.reason);
      return;
    }
    signal?.addEventListener('abort', () => stop(signal.reason), { once: true });
    const finishedAll = (): void => {
      if (!failed && busy.size === 0 && sinking === 0) resolve();
    };
    const next = (worker: Worker): void => {
      const index = take();
      const task = index === undefined ? undefined : tasks[index];
      if (index === undefined || !task) {
        // Nothing left for it: it goes (an idle worker would keep the process waiting).
        stopped.add(worker);
        void worker.terminate();
        finishedAll();
        return;
      }
      busy.set(worker, index);
      const request: WorkerRequest = { id: index, format: task.format, layout: layouts.text(task), createdAt: task.createdAt.getTime() };
      worker.postMessage(request);
    };
    const start = (limitMb: number): Worker => {
      const worker = new Worker(WORKER_URL, { workerData: withFonts, resourceLimits: { maxOldGenerationSizeMb: limitMb } });
      workers.push(worker);
      limits.set(worker, limitMb);
      worker.on('message', (response: WorkerResponse) => {
        const task = tasks[response.id];
        if (!task) {
          stop(new Error(`a worker answered an unknown task ${response.id}`));
          return;
        }
        if ('problem' in response) {
          stop(RenderFailure.fromProblem(task.name, task.format, response.problem));
          return;
        }
        busy.delete(worker);
        if (response.shaped) onShaped?.(response.shaped);
        sinking += 1;
        next(worker);
        Promise.resolve(sink(task.name, response.bytes)).then(() => {
          progress();
          sinking -= 1;
          finishedAll();
        }, stop);
      });
      worker.on('error', (error) => {
        const index = busy.get(worker);
        const task = index === undefined ? undefined : tasks[index];
        if (index === undefined || !task) {
          stop(error);
          return;
        }
        const outOfMemory = errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY';
        const limitMb = limits.get(worker) ?? memoryMb;
        if (outOfMemory && limitMb < memoryMb) {
          // Out of the snug limit only: the same document again, on a thread given all the memory it may use.
          stopped.add(worker);
          busy.delete(worker);
          queue.giveBack(index, task.heavy === true);
          next(start(memoryMb));
          return;
        }
        // Out of the memory it may use: the document is too large, and is named; anything else thrown outside a render is a bug.
        const fault: RenderFault | undefined = outOfMemory ? { kind: 'memory', limitMb } : undefined;
        stop(new RenderFailure(task.name, task.format, fault, error));
      });
      // A worker is stopped when nothing is left for it, when it is replaced, or when the build fails; any other exit is a crash.
      worker.on('exit', (code) => {
        if (failed || stopped.has(worker)) return;
        const error = new Error(`a render worker exited with code ${code}`);
        const task = tasks[busy.get(worker) ?? -1];
        stop(task ? new RenderFailure(task.name, task.format, undefined, error) : error);
      });
      return worker;
    };
    // The workers parse the font files this thread read: one copy of the bytes for all threads.
    const withFonts: WorkerSetup = setup.fonts === undefined ? setup : { ...setup, fontFiles: fontFilesOf(setup.fonts) };
    for (let i = 0; i < count; i++) next(start(snug));
  });
}

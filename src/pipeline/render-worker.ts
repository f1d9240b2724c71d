/**
 * A render worker: parses the fonts once, then turns Layouts into document bytes for as long as
 * the main thread sends them. A render that fails is answered with what went wrong and, where an
 * input is to blame (a font, the logo), which one. See render-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Layout } from '../layout/layout.js';
import type { OutputFormat } from '../model/config.js';
import { FontError } from '../model/fonts.js';
import type { FontSet } from '../render/fonts.js';
import { loadRenderer, usesPdfFonts, type Renderer } from '../render/renderers.js';
import { useFontFiles } from './font-files.js';
import { loadFontSet } from './load-fonts.js';
import { openPartStore, openPdfPartStore } from './part-store.js';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './render-pool.js';
import { findFault, problemOf, type RenderFault } from './render-failure.js';

const setup = workerData as WorkerSetup;
useFontFiles(setup.fontFiles);
const port = parentPort;
const renderers = new Map<OutputFormat, Promise<Renderer>>();
let fonts: FontSet | undefined;
const parts = setup.cacheDir === undefined ? undefined : openPartStore(setup.cacheDir, { fresh: setup.freshParts });
const pdfParts = setup.cacheDir === undefined ? undefined : openPdfPartStore(setup.cacheDir, { fresh: setup.freshParts });

function rendererFor(format: OutputFormat): Promise<Renderer> {
  let renderer = renderers.get(format);
  if (!renderer) {
    renderer = loadRenderer(format);
    renderers.set(format, renderer);
  }
  return renderer;
}

/** fontkit's shaping kept by earlier builds, in use once fonts are: what this thread shapes anew goes back with each document. */
let glyphs: typeof import('../render/pdf/glyphs.js') | undefined;

/** A document to render: the request as read, without the Layout's JSON (the 1,000-role handbook's is 12 MB, kept no longer than it is read). */
interface Job {
  readonly id: number;
  readonly format: OutputFormat;
  readonly layout: Layout;
  readonly createdAt: Date;
}

/** The request the main thread sent, its Layout read from JSON (render-pool.ts). */
const jobOf = (request: WorkerRequest): Job => ({ id: request.id, format: request.format, layout: JSON.parse(request.layout) as Layout, createdAt: new Date(request.createdAt) });

async function render(job: Job): Promise<Uint8Array> {
  if (!fonts && setup.fonts && usesPdfFonts(job.format, job.layout)) {
    fonts = loadFontSet(setup.fonts);
    if (setup.shaping) {
      glyphs = await import('../render/pdf/glyphs.js');
      glyphs.keepShaping(setup.shaping);
    }
  }
  const bytes = await (await rendererFor(job.format)).render(job.layout, { createdAt: job.createdAt, fonts, parts, pdfParts, pdfStandard: setup.pdfStandard });
  parts?.prune();
  pdfParts?.prune();
  return bytes;
}

/** Which input the failure is to be blamed on; trying it out must not fail the answer. */
async function faultOf(job: Job, error: unknown): Promise<RenderFault | undefined> {
  // The font files are read again here: one may have gone, or changed, since the build began.
  if (error instanceof FontError && 'path' in error.problem) return { kind: 'font', path: error.problem.path, reason: 'reason' in error.problem ? error.problem.reason : error.message };
  try {
    return await findFault(job.layout, job.format, { renderer: await rendererFor(job.format), createdAt: job.createdAt, fonts, fontChoice: setup.fonts });
  } catch {
    return undefined;
  }
}

port?.on('message', (request: WorkerRequest) => {
  const job = jobOf(request);
  render(job).then(
    (bytes) => {
      const shaped = glyphs?.takeShaping();
      const response: WorkerResponse = { id: job.id, bytes, ...(shaped && Object.keys(shaped).length > 0 ? { shaped } : {}) };
      // The bytes move to the main thread instead of being copied, when they own their buffer
      // (a view into a shared pool must not take the pool along).
      const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      port.postMessage(response, owns ? [bytes.buffer as ArrayBuffer] : []);
    },
    async (error: unknown) => {
      const response: WorkerResponse = { id: job.id, problem: problemOf(error, await faultOf(job, error)) };
      port.postMessage(response);
    },
  );
});

/**
 * A render worker: parses the fonts once, then turns Layouts into document bytes for as long as
 * the main thread sends them. See render-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputFormat } from '../model/config.js';
import type { FontSet } from '../render/fonts.js';
import { loadRenderer, type Renderer } from '../render/renderers.js';
import { loadFontSet } from './load-fonts.js';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './render-pool.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
const renderers = new Map<OutputFormat, Promise<Renderer>>();
let fonts: FontSet | undefined;

async function render(request: WorkerRequest): Promise<Uint8Array> {
  if (request.format === 'pdf' && !fonts && setup.fonts) fonts = loadFontSet(setup.fonts);
  let renderer = renderers.get(request.format);
  if (!renderer) {
    renderer = loadRenderer(request.format);
    renderers.set(request.format, renderer);
  }
  return (await renderer).render(request.layout, { createdAt: new Date(request.createdAt), fonts });
}

port?.on('message', (request: WorkerRequest) => {
  render(request).then(
    (bytes) => {
      const response: WorkerResponse = { id: request.id, bytes };
      // The bytes move to the main thread instead of being copied, when they own their buffer
      // (a view into a shared pool must not take the pool along).
      const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      port.postMessage(response, owns ? [bytes.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => {
      const response: WorkerResponse = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage(response);
    },
  );
});

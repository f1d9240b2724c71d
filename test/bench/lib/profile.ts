/**
 * Where a build's time goes: the V8 CPU profiles a `node --cpu-prof` run writes (one file per
 * thread), summed by area of the code. Each sample is charged to the function that was running (its
 * "self" time) and that function to an area by its file: roledoc's own modules by folder, the
 * libraries by package, node's zlib by what roledoc was compressing (the nearest roledoc frame
 * above it), the file system by name. By file, not by call tree, so the summary does not depend on
 * the names of roledoc's functions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of a .cpuprofile file this reads. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ThreadTime {
  /** The order the profile files were written in: 0 is the main thread. */
  readonly thread: number;
  /** Sampled time not idle, in ms (garbage collection included). */
  readonly busyMs: number;
  readonly gcMs: number;
}

export interface AreaTime {
  readonly area: string;
  readonly ms: number;
}

export interface ProfileSummary {
  readonly threads: readonly ThreadTime[];
  /** Every thread's busy time by area, largest first. */
  readonly areas: readonly AreaTime[];
}

const FILE_SYSTEM_CALLS = new Set(['open', 'openFileHandle', 'read', 'readFileUtf8', 'write', 'writeString', 'writeBuffer', 'close', 'stat', 'lstat', 'fstat', 'rename', 'unlink', 'mkdir', 'readdir', 'rmSync']);

/** roledoc's folders under dist/ as areas; a file in render/pdf or render/docx by its renderer. */
function roledocArea(url: string): string | undefined {
  const match = /\/dist\/([^/]+)\/(?:([^/]+)\/)?[^/]+\.js$/.exec(url);
  if (match === null) return undefined;
  const [, folder = '', sub = ''] = match;
  if (folder === 'render') return sub === 'pdf' ? 'roledoc: PDF renderer (lines, tables, pages, parts)' : sub === 'docx' ? 'roledoc: .docx renderer (XML, parts, zip)' : 'roledoc: renderers, other';
  if (folder === 'compose' || folder === 'layout') return 'roledoc: compose (role → Layout)';
  return 'roledoc: pipeline (read, check, plan, threads, files)';
}

const PACKAGES: readonly [string, string][] = [
  ['docx', 'docx library (objects → XML)'],
  ['pdfkit', 'pdfkit (PDF objects, pages, fonts)'],
  ['fontkit', 'fontkit (font tables, shaping)'],
  ['restructure', 'fontkit (font tables, shaping)'],
  ['tiny-inflate', 'fontkit (font tables, shaping)'],
  ['unicode-properties', 'fontkit (font tables, shaping)'],
  ['unicode-trie', 'fontkit (font tables, shaping)'],
  ['linebreak', 'linebreak (line-break opportunities)'],
  ['yaml', 'YAML and schema (read and check roles)'],
  ['ajv', 'YAML and schema (read and check roles)'],
];

/** What zlib was compressing, by the nearest roledoc frame above it. */
function zlibArea(callerUrl: string | undefined): string {
  if (callerUrl === undefined) return 'zlib: other';
  if (callerUrl.endsWith('/font-subset.js')) return 'zlib: PDF font files';
  if (callerUrl.includes('/render/pdf/')) return 'zlib: PDF page and object streams';
  if (callerUrl.includes('/render/docx/')) return 'zlib: .docx (document.xml pieces, package)';
  return 'zlib: build cache (kept parts)';
}

interface Frame {
  readonly functionName: string;
  readonly url: string;
}

/**
 * @param caller the nearest frame above with a file, for a frame without one (a regular
 *   expression, a built-in): charged to what called it.
 */
function areaOf(frame: Frame, callerUrl: () => string | undefined, caller: () => Frame | undefined): string {
  const { functionName, url } = frame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 and node (compiling, other)';
  if (url === 'node:zlib') return zlibArea(callerUrl());
  if (url === '' && FILE_SYSTEM_CALLS.has(functionName)) return 'file system (system calls)';
  if (url === '') {
    const above = caller();
    if (above !== undefined) return areaOf(above, callerUrl, () => undefined);
  }
  const own = roledocArea(url);
  if (own !== undefined) return own;
  const inPackage = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (inPackage !== undefined) return PACKAGES.find(([name]) => name === inPackage)?.[1] ?? `other libraries (${inPackage})`;
  return 'node (streams, buffers, promises, other)';
}

function summarizeOne(profile: CpuProfile, into: Map<string, number>): { busyMs: number; gcMs: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  /** The nearest frame above `id` that `wanted` accepts. */
  const above = (id: number, wanted: (frame: Frame) => boolean): Frame | undefined => {
    for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame !== undefined && wanted(frame)) return frame;
    }
    return undefined;
  };
  let busy = 0;
  let gc = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    if (node === undefined || node.callFrame.functionName === '(idle)' || micros <= 0) return;
    const area = areaOf(
      node.callFrame,
      () => above(id, (frame) => frame.url.includes('/dist/'))?.url,
      () => above(id, (frame) => frame.url !== ''),
    );
    into.set(area, (into.get(area) ?? 0) + micros / 1000);
    busy += micros / 1000;
    if (area === 'garbage collection') gc += micros / 1000;
  });
  return { busyMs: busy, gcMs: gc };
}

/** The profiles in `dir` (the .cpuprofile files of one run), summed. */
export function summarizeProfiles(dir: string): ProfileSummary {
  // node names them CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile: by sequence, the main thread first.
  const sequence = (name: string): number => Number(/\.(\d+)\.cpuprofile$/.exec(name)?.[1] ?? 0);
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).sort((a, b) => sequence(a) - sequence(b));
  const areas = new Map<string, number>();
  const threads = files.map((name, thread) => ({ thread, ...summarizeOne(JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as CpuProfile, areas) }));
  return {
    // A worker that started and was given nothing to do (less than a tenth of a second) is left out.
    threads: threads.filter((thread) => thread.busyMs >= 100),
    areas: [...areas].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms),
  };
}

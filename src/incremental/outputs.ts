/**
 * After rendering (pure): the manifest a build leaves behind, and what `build --check` calls each
 * document that is not as a build would leave it.
 */
import { MANIFEST_NAME, serializeManifest, sha256, type Manifest, type ManifestEntry } from './manifest.js';
import type { BuildPlan, WantedOutput } from './plan.js';

/**
 * Whether a role belongs to share `index` of `count`: by a hash of its id, so a role stays in its
 * share on every machine and as other roles come and go.
 */
export function inShard(id: string, shard: { readonly index: number; readonly count: number }): boolean {
  return Number.parseInt(sha256(id).slice(0, 8), 16) % shard.count === shard.index - 1;
}

/** A rendered document as the manifest records it. */
export interface RenderedOutput {
  readonly sha256: string;
  readonly size: number;
}

/** The manifest as a build leaves it: rendered documents in, removed and vanished ones out. */
export function nextManifest(manifest: Manifest, plan: BuildPlan, rendered: readonly WantedOutput[], made: ReadonlyMap<string, RenderedOutput>): string {
  const next = new Map<string, ManifestEntry>(manifest);
  for (const name of [...plan.remove, ...plan.disown, ...plan.forget]) next.delete(name);
  for (const output of rendered) {
    const document = made.get(output.name) ?? { sha256: sha256(new Uint8Array()), size: 0 };
    next.set(output.name, { inputs: output.inputs, sha256: document.sha256, size: document.size, role: output.role });
  }
  return serializeManifest(next);
}

export type OutputStatus = 'missing' | 'stale' | 'foreign-modified' | 'orphaned';

export interface OutputProblem {
  /** The file's name in the output folder. */
  readonly name: string;
  readonly status: OutputStatus;
}

/**
 * Every document that is not what a build would leave: missing, stale (roledoc's own, from older
 * inputs), modified by hand, or orphaned (its role is gone); then the manifest, which a build would
 * also rewrite.
 */
export function checkOutputs(
  wanted: readonly WantedOutput[],
  state: { readonly onDisk: ReadonlyMap<string, string>; readonly manifest: Manifest; readonly manifestText: string | undefined },
  fresh: ReadonlyMap<string, RenderedOutput>,
  plan: BuildPlan,
  manifestAfter: string,
): OutputProblem[] {
  const problems: OutputProblem[] = [];
  for (const output of wanted) {
    const current = state.onDisk.get(output.name);
    const made = fresh.get(output.name);
    if (current === undefined) problems.push({ name: output.name, status: 'missing' });
    else if (made === undefined || current === made.sha256) continue;
    else problems.push({ name: output.name, status: state.manifest.get(output.name)?.sha256 === current ? 'stale' : 'foreign-modified' });
  }
  for (const name of plan.remove) problems.push({ name, status: 'orphaned' });
  if (problems.length === 0 && state.manifestText !== manifestAfter) {
    problems.push({ name: MANIFEST_NAME, status: state.manifestText === undefined ? 'missing' : 'stale' });
  }
  return problems;
}

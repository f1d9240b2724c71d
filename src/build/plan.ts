/**
 * What a build has to do, decided from hashes alone (pure): which documents to render, which are
 * up to date, which roledoc-made files belong to roles that no longer exist.
 */
import type { Manifest } from './manifest.js';

export interface WantedOutput {
  /** File name in the output folder, e.g. cs-supervisor.pdf. */
  readonly name: string;
  readonly role: string;
  /** sha256 of everything the document is made from. */
  readonly inputs: string;
}

/** What is on disk now: the size of each file of the output folder that a wanted output or the manifest names. */
export type DiskState = ReadonlyMap<string, { readonly size: number }>;

export interface BuildPlan {
  readonly render: readonly WantedOutput[];
  readonly unchanged: readonly WantedOutput[];
  /** Files roledoc made for roles that are gone. */
  readonly remove: readonly string[];
}

/**
 * @param allRoles the ids of every role of the project; outputs of other roles are removed, but
 *   only when the whole project is being built (`wholeProject`), and only files roledoc wrote.
 */
export function planBuild(
  wanted: readonly WantedOutput[],
  manifest: Manifest,
  disk: DiskState,
  options: { readonly force: boolean; readonly wholeProject: boolean; readonly allRoles: ReadonlySet<string> },
): BuildPlan {
  const render: WantedOutput[] = [];
  const unchanged: WantedOutput[] = [];
  for (const output of wanted) {
    const entry = manifest.get(output.name);
    const onDisk = disk.get(output.name);
    // A file of another size than roledoc wrote was changed by hand: it is rebuilt. (--check compares bytes.)
    const upToDate = !options.force && entry !== undefined && entry.inputs === output.inputs && onDisk !== undefined && onDisk.size === entry.size;
    (upToDate ? unchanged : render).push(output);
  }
  const remove = options.wholeProject
    ? [...manifest.entries()].filter(([name, entry]) => !options.allRoles.has(entry.role) && disk.has(name)).map(([name]) => name)
    : [];
  return { render, unchanged, remove: remove.sort() };
}

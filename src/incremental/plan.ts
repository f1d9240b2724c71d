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

/** What is on disk now: the sha256 of each file of the output folder that a wanted output or the manifest names. */
export type DiskState = ReadonlyMap<string, { readonly sha256: string }>;

export interface BuildPlan {
  readonly render: readonly WantedOutput[];
  readonly unchanged: readonly WantedOutput[];
  /** Files roledoc made, unchanged since, for roles that are gone. */
  readonly remove: readonly string[];
  /** Files made for roles that are gone but changed by hand since: left alone, no longer roledoc's. */
  readonly disown: readonly string[];
  /** Manifest entries whose files no longer exist. */
  readonly forget: readonly string[];
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
    // A file changed by hand (its bytes are not what roledoc wrote) is rebuilt.
    const upToDate = !options.force && entry !== undefined && entry.inputs === output.inputs && onDisk?.sha256 === entry.sha256;
    (upToDate ? unchanged : render).push(output);
  }
  const wantedNames = new Set(wanted.map((output) => output.name));
  const remove: string[] = [];
  const disown: string[] = [];
  const forget: string[] = [];
  for (const [name, entry] of manifest) {
    const onDisk = disk.get(name);
    if (!onDisk) {
      if (!wantedNames.has(name)) forget.push(name);
    } else if (options.wholeProject && !options.allRoles.has(entry.role)) {
      (onDisk.sha256 === entry.sha256 ? remove : disown).push(name);
    }
  }
  return { render, unchanged, remove: remove.sort(), disown: disown.sort(), forget: forget.sort() };
}

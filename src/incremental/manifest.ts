/**
 * out/.roledoc-manifest.json: for each document roledoc wrote, a hash of everything it was made
 * from and a hash of its bytes. It decides what a build may skip, what `--check` calls stale or
 * foreign-modified, and which files roledoc may delete (only its own). No times, no paths of the
 * machine: the manifest is as reproducible as the documents, so it can be committed with them.
 */
import { createHash } from 'node:crypto';
import { OUTPUT_FORMATS } from '../model/config.js';

export const MANIFEST_NAME = '.roledoc-manifest.json';
/** The names of the documents roledoc writes: a validated role id and a format. */
export const OUTPUT_NAME = new RegExp(`^[a-z0-9][a-z0-9-]{0,63}\\.(${OUTPUT_FORMATS.join('|')})$`);
const MANIFEST_VERSION = 1;

export interface ManifestEntry {
  /** sha256 of everything the document was made from. */
  readonly inputs: string;
  /** sha256 of the document's bytes as roledoc wrote them. */
  readonly sha256: string;
  readonly size: number;
  /** The role the document belongs to: its outputs go when the role does. */
  readonly role: string;
}

export type Manifest = ReadonlyMap<string, ManifestEntry>;

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function isEntry(value: unknown): value is ManifestEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['inputs'] === 'string' && typeof v['sha256'] === 'string' && typeof v['size'] === 'number' && typeof v['role'] === 'string';
}

/** A missing, unreadable or older manifest is an empty one: everything is simply rebuilt. */
export function parseManifest(text: string | undefined): Manifest {
  if (text === undefined) return new Map();
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || (data as Record<string, unknown>)['version'] !== MANIFEST_VERSION) return new Map();
    const outputs = (data as Record<string, unknown>)['outputs'];
    if (typeof outputs !== 'object' || outputs === null) return new Map();
    // Only names roledoc itself gives (<id>.<format>): a hand-made entry like "../x" must never lead a build to delete it.
    return new Map(Object.entries(outputs).filter((entry): entry is [string, ManifestEntry] => OUTPUT_NAME.test(entry[0]) && isEntry(entry[1])));
  } catch {
    return new Map();
  }
}

export function serializeManifest(manifest: Manifest): string {
  const outputs = Object.fromEntries([...manifest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: MANIFEST_VERSION, generator: 'roledoc', outputs }, null, 2)}\n`;
}

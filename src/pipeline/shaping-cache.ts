/**
 * The build cache's record of fontkit's shaping (out/.roledoc-cache/shaping.json): the texts the
 * PDF renderers shaped — words with Latin or digits, page numbers, whole lines measured — with
 * what fontkit gave them, by face. Shaping is a pure function of the face and the text, so a later
 * build takes it from here instead of asking fontkit again (~0.2 ms a text: the handbook's
 * thousands of page numbers cost a second). Made by another version of roledoc, damaged, or
 * `--force`: not used (and written anew). What a face's entries say is checked against the face
 * and the text as they are used (glyphs.ts keptRun).
 */
import { crc32 } from 'node:zlib';
import { roledocVersion } from '../core/version.js';
import type { KeptFaceShaping, KeptShaping } from '../render/fonts.js';

export const SHAPING_CACHE_FILE = 'shaping.json';

const FORMAT = 'shaping/1';

/** At most this many texts of each kind per face are kept (the newest first): ~10 MB at most. */
const MAX_RUNS = 20_000;
const MAX_ADVANCES = 50_000;

export interface ShapingCache {
  /** What earlier builds shaped, for the render threads. */
  readonly kept: KeptShaping;
  /** Adds what a render thread shaped. */
  add(shaped: KeptShaping): void;
  /** The cache as JSON, to write back; undefined when nothing was added. */
  serialize(): string | undefined;
}

interface FaceEntries {
  readonly runs: Map<string, readonly number[]>;
  readonly advances: Map<string, number>;
}

export function openShapingCache(text: string | undefined, options: { readonly fresh?: boolean } = {}): ShapingCache {
  const version = roledocVersion();
  const before = options.fresh === true ? {} : parse(text, version);
  const added = new Map<string, FaceEntries>();
  return {
    kept: before,
    add(shaped) {
      for (const [key, face] of Object.entries(shaped)) {
        let entries = added.get(key);
        if (!entries) {
          entries = { runs: new Map(), advances: new Map() };
          added.set(key, entries);
        }
        for (const [text, numbers] of face.runs) entries.runs.set(text, numbers);
        for (const [text, advance] of face.advances) entries.advances.set(text, advance);
      }
    },
    serialize() {
      if ([...added.values()].every((face) => face.runs.size === 0 && face.advances.size === 0)) return undefined;
      const faces: Record<string, KeptFaceShaping> = {};
      for (const key of [...new Set([...added.keys(), ...Object.keys(before)])].sort()) {
        const now = added.get(key);
        const earlier = before[key];
        // This build's texts first, then the earlier ones it did not shape again, up to the limits.
        const runs = new Map([...(now?.runs ?? []), ...(earlier?.runs ?? []).filter(([text]) => now?.runs.has(text) !== true)]);
        const advances = new Map([...(now?.advances ?? []), ...(earlier?.advances ?? []).filter(([text]) => now?.advances.has(text) !== true)]);
        faces[key] = { runs: [...runs].slice(0, MAX_RUNS), advances: [...advances].slice(0, MAX_ADVANCES) };
      }
      const text = JSON.stringify(faces);
      return `${JSON.stringify({ format: FORMAT, version, crc32: crc32(text) })}\n${text}`;
    },
  };
}

/**
 * The file: a line with its format, roledoc's version and the CRC-32 of the rest, then the faces'
 * shaping as JSON. What is drawn from it is trusted as fontkit's: a changed byte is caught here.
 */
function parse(text: string | undefined, version: string): KeptShaping {
  if (text === undefined) return {};
  try {
    const newline = text.indexOf('\n');
    const head = JSON.parse(text.slice(0, newline)) as { format?: unknown; version?: unknown; crc32?: unknown };
    const body = text.slice(newline + 1);
    if (newline < 0 || head.format !== FORMAT || head.version !== version || head.crc32 !== crc32(body)) return {};
    const data: unknown = JSON.parse(body);
    if (typeof data !== 'object' || data === null) return {};
    const faces: Record<string, KeptFaceShaping> = {};
    for (const [key, face] of Object.entries(data)) if (isFaceShaping(face)) faces[key] = face;
    return faces;
  } catch {
    // Damaged: everything is shaped again, and the cache written anew.
    return {};
  }
}

function isFaceShaping(value: unknown): value is KeptFaceShaping {
  if (typeof value !== 'object' || value === null) return false;
  const { runs, advances } = value as Record<string, unknown>;
  return (
    Array.isArray(runs) &&
    Array.isArray(advances) &&
    runs.every((entry: unknown) => Array.isArray(entry) && typeof entry[0] === 'string' && Array.isArray(entry[1]) && entry[1].every((n: unknown) => typeof n === 'number')) &&
    advances.every((entry: unknown) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number')
  );
}

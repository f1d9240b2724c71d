/**
 * The handbook's rendered .docx parts, kept in the build cache between builds (out/.roledoc-cache/
 * docx-parts/, one compressed file per part, named by the part's key): a build after a one-role
 * edit renders that role's part and takes the others from here. Parts no build used last time are
 * removed, so the folder holds one handbook's worth.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { syncCacheFiles } from '../io/build-cache.js';
import type { DocxPart, PartStore } from '../render/docx/parts.js';

const FOLDER = 'docx-parts';
const KEY = /^[0-9a-f]{64}$/;

export interface PrunedPartStore extends PartStore {
  /** Removes the stored parts the documents rendered since the last prune did not use (when they used any). */
  prune(): void;
}

function isPart(value: unknown): value is DocxPart {
  if (typeof value !== 'object' || value === null) return false;
  const part = value as Record<string, unknown>;
  return typeof part['xml'] === 'string' && Array.isArray(part['lists']);
}

export function openPartStore(outDir: string): PrunedPartStore {
  const used = new Set<string>();
  return {
    get(key: string): DocxPart | undefined {
      if (!KEY.test(key)) return undefined;
      const bytes = syncCacheFiles.read(outDir, FOLDER, key);
      if (bytes === undefined) return undefined;
      try {
        const part: unknown = JSON.parse(gunzipSync(bytes).toString('utf8'));
        if (!isPart(part)) return undefined;
        used.add(key);
        return part;
      } catch {
        // Damaged: rendered again, and stored again.
        return undefined;
      }
    },
    set(key: string, part: DocxPart): void {
      if (!KEY.test(key)) return;
      used.add(key);
      // Level 1: the parts are read back far more often than they are made, and disk is cheap.
      syncCacheFiles.write(outDir, FOLDER, key, gzipSync(JSON.stringify(part), { level: 1 }));
    },
    prune(): void {
      if (used.size === 0) return;
      syncCacheFiles.remove(outDir, FOLDER, syncCacheFiles.list(outDir, FOLDER).filter((name) => !used.has(name)));
      used.clear();
    },
  };
}

/**
 * Which font files the PDF is set in, and their bytes. Order: fonts named in roledoc.config.yaml
 * (or the template) → the Noto Sans SC that `npm ci` installed → Debian's Noto CJK → a clear
 * error. Never a silent fallback to a Latin-only font: that prints garbage.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontRef } from '../model/config.js';
import { FileProblemError } from '../core/file-access.js';
import { requireCompiled } from '../core/package-files.js';
import { BUNDLED_FONT_FACTS, BUNDLED_FONT_FILES, decodeRuns, FontError, MAX_FONT_BYTES, type FontChoice, type FontFacts, type FontFile, type StoredFontFacts } from '../model/fonts.js';
import { readRegularFileSync } from './node-files.js';

const require = createRequire(import.meta.url);

/** The npm package's TTFs, resolved as files: its JS entry is React Native code and must not be imported. */
function bundledFonts(): FontChoice | undefined {
  try {
    return { regular: { path: require.resolve(BUNDLED_FONT_FILES.regular) }, bold: { path: require.resolve(BUNDLED_FONT_FILES.bold) }, source: 'bundled' };
  } catch {
    return undefined;
  }
}

/**
 * The facts of a bundled face as `npm run build` wrote them, when `file` is that face's file as it
 * was then (the same size): a check of the project's text then needs no font parsed. Anything else
 * (another font, a changed file, a build step that did not run): undefined, and the font is parsed.
 */
export function bundledFontFacts(file: FontFile): FontFacts | undefined {
  if (file.face !== undefined) return undefined;
  const stored = requireCompiled(...BUNDLED_FONT_FACTS);
  if (typeof stored !== 'object' || stored === null) return undefined;
  for (const specifier of Object.values(BUNDLED_FONT_FILES)) {
    let resolved: string;
    try {
      resolved = require.resolve(specifier);
    } catch {
      continue;
    }
    if (path.resolve(file.path) !== resolved) continue;
    const facts = (stored as Record<string, StoredFontFacts | undefined>)[specifier];
    if (facts === undefined || typeof facts.runs !== 'string') return undefined;
    try {
      if (statSync(resolved).size !== facts.size) return undefined;
    } catch {
      return undefined;
    }
    return factsFrom(facts);
  }
  return undefined;
}

/** Stored facts as a face's: whether a code point is in one of the ranges, by binary search. */
function factsFrom(stored: StoredFontFacts): FontFacts {
  const ranges = decodeRuns(stored.runs);
  return {
    postscriptName: stored.postscriptName,
    version: stored.version,
    numGlyphs: stored.numGlyphs,
    hasGlyphForCodePoint(codePoint: number): boolean {
      let low = 0;
      let high = ranges.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const [first, last] = ranges[middle] ?? [0, -1];
        if (codePoint < first) high = middle - 1;
        else if (codePoint > last) low = middle + 1;
        else return true;
      }
      return false;
    },
  };
}

const DEBIAN_NOTO = '/usr/share/fonts/opentype/noto';

function systemFonts(): FontChoice | undefined {
  const regular = path.join(DEBIAN_NOTO, 'NotoSansCJK-Regular.ttc');
  const bold = path.join(DEBIAN_NOTO, 'NotoSansCJK-Bold.ttc');
  if (!existsSync(regular) || !existsSync(bold)) return undefined;
  return { regular: { path: regular, face: 'NotoSansCJKsc-Regular' }, bold: { path: bold, face: 'NotoSansCJKsc-Bold' }, source: 'system' };
}

function fileOf(ref: FontRef, root: string): FontFile {
  const given = typeof ref === 'string' ? { path: ref } : ref;
  const resolved = path.resolve(root, given.path);
  return given.face === undefined ? { path: resolved } : { path: resolved, face: given.face };
}

/** @throws FontError when no font is named and none is installed. */
export function chooseFonts(
  configured: { readonly regular?: FontRef; readonly bold?: FontRef; readonly fallback?: FontRef } | undefined,
  projectRoot: string,
): FontChoice {
  const fallback = configured?.fallback === undefined ? undefined : fileOf(configured.fallback, projectRoot);
  if (configured?.regular !== undefined) {
    const regular = fileOf(configured.regular, projectRoot);
    // No bold face given: bold text is set in the regular face rather than faked.
    const bold = configured.bold === undefined ? regular : fileOf(configured.bold, projectRoot);
    return { regular, bold, fallback, source: 'config' };
  }
  const found = bundledFonts() ?? systemFonts();
  if (!found) throw new FontError({ kind: 'none-found' });
  // A bold face alone (a template's heading font) sets headings and bold text over the bundled regular.
  return { ...found, ...(configured?.bold === undefined ? {} : { bold: fileOf(configured.bold, projectRoot) }), fallback };
}

/**
 * A font file's bytes, at most MAX_FONT_BYTES: a FIFO or a device named as a font is never read.
 * @throws FontError when the file is not there, is not a regular file, or cannot be read.
 */
export function readFontFile(file: FontFile): Uint8Array {
  if (!existsSync(file.path)) throw new FontError({ kind: 'missing-file', path: file.path });
  try {
    return readRegularFileSync(file.path, MAX_FONT_BYTES);
  } catch (error: unknown) {
    if (error instanceof FileProblemError) {
      if (error.problem === 'missing') throw new FontError({ kind: 'missing-file', path: file.path });
      throw new FontError({ kind: 'not-a-file', path: file.path, problem: error.problem, limit: error.details.limit, code: error.details.code });
    }
    throw new FontError({ kind: 'unreadable', path: file.path, reason: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Which font files the PDF is set in, and their bytes. Order: fonts named in roledoc.config.yaml
 * (or the template) → the bundled faces the template's `pdf_fonts` picks (Noto Sans SC or Noto
 * Serif SC, which `npm ci` installed) → Debian's Noto CJK of the same families → the sans faces of
 * either → a clear error. Never a silent fallback to a Latin-only font: that prints garbage.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontRef } from '../model/config.js';
import { FileProblemError } from '../core/file-access.js';
import { requireCompiled } from '../core/package-files.js';
import {
  BUNDLED_FONT_FACTS,
  BUNDLED_FONT_FILES,
  bundledFontSpecifiers,
  decodeRuns,
  DEFAULT_BUNDLED_FACES,
  FontError,
  MAX_FONT_BYTES,
  type BundledFaces,
  type BundledFamily,
  type FontChoice,
  type FontFacts,
  type FontFile,
  storedRuns,
  type StoredFontFacts,
} from '../model/fonts.js';
import { readRegularFileSync } from './node-files.js';

const require = createRequire(import.meta.url);

/** The npm packages' TTFs for `faces`, resolved as files (their JS entries are React Native code and must not be imported); undefined when one is not installed. */
function bundledFonts(faces: BundledFaces): FontChoice | undefined {
  try {
    return { regular: { path: require.resolve(BUNDLED_FONT_FILES[faces.regular].regular) }, bold: { path: require.resolve(BUNDLED_FONT_FILES[faces.bold].bold) }, source: 'bundled' };
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
  for (const specifier of bundledFontSpecifiers()) {
    let resolved: string;
    try {
      resolved = require.resolve(specifier);
    } catch {
      continue;
    }
    if (path.resolve(file.path) !== resolved) continue;
    const all = stored as Record<string, StoredFontFacts | undefined>;
    const facts = all[specifier];
    const runs = storedRuns(all, specifier);
    if (facts === undefined || runs === undefined) return undefined;
    try {
      if (statSync(resolved).size !== facts.size) return undefined;
    } catch {
      return undefined;
    }
    return factsFrom(facts, runs);
  }
  return undefined;
}

/** Stored facts as a face's: whether a code point is in one of the ranges, by binary search. */
function factsFrom(stored: StoredFontFacts, runs: string): FontFacts {
  const ranges = decodeRuns(runs);
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

/** Debian's Noto CJK collections (fonts-noto-cjk) and their Simplified Chinese faces, by family and weight. */
const DEBIAN_FACES = {
  sans: { regular: ['NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'], bold: ['NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold'] },
  serif: { regular: ['NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'], bold: ['NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'] },
} as const satisfies Record<BundledFamily, Record<keyof BundledFaces, readonly [string, string]>>;

function systemFonts(faces: BundledFaces): FontChoice | undefined {
  const [regularFile, regularFace] = DEBIAN_FACES[faces.regular].regular;
  const [boldFile, boldFace] = DEBIAN_FACES[faces.bold].bold;
  const regular = path.join(DEBIAN_NOTO, regularFile);
  const bold = path.join(DEBIAN_NOTO, boldFile);
  if (!existsSync(regular) || !existsSync(bold)) return undefined;
  return { regular: { path: regular, face: regularFace }, bold: { path: bold, face: boldFace }, source: 'system' };
}

/**
 * The installed faces of the families asked for: bundled, else Debian's; a family installed neither
 * way gives way to sans (what roledoc has always bundled) rather than to no PDF at all.
 */
function installedFonts(faces: BundledFaces): FontChoice | undefined {
  return bundledFonts(faces) ?? systemFonts(faces) ?? bundledFonts(DEFAULT_BUNDLED_FACES) ?? systemFonts(DEFAULT_BUNDLED_FACES);
}

function fileOf(ref: FontRef, root: string): FontFile {
  const given = typeof ref === 'string' ? { path: ref } : ref;
  const resolved = path.resolve(root, given.path);
  return given.face === undefined ? { path: resolved } : { path: resolved, face: given.face };
}

/**
 * @param faces the bundled families for the faces `configured` leaves unnamed (a template's
 *   `pdf_fonts`); default sans for both.
 * @throws FontError when no font is named and none is installed.
 */
export function chooseFonts(
  configured: { readonly regular?: FontRef; readonly bold?: FontRef; readonly fallback?: FontRef } | undefined,
  projectRoot: string,
  faces: BundledFaces = DEFAULT_BUNDLED_FACES,
): FontChoice {
  const fallback = configured?.fallback === undefined ? undefined : fileOf(configured.fallback, projectRoot);
  if (configured?.regular !== undefined) {
    const regular = fileOf(configured.regular, projectRoot);
    // No bold face given: bold text is set in the regular face rather than faked.
    const bold = configured.bold === undefined ? regular : fileOf(configured.bold, projectRoot);
    return { regular, bold, fallback, source: 'config' };
  }
  const found = installedFonts(faces);
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

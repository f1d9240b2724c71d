/**
 * Which font files the PDF is set in, and parsing them once per process.
 * Order: fonts named in roledoc.config.yaml → the Noto Sans SC that `npm ci` installed → Debian's
 * Noto CJK → a clear error. Never a silent fallback to a Latin-only font: that prints garbage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import type { FontRef } from '../model/config.js';

/** The parsed faces a PDF is set in. */
export interface FontSet {
  readonly regular: Font;
  readonly bold: Font;
  /** Draws what the main faces lack (an emoji font, a CJK Extension B font); never bold. */
  readonly fallback?: Font | undefined;
}

export interface FontFile {
  readonly path: string;
  /** PostScript name of the face, for a TTC collection. */
  readonly face?: string;
}

export interface FontChoice {
  readonly regular: FontFile;
  readonly bold: FontFile;
  readonly fallback?: FontFile | undefined;
  readonly source: 'config' | 'bundled' | 'system';
}

export type FontProblem =
  | { readonly kind: 'missing-file'; readonly path: string }
  | { readonly kind: 'missing-face'; readonly path: string; readonly face: string; readonly available: readonly string[] }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string }
  | { readonly kind: 'none-found' };

export class FontError extends Error {
  override readonly name = 'FontError';
  constructor(readonly problem: FontProblem) {
    super(problem.kind);
  }
}

const require = createRequire(import.meta.url);

/** The npm package's TTFs, resolved as files: its JS entry is React Native code and must not be imported. */
function bundledFonts(): FontChoice | undefined {
  try {
    return {
      regular: { path: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf') },
      bold: { path: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf') },
      source: 'bundled',
    };
  } catch {
    return undefined;
  }
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

const parsed = new Map<string, Font>();

function loadFont(file: FontFile): Font {
  const key = `${file.path}#${file.face ?? ''}`;
  const cached = parsed.get(key);
  if (cached) return cached;
  if (!existsSync(file.path)) throw new FontError({ kind: 'missing-file', path: file.path });
  let result;
  try {
    result = create(readFileSync(file.path));
  } catch (error: unknown) {
    throw new FontError({ kind: 'unreadable', path: file.path, reason: error instanceof Error ? error.message : String(error) });
  }
  let font: Font | null;
  if ('fonts' in result) {
    const faces = result.fonts.map((f) => f.postscriptName);
    font = file.face === undefined ? null : result.getFont(file.face);
    if (!font) throw new FontError({ kind: 'missing-face', path: file.path, face: file.face ?? '', available: faces });
  } else {
    font = result;
  }
  parsed.set(key, font);
  return font;
}

/** Parses the chosen fonts (once per process; later calls reuse them). */
export function loadFontSet(choice: FontChoice): FontSet {
  return { regular: loadFont(choice.regular), bold: loadFont(choice.bold), fallback: choice.fallback ? loadFont(choice.fallback) : undefined };
}

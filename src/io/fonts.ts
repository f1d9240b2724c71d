/**
 * Which font files the PDF is set in, and their bytes. Order: fonts named in roledoc.config.yaml
 * (or the template) → the Noto Sans SC that `npm ci` installed → Debian's Noto CJK → a clear
 * error. Never a silent fallback to a Latin-only font: that prints garbage.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontRef } from '../model/config.js';
import { FileProblemError } from '../core/file-access.js';
import { FontError, MAX_FONT_BYTES, type FontChoice, type FontFile } from '../model/fonts.js';
import { readRegularFileSync } from './node-files.js';

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

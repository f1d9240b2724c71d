import { chooseFonts } from '../../src/io/fonts.js';
import { loadFontSet } from '../../src/pipeline/load-fonts.js';
import type { FontSet } from '../../src/render/fonts.js';

/** The bundled Noto Sans SC, as `roledoc build` loads it. */
export function bundledFonts(): FontSet {
  return loadFontSet(chooseFonts(undefined, process.cwd()));
}

import { chooseFonts, loadFontSet } from '../../src/render/fonts.js';
import type { FontSet } from '../../src/render/pdf/measure.js';

/** The bundled Noto Sans SC, as `roledoc build` loads it. */
export function bundledFonts(): FontSet {
  return loadFontSet(chooseFonts(undefined, process.cwd()));
}

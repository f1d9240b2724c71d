import { chooseFonts, loadFontSet, type FontSet } from '../../src/render/fonts.js';

/** The bundled Noto Sans SC, as `roledoc build` loads it. */
export function bundledFonts(): FontSet {
  return loadFontSet(chooseFonts(undefined, process.cwd()));
}

/** The chosen PDF fonts, read and parsed once per process (a render thread is a process of its own here). */
import type { Font } from 'fontkit';
import { readFontFile } from '../io/fonts.js';
import type { FontChoice, FontFile } from '../model/fonts.js';
import { parseFont, type FontSet } from '../render/fonts.js';

const parsed = new Map<string, Font>();

function loadFont(file: FontFile): Font {
  const key = `${file.path}#${file.face ?? ''}`;
  let font = parsed.get(key);
  if (!font) {
    font = parseFont(readFontFile(file), file);
    parsed.set(key, font);
  }
  return font;
}

/** @throws FontError when a file is missing or unreadable, or a collection lacks the face. */
export function loadFontSet(choice: FontChoice): FontSet {
  return { regular: loadFont(choice.regular), bold: loadFont(choice.bold), fallback: choice.fallback ? loadFont(choice.fallback) : undefined };
}

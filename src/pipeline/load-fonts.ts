/** The chosen PDF fonts, read and parsed once per process (a render thread is a process of its own here). */
import { FontError, type FontChoice, type FontFile } from '../model/fonts.js';
import { parseFont, type FontSet, type FontFace } from '../render/fonts.js';
import { fontFileBytes } from './font-files.js';

const parsed = new Map<string, FontFace>();

function loadFont(file: FontFile): FontFace {
  const key = `${file.path}#${file.face ?? ''}`;
  let font = parsed.get(key);
  if (!font) {
    font = parseFont(fontFileBytes(file), file);
    parsed.set(key, font);
  }
  return font;
}

/** @throws FontError when a file is missing or unreadable, or a collection lacks the face. */
export function loadFontSet(choice: FontChoice): FontSet {
  return { regular: loadFont(choice.regular), bold: loadFont(choice.bold), fallback: choice.fallback ? loadFont(choice.fallback) : undefined };
}

/** What each font file tried was found to be, once per process: `undefined` for usable. */
const tried = new Map<string, Promise<string | undefined>>();

/**
 * Sets a few characters of each font in a throwaway PDF, as the renderer will, so that a file
 * fontkit opens but cannot really use is named now rather than failing a render thread later.
 * @throws FontError (kind 'unusable') for the first such font.
 */
export async function checkFontsUsable(choice: FontChoice, fonts: FontSet, which: (file: FontFile) => boolean): Promise<void> {
  const faces = [
    [choice.regular, fonts.regular],
    [choice.bold, fonts.bold],
    [choice.fallback, fonts.fallback],
  ] as const;
  for (const [file, font] of faces) {
    if (!file || !font || !which(file)) continue;
    const key = `${file.path}#${file.face ?? ''}`;
    let problem = tried.get(key);
    if (!problem) {
      // pdfkit is loaded only to try a font: a build of Word documents alone never needs it.
      problem = import('../render/pdf/font-check.js').then(({ fontProblem }) => fontProblem(font));
      tried.set(key, problem);
    }
    const reason = await problem;
    if (reason !== undefined) throw new FontError({ kind: 'unusable', path: file.path, reason });
  }
}

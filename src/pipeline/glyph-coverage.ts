/**
 * Every character of a role is checked against the PDF fonts before rendering: a character no font
 * can draw would print as a box (tofu) without a word, so it becomes a warning at its file:line.
 */
import { type Diagnostic, diagnostic, type SourceSpan } from '../core/diagnostic.js';
import type { Messages } from '../messages/messages.js';
import { codePointLabel, stringsWithPaths } from '../load/control-characters.js';
import type { Locator } from '../load/locate.js';
import { sourceLine, type SourceFile } from '../load/source-file.js';
import type { FontFactsSet } from '../model/fonts.js';

export interface CoverageInput {
  readonly file: string;
  readonly data: unknown;
  readonly locator: Locator;
  /** The file, to point at the character itself rather than its whole value. */
  readonly source: SourceFile | undefined;
}

/** Characters of `text` no font can draw (the main faces, then the fallback), in order of appearance; whitespace never counts. */
export function missingCharacters(text: string, fonts: FontFactsSet): string[] {
  const missing = new Set<string>();
  const known = drawableFor(fonts);
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    let drawable = known.get(codePoint);
    if (drawable === undefined) {
      const main = fonts.regular.hasGlyphForCodePoint(codePoint) && fonts.bold.hasGlyphForCodePoint(codePoint);
      drawable = /\s/.test(char) || main || (fonts.fallback?.hasGlyphForCodePoint(codePoint) ?? false);
      known.set(codePoint, drawable);
    }
    if (!drawable) missing.add(char);
  }
  return [...missing];
}

/** What each font set can draw, by code point: a thousand roles use the same few thousand characters. */
const drawable = new WeakMap<FontFactsSet, Map<number, boolean>>();

function drawableFor(fonts: FontFactsSet): Map<number, boolean> {
  let known = drawable.get(fonts);
  if (!known) {
    known = new Map();
    drawable.set(fonts, known);
  }
  return known;
}

/**
 * One warning per file and character, at its first appearance, pointing at the character: a name
 * written fifty times with a rare character is one thing to fix, not fifty.
 */
export function checkGlyphCoverage(inputs: readonly CoverageInput[], fonts: FontFactsSet, messages: Messages): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const input of inputs) {
    const reported = new Set<string>();
    for (const { path, text } of stringsWithPaths(input.data)) {
      for (const char of missingCharacters(text, fonts)) {
        if (reported.has(char)) continue;
        reported.add(char);
        out.push(diagnostic('font.missing-glyph', input.file, narrowTo(char, input.locator.locate(path, 'value'), input.source), messages.missingGlyph(char, codePointLabel(char.codePointAt(0) ?? 0)), messages.missingGlyphHint));
      }
    }
  }
  return out;
}

/** The span of `char` inside a value's span when it is on the value's first line; else the value. */
function narrowTo(char: string, span: SourceSpan, source: SourceFile | undefined): SourceSpan {
  if (source === undefined) return span;
  const line = sourceLine(source, span.line);
  const at = line.indexOf(char, span.column - 1);
  if (at < 0) return span;
  return { line: span.line, column: at + 1, endLine: span.line, endColumn: at + 1 + char.length };
}

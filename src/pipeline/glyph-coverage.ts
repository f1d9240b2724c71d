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
  const known = drawableFor(fonts);
  let missing: Set<string> | undefined;
  // By UTF-16 unit, not `for (const char of text)`: a string per character was most of a build's
  // check of a thousand roles, where almost every character is one seen before.
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const pair = unit >= 0xd800 && unit < 0xdc00 && index + 1 < text.length;
    const codePoint = pair ? (text.codePointAt(index) ?? unit) : unit;
    if (codePoint > 0xffff) index++;
    if (isDrawable(codePoint, fonts, known)) continue;
    (missing ??= new Set()).add(String.fromCodePoint(codePoint));
  }
  return missing === undefined ? [] : [...missing];
}

/** What a font set can draw, by code point (0: not asked yet, 1: drawable, 2: not): a thousand roles use the same few thousand characters. */
const drawable = new WeakMap<FontFactsSet, Uint8Array>();

function drawableFor(fonts: FontFactsSet): Uint8Array {
  let known = drawable.get(fonts);
  if (!known) {
    known = new Uint8Array(0x110000);
    drawable.set(fonts, known);
  }
  return known;
}

function isDrawable(codePoint: number, fonts: FontFactsSet, known: Uint8Array): boolean {
  const seen = known[codePoint] ?? 0;
  if (seen !== 0) return seen === 1;
  const main = fonts.regular.hasGlyphForCodePoint(codePoint) && fonts.bold.hasGlyphForCodePoint(codePoint);
  const drawn = /\s/u.test(String.fromCodePoint(codePoint)) || main || (fonts.fallback?.hasGlyphForCodePoint(codePoint) ?? false);
  known[codePoint] = drawn ? 1 : 2;
  return drawn;
}

/** Whether every string of the data passes `test`. */
function everyString(node: unknown, test: (text: string) => boolean): boolean {
  if (typeof node === 'string') return test(node);
  if (Array.isArray(node)) return node.every((item: unknown) => everyString(item, test));
  if (typeof node === 'object' && node !== null) return Object.values(node).every((value: unknown) => everyString(value, test));
  return true;
}

/**
 * One warning per file and character, at its first appearance, pointing at the character: a name
 * written fifty times with a rare character is one thing to fix, not fifty.
 */
export function checkGlyphCoverage(inputs: readonly CoverageInput[], fonts: FontFactsSet, messages: Messages): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const input of inputs) {
    // Paths to the strings are made only for a file with a character missing: most have none.
    if (everyString(input.data, (text) => missingCharacters(text, fonts).length === 0)) continue;
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

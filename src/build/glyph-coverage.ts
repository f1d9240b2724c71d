/**
 * Every character of a role is checked against the PDF fonts before rendering: a character no font
 * can draw would print as a box (tofu) without a word, so it becomes a warning at its file:line.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import type { Locator } from '../load/locate.js';
import type { FontSet } from '../render/pdf/measure.js';

export interface CoverageInput {
  readonly file: string;
  readonly data: unknown;
  readonly locator: Locator;
}

function* strings(node: unknown, path: string[]): Generator<{ path: string[]; text: string }> {
  if (typeof node === 'string') yield { path, text: node };
  else if (Array.isArray(node)) for (const [index, item] of node.entries()) yield* strings(item, [...path, String(index)]);
  else if (typeof node === 'object' && node !== null) for (const [key, value] of Object.entries(node)) yield* strings(value, [...path, key]);
}

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function checkGlyphCoverage(inputs: readonly CoverageInput[], fonts: FontSet, messages: Messages): Diagnostic[] {
  const known = new Map<number, boolean>();
  const drawable = (codePoint: number): boolean => {
    let ok = known.get(codePoint);
    if (ok === undefined) {
      ok = fonts.regular.hasGlyphForCodePoint(codePoint) && fonts.bold.hasGlyphForCodePoint(codePoint);
      known.set(codePoint, ok);
    }
    return ok;
  };
  const out: Diagnostic[] = [];
  for (const input of inputs) {
    for (const { path, text } of strings(input.data, [])) {
      const missing = new Set<string>();
      for (const char of text) {
        const codePoint = char.codePointAt(0) ?? 0;
        if (/\s/.test(char) || drawable(codePoint)) continue;
        missing.add(char);
      }
      for (const char of missing) {
        out.push({
          severity: 'warning',
          code: 'font.missing-glyph',
          message: messages.missingGlyph(char, codePointLabel(char.codePointAt(0) ?? 0)),
          file: input.file,
          span: input.locator.locate(path, 'value'),
          hint: messages.missingGlyphHint,
        });
      }
    }
  }
  return out;
}

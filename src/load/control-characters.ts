/**
 * Characters XML cannot hold: C0 controls other than tab, line feed and carriage return, the
 * non-characters U+FFFE/U+FFFF, and halves of surrogate pairs (YAML escapes like "\x07" or "\uD800"
 * make them). Written into a .docx, any of them makes Word refuse the whole file, so they are
 * reported where they are and removed.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** U+20BB7: how a character is named when it cannot be shown. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function forbiddenCharacters(text: string): string[] {
  return [...new Set(text.match(FORBIDDEN) ?? [])];
}

export function removeForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** The same data with every string cleaned; anything else as it was. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return removeForbiddenCharacters(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cleanStrings(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item)])) as T;
  }
  return value;
}

/** Every string of the data with its path, for reporting. */
export function* stringsWithPaths(node: unknown, path: string[] = []): Generator<{ path: string[]; text: string }> {
  if (typeof node === 'string') yield { path, text: node };
  else if (Array.isArray(node)) for (const [index, item] of node.entries()) yield* stringsWithPaths(item, [...path, String(index)]);
  else if (typeof node === 'object' && node !== null) for (const [key, value] of Object.entries(node)) yield* stringsWithPaths(value, [...path, key]);
}

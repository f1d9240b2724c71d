/** Layering data files: a template over the template it extends, a locale catalog over a built-in one. */

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is PlainObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `over` laid on `base`: mappings merge key by key, lists and values replace. */
export function deepMerge(base: PlainObject, over: PlainObject): PlainObject {
  const merged: PlainObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isPlainObject(below) && isPlainObject(value) ? deepMerge(below, value) : value;
  }
  return merged;
}

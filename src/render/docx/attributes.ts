/**
 * docx 9 formats an element's attributes (NextAttributeComponent, behind every run, paragraph and
 * table property) by spreading the attributes so far into a new object for each one, through its
 * bundler's object-spread helpers: quadratic, and a sixth of the time a role's .docx takes. This
 * formats them in one pass into one object, with the same keys in the same order and the same
 * values, so the XML is the same bytes (test/docx-attributes.test.ts compares the two).
 */
import { NextAttributeComponent } from 'docx';

interface AttributeEntry {
  readonly key: string;
  readonly value: unknown;
}

/** docx's own prepForXml for attributes, kept for the test that compares the two. */
export const docxAttributeFormatting = NextAttributeComponent.prototype.prepForXml;

/** An element's attributes in one pass: `this` is a NextAttributeComponent, whose `root` (private to docx) holds them by property. */
export function formatAttributes(this: object): { readonly _attr: Record<string, unknown> } {
  const root = Reflect.get(this, 'root') as Record<string, AttributeEntry>;
  const attributes: Record<string, unknown> = {};
  // Attribute names are XML names ("w:val"), never "__proto__": plain assignment is docx's defineProperty.
  for (const { key, value } of Object.values(root)) if (value !== undefined) attributes[key] = value;
  return { _attr: attributes };
}

let installed = false;

/** Formats attributes in one pass from now on, in this thread. */
export function useLinearAttributes(): void {
  if (installed) return;
  installed = true;
  Reflect.set(NextAttributeComponent.prototype, 'prepForXml', formatAttributes);
}

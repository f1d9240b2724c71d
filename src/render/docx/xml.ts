/**
 * docx's formatted objects → XML text, written as docx's own Packer writes them.
 *
 * Why roledoc writes this itself: the Packer turns the whole document into one formatted tree and
 * then one string (a third copy of the document: 1.6 GB for a handbook of 1,000 roles). roledoc
 * formats a document part by part — each component's own `prepForXml`, docx's lower-level API —
 * and writes each part's text at once, so only one part is ever held as objects. The rules are
 * docx's (its `stringifyXmlable`, which keeps the quirks of the `xml` package): the same objects
 * give the same bytes, which test/render-docx.test.ts checks against the Packer.
 */
import type { IXmlableObject } from 'docx';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Escapes text or an attribute value as docx does; control characters XML 1.0 cannot hold are dropped. */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? '');
}

const escapeValue = (value: unknown): string => (typeof value === 'string' ? escapeXml(value) : String(value));

/** The XML of one formatted object: `{ "w:p": [ { _attr: {…} }, child, "text" ] }` and its variants. */
export function xmlOf(data: IXmlableObject): string {
  const name = Object.keys(data)[0];
  const values: unknown = name === undefined ? undefined : data[name];
  let attributes = '';
  const addAttributes = (attr: Readonly<Record<string, unknown>>): void => {
    for (const [key, value] of Object.entries(attr)) attributes += ` ${key}="${escapeValue(value)}"`;
  };
  // Each entry is written as it comes; `undefined` is an empty one (it still counts, as in docx).
  const content: (string | undefined)[] = [];
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values as unknown[]) {
          if (typeof value === 'object' && value !== null) {
            const child = value as IXmlableObject;
            if (Object.keys(child)[0] === '_attr') addAttributes(child['_attr'] as Record<string, unknown>);
            else content.push(xmlOf(child));
          } else {
            // The xml package's quirk, kept: text replaces the entry before it.
            content.pop();
            isStringContent = true;
            content.push(value === undefined ? undefined : escapeValue(value));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else {
    content.push(values === undefined ? undefined : escapeValue(values));
  }
  const open = (name ? `<${name}` : '') + attributes;
  if (content.length === 0) return `${open}/>`;
  return `${open}${name ? '>' : ''}${content.map((entry) => entry ?? '').join('')}${name ? `</${name}>` : ''}`;
}

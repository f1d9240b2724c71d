/**
 * roledoc formats docx's attributes in one pass (src/render/docx/attributes.ts) instead of docx's
 * quadratic spreading: every attribute object a document's rendering formats must come out as
 * docx's own formatting makes it — the same keys, in the same order, with the same values.
 */
import { NextAttributeComponent, type AttributeData } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { docxAttributeFormatting, formatAttributes, useLinearAttributes } from '../src/render/docx/attributes.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { seedFixture } from './helpers/seed.js';

const prototype = NextAttributeComponent.prototype;
/** docx's attribute formatting never reads its context. */
const unusedContext = {} as Parameters<typeof docxAttributeFormatting>[0];

describe('attributes formatted in one pass', () => {
  afterEach(() => {
    Reflect.set(prototype, 'prepForXml', formatAttributes);
  });

  it('are what docx formats, for every attribute of the seed roles\' documents', async () => {
    const { layouts } = seedFixture();
    // Installed first, so that rendering does not install it again over the comparison below.
    useLinearAttributes();
    let compared = 0;
    const differences: string[] = [];
    Reflect.set(prototype, 'prepForXml', function (this: NextAttributeComponent<AttributeData>, context: Parameters<typeof docxAttributeFormatting>[0]) {
      const ours = formatAttributes.call(this);
      const docx = docxAttributeFormatting.call(this, context);
      // JSON keeps the order of the keys: the order of the attributes in the XML.
      if (JSON.stringify(ours) !== JSON.stringify(docx)) differences.push(`${JSON.stringify(ours)} ≠ ${JSON.stringify(docx)}`);
      compared++;
      return ours;
    });
    for (const layout of layouts.values()) await renderDocx(layout, { createdAt: new Date('2024-01-01T00:00:00Z') });
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });

  it('leave out an attribute without a value, and keep a repeated name where it first came', () => {
    const attributes = new NextAttributeComponent({
      first: { key: 'w:val', value: 'a' },
      none: { key: 'w:none', value: 'set below' },
      second: { key: 'w:after', value: 0 },
      again: { key: 'w:val', value: 'b' },
    });
    // docx's own components leave an attribute they do not set undefined.
    Reflect.set(Reflect.get(attributes, 'root') as object, 'none', { key: 'w:none', value: undefined });
    const ours = formatAttributes.call(attributes);
    expect(JSON.stringify(ours)).toBe(JSON.stringify(docxAttributeFormatting.call(attributes, unusedContext)));
    expect(ours).toEqual({ _attr: { 'w:val': 'b', 'w:after': 0 } });
  });
});

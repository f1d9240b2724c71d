import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { leafStrings, seedFixture, squash } from './helpers/seed.js';
import { assertValidDocx } from './helpers/valid-output.js';

const { roles, layouts, titleOf } = seedFixture();

describe('docx renderer on the seed roles', () => {
  it.each(roles.map((role) => role.id))('%s: every string of the role is in the document text', async (id) => {
    const role = roles.find((r) => r.id === id);
    const layout = layouts.get(id);
    if (!role || !layout) throw new Error('missing');
    const docx = await renderDocx(layout, { createdAt: new Date('2024-01-01T00:00:00Z') });
    const text = squash(await assertValidDocx(docx));
    const missing = leafStrings(role, titleOf).filter((s) => !text.includes(squash(s)));
    expect(missing).toEqual([]);
  });
});

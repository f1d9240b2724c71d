import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { composeAll, leafStrings, seedRoles, squash } from './helpers/seed.js';

const roles = seedRoles().map((entry) => entry.role);
const layouts = composeAll(roles);
const titles = new Map(roles.map((role) => [role.id, role.title]));

describe('docx renderer on the seed roles', () => {
  it.each(roles.map((role) => role.id))('%s: every string of the role is in the document text', async (id) => {
    const role = roles.find((r) => r.id === id);
    const layout = layouts.get(id);
    if (!role || !layout) throw new Error('missing');
    const docx = await renderDocx(layout, { createdAt: new Date('2024-01-01T00:00:00Z') });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    const text = squash(value);
    const missing = leafStrings(role, (ref) => titles.get(ref)).filter((s) => !text.includes(squash(s)));
    expect(missing).toEqual([]);
  });
});

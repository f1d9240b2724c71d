/**
 * roledoc as a library (src/index.ts): what a program — or a future command such as diff or
 * preview — calls instead of the CLI. The API and `roledoc build` make the same documents.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, checkProject, compileProject, renderDocument } from '../src/index.js';
import { seedProject } from './helpers/seed.js';

describe('the API', () => {
  it('checks a project: its roles, its template and locale, and every problem', async () => {
    const dir = seedProject();
    const checked = await checkProject(dir);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.roles.map((entry) => entry.role.id).sort()).toEqual(['cs-manager', 'cs-marketing-support-supervisor', 'cs-supervisor']);
    expect(checked.template?.name).toBe('classic');
    expect(checked.locale?.lang).toBe('zh-CN');

    const supervisor = path.join(dir, 'roles', '客服部', 'cs-supervisor.yaml');
    writeFileSync(supervisor, readFileSync(supervisor, 'utf8').replace('headcount: 4', 'headcount: 4人'));
    const broken = await checkProject(dir, { lang: 'en' });
    expect(broken.diagnostics.map((d) => [d.code, d.file, d.span.line])).toEqual([['schema.type', 'roles/客服部/cs-supervisor.yaml', 9]]);
    expect(broken.diagnostics[0]?.message).toContain('whole number');
  });

  it('compiles a project into the documents a build makes, each with its Layout, and renders them to the same bytes', async () => {
    const dir = seedProject();
    const { documents, checked } = await compileProject(dir);
    expect(checked.diagnostics).toEqual([]);
    expect(documents.map((document) => document.name).sort()).toEqual(
      ['cs-manager', 'cs-marketing-support-supervisor', 'cs-supervisor', 'handbook'].flatMap((id) => [`${id}.docx`, `${id}.pdf`]),
    );
    const handbook = documents.find((document) => document.name === 'handbook.pdf');
    expect(handbook?.layout.blocks[0]?.kind).toBe('cover');

    const built = await buildProject(dir, undefined, { paths: [] });
    expect(built.ok).toBe(true);
    expect(built.written.length).toBe(8);
    for (const name of ['cs-supervisor.docx', 'cs-supervisor.pdf']) {
      const document = documents.find((each) => each.name === name);
      if (!document) throw new Error(`no ${name}`);
      const bytes = await renderDocument(document.layout, document.format, { createdAt: document.createdAt });
      expect(Buffer.from(bytes).equals(readFileSync(path.join(dir, 'out', name))), name).toBe(true);
    }
  });

  it('makes no documents of a project with errors', async () => {
    const dir = seedProject();
    writeFileSync(path.join(dir, 'roles', 'broken.yaml'), 'id: broken\n');
    const { documents, checked } = await compileProject(dir);
    expect(checked.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(documents).toEqual([]);
    const built = await buildProject(dir, undefined, { paths: [] });
    expect(built.ok).toBe(false);
    expect(built.written).toEqual([]);
  });
});

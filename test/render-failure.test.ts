/**
 * A renderer that throws, simulated: when nothing the user supplied is to blame, it is a bug in
 * roledoc and says so — naming the document and its format, the stack only with --debug; when the
 * document renders without its logo, the logo is named instead. Either way the output folder's
 * lock is released and the last good build's documents are kept.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Layout } from '../src/layout/layout.js';
import { runCli } from './helpers/run-cli.js';
import { REPO, tempProject } from './helpers/seed.js';
import { outputNames } from './helpers/project.js';

/** How the Word renderer misbehaves in the test that sets it. */
const simulated: { failure: 'always' | 'with-logo' | undefined } = { failure: undefined };

vi.mock('../src/render/renderers.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/render/renderers.js')>();
  return {
    ...real,
    loadRenderer: async (format: 'docx' | 'pdf') => {
      const renderer = await real.loadRenderer(format);
      return {
        format,
        render: (layout: Layout, ctx: Parameters<typeof renderer.render>[1]) => {
          if (format === 'docx' && simulated.failure === 'always') throw new TypeError('simulated failure in the Word renderer');
          if (format === 'docx' && simulated.failure === 'with-logo' && layout.header?.logo) throw new Error('simulated failure on the logo');
          return renderer.render(layout, ctx);
        },
      };
    },
  };
});

afterEach(() => {
  simulated.failure = undefined;
});

const documents = (dir: string): Map<string, string> =>
  new Map(outputNames(path.join(dir, 'out')).map((name) => [name, readFileSync(path.join(dir, 'out', name)).toString('base64')]));

function project(config = ''): string {
  return tempProject({ 'roledoc.config.yaml': `${config}handbook: false\n`, 'roles/a.yaml': 'id: a\ntitle: 专员\ndepartment: 客服部\nresponsibilities: [负责接听电话。]\n' });
}

describe('a renderer that throws', () => {
  it('for no fault of the files: a roledoc bug naming the document and its format; the lock released, the documents kept', async () => {
    const dir = project();
    expect((await runCli(['build'], dir)).exitCode).toBe(0);
    const before = documents(dir);
    writeFileSync(path.join(dir, 'roles', 'a.yaml'), 'id: a\ntitle: 专员\ndepartment: 客服部\nresponsibilities: [负责接听来电。]\n');
    simulated.failure = 'always';
    const result = await runCli(['build'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('roledoc 内部错误：生成岗位 a 的 Word 文档（out/a.docx）时出错：simulated failure in the Word renderer——这是 roledoc 的缺陷');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(dir, 'out', '.roledoc.lock'))).toBe(false);
    expect(documents(dir)).toEqual(before);

    const debug = await runCli(['build', '--debug', '--lang', 'en'], dir);
    expect(debug.exitCode).toBe(2);
    expect(debug.stderr).toContain("roledoc internal error: Making role a's Word document (out/a.docx) failed: simulated failure in the Word renderer — a bug in roledoc");
    expect(debug.stderr).toMatch(/Caused by: TypeError: simulated failure in the Word renderer\n\s+at /);
  });

  it('on the logo (the document renders without it): the logo is named, with a hint, not a bug', async () => {
    const dir = project('template: templates/acme\n');
    cpSync(path.join(REPO, 'test', 'fixtures', 'brand', 'templates', 'acme'), path.join(dir, 'templates', 'acme'), { recursive: true });
    simulated.failure = 'with-logo';
    const result = await runCli(['build', '--format', 'docx'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('无法生成岗位 a 的 Word 文档（out/a.docx）：模板的标志 templates/acme/logo.png 无法印进文档。');
    expect(result.stderr).toContain('提示：用图片软件把标志另存为普通的 PNG');
    expect(result.stderr).not.toContain('缺陷');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

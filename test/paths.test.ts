/**
 * Paths under Windows rules, run here: HR staff work on Windows (drive letters, `\`, folder and
 * file names in Chinese, a file system that ignores case), and a regression in these rules must
 * show before it reaches them. The same checks run under POSIX rules.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { globBase, isInside, staysInside, toProjectPath } from '../src/core/paths.js';
import { parseManifest, serializeManifest } from '../src/incremental/manifest.js';

describe('project paths under Windows rules', () => {
  const root = 'C:\\Users\\李雷\\岗位说明书';

  it('shows a file of the project with forward slashes, Chinese names intact', () => {
    expect(toProjectPath(root, `${root}\\roles\\客服部\\cs-supervisor.yaml`, path.win32)).toBe('roles/客服部/cs-supervisor.yaml');
    expect(toProjectPath(root, `${root}\\roledoc.config.yaml`, path.win32)).toBe('roledoc.config.yaml');
    expect(toProjectPath(root, `${root}\\out`, path.win32)).toBe('out');
  });

  it('keeps paths inside the project, whichever separator and case they are written in', () => {
    for (const inside of ['out', 'out\\docs', 'out/docs', '.\\roles\\客服部', 'ROLES', `${root.toLowerCase()}\\out`, 'c:\\users\\李雷\\岗位说明书\\roles']) {
      expect(staysInside(root, inside, path.win32), inside).toBe(true);
    }
    for (const outside of ['..\\elsewhere', '../elsewhere', '..\\岗位说明书2', 'D:\\out', '\\\\server\\share\\out', 'C:\\Users\\李雷']) {
      expect(staysInside(root, outside, path.win32), outside).toBe(false);
    }
    // A sibling whose name starts with the project's is not inside it.
    expect(staysInside(root, `${root}-备份\\out`, path.win32)).toBe(false);
    expect(isInside(`${root}\\templates\\`, `${root}\\templates\\acme\\logo.png`, path.win32)).toBe(true);
  });

  it('reads the folder of a roles setting written with either separator', () => {
    expect(globBase('roles\\客服部\\**\\*.yaml')).toBe('roles/客服部');
    expect(globBase('roles/**/*.yaml')).toBe('roles');
    expect(globBase('roles\\客服部')).toBe('roles/客服部');
    expect(globBase('**/*.yaml')).toBe('.');
  });

  it('never takes a path for a document name in the manifest', () => {
    const entry = { inputs: 'x', sha256: 'y', size: 1, role: 'r' };
    const text = JSON.stringify({ version: 1, generator: 'roledoc', outputs: { 'cs-a.pdf': entry, '..\\roles\\cs-a.yaml': entry, 'C:\\x.pdf': entry, 'sub/x.pdf': entry } });
    expect([...parseManifest(text).keys()]).toEqual(['cs-a.pdf']);
    // The manifest's bytes are the same on every system: no separators, sorted names, LF.
    expect(serializeManifest(new Map([['b.pdf', entry], ['a.docx', entry]]))).toMatch(/^\{\n {2}"version": 1,[\s\S]*"a\.docx"[\s\S]*"b\.pdf"[\s\S]*\n\}\n$/);
  });
});

describe('project paths under POSIX rules', () => {
  const root = '/home/lilei/岗位说明书';

  it('shows, keeps inside and refuses as on Windows, with case mattering', () => {
    expect(toProjectPath(root, `${root}/roles/客服部/a.yaml`, path.posix)).toBe('roles/客服部/a.yaml');
    expect(staysInside(root, 'out/docs', path.posix)).toBe(true);
    expect(staysInside(root, '../elsewhere', path.posix)).toBe(false);
    expect(staysInside(root, `${root}-备份/out`, path.posix)).toBe(false);
    expect(staysInside(root, '/home/lilei/岗位说明书/out', path.posix)).toBe(true);
    expect(staysInside(root, '/HOME/lilei/岗位说明书/out', path.posix)).toBe(false);
  });
});

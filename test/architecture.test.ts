/**
 * The layers of docs/architecture.md, enforced: every import in src/ points down the table below
 * (or stays in its own folder), no file imports itself round a circle, and the disk, processes and
 * threads are touched only where the table says. A new folder must be added here and to the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/seed.js';

const SRC = path.join(REPO, 'src');

/** Each part of src/ and the parts it may import, bottom up: the table of docs/architecture.md. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: [],
  messages: ['core'],
  layout: ['core'],
  model: ['core', 'messages', 'layout'],
  io: ['core', 'messages', 'model'],
  load: ['core', 'messages', 'model'],
  validate: ['core', 'messages', 'model', 'load'],
  rules: ['core', 'messages', 'model', 'load', 'validate'],
  resolve: ['core', 'model'],
  locale: ['core', 'messages', 'model', 'load', 'validate'],
  template: ['core', 'messages', 'model', 'layout', 'load', 'validate'],
  compose: ['core', 'model', 'layout', 'locale'],
  render: ['core', 'model', 'layout'],
  incremental: ['core', 'model', 'layout'],
  scaffold: ['core', 'messages', 'model', 'load', 'validate'],
  import: ['core', 'messages', 'model', 'layout', 'validate'],
  diff: ['core', 'model', 'locale'],
  lint: ['core', 'messages', 'model', 'load'],
  pipeline: ['core', 'messages', 'layout', 'model', 'io', 'load', 'validate', 'rules', 'resolve', 'locale', 'template', 'compose', 'render', 'incremental', 'import', 'diff', 'lint'],
  'index.ts': ['core', 'messages', 'layout', 'model', 'load', 'validate', 'rules', 'resolve', 'locale', 'template', 'compose', 'render', 'incremental', 'import', 'diff', 'lint', 'pipeline'],
  cli: ['core', 'messages', 'layout', 'model', 'io', 'load', 'validate', 'rules', 'resolve', 'locale', 'template', 'compose', 'render', 'incremental', 'scaffold', 'import', 'diff', 'lint', 'pipeline'],
  types: [],
};

/** Modules that touch the disk, other processes or threads, and the only places that may import them. */
const CAPABILITIES: readonly { readonly modules: RegExp; readonly allowed: RegExp; readonly why: string }[] = [
  {
    modules: /^(node:)?(fs|fs\/promises)$/,
    // The package's own files (core/package-files.ts) and the build step that precompiles the schemas.
    allowed: /^(io\/.*|core\/package-files\.ts|validate\/precompile\.ts)$/,
    why: 'the disk is io/’s',
  },
  { modules: /^(node:)?child_process$|^(tinyglobby|chokidar)$/, allowed: /^io\//, why: 'git, globs and watching are io/’s' },
  {
    modules: /^(node:)?worker_threads$/,
    // And the one thread that keeps the output folder's lock fresh while the main thread renders.
    allowed: /^(pipeline\/render-(pool|worker)\.ts|io\/lock-refresh\.ts)$/,
    why: 'render threads are the render pool’s, the lock-refreshing thread io/lock-refresh.ts’s',
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(SRC, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Which part of src/ a file belongs to: its top folder, or the file itself at the top. */
const partOf = (file: string): string => (file.includes('/') ? (file.split('/')[0] ?? file) : file);

/** Every module a file imports (static, dynamic, re-exports, type-only alike), and the src files among them. */
function importsOf(file: string): { modules: string[]; files: string[] } {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const modules = ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
  const files = modules
    .filter((name) => name.startsWith('.'))
    .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)).replace(/\.js$/, '.ts'));
  return { modules, files };
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('the architecture of src/', () => {
  it('has a row in the layer table for every part, and a table without circles', () => {
    expect([...new Set(files.map(partOf))].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (part: string): void => {
      if (done.has(part)) return;
      expect(visiting.has(part), `the layer table has a circle through ${part}`).toBe(false);
      visiting.add(part);
      for (const below of MAY_IMPORT[part] ?? []) visit(below);
      visiting.delete(part);
      done.add(part);
    };
    Object.keys(MAY_IMPORT).forEach(visit);
  });

  it('imports only down the layers', () => {
    const upward: string[] = [];
    for (const [file, { files: targets }] of graph) {
      for (const target of targets) {
        const [from, to] = [partOf(file), partOf(target)];
        if (from !== to && !(MAY_IMPORT[from] ?? []).includes(to)) upward.push(`${file} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no circle of files importing each other', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      stack.push(file);
      for (const target of graph.get(file)?.files ?? []) visit(target);
      stack.pop();
      state.set(file, 'done');
    };
    files.forEach(visit);
    expect(cycles).toEqual([]);
  });

  it('touches the disk, other processes and threads only where it may', () => {
    const misplaced: string[] = [];
    for (const [file, { modules }] of graph) {
      for (const rule of CAPABILITIES) {
        for (const module of modules) if (rule.modules.test(module) && !rule.allowed.test(file)) misplaced.push(`${file} imports ${module}: ${rule.why}`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('sees the imports it checks (the parser is not blind)', () => {
    expect(graph.get('cli/main.ts')?.files).toContain('cli/validate-command.ts');
    expect(graph.get('cli/main.ts')?.files).toContain('cli/build-command.ts');
    expect(graph.get('io/node-files.ts')?.modules).toContain('node:fs/promises');
  });
});

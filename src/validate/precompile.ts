/**
 * Build step (`npm run build`), never run by roledoc itself: compiles the JSON Schemas into
 * standalone ajv validators in dist/validate/precompiled/, so a roledoc process does not spend
 * ~170 ms compiling them at every start. Each file carries the sha256 of the schema it was made
 * from; a schema edited since is compiled at run time instead (see schemas.ts), so a stale file is
 * never used.
 *
 * It also writes the bundled fonts' facts (dist/render/bundled-font-facts.json: name, version,
 * glyph count and the characters each face draws, for every face a template's pdf_fonts can pick:
 * Noto Sans SC and Noto Serif SC, regular and bold), so that checking a project's text against the
 * bundled fonts — what `validate` and every build do — loads no font library: ~80 ms of a cold
 * start. Each entry carries its file's size; a font file changed since is parsed instead.
 *
 * Last, it keeps only the declarations the public API needs: tsc writes a .d.ts beside every
 * module, but a program that imports roledoc sees only what dist/index.d.ts reaches through its
 * imports; the rest (two thirds) only made the package bigger.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { create } from 'fontkit';
import { compiledPath } from '../core/package-files.js';
import { BUNDLED_FONT_FACTS, bundledFontSpecifiers, encodeRuns, type StoredFontFacts } from '../model/fonts.js';
import { AJV_OPTIONS, precompiledPath, schemaHash, SCHEMA_KINDS, schemaText, withoutAnnotations } from './schemas.js';

for (const kind of SCHEMA_KINDS) {
  const text = schemaText(kind);
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(withoutAnnotations(JSON.parse(text)) as object));
  const file = precompiledPath(kind);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`);
}

const require = createRequire(import.meta.url);
const facts: Record<string, StoredFontFacts> = {};
for (const specifier of bundledFontSpecifiers()) {
  const bytes = readFileSync(require.resolve(specifier));
  const font = create(bytes);
  if ('fonts' in font) throw new Error(`${specifier} is a collection; a bundled face must be a single font`);
  // Every code point the cmap names and that maps to a real glyph, as runs of consecutive ones.
  const drawn = [...new Set(font.characterSet)].filter((codePoint) => font.hasGlyphForCodePoint(codePoint)).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const codePoint of drawn) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && codePoint === last[1] + 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  const runs = encodeRuns(ranges);
  // A family's bold draws what its regular draws: stored once.
  const same = Object.entries(facts).find(([, earlier]) => earlier.runs === runs)?.[0];
  facts[specifier] = { size: bytes.byteLength, postscriptName: font.postscriptName, version: font.version, numGlyphs: font.numGlyphs, runs: same === undefined ? runs : `=${same}` };
}
const factsFile = compiledPath(...BUNDLED_FONT_FACTS);
mkdirSync(path.dirname(factsFile), { recursive: true });
writeFileSync(factsFile, `${JSON.stringify(facts)}\n`);

/** Every .d.ts under `folder`. */
function declarationFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The declaration files `entry` reaches through its relative imports and exports (`from './x.js'`, `import('./x.js')`). */
function reachableDeclarations(entry: string): Set<string> {
  const reached = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      const target = path.resolve(path.dirname(file), `${match[1] ?? ''}.d.ts`);
      if (existsSync(target)) pending.push(target);
    }
  }
  return reached;
}

const distFolder = compiledPath();
const publicDeclarations = reachableDeclarations(compiledPath('index.d.ts'));
for (const file of declarationFiles(distFolder)) if (!publicDeclarations.has(file)) rmSync(file);

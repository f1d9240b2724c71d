/**
 * The Typst peer of `roledoc build --only roles --format pdf --jobs 1`: one Node process that
 * renders every role of a project to a PDF with Typst embedded in Node
 * (@myriaddreamin/typst-ts-node-compiler), on one thread, with the same Noto Sans SC font files:
 * reads and parses each role file (YAML), maps it to the form's fields (role-form.ts), passes them
 * as JSON in sys.inputs to role.typ, compiles, writes <out>/<id>.pdf, evicts what the cache has not
 * used for 10 documents.
 *
 *   node typst-render.js <roles folder> <out folder>
 *
 * Prints one line of JSON on stdout: the documents written, the first one's page count, the
 * seconds spent from the first file read to the last file written (start-up excluded).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { parse } from 'yaml';
import { directoryOf, roleForm } from './role-form.js';

const [rolesDir, outDir] = process.argv.slice(2);
if (rolesDir === undefined || outDir === undefined) {
  process.stderr.write('usage: typst-render <roles folder> <out folder>\n');
  process.exit(2);
}

/** The template: role.typ, which `npm run bench` keeps in the source folder (it is not compiled). */
function templatePath(): string {
  for (let dir = import.meta.dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'bench', 'peers', 'role.typ');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('typst-render: cannot find test/bench/peers/role.typ');
}

/** The folders of the Noto Sans SC 400 and 700 files roledoc's PDFs are set in. */
function fontFolders(): string[] {
  const require = createRequire(import.meta.url);
  return ['400Regular', '700Bold'].map((face) => path.dirname(require.resolve(`@expo-google-fonts/noto-sans-sc/${face}/NotoSansSC_${face}.ttf`)));
}

function roleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const template = templatePath();
const compiler = NodeCompiler.create({ workspace: path.dirname(template), fontArgs: [{ fontPaths: fontFolders() }] });
mkdirSync(outDir, { recursive: true });

const started = performance.now();
const roles = roleFiles(rolesDir).map((file) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
const directory = directoryOf(roles);
let firstPages = 0;
for (const [index, role] of roles.entries()) {
  const compiled = compiler.compile({ mainFilePath: template, inputs: { role: JSON.stringify(roleForm(role, directory)) } });
  const document = compiled.result;
  if (document === null || compiled.hasError()) {
    compiled.printErrors();
    process.exit(1);
  }
  if (index === 0) firstPages = document.numOfPages;
  writeFileSync(path.join(outDir, `${String(role['id'])}.pdf`), compiler.pdf(document));
  // As the typst CLI does after each compilation: drop memoised results unused for 10 rounds, or
  // the cache keeps every document's layout (2.4 GB after 1,000 roles).
  compiler.evictCache(10);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ documents: roles.length, firstPages, seconds })}\n`);

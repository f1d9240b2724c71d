/**
 * Build step (`npm run build`): compiles the JSON Schemas into standalone ajv validators in
 * dist/validate/precompiled/, so a roledoc process does not spend ~170 ms compiling them at every
 * start. Each file carries the sha256 of the schema it was made from; a schema edited since is
 * compiled at run time instead (see schemas.ts), so a stale file is never used.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, precompiledPath, schemaHash, schemaPath, type SchemaKind } from './schemas.js';

for (const kind of ['role', 'config', 'template', 'locale'] as const satisfies readonly SchemaKind[]) {
  const text = readFileSync(schemaPath(kind), 'utf8');
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(JSON.parse(text) as object));
  const file = precompiledPath(kind);
  mkdirSync(new URL('.', file), { recursive: true });
  writeFileSync(file, `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`);
}

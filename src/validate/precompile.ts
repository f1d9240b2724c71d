/**
 * Build step (`npm run build`), never run by roledoc itself: compiles the JSON Schemas into
 * standalone ajv validators in dist/validate/precompiled/, so a roledoc process does not spend
 * ~170 ms compiling them at every start. Each file carries the sha256 of the schema it was made
 * from; a schema edited since is compiled at run time instead (see schemas.ts), so a stale file is
 * never used.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, precompiledPath, schemaHash, SCHEMA_KINDS, schemaText } from './schemas.js';

for (const kind of SCHEMA_KINDS) {
  const text = schemaText(kind);
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(JSON.parse(text) as object));
  const file = precompiledPath(kind);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`);
}

/**
 * The package's own files: the schemas, the built-in templates and locale catalogs, package.json
 * and the validators `npm run build` precompiles. They ship with the code and are read where they
 * are owned, as code is loaded; this module alone knows where the package is. Everything of the
 * user's — the project, its outputs, git — is read and written by io/ alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above both src/core and dist/core. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** An absolute path inside the package: `packagePath('templates', 'classic')`. */
export function packagePath(...segments: readonly string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}

/** A file of the package; a missing one is a broken installation, so it throws. */
export function readPackageFile(...segments: readonly string[]): Uint8Array {
  return readFileSync(packagePath(...segments));
}

export function readPackageText(...segments: readonly string[]): string {
  return readFileSync(packagePath(...segments), 'utf8');
}

const require = createRequire(import.meta.url);

/** Where `npm run build` puts a compiled helper module: beside the compiled code (dist/<folder>/…); never in src/. */
export function compiledPath(...segments: readonly string[]): string {
  return fileURLToPath(new URL(`../${segments.join('/')}`, import.meta.url));
}

/** A CommonJS module `npm run build` wrote (a precompiled validator), or undefined when there is none. */
export function requireCompiled(...segments: readonly string[]): unknown {
  const file = compiledPath(...segments);
  return existsSync(file) ? (require(file) as unknown) : undefined;
}

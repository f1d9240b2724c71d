import { readFileSync } from 'node:fs';

let version: string | undefined;

/** roledoc's own version, from package.json (two levels above both src/ and dist/ files). */
export function roledocVersion(): string {
  if (version === undefined) {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    version = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return version;
}

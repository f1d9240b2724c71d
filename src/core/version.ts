import { readPackageText } from './package-files.js';

let version: string | undefined;

/** roledoc's own version, from its package.json. */
export function roledocVersion(): string {
  if (version === undefined) {
    const pkg: unknown = JSON.parse(readPackageText('package.json'));
    version = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return version;
}

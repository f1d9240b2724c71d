import { readPackageText } from './package-files.js';

interface PackageInfo {
  readonly version: string;
  /** `owner/name` of the GitHub repository package.json names, if it names one. */
  readonly github: string | undefined;
}

let info: PackageInfo | undefined;

function packageInfo(): PackageInfo {
  if (info === undefined) {
    const pkg: unknown = JSON.parse(readPackageText('package.json'));
    const field = (object: unknown, key: string): unknown => (typeof object === 'object' && object !== null && key in object ? (object as Record<string, unknown>)[key] : undefined);
    const version = field(pkg, 'version');
    const url = field(field(pkg, 'repository'), 'url');
    info = {
      version: typeof version === 'string' ? version : '0.0.0',
      github: typeof url === 'string' ? /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?$/.exec(url)?.[1] : undefined,
    };
  }
  return info;
}

/** roledoc's own version, from its package.json. */
export function roledocVersion(): string {
  return packageInfo().version;
}

/** Where npm installs this version of roledoc from: the registry, once it is published there. */
export function registrySpec(): string {
  return `roledoc@${roledocVersion()}`;
}

/**
 * Where npm installs this version of roledoc from before it is on the registry: the package the
 * release workflow attaches to the version's GitHub release. (A git URL would have npm build
 * roledoc on install, which `npm install --global` cannot do: npm/cli#8440.)
 */
export function releaseTarballSpec(): string {
  const version = roledocVersion();
  return `https://github.com/${packageInfo().github ?? 'roledoc/roledoc'}/releases/download/v${version}/roledoc-${version}.tgz`;
}

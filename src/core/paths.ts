/** Project paths as roledoc shows and checks them: the same on Windows, in CI logs and in messages. */
import path from 'node:path';

/** `absolute` relative to `root`, with forward slashes: the same on Windows and in CI logs. */
export function toProjectPath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** A path as a message shows it: project-relative inside the project (`.` for the project itself), absolute outside it. */
export function shownPath(root: string, absolute: string): string {
  return staysInside(root, absolute) ? toProjectPath(root, absolute) || '.' : path.resolve(absolute);
}

/** True for a path that stays inside `root` once resolved (`../x` does not). */
export function staysInside(root: string, relative: string): boolean {
  const resolved = path.resolve(root, relative);
  return resolved === root || resolved.startsWith(root + path.sep);
}

/** Whether `file` is `folder` or under it; `folder` may end in a separator. */
export function isInside(folder: string, file: string): boolean {
  return staysInside(path.resolve(folder), file);
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Whether a `roles:` setting is a glob rather than a folder. */
export function isGlob(setting: string): boolean {
  return GLOB_CHARS.test(setting);
}

/** The folder part of the `roles:` setting before any glob character: `roles/**\/*.yaml` → `roles`. */
export function globBase(setting: string): string {
  const parts = setting.split('/');
  const firstGlob = parts.findIndex((part) => GLOB_CHARS.test(part));
  return (firstGlob < 0 ? parts : parts.slice(0, firstGlob)).join('/') || '.';
}

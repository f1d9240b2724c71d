/**
 * Project paths as roledoc shows and checks them: the same on Windows, in CI logs and in messages.
 * Each function takes the platform's path rules (`path.win32` or `path.posix`; by default this
 * machine's), so the Windows rules are tested on any machine.
 */
import path from 'node:path';

export type PathRules = typeof path.posix;

/** `absolute` relative to `root`, with forward slashes: the same on Windows and in CI logs. */
export function toProjectPath(root: string, absolute: string, rules: PathRules = path): string {
  return rules.relative(root, absolute).split(rules.sep).join('/');
}

/** A path as a message shows it: project-relative inside the project (`.` for the project itself), absolute outside it. */
export function shownPath(root: string, absolute: string): string {
  return staysInside(root, absolute) ? toProjectPath(root, absolute) || '.' : path.resolve(absolute);
}

/**
 * True for a path that stays inside `root` once resolved (`../x` does not). On Windows the
 * comparison ignores case, as its file system does (C:\HR and c:\hr are one folder).
 */
export function staysInside(root: string, relative: string, rules: PathRules = path): boolean {
  const fold = (text: string): string => (rules.sep === '\\' ? text.toLowerCase() : text);
  const base = fold(rules.resolve(root));
  const resolved = fold(rules.resolve(root, relative));
  return resolved === base || resolved.startsWith(base.endsWith(rules.sep) ? base : base + rules.sep);
}

/** Whether `file` is `folder` or under it; `folder` may end in a separator. */
export function isInside(folder: string, file: string, rules: PathRules = path): boolean {
  return staysInside(rules.resolve(folder), file, rules);
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Whether a `roles:` setting is a glob rather than a folder. */
export function isGlob(setting: string): boolean {
  return GLOB_CHARS.test(setting);
}

/**
 * The folder part of the `roles:` setting before any glob character: `roles/**\/*.yaml` → `roles`.
 * A setting written with Windows separators (`roles\客服部`) is read the same way.
 */
export function globBase(setting: string): string {
  const parts = setting.split(/[\\/]/);
  const firstGlob = parts.findIndex((part) => GLOB_CHARS.test(part));
  return (firstGlob < 0 ? parts : parts.slice(0, firstGlob)).join('/') || '.';
}

/**
 * `roledoc lint --fix`: the changes with a single right answer (a half-width comma between Chinese
 * characters, a list item that repeats the one before) made in the role files. Each file is
 * checked again with its changes before it is written, and left as it was if it would not pass.
 */
import path from 'node:path';
import { lintRolesWithFixes, type LintFix } from '../lint/lint-roles.js';
import { replaceFileText } from '../io/new-files.js';
import { lintMessagesFor } from '../messages/lint-messages.js';
import type { Lang } from '../messages/lang.js';
import { checkRoles } from './check-roles.js';
import { openProject } from './open-project.js';
import { readRoleFiles } from './read-roles.js';

export interface FixResult {
  /** Project-relative file → the number of changes made in it. */
  readonly fixed: ReadonlyMap<string, number>;
  /** Files whose changes would have left them invalid: not written. */
  readonly undone: readonly string[];
}

/** The text with the changes made, later ones first so earlier offsets hold; overlapping ones are left out. */
function applied(text: string, fixes: readonly LintFix[]): { text: string; count: number } {
  let result = text;
  let count = 0;
  let limit = Number.POSITIVE_INFINITY;
  for (const fix of [...fixes].sort((a, b) => b.start - a.start)) {
    if (fix.end > limit) continue;
    result = result.slice(0, fix.start) + fix.text + result.slice(fix.end);
    limit = fix.start;
    count += 1;
  }
  return { text: result, count };
}

/** @param paths the role files or folders to fix (none: every role file); the others are only read, for links and repeats. */
export async function fixProject(root: string, paths: readonly string[], lang?: Lang): Promise<FixResult> {
  const project = await openProject(root, lang);
  const files = await readRoleFiles(project, paths);
  const wanted = new Set(files.targets);
  const checked = checkRoles(files.files, project.lang);
  const inputs = checked.roles.flatMap((entry) => {
    const source = checked.sources.get(entry.file);
    return source ? [{ file: entry.file, role: entry.role, locator: entry.locator, source }] : [];
  });
  const { fixes } = lintRolesWithFixes(inputs, project.config.lint, lintMessagesFor(project.lang));
  const fixed = new Map<string, number>();
  const undone: string[] = [];
  for (const file of [...new Set(fixes.map((fix) => fix.file))].filter((file) => wanted.has(file)).sort()) {
    const source = checked.sources.get(file);
    if (!source) continue;
    const { text, count } = applied(source.text, fixes.filter((fix) => fix.file === file));
    // The file with its changes must check as cleanly as before: never a fix that breaks it.
    const before = checked.diagnostics.filter((d) => d.file === file && d.severity === 'error').length;
    const others = files.files.filter((input) => input.path !== file);
    const after = checkRoles([...others, { path: file, bytes: new TextEncoder().encode(text) }], project.lang).diagnostics.filter((d) => d.file === file && d.severity === 'error').length;
    if (after > before) {
      undone.push(file);
      continue;
    }
    await replaceFileText(path.join(project.root, file), text);
    fixed.set(file, count);
  }
  return { fixed, undone };
}

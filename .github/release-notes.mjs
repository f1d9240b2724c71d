// The release notes of one version: its section of CHANGELOG.md, without the heading.
// Usage: node .github/release-notes.mjs 0.1.0 > notes.md (exits 1 when the version has no section).
import { readFileSync } from 'node:fs';

/** The text under `## [version]` (or `## version`) up to the next `## ` heading, trimmed; undefined when there is none. */
export function releaseNotes(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[?${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]?(\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const notes = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  return notes === '' ? undefined : notes;
}

if (process.argv[1]?.endsWith('release-notes.mjs')) {
  const version = process.argv[2] ?? '';
  const notes = releaseNotes(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8'), version);
  if (notes === undefined) {
    process.stderr.write(`CHANGELOG.md has no section for ${version}: add one (## [${version}] - date) before tagging.\n`);
    process.exit(1);
  }
  process.stdout.write(`${notes}\n`);
}

/** The bundled example roles, checked and composed the way `roledoc build` does. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeRole } from '../../src/compose/compose-role.js';
import type { Layout } from '../../src/layout/layout.js';
import { localeFor } from '../../src/locale/builtin.js';
import type { Lang } from '../../src/messages/lang.js';
import type { RawRole, Role } from '../../src/model/role.js';
import type { RawTemplate, Template } from '../../src/model/template.js';
import { checkRoles, type CheckedRole } from '../../src/pipeline/check-roles.js';
import { resolveRoles } from '../../src/resolve/resolve-roles.js';
import { mergeTemplates } from '../../src/template/load-template.js';
import { checkYamlFile, type CheckedFile } from '../../src/validate/check-file.js';
import { runCli } from './run-cli.js';
import { templateSchema } from '../../src/validate/schemas.js';

export const REPO = path.resolve(import.meta.dirname, '..', '..');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Checks every role file under `rolesDir` (absolute) and returns the valid roles; throws on any error. */
export function loadRoles(rolesDir: string, lang: Lang = 'zh-CN'): CheckedRole[] {
  const inputs = yamlFilesUnder(rolesDir).map((file) => ({ path: path.relative(REPO, file).split(path.sep).join('/'), bytes: readFileSync(file) }));
  const checked = checkRoles(inputs, lang);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.file}:${d.span.line} ${d.message}`).join('\n'));
  return [...checked.roles];
}

/** A built-in template as a build uses it (laid over the built-ins it extends), read synchronously. */
export function loadBuiltinTemplate(name = 'classic'): Template {
  const layers: RawTemplate[] = [];
  for (let current: string | undefined = name; current !== undefined; ) {
    const file = path.join(REPO, 'templates', current, 'template.yaml');
    const checked: CheckedFile<RawTemplate> = checkYamlFile<RawTemplate>(`templates/${current}/template.yaml`, readFileSync(file), templateSchema(), 'en');
    if (!checked.value) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
    layers.unshift(checked.value);
    current = current === 'classic' ? undefined : (checked.value.extends ?? 'classic');
  }
  return mergeTemplates(layers);
}

export function composeAll(roles: readonly RawRole[], lang: Lang = 'zh-CN', template = loadBuiltinTemplate()): Map<string, Layout> {
  const locale = localeFor(lang);
  return new Map(resolveRoles(roles).map((role) => [role.id, composeRole(role, { template, locale, organization: '' })]));
}

/** A role as compose takes it: resolved against the others of its project (itself alone by default). */
export function resolveOne(role: RawRole, all: readonly RawRole[] = [role]): Role {
  const resolved = resolveRoles(all.includes(role) ? all : [...all, role]).find((each) => each.id === role.id);
  if (!resolved) throw new Error(`no role ${role.id}`);
  return resolved;
}

export const seedRoles = (): CheckedRole[] => loadRoles(path.join(REPO, 'roles'));

/** Every leaf string of a role, as ../shared/tools/check-text.py collects them: ids used as links become titles. */
export function leafStrings(role: RawRole, titleOf: (id: string) => string | undefined): string[] {
  const skip = new Set(['id', 'headcount', 'established', 'weight', 'min', 'max', 'currency', 'period']);
  const out: string[] = [];
  const walk = (node: unknown, key: string | undefined): void => {
    if (key !== undefined && skip.has(key)) return;
    if (typeof node === 'string') {
      out.push((key === 'reports_to' || key === 'career_path') && titleOf(node) !== undefined ? (titleOf(node) ?? node) : node);
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item, key);
    } else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) walk(v, k);
    }
  };
  walk(role, undefined);
  return out;
}

export const squash = (text: string): string => text.replace(/\s+/g, '');

/** The seed roles with their composed Layouts and a title lookup for links: what renderer tests start from. */
export function seedFixture(): { roles: RawRole[]; layouts: Map<string, Layout>; titleOf: (id: string) => string | undefined } {
  const roles = seedRoles().map((entry) => entry.role);
  const titles = new Map(roles.map((role) => [role.id, role.title]));
  return { roles, layouts: composeAll(roles), titleOf: (id) => titles.get(id) };
}

/** A copy of the bundled example project (roles and config) in a fresh temporary folder. */
export function seedProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-seed-'));
  cpSync(path.join(REPO, 'roles'), path.join(dir, 'roles'), { recursive: true });
  cpSync(path.join(REPO, 'roledoc.config.yaml'), path.join(dir, 'roledoc.config.yaml'));
  return dir;
}

let builtSeed: Promise<string> | undefined;

/**
 * A copy of the bundled example project with out/ as `roledoc build` leaves it. The project is
 * built once per test file and copied for each test that starts from a built project: the
 * documents are the same bytes whichever folder they were built in.
 */
export async function builtSeedProject(): Promise<string> {
  builtSeed ??= (async () => {
    const dir = seedProject();
    const result = await runCli(['build'], dir);
    if (result.exitCode !== 0) throw new Error(`the example project did not build: ${result.stdout}${result.stderr}`);
    return dir;
  })();
  const built = await builtSeed;
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-built-'));
  cpSync(built, dir, { recursive: true });
  return dir;
}

/** A fresh temporary project holding exactly these files (project-relative path → text). */
export function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

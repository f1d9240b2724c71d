/**
 * The validate stage for a whole project: every role file through the per-file checks, then the
 * rules across files. Pure: bytes in, roles and diagnostics out.
 */
import { normalizeDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import type { Locator } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import type { RawRole } from '../model/role.js';
import { checkProjectRules, ruleViewOf, type RuleRole } from '../resolve/project-rules.js';
import { checkYamlFile } from '../validate/check-file.js';
import { roleSchema } from '../validate/schemas.js';

export interface FileInput {
  /** Project-relative path with forward slashes. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface CheckedRole {
  readonly file: string;
  readonly role: RawRole;
  /** Where each value of the role is in its file, for diagnostics found after validation. */
  readonly locator: Locator;
}

export interface RolesCheck {
  /** Roles whose file has no error of its own, in input order. */
  readonly roles: readonly CheckedRole[];
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** Sorted, deduplicated. */
  readonly diagnostics: readonly Diagnostic[];
}

export function checkRoles(inputs: readonly FileInput[], lang: Lang): RolesCheck {
  const schema = roleSchema();
  const roles: CheckedRole[] = [];
  const views: RuleRole[] = [];
  const sources = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];

  for (const input of inputs) {
    const checked = checkYamlFile<RawRole>(input.path, input.bytes, schema, lang);
    diagnostics.push(...checked.diagnostics);
    if (checked.source) sources.set(input.path, checked.source);
    if (checked.locator) views.push(ruleViewOf(input.path, checked.data, checked.locator, checked.value !== undefined));
    if (checked.value && checked.locator) roles.push({ file: input.path, role: checked.value, locator: checked.locator });
  }
  diagnostics.push(...checkProjectRules(views, lang));
  return { roles, sources, diagnostics: normalizeDiagnostics(diagnostics) };
}

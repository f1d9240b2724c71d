/**
 * The validate stage for a whole project: every role file through the per-file checks, then the
 * rules across files. Pure: bytes in, roles and diagnostics out.
 */
import { normalizeDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import type { SourceFile } from '../load/source-file.js';
import type { RawRole } from '../model/role.js';
import { checkProjectRules, type IdClaim, type RuleRole } from '../resolve/project-rules.js';
import { checkYamlFile } from '../validate/check-file.js';
import { roleSchema } from '../validate/schemas.js';

export interface FileInput {
  /** Project-relative path with forward slashes. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface RolesCheck {
  /** Roles with no error of their own, in input order. */
  readonly roles: readonly RuleRole[];
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** Sorted, deduplicated. */
  readonly diagnostics: readonly Diagnostic[];
}

function readableId(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('id' in data)) return undefined;
  return typeof data.id === 'string' ? data.id : undefined;
}

export function checkRoles(inputs: readonly FileInput[], lang: Lang): RolesCheck {
  const schema = roleSchema();
  const roles: RuleRole[] = [];
  const claims: IdClaim[] = [];
  const sources = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];

  for (const input of inputs) {
    const checked = checkYamlFile<RawRole>(input.path, input.bytes, schema, lang);
    diagnostics.push(...checked.diagnostics);
    if (checked.source) sources.set(input.path, checked.source);
    const id = readableId(checked.data);
    if (id !== undefined) claims.push({ file: input.path, id, locator: checked.locator });
    if (checked.value && checked.locator) roles.push({ file: input.path, role: checked.value, locator: checked.locator });
  }
  diagnostics.push(...checkProjectRules(roles, claims, lang));
  return { roles, sources, diagnostics: normalizeDiagnostics(diagnostics) };
}

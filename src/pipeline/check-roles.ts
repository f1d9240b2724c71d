/**
 * The validate stage for a whole project: every role file through the per-file checks, then the
 * rules across files and those between the roles and the config. Pure: bytes in, roles and
 * diagnostics out.
 */
import { type Diagnostic, diagnostic, normalizeDiagnostics, START_OF_FILE } from '../core/diagnostic.js';
import type { FileInput, UnreadableFile } from '../io/project-files.js';
import type { Locator } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor, type Messages } from '../messages/messages.js';
import type { RawRole } from '../model/role.js';
import { checkHandbookOrder, checkProjectRules, ruleViewOf, type RuleRole } from '../rules/project-rules.js';
import { MAX_ROLE_FILE_BYTES } from '../load/decode.js';
import { checkYamlFile } from '../validate/check-file.js';
import { roleSchema } from '../validate/schemas.js';
import { lintRoles } from '../lint/lint-roles.js';
import { lintMessagesFor } from '../messages/lint-messages.js';
import type { ProjectContext } from './open-project.js';
import type { RoleFiles } from './read-roles.js';

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

/** A project's role files, checked: what validate reports and build starts from. */
export interface CheckedRoles {
  readonly project: ProjectContext;
  /** The files the command is about: the named paths, or every role file. */
  readonly targets: readonly string[];
  /** Every valid role of the project (links and direct reports need them all). */
  readonly roles: readonly CheckedRole[];
  /** Diagnostics for the config and the target files, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** Diagnostics anywhere in the project, sorted: any error here makes documents unsafe to build. */
  readonly allDiagnostics: readonly Diagnostic[];
  /** Every file read, for reporters to quote. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** Role files that were not read because they lie outside the project: their roles may not be gone. */
  readonly outside: readonly string[];
}

/** A role file that was not read: too large (as the loader says it), or not a regular file. */
function unreadableDiagnostic(file: UnreadableFile, messages: Messages): Diagnostic {
  if (file.problem === 'too-large') {
    return diagnostic('load.too-large', file.path, START_OF_FILE, messages.tooLarge(file.size ?? MAX_ROLE_FILE_BYTES + 1, MAX_ROLE_FILE_BYTES), messages.tooLargeHint);
  }
  return diagnostic('load.not-a-file', file.path, START_OF_FILE, messages.unreadableRoleFile(messages.pathProblem(file.problem)), messages.unreadableRoleFileHint(file.problem));
}

/** @param options.lintHints keep the reviewer's hints (info: vague wording, KPI tracing), which only `roledoc lint` shows. */
export function checkProjectRoles(project: ProjectContext, files: RoleFiles, options: { readonly lintHints?: boolean } = {}): CheckedRoles {
  const checked = checkRoles(files.files, project.lang);
  const messages = messagesFor(project.lang);
  const skipped: Diagnostic[] = [
    ...files.outside.map((file) => (diagnostic('load.outside-project', file, START_OF_FILE, messages.outsideProject, messages.outsideProjectHint))),
    ...files.unreadable.map((file) => unreadableDiagnostic(file, messages)),
  ];
  const order = project.configLocator ? checkHandbookOrder(project.config.order, checked.roles.map((entry) => entry.role), project.configLocator, messages) : [];
  // The reviewer's rules (roledoc lint), on every valid role: warnings and hints unless the config says otherwise.
  const linted = lintRoles(
    checked.roles.flatMap((entry) => {
      const source = checked.sources.get(entry.file);
      return source ? [{ file: entry.file, role: entry.role, locator: entry.locator, source }] : [];
    }),
    project.config.lint,
    lintMessagesFor(project.lang),
  ).filter((d) => options.lintHints === true || d.severity !== 'info');
  const wanted = new Set(files.targets);
  const sources = new Map(checked.sources);
  if (project.configSource) sources.set(project.configSource.path, project.configSource);
  return {
    project,
    targets: files.targets,
    roles: checked.roles,
    diagnostics: normalizeDiagnostics([
      ...project.configDiagnostics,
      ...order,
      ...skipped.filter((d) => d.code === 'load.outside-project' || wanted.has(d.file)),
      ...checked.diagnostics.filter((d) => wanted.has(d.file)),
      ...linted.filter((d) => wanted.has(d.file)),
    ]),
    allDiagnostics: normalizeDiagnostics([...project.configDiagnostics, ...order, ...skipped, ...checked.diagnostics, ...linted]),
    sources,
    outside: files.outside,
  };
}

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
import { decodeRoleBytes, MAX_ROLE_FILE_BYTES } from '../load/decode.js';
import { sha256 } from '../incremental/manifest.js';
import { checkYamlFile } from '../validate/check-file.js';
import { roleSchema } from '../validate/schemas.js';
import { lintAcrossRoles, lintFile, type FileLint } from '../lint/lint-roles.js';
import { lintMessagesFor } from '../messages/lint-messages.js';
import type { ProjectContext } from './open-project.js';
import type { RoleFiles } from './read-roles.js';

export interface CheckedRole {
  readonly file: string;
  readonly role: RawRole;
  /** Where each value of the role is in its file, for diagnostics found after validation. */
  readonly locator: Locator;
  /** Its lint findings as a check cache kept them (see CheckedMemo). */
  readonly lint?: CheckedMemo['lint'];
}

export interface RolesCheck {
  /** Roles whose file has no error of its own, in input order. */
  readonly roles: readonly CheckedRole[];
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** Sorted, deduplicated. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * What a build keeps of a valid role file it checked, by its path and the hash of its bytes: a
 * later check of the same bytes takes it instead of parsing and checking the file again. Kept as
 * JSON (pipeline/check-cache.ts), so it holds data, never the parsed document.
 */
export interface CheckedMemo {
  readonly diagnostics: readonly Diagnostic[];
  readonly role: RawRole;
  /** The file's own lint findings, for the lint config (and language) they were found under. */
  readonly lint?: { readonly config: string; readonly result: FileLint };
}

export interface CheckCache {
  get(file: string, sha256: string): CheckedMemo | undefined;
  set(file: string, sha256: string, memo: CheckedMemo): void;
  /** Adds a file's lint findings to what set() kept of it in this run. */
  remember(file: string, lint: NonNullable<CheckedMemo['lint']>): void;
}

/** A locator that parses the file only when a place in it is wanted: a kept role is not parsed at all while nothing is wrong. */
function lazyLocator(parse: () => Locator | undefined): Locator {
  let locator: Locator | undefined;
  return {
    locate(segments, target) {
      locator ??= parse() ?? { locate: () => START_OF_FILE };
      return locator.locate(segments, target);
    },
  };
}

/**
 * A kept role's file, its text decoded when first read: it is quoted only when a diagnostic points
 * into it. Its bytes decoded when they were checked (the cache keeps only valid files, for this
 * version), so they decode now.
 */
function keptSource(path: string, bytes: Uint8Array, messages: Messages): SourceFile {
  let text: string | undefined;
  return {
    path,
    get text(): string {
      if (text === undefined) {
        const decoded = decodeRoleBytes(bytes, path, messages);
        text = decoded.ok ? decoded.text : '';
      }
      return text;
    },
  };
}

export function checkRoles(inputs: readonly FileInput[], lang: Lang, cache?: CheckCache): RolesCheck {
  const schema = roleSchema();
  const roles: CheckedRole[] = [];
  const views: RuleRole[] = [];
  const sources = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const messages = messagesFor(lang);

  for (const input of inputs) {
    const hash = cache ? sha256(input.bytes) : '';
    const memo = cache?.get(input.path, hash);
    if (memo) {
      const locator = lazyLocator(() => checkYamlFile<RawRole>(input.path, input.bytes, schema, lang).locator);
      diagnostics.push(...memo.diagnostics);
      sources.set(input.path, keptSource(input.path, input.bytes, messages));
      views.push(ruleViewOf(input.path, memo.role, locator, true));
      roles.push({ file: input.path, role: memo.role, locator, ...(memo.lint ? { lint: memo.lint } : {}) });
      continue;
    }
    const checked = checkYamlFile<RawRole>(input.path, input.bytes, schema, lang);
    if (cache && checked.value && checked.locator) cache.set(input.path, hash, { diagnostics: checked.diagnostics, role: checked.value });
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
export function checkProjectRoles(project: ProjectContext, files: RoleFiles, options: { readonly lintHints?: boolean; readonly cache?: CheckCache } = {}): CheckedRoles {
  const checked = checkRoles(files.files, project.lang, options.cache);
  const messages = messagesFor(project.lang);
  const skipped: Diagnostic[] = [
    ...files.outside.map((file) => (diagnostic('load.outside-project', file, START_OF_FILE, messages.outsideProject, messages.outsideProjectHint))),
    ...files.unreadable.map((file) => unreadableDiagnostic(file, messages)),
  ];
  const order = project.configLocator ? checkHandbookOrder(project.config.order, checked.roles.map((entry) => entry.role), project.configLocator, messages) : [];
  // The reviewer's rules (roledoc lint), on every valid role: warnings and hints unless the config says otherwise.
  // Each file's own findings are kept with it (a file whose bytes and lint config did not change is
  // not linted again). The hints (info) — the rule across roles among them — are `lint`'s alone:
  // without them nothing of a file's text needs keeping but its warnings.
  const words = lintMessagesFor(project.lang);
  const hints = options.lintHints === true;
  const lintConfig = JSON.stringify([project.lang, hints, project.config.lint]);
  const perFile = checked.roles.flatMap((entry) => {
    const source = checked.sources.get(entry.file);
    if (!source) return [];
    if (entry.lint?.config === lintConfig) return [{ file: entry.file, lint: entry.lint.result }];
    const found = lintFile({ file: entry.file, role: entry.role, locator: entry.locator, source }, project.config.lint, words);
    const result = hints ? found : { diagnostics: found.diagnostics.filter((d) => d.severity !== 'info'), fixes: found.fixes, sentences: [] };
    options.cache?.remember(entry.file, { config: lintConfig, result });
    return [{ file: entry.file, lint: result }];
  });
  const linted = [...perFile.flatMap((entry) => entry.lint.diagnostics), ...(hints ? lintAcrossRoles(perFile, project.config.lint, words) : [])];
  const wanted = new Set(files.targets);
  const sources = new Map(checked.sources);
  if (project.configSource) sources.set(project.configSource.path, project.configSource);
  // What is left to place after this (a character the PDF font lacks) is rare: each role lets go of
  // its parsed document, and parses its file again if a place in it is wanted (10,000 roles' syntax
  // trees are hundreds of MB).
  const bytesOf = new Map(files.files.map((input) => [input.path, input.bytes]));
  const schema = roleSchema();
  const roles = checked.roles.map((entry) => {
    const bytes = bytesOf.get(entry.file);
    return bytes === undefined ? entry : { ...entry, locator: lazyLocator(() => checkYamlFile<RawRole>(entry.file, bytes, schema, project.lang).locator) };
  });
  return {
    project,
    targets: files.targets,
    roles,
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

/**
 * `roledoc diff`: a project at two points — git revisions, the working tree, or two folders —
 * checked and resolved as a build would, then compared role by role in the documents' words. A diff
 * reads; it never writes, checks nothing out and leaves the repository as it was.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { isGlob } from '../core/paths.js';
import { diffRoles, type ProjectDiff } from '../diff/compare.js';
import { readAtRevision, revisionTree, RevisionError } from '../io/git-tree.js';
import type { FileInput } from '../io/project-files.js';
import type { SourceFile } from '../load/source-file.js';
import { localeFor } from '../locale/builtin.js';
import type { Locale } from '../locale/locale.js';
import { isLocalePath } from '../locale/locale-name.js';
import { UserError } from '../core/errors.js';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, type ProjectConfig } from '../model/config.js';
import { diffMessagesFor } from '../messages/diff-messages.js';
import { isBuiltinLocale } from '../model/locale.js';
import type { Role } from '../model/role.js';
import { resolveRoles } from '../resolve/resolve-roles.js';
import { checkConfig } from '../validate/check-config.js';
import { checkRoles } from './check-roles.js';
import { loadProjectLocale } from './load-look.js';
import { openProject, type ProjectContext } from './open-project.js';
import { readRoleFiles } from './read-roles.js';

/** One side of a diff. */
export type DiffSide = { readonly kind: 'worktree' } | { readonly kind: 'revision'; readonly revision: string } | { readonly kind: 'folder'; readonly dir: string };

export interface LoadedSide {
  readonly side: DiffSide;
  /** The project's settings on this side (the defaults where it has no config). */
  readonly config: ProjectConfig;
  /** The commit a revision named. */
  readonly commit?: string;
  readonly roles: readonly Role[];
  /** Errors that keep this side's roles from being compared: a role file or config that does not validate. */
  readonly errors: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, SourceFile>;
}

/** A setting of roledoc.config.yaml that changes the documents, changed. */
export interface ConfigChange {
  readonly key: string;
  readonly before: string;
  readonly after: string;
}

export interface DiffResult {
  readonly project: ProjectContext;
  readonly config: readonly ConfigChange[];
  readonly before: LoadedSide;
  readonly after: LoadedSide;
  /** Undefined when a side has errors. */
  readonly diff?: ProjectDiff;
  readonly locale: Locale;
}

/** The role files among a revision's files: under the config's roles folder (or matching its glob), hidden folders left out, as a walk of the disk finds them. */
function roleFilesAmong(files: readonly string[], rolesSetting: string): string[] {
  const hidden = (file: string): boolean => file.split('/').some((part) => part.startsWith('.'));
  if (isGlob(rolesSetting)) {
    const matches = picomatch(rolesSetting.replace(/^\.\//, ''));
    return files.filter((file) => matches(file) && !hidden(file) && file !== CONFIG_FILE_NAME);
  }
  const folder = path.posix.normalize(rolesSetting.split(path.sep).join('/')).replace(/^\.\/?|\/$/g, '');
  const under = folder === '' || folder === '.' ? '' : `${folder}/`;
  return files.filter((file) => file.startsWith(under) && /\.ya?ml$/.test(file) && !hidden(file.slice(under.length)) && file !== CONFIG_FILE_NAME).sort();
}

/** The project's role files at a revision, as inputs for the checks. */
async function revisionInputs(project: ProjectContext, revision: string): Promise<{ inputs: FileInput[]; commit: string; configDiagnostics: readonly Diagnostic[]; config: ProjectConfig }> {
  const tree = await revisionTree(project.root, revision);
  const [configBytes] = [(await readAtRevision(project.root, tree, [CONFIG_FILE_NAME])).get(CONFIG_FILE_NAME)];
  const checked = configBytes === undefined ? undefined : checkConfig(configBytes, project.root, project.lang, isLocalePath);
  const config = checked?.config ?? DEFAULT_CONFIG;
  const roleFiles = roleFilesAmong(tree.files, config.roles);
  if (configBytes === undefined && roleFiles.length === 0) throw new RevisionError('no-project', revision);
  const bytes = await readAtRevision(project.root, tree, roleFiles);
  const inputs = roleFiles.flatMap((file) => {
    const found = bytes.get(file);
    return found === undefined ? [] : [{ path: file, bytes: found }];
  });
  return { inputs, commit: tree.commit, configDiagnostics: checked?.diagnostics ?? [], config };
}

async function loadSide(project: ProjectContext, side: DiffSide): Promise<LoadedSide> {
  let inputs: readonly FileInput[];
  let configDiagnostics: readonly Diagnostic[] = [];
  let commit: string | undefined;
  let config: ProjectConfig;
  if (side.kind === 'revision') {
    ({ inputs, commit, configDiagnostics, config } = await revisionInputs(project, side.revision));
  } else {
    const opened = side.kind === 'folder' ? await openProject(side.dir, project.lang) : project;
    configDiagnostics = opened.configDiagnostics;
    config = opened.config;
    const files = await readRoleFiles(opened, []).catch(() => undefined);
    // A folder with neither a config nor role files is no project to compare.
    if (files === undefined && side.kind === 'folder' && opened.configSource === undefined) {
      const m = diffMessagesFor(project.lang);
      throw new UserError(m.notAProject(side.dir), m.notAProjectHint);
    }
    inputs = files?.files ?? [];
  }
  const checked = checkRoles(inputs, project.lang);
  const errors = [...configDiagnostics, ...checked.diagnostics].filter((d) => d.severity === 'error');
  const sources = new Map(checked.sources);
  return { side, config, ...(commit ? { commit } : {}), roles: hasErrors(errors) ? [] : resolveRoles(checked.roles.map((entry) => entry.role)), errors, sources };
}

/**
 * @throws RevisionError when a revision cannot be read (no git, an unknown revision, a shallow
 *   clone without it, a revision without the project); UserError when a folder is no project.
 */
export async function diffProjects(root: string, before: DiffSide, after: DiffSide, lang?: Parameters<typeof openProject>[1]): Promise<DiffResult> {
  const project = await openProject(root, lang);
  const [beforeSide, afterSide] = [await loadSide(project, before), await loadSide(project, after)];
  // The documents' words are the project's: its catalog, or the built-in one it names.
  const loaded = hasErrors(project.configDiagnostics) ? undefined : await loadProjectLocale(project, undefined).catch(() => undefined);
  const locale = loaded?.locale ?? localeFor(isBuiltinLocale(project.config.locale) ? project.config.locale : 'zh-CN');
  const comparable = beforeSide.errors.length === 0 && afterSide.errors.length === 0;
  return {
    project,
    config: configChanges(beforeSide.config, afterSide.config),
    before: beforeSide,
    after: afterSide,
    locale,
    ...(comparable ? { diff: diffRoles(beforeSide.roles, afterSide.roles, locale) } : {}),
  };
}

/** The settings that change what the documents say or how they look. */
const DOCUMENT_SETTINGS = ['title', 'organization', 'locale', 'template', 'formats', 'handbook', 'revision_history', 'order'] as const;

function configChanges(before: ProjectConfig, after: ProjectConfig): ConfigChange[] {
  const shown = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value));
  return DOCUMENT_SETTINGS.flatMap((key) => (shown(before[key]) === shown(after[key]) ? [] : [{ key, before: shown(before[key]), after: shown(after[key]) }]));
}

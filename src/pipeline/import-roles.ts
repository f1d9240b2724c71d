/**
 * `roledoc import`: Word, .doc, text and Markdown files → new role files. Every source is read and
 * recognised first, the new files are checked together with the project's own (links, duplicate
 * ids) before anything is written, and each file is then written whole or not at all, never over
 * an existing one.
 */
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { FileProblemError } from '../core/file-access.js';
import { globBase, toProjectPath } from '../core/paths.js';
import { assemble, roleFileText, type AssembledRole, type KnownRole, type Link } from '../import/assemble.js';
import { labelIndex } from '../import/labels.js';
import { ImportSourceError, readDocx, wordKind, type SourceProblem } from '../import/read-docx.js';
import { decodeText, readMarkdown, readText } from '../import/read-text.js';
import type { Guess, Kept, Mapped, Recognised } from '../import/draft.js';
import { recognise } from '../import/recognise.js';
import type { SourceDocument } from '../import/source.js';
import type { Piece } from '../import/tokens.js';
import { ConversionError, convertToDocx, findLibreOffice } from '../io/libreoffice.js';
import { exists, filesIn, publishNewFile } from '../io/new-files.js';
import { kindOf, readRegularFile } from '../io/node-files.js';
import type { FileInput } from '../io/project-files.js';
import { builtinLocaleData } from '../locale/builtin.js';
import { BUILTIN_LOCALES } from '../model/locale.js';
import { checkRoles } from './check-roles.js';
import { openProject, type ProjectContext } from './open-project.js';
import { readRoleFiles } from './read-roles.js';

/** The kinds of file import reads, by their name's ending. */
export const IMPORT_EXTENSIONS = ['.docx', '.doc', '.txt', '.md', '.markdown'] as const;
/** A job-description document larger than this is not one. */
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

export interface ImportOptions {
  /** Files or folders, relative to `cwd` or absolute. */
  readonly sources: readonly string[];
  /** Where relative sources are (the shell's working directory). */
  readonly cwd: string;
  readonly department?: string;
  readonly dryRun?: boolean;
  /** The LibreOffice program, when the caller found it already (tests); else looked for when a .doc needs it. */
  readonly soffice?: string;
}

/** Why a source gave no role. */
export type ImportProblem =
  | { readonly kind: SourceProblem }
  | { readonly kind: 'not-found' | 'unsupported' | 'no-role' | 'no-files' }
  | { readonly kind: 'unreadable'; readonly detail: string }
  | { readonly kind: 'needs-libreoffice' }
  | { readonly kind: 'conversion-failed'; readonly detail: string };

export type RoleOutcome = 'written' | 'would-write' | 'exists' | 'duplicate' | 'not-written';

export interface ImportedRoleReport {
  readonly id: string;
  readonly idFrom: 'document' | 'title';
  readonly title: string;
  /** The role file, project-relative. */
  readonly file: string;
  readonly outcome: RoleOutcome;
  readonly mapped: readonly Mapped[];
  readonly guesses: readonly Guess[];
  readonly kept: readonly Kept[];
  readonly empty: readonly string[];
  readonly links: readonly Link[];
  /** What `roledoc validate` says of the new file (with the project around it). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface ImportedSourceReport {
  /** The source as the user named it. */
  readonly source: string;
  readonly problem?: ImportProblem;
  /** The encoding a text file was read in, when not UTF-8. */
  readonly encoding?: string;
  readonly converted?: boolean;
  readonly roles: readonly ImportedRoleReport[];
  /** Text before the first role: no role's, not imported. */
  readonly outside: readonly Piece[];
}

export interface ImportResult {
  readonly project: ProjectContext;
  /** Errors in roledoc.config.yaml: where the roles go is not known, so nothing was read or written. */
  readonly configErrors: readonly Diagnostic[];
  readonly sources: readonly ImportedSourceReport[];
  readonly dryRun: boolean;
}

const hasExtension = (file: string): boolean => (IMPORT_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());

/** The files a source names: itself, or every file of an importable kind in the folder (Word's ~$ lock files left out). */
async function expandSource(cwd: string, source: string): Promise<{ file: string; shown: string }[] | ImportProblem> {
  const absolute = path.resolve(cwd, source);
  const kind = await kindOf(absolute);
  if (kind === 'file') return [{ file: absolute, shown: source }];
  if (kind === 'missing') return { kind: 'not-found' };
  if (kind !== 'directory') return { kind: 'unreadable', detail: kind };
  const names = (await filesIn(absolute)).filter((name) => hasExtension(name) && !name.startsWith('~$') && !name.startsWith('.'));
  return names.map((name) => ({ file: path.join(absolute, name), shown: path.join(source, name) }));
}

interface ReadSource {
  readonly document?: SourceDocument;
  readonly problem?: ImportProblem;
  readonly encoding?: string;
  readonly converted?: boolean;
}

async function readSource(file: string, options: ImportOptions, soffice: { path?: string | undefined; looked: boolean }): Promise<ReadSource> {
  const extension = path.extname(file).toLowerCase();
  if (!hasExtension(file)) return { problem: { kind: 'unsupported' } };
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(file, MAX_SOURCE_BYTES);
  } catch (error) {
    if (error instanceof FileProblemError) return { problem: { kind: 'unreadable', detail: error.problem } };
    throw error;
  }
  if (bytes.length === 0) return { problem: { kind: 'empty' } };
  try {
    if (extension === '.txt' || extension === '.md' || extension === '.markdown') {
      const decoded = decodeText(bytes);
      const document = extension === '.txt' ? readText(decoded.text) : readMarkdown(decoded.text);
      return { document, ...(decoded.encoding ? { encoding: decoded.encoding } : {}) };
    }
    const kind = wordKind(bytes);
    if (kind !== 'doc') return { document: readDocx(bytes) };
    if (!soffice.looked) {
      soffice.path = options.soffice ?? (await findLibreOffice());
      soffice.looked = true;
    }
    if (soffice.path === undefined) return { problem: { kind: 'needs-libreoffice' } };
    return { document: readDocx(await convertToDocx(soffice.path, file)), converted: true };
  } catch (error) {
    if (error instanceof ImportSourceError) return { problem: { kind: error.problem } };
    if (error instanceof ConversionError) return { problem: { kind: 'conversion-failed', detail: error.message } };
    throw error;
  }
}

/** A department as a folder name: a plain name only (never a path, never hidden). */
function departmentFolder(department: string | undefined): string {
  return department !== undefined && !/[\\/:*?"<>|\u0000-\u001f]|^\.|[. ]$/u.test(department) && department.length <= 64 ? department : '';
}

/** The project's roles as the import needs them (titles for links, ids in use); none in a new project. */
async function knownRoles(project: ProjectContext): Promise<{ known: KnownRole[]; inputs: readonly FileInput[] }> {
  const files = await readRoleFiles(project, []).catch(() => undefined);
  if (!files) return { known: [], inputs: [] };
  const checked = checkRoles(files.files, project.lang);
  return { known: checked.roles.map((entry) => ({ id: entry.role.id, title: entry.role.title, file: entry.file })), inputs: files.files };
}

export async function importRoles(root: string, options: ImportOptions): Promise<ImportResult> {
  const project = await openProject(root);
  const configErrors = project.configDiagnostics.filter((d) => d.severity === 'error');
  if (configErrors.length > 0) return { project, configErrors, sources: [], dryRun: options.dryRun === true };
  const catalogs = BUILTIN_LOCALES.map((name) => builtinLocaleData(name));
  const labels = labelIndex(
    catalogs.map((data) => data.labels),
    catalogs.map((data) => data.document_title),
  );
  const noteSeparators = [...new Set(catalogs.map((data) => data.note.separator))];
  const noteAttachedBefore = [...new Set(catalogs.flatMap((data) => data.note.attached_before))];

  // Read and recognise every source first: nothing is written before all are understood.
  const soffice = { path: options.soffice, looked: options.soffice !== undefined };
  const sources: { shown: string; read: ReadSource; recognised?: Recognised; problem?: ImportProblem }[] = [];
  for (const source of options.sources) {
    const files = await expandSource(options.cwd, source);
    if (!Array.isArray(files)) {
      sources.push({ shown: source, read: {}, problem: files });
      continue;
    }
    if (files.length === 0) sources.push({ shown: source, read: {}, problem: { kind: 'no-files' } });
    for (const { file, shown } of files) {
      const read = await readSource(file, options, soffice);
      if (read.problem || !read.document) {
        sources.push({ shown, read, problem: read.problem ?? { kind: 'empty' } });
        continue;
      }
      const fileTitle = path.basename(file, path.extname(file)).replace(/[_-]+/g, ' ').trim();
      const recognised = recognise(read.document, {
        labels,
        noteSeparators,
        noteAttachedBefore,
        fileTitle,
        ...(read.document.roleIds ? { endsAtTopHeading: true, expectedRoles: read.document.roleIds.length } : {}),
        ...(options.department ? { department: options.department } : {}),
      });
      const blank = read.document.blocks.length === 0;
      sources.push({ shown, read, recognised, ...(recognised.roles.length === 0 ? { problem: { kind: blank ? 'empty' : 'no-role' } } : {}) });
    }
  }

  const { known, inputs } = await knownRoles(project);
  const usable = sources.filter((s) => s.recognised && !s.problem);
  const assembled = assemble(
    usable.map((s) => ({ roles: s.recognised?.roles ?? [], ...(s.read.document?.roleIds ? { roleIds: s.read.document.roleIds } : {}) })),
    known,
  );

  // Where each new file goes, and its text.
  const rolesDir = path.join(project.root, globBase(project.config.roles));
  const planned = new Map<AssembledRole, { file: string; shown: string; text: string; taken: boolean }>();
  for (const [index, entries] of assembled.entries()) {
    for (const entry of entries) {
      const dir = path.join(rolesDir, departmentFolder(entry.role.department));
      const file = path.join(dir, `${entry.id}.yaml`);
      const schemaPath = toProjectPath(dir, path.join(project.root, 'schemas', 'role.schema.json'));
      const text = roleFileText(entry.role, schemaPath, path.basename(usable[index]?.shown ?? ''));
      // A role the project has already is shown where it is, wherever this import would have put it.
      const shown = entry.existing ? entry.existing.file : toProjectPath(project.root, file);
      planned.set(entry, { file, shown, text, taken: entry.existing !== undefined || entry.duplicate === true || (await exists(file)) });
    }
  }

  // The new files checked with the project's own, as `roledoc validate` will.
  const newInputs: FileInput[] = [...planned.values()].filter((p) => !p.taken).map((p) => ({ path: p.shown, bytes: new TextEncoder().encode(p.text) }));
  const shownNew = new Set(newInputs.map((input) => input.path));
  const checked = checkRoles([...inputs.filter((input) => !shownNew.has(input.path)), ...newInputs], project.lang);

  const reports: ImportedSourceReport[] = [];
  let used = 0;
  for (const source of sources) {
    const base = {
      source: source.shown,
      ...(source.read.encoding ? { encoding: source.read.encoding } : {}),
      ...(source.read.converted ? { converted: true } : {}),
      outside: source.recognised?.outside ?? [],
    };
    if (source.problem || !source.recognised) {
      reports.push({ ...base, ...(source.problem ? { problem: source.problem } : {}), roles: [] });
      continue;
    }
    const entries = assembled[used] ?? [];
    const recognisedRoles = source.recognised.roles;
    used += 1;
    const roles: ImportedRoleReport[] = [];
    for (const [index, entry] of entries.entries()) {
      const plan = planned.get(entry);
      const recognisedRole = recognisedRoles[index];
      if (!plan || !recognisedRole) continue;
      let outcome: RoleOutcome = entry.duplicate ? 'duplicate' : plan.taken ? 'exists' : options.dryRun ? 'would-write' : 'not-written';
      if (!plan.taken && !options.dryRun) outcome = (await publishNewFile(plan.file, plan.text)) ? 'written' : 'exists';
      roles.push({
        id: entry.id,
        idFrom: entry.idFrom,
        title: entry.role.title ?? '',
        file: plan.shown,
        outcome,
        mapped: recognisedRole.mapped,
        guesses: recognisedRole.guesses,
        kept: [...recognisedRole.kept, ...entry.kept],
        empty: recognisedRole.empty,
        links: entry.links,
        diagnostics: plan.taken ? [] : checked.diagnostics.filter((d) => d.file === plan.shown),
      });
    }
    reports.push({ ...base, roles });
  }
  return { project, configErrors: [], sources: reports, dryRun: options.dryRun === true };
}

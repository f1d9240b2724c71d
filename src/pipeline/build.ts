/**
 * One build (or `--check`) of a project, from its files to its documents: check, fonts, compile,
 * plan, render, write. Validation comes first and any error stops the build before a single file is
 * written, so a broken commit never replaces a good document. Documents whose inputs did not change
 * are neither rendered nor rewritten; a check renders in memory and only reports.
 */
import path from 'node:path';
import { hasErrors, normalizeDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { errorCode, UserError } from '../core/errors.js';
import { FileProblemError } from '../core/file-access.js';
import { nodeFiles } from '../io/node-files.js';
import { shownPath, toProjectPath } from '../core/paths.js';
import { readCommitDates } from '../io/git-dates.js';
import { cacheFolderExists, readCacheText, removeCacheFolder, writeCacheFile } from '../io/build-cache.js';
import {
  backUpOutputs,
  discardTemporaries,
  hashOutputs,
  lockOutputFolder,
  outputKinds,
  placeTemporaries,
  readOutputText,
  removeOutputs,
  removeStaleTemporaries,
  stampOutputs,
  takenByFolders,
  temporaryWriter,
  writeOutputs,
  type FileStamp,
  type OutputLock,
} from '../io/output-folder.js';
import { sourceDateEpoch } from '../incremental/document-date.js';
import { MANIFEST_NAME, parseManifest, sha256 } from '../incremental/manifest.js';
import { checkOutputs, inShard, nextManifest, type OutputProblem } from '../incremental/outputs.js';
import { planBuild } from '../incremental/plan.js';
import type { SourceFile } from '../load/source-file.js';
import { cliMessagesFor, type CliMessages } from '../messages/cli-messages.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor } from '../messages/messages.js';
import type { Layout } from '../layout/layout.js';
import { HANDBOOK_NAME, type OutputFormat } from '../model/config.js';
import { countCheckedFiles } from './check-project.js';
import { CHECK_CACHE_FILE, openCheckCache } from './check-cache.js';
import { openShapingCache, SHAPING_CACHE_FILE } from './shaping-cache.js';
import { checkProjectRoles } from './check-roles.js';
import { compileDocuments } from './compile.js';
import { revisionHistories } from './revision-history.js';
import { loadProjectLocale, loadProjectTemplate } from './load-look.js';
import { coveredConfig, openProject, type ProjectContext } from './open-project.js';
import { checkPdfCoverage, loadPdfFonts, paginationFonts } from './pdf-fonts.js';
import { readRoleFiles } from './read-roles.js';
import { RenderFailure } from './render-failure.js';
import { renderEach } from './render-pool.js';

export interface BuildRequest {
  /** Role files or folders to build (their documents only); none: the whole project. */
  readonly paths: readonly string[];
  /** Output formats; default the config's. */
  readonly formats?: readonly OutputFormat[];
  readonly out?: string;
  readonly template?: string;
  readonly locale?: string;
  /** Render every document, even those whose inputs did not change. */
  readonly force?: boolean;
  /** Write nothing; report every document that is not as a build would leave it. */
  readonly check?: boolean;
  /** false: leave the handbook out of this build. */
  readonly handbook?: boolean;
  readonly only?: 'handbook' | 'roles';
  /** Render threads; default one per CPU, at most 4. */
  readonly jobs?: number | undefined;
  /** Only the roles whose id hashes to share `index` of `count` (1-based). */
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
  /** SOURCE_DATE_EPOCH, as the environment gives it. */
  readonly sourceDateEpoch?: string | undefined;
  /**
   * Replace files at the documents' names that roledoc did not write or that were changed by hand
   * since, each first moved into the output folder's .roledoc-backup/. Without it they are kept,
   * and the build writes nothing.
   */
  readonly overwrite?: boolean | undefined;
  /** The heap each render thread may use, in MB (ROLEDOC_RENDER_MEMORY_MB); default as much as the process may use. */
  readonly renderMemoryMb?: number | undefined;
}

/** What a build says while it works: the CLI prints it, a program may listen. */
export interface BuildHooks {
  /** Every problem found, before anything is rendered (sorted), with the files to quote. */
  readonly onChecked?: (diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, project: ProjectContext) => void;
  /** Another build holds the output folder: this one waits. */
  readonly onWaiting?: () => void;
  /** After each document rendered, with how many of how many. */
  readonly onRendered?: (done: number, total: number) => void;
  /** The output folder's lock held no process id (damaged, say by a power cut): it was taken over. */
  readonly onLockDamaged?: (lock: string) => void;
}

export interface BuildResult {
  readonly project: ProjectContext;
  /** false when the role files, the config or the template have errors (nothing is built), or a check found a document out of date. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
  /** Documents changed by hand for roles that are gone: left alone, no longer roledoc's (project paths). */
  readonly disowned: readonly string[];
  /** With `check`: every output that is not as a build would leave it (project paths). */
  readonly problems: readonly { readonly file: string; readonly status: OutputProblem['status'] }[];
  /** How many roles the build is about. */
  readonly roles: number;
  /** How many files were checked: the role files, the config, and the project's own template and catalog files (as validate counts them). */
  readonly filesChecked: number;
  readonly outDir: string;
  /**
   * Files at the documents' names that roledoc did not write, or that were changed by hand since
   * (project paths): kept, and nothing was written (`ok` is false). Empty with `overwrite`.
   */
  readonly kept: readonly string[];
  /** With `overwrite`: each such file replaced, and where it was moved first (project paths). */
  readonly backups: readonly { readonly file: string; readonly backup: string }[];
}

/**
 * Builds the project at `root`. A build takes the output folder's lock before it reads a single
 * input, so two builds at once run one after the other, each on the files as they are then.
 * @throws UserError when the build cannot run (a bad option, a missing folder or font, an I/O error).
 */
export async function buildProject(root: string, langOverride: Lang | undefined, request: BuildRequest, hooks: BuildHooks = {}): Promise<BuildResult> {
  if (request.check === true) return buildOpened(await openProject(root, langOverride), request, hooks);
  // The config is read here only to find the output folder to lock; it is read again, with the
  // roles, once the lock is held, so everything a build uses is read under the lock.
  const first = await openProject(root, langOverride);
  // A config with errors (an out: that leaves the project, say) is reported without touching any folder.
  if (hasErrors(first.configDiagnostics)) return buildOpened(first, request, hooks);
  const messages = cliMessagesFor(first.lang);
  const outDir = path.resolve(root, request.out ?? first.config.out);
  const lock = await lockOutputFolder(outDir, {
    onWait: () => hooks.onWaiting?.(),
    onDamaged: (file) => hooks.onLockDamaged?.(toProjectPath(root, file)),
  }).catch((error: unknown) => {
    throw writeFailure(error, root, outDir, messages);
  });
  try {
    return await buildOpened(await openProject(root, langOverride), request, hooks, lock);
  } finally {
    await lock.release();
  }
}

/** Why the output folder cannot be written, in words: what is in the way (a file where a folder should be), or the system's reason. */
function writeFailure(error: unknown, root: string, dir: string, messages: CliMessages): UserError {
  if (error instanceof FileProblemError && !['denied', 'other', 'missing', 'too-large'].includes(error.problem)) {
    return new UserError(messages.notAFolder(shownPath(root, error.file), messages.pathProblem(error.problem)));
  }
  const code = error instanceof FileProblemError ? (error.details.code ?? (error.problem === 'denied' ? 'EACCES' : undefined)) : errorCode(error);
  const reason = code === undefined ? (error instanceof Error ? error.message : String(error)) : messages.systemReason(code);
  return new UserError(messages.cannotWrite(shownPath(root, dir), reason));
}

/**
 * The names about to be written whose files roledoc did not write, or that were changed by hand
 * since: a regular file whose bytes are neither what the manifest says roledoc wrote nor what it
 * would write now, or something that is not a file at all (a FIFO). A link is replaced, never
 * written through, and no one's only copy of anything; a file already holding the new bytes is
 * nothing lost.
 */
async function foreignOutputs(
  outDir: string,
  rendered: ReadonlyMap<string, Rendered>,
  disk: { readonly hashes: ReadonlyMap<string, string>; readonly manifest: ReturnType<typeof parseManifest> },
): Promise<string[]> {
  const kinds = await outputKinds(outDir, rendered.keys());
  const foreign: string[] = [];
  for (const [name, made] of rendered) {
    const kind = kinds.get(name);
    if (kind === 'special') foreign.push(name);
    if (kind !== 'file') continue;
    const hash = disk.hashes.get(name);
    if (hash === undefined || (hash !== disk.manifest.get(name)?.sha256 && hash !== made.sha256)) foreign.push(name);
  }
  return foreign.sort();
}

/** A document as the build keeps it once rendered: its hash and size (its bytes are in a temporary file, or gone). */
interface Rendered {
  readonly sha256: string;
  readonly size: number;
}

/** The build cache's record of the outputs' stamps (io/output-folder.ts FileStamp), by name. */
const STAMPS_FILE = 'outputs.json';
const STAMPS_VERSION = 1;

function parseStamps(text: string | undefined): Map<string, FileStamp> {
  if (text === undefined) return new Map();
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || (data as Record<string, unknown>)['version'] !== STAMPS_VERSION) return new Map();
    const files = (data as Record<string, unknown>)['files'];
    if (typeof files !== 'object' || files === null) return new Map();
    const isStamp = (value: unknown): value is FileStamp =>
      typeof value === 'object' &&
      value !== null &&
      ['size', 'mtimeMs', 'ctimeMs', 'ino'].every((key) => typeof (value as Record<string, unknown>)[key] === 'number') &&
      typeof (value as Record<string, unknown>)['sha256'] === 'string';
    return new Map(Object.entries(files).filter((entry): entry is [string, FileStamp] => isStamp(entry[1])));
  } catch {
    return new Map();
  }
}

async function buildOpened(project: ProjectContext, request: BuildRequest, hooks: BuildHooks, lock?: OutputLock): Promise<BuildResult> {
  const messages = cliMessagesFor(project.lang);
  const formats = request.formats ?? project.config.formats;
  const outDir = path.resolve(project.root, request.out ?? project.config.out);
  const shown = (name: string): string => toProjectPath(project.root, path.join(outDir, name));
  // Role files checked by an earlier build and not changed since are taken from the build cache (a check only reads it).
  const checkCache = openCheckCache(readCacheText(outDir, CHECK_CACHE_FILE), project.lang);
  const checked = checkProjectRoles(project, await readRoleFiles(project, request.paths), { cache: checkCache });
  const sources = new Map(checked.sources);
  const result = { project, outDir, written: [], unchanged: [], removed: [], disowned: [], problems: [], kept: [], backups: [], roles: checked.targets.length };
  const stop = (diagnostics: readonly Diagnostic[], filesChecked: number): BuildResult => {
    hooks.onChecked?.(diagnostics, sources, project);
    return { ...result, ok: false, diagnostics, filesChecked };
  };

  // A broken config may name a template that is not there: report the config and the roles first.
  if (hasErrors(project.configDiagnostics)) return stop(checked.allDiagnostics, countCheckedFiles(project, checked.targets, []));
  // Otherwise the template is checked too, so that one build reports every problem, as validate does.
  const loaded = await loadProjectTemplate(project, request.template, nodeFiles);
  const catalog = await loadProjectLocale(project, request.locale);
  const lookSources = [...loaded.sources, ...catalog.sources];
  for (const source of lookSources) sources.set(source.path, source);
  const filesChecked = countCheckedFiles(project, checked.targets, lookSources);
  let diagnostics = normalizeDiagnostics([...checked.allDiagnostics, ...loaded.diagnostics, ...catalog.diagnostics]);
  if (hasErrors(diagnostics) || !loaded.template || !catalog.locale) return stop(diagnostics, filesChecked);
  const template = loaded.template;
  const locale = catalog.locale;

  const targets = new Set(checked.targets);
  const roles = checked.roles.filter((entry) => targets.has(entry.file) && (request.shard === undefined || inShard(entry.role.id, request.shard)));
  const pdf = formats.includes('pdf') ? await loadPdfFonts(project.config, project.root, template, messages) : undefined;
  // The handbook .docx is paginated with the PDF fonts for its contents' page numbers, also when no PDF is made
  // (its text is not checked against them then: the .docx is not set in them). A font problem does not stop a
  // build that makes no PDF: the contents are then left for Word to number (a field marked to be updated), and said.
  let pagination = pdf;
  if (!pdf && formats.includes('docx') && project.config.handbook && request.handbook !== false) {
    const loaded = await paginationFonts(project.config, project.root, template, project.configLocator, { cli: messages, files: messagesFor(project.lang) });
    pagination = loaded.fonts;
    diagnostics = normalizeDiagnostics([...diagnostics, ...loaded.diagnostics]);
  }
  if (pdf) {
    const coverage = checkPdfCoverage(
      pdf.facts,
      { locale, template, config: project.config, configFile: coveredConfig(project) },
      roles.map((entry) => ({ file: entry.file, data: entry.role, locator: entry.locator })),
      sources,
      { cli: messages, files: messagesFor(project.lang) },
    );
    diagnostics = normalizeDiagnostics([...diagnostics, ...coverage]);
  }
  hooks.onChecked?.(diagnostics, sources, project);

  const epoch = sourceDateEpoch(request.sourceDateEpoch, messages);
  if (request.only === 'handbook' && (!project.config.handbook || request.handbook === false)) throw new UserError(messages.handbookOff, messages.handbookOffHint);
  if (request.only === 'handbook' && request.shard !== undefined) throw new UserError(messages.handbookNotSharded, messages.handbookNotShardedHint);
  // Named role files ask for those documents; the handbook comes with a whole build or --only handbook.
  const wholeBuild = request.only === undefined && request.paths.length === 0 && request.shard === undefined;
  const planned = compileDocuments(
    {
      config: project.config,
      roles: checked.roles,
      template,
      locale,
      templateFiles: [...loaded.files, ...catalog.sources.map((source) => source.path)],
      ...(project.config.revision_history ? { revisions: await revisionHistories(project.root, checked.roles.map((entry) => entry.file), locale) } : {}),
    },
    {
      formats,
      documentsOf: request.only === 'handbook' ? [] : roles,
      handbook: project.config.handbook && request.handbook !== false && (request.only === 'handbook' || wholeBuild),
      epoch,
      commits: epoch ? new Map() : await readCommitDates(project.root),
      fonts: pagination?.facts,
    },
  );

  if (request.check !== true) await removeStaleTemporaries(outDir);
  const manifestText = await readOutputText(outDir, MANIFEST_NAME).catch((error: unknown) => {
    if (!(error instanceof FileProblemError)) throw error;
    const what = messages.pathProblem(error.problem, error.details.limit);
    throw new UserError(error.problem === 'denied' || error.problem === 'other' || error.problem === 'too-large' ? messages.cannotRead(shown(MANIFEST_NAME), what) : messages.notAFile(shown(MANIFEST_NAME), what));
  });
  const manifest = parseManifest(manifestText);
  // What is on disk, by content: a hand edit that keeps the size is still a change. A file as it
  // was when the last build hashed it (size, times, inode) is not read again.
  const trusted = parseStamps(readCacheText(outDir, STAMPS_FILE));
  const { hashes: onDisk, stamps, unreadable } = await hashOutputs(outDir, [...new Set([...planned.map((output) => output.name), ...manifest.keys()])], trusted);
  const disk = new Map([...onDisk].map(([name, hash]) => [name, { sha256: hash }]));
  // The handbook's files belong to the project while the config wants a handbook (--no-handbook only skips it).
  const allRoles = new Set([...checked.roles.map((entry) => entry.role.id), ...(project.config.handbook ? [HANDBOOK_NAME] : [])]);
  // A role file that was not read (a link out of the project) may still be a role: none of the documents are removed.
  const plan = planBuild(planned, manifest, disk, { force: request.force === true, wholeProject: wholeBuild && checked.outside.length === 0, allRoles });

  const byName = new Map(planned.map((output) => [output.name, output]));
  const toRender = plan.render.flatMap((output) => byName.get(output.name) ?? []);
  // Each document goes to a temporary file beside its name as it is made (a check only hashes it);
  // none is put in place until all are made, so a failure leaves every earlier document as it was.
  const rendered = new Map<string, Rendered>();
  const written: string[] = [];
  // A build that writes nothing in the end leaves nothing behind: its temporary files go, and the build cache too if it made it.
  const cacheWasThere = await cacheFolderExists(outDir);
  const abandon = async (): Promise<void> => {
    await discardTemporaries(outDir, written);
    if (!cacheWasThere && request.check !== true) await removeCacheFolder(outDir);
  };
  const handbookLayout = sharedLayout(toRender.filter((output) => output.role === HANDBOOK_NAME).length);
  // fontkit's shaping from earlier builds (not with --force, which makes everything anew), read only
  // when something is rendered; what is shaped now is kept for the next.
  const shaping = toRender.length === 0 ? undefined : openShapingCache(readCacheText(outDir, SHAPING_CACHE_FILE), { fresh: request.force === true });
  const writeTemporary = temporaryWriter(outDir);
  const keep = async (name: string, bytes: Uint8Array): Promise<void> => {
    rendered.set(name, { sha256: sha256(bytes), size: bytes.byteLength });
    if (request.check === true) return;
    written.push(name);
    await writeTemporary({ name, bytes });
  };
  try {
    await renderEach(
      toRender.map((output) => {
        // The handbook's Layout once for both its formats; a role's when its turn comes. Neither is kept here.
        const heavy = output.role === HANDBOOK_NAME;
        return { name: output.name, format: output.format, createdAt: output.createdAt, heavy, get layout(): Layout { return heavy ? handbookLayout(output.compose) : output.compose(); } };
      }),
      {
        jobs: request.jobs,
        fonts: pagination?.fonts,
        fontChoice: pagination?.choice,
        cacheDir: request.check === true ? undefined : outDir,
        freshParts: request.force === true,
        memoryMb: request.renderMemoryMb,
        pdfStandard: project.config.pdf_standard,
        ...(shaping ? { shaping: { kept: shaping.kept, onShaped: shaping.add } } : {}),
        ...(hooks.onRendered ? { onDone: (done: number) => hooks.onRendered?.(done, toRender.length) } : {}),
      },
      keep,
    ).catch((error: unknown) => {
      if (!(error instanceof RenderFailure)) throw error;
      const role = byName.get(error.document)?.role;
      throw renderFailureError(error, messages.renderedDocument(role === HANDBOOK_NAME ? undefined : role, error.format, shown(error.document)), role === HANDBOOK_NAME, loaded.logoFile, messages, request.renderMemoryMb !== undefined);
    });
  } catch (error: unknown) {
    await abandon();
    throw error;
  }
  // In the order of the documents, whatever finished first.
  const inOrder = new Map(toRender.flatMap((output) => {
    const made = rendered.get(output.name);
    return made === undefined ? [] : [[output.name, made] as const];
  }));
  const manifestAfter = nextManifest(manifest, plan, toRender, inOrder);

  if (request.check === true) {
    // Nothing is written: every document is what a build would leave, or it is named. Something
    // that is not a file at a document's name (a FIFO) is not missing: it is not roledoc's.
    const problems = checkOutputs(planned, { onDisk, manifest, manifestText }, inOrder, plan, manifestAfter).map((problem) => ({
      file: shown(problem.name),
      status: problem.status === 'missing' && unreadable.has(problem.name) ? ('foreign-modified' as const) : problem.status,
    }));
    return { ...result, filesChecked, ok: problems.length === 0, diagnostics, problems, roles: roles.length };
  }

  let placed = false;
  try {
    // Each target checked before anything is put in place: a document whose name is taken by a
    // folder stops the build before any file changes.
    const [taken] = await takenByFolders(outDir, inOrder.keys());
    if (taken !== undefined) throw new UserError(messages.cannotWrite(shown(taken), messages.systemReason('EISDIR')));
    // A file at a document's name that roledoc did not write, or that was changed by hand, may be
    // someone's only copy: kept, and nothing is written, unless --overwrite says to replace it.
    const foreign = await foreignOutputs(outDir, inOrder, { hashes: onDisk, manifest });
    if (foreign.length > 0 && request.overwrite !== true) {
      return { ...result, filesChecked, ok: false, diagnostics, kept: foreign.map(shown), roles: roles.length };
    }
    const stillMine = async (): Promise<void> => {
      if (lock && !(await lock.holds())) throw new UserError(messages.lockLost(shown('') || '.'), messages.lockLostHint);
    };
    let backups: { name: string; backup: string }[] = [];
    try {
      await stillMine();
      backups = await backUpOutputs(outDir, foreign);
      placed = true;
      await placeTemporaries(outDir, [...inOrder.keys()]);
      await removeOutputs(outDir, plan.remove);
      // Right before the manifest: a build that lost the lock never writes a manifest without the other build's documents.
      await stillMine();
      if (manifestText !== manifestAfter) await writeOutputs(outDir, [{ name: MANIFEST_NAME, bytes: new TextEncoder().encode(manifestAfter) }]);
    } catch (error: unknown) {
      if (error instanceof UserError) throw error;
      const code = errorCode(error);
      throw new UserError(messages.writeInterrupted(shown(''), code === undefined ? String(error) : messages.systemReason(code)));
    }
    // What the next build may trust without reading: the files as they are now.
    const now = new Map([...stamps].filter(([name]) => !inOrder.has(name) && !plan.remove.includes(name)));
    for (const [name, stamp] of await stampOutputs(outDir, new Map([...inOrder].map(([name, made]) => [name, made.sha256])))) now.set(name, stamp);
    writeCacheFile(outDir, STAMPS_FILE, `${JSON.stringify({ version: STAMPS_VERSION, files: Object.fromEntries([...now].sort(([a], [b]) => (a < b ? -1 : 1))) })}\n`);
    const kept = checkCache.serialize();
    if (kept !== undefined) writeCacheFile(outDir, CHECK_CACHE_FILE, kept);
    const shaped = shaping?.serialize();
    if (shaped !== undefined) writeCacheFile(outDir, SHAPING_CACHE_FILE, shaped);
    return {
      ...result,
      filesChecked,
      ok: true,
      diagnostics,
      written: [...inOrder.keys()],
      unchanged: plan.unchanged.map((output) => output.name),
      removed: [...plan.remove],
      disowned: plan.disown.map(shown),
      backups: backups.map((entry) => ({ file: shown(entry.name), backup: shown(entry.backup) })),
      roles: roles.length,
    };
  } finally {
    // Whatever was not put in place (a file kept, a folder in the way, a lost lock) leaves no temporary file behind.
    if (!placed) await abandon();
  }
}
/**
 * One Layout for `readers` reads: composed at the first, the same object given to each, and let go
 * after the last (a read after that composes it again). The handbook's formats share its Layout,
 * which at 10,000 roles is hundreds of megabytes: no one should hold it once both have it.
 */
function sharedLayout(readers: number): (compose: () => Layout) => Layout {
  let layout: Layout | undefined;
  let left = readers;
  return (compose) => {
    const given = layout ?? compose();
    left -= 1;
    layout = left > 0 ? given : undefined;
    return given;
  };
}

/**
 * A document that could not be rendered, in a sentence: a font, the logo or the memory at fault is
 * the user's to fix (exit 2, with a hint); anything else is a bug in roledoc and says so. The
 * failure itself stays underneath, for --debug.
 */
function renderFailureError(failure: RenderFailure, document: string, handbook: boolean, logoFile: string | undefined, messages: CliMessages, limitedByUser: boolean): Error {
  const cause = { cause: failure.cause };
  switch (failure.fault?.kind) {
    case 'font':
      return new UserError(messages.renderFontFailed(document, failure.fault.path, failure.fault.reason), messages.fontUnusableHint, cause);
    case 'logo':
      return new UserError(messages.renderLogoFailed(document, logoFile), messages.renderLogoFailedHint, cause);
    case 'memory':
      // Twice as much, in whole gigabytes, as a first step up.
      return new UserError(messages.renderTooLarge(document, failure.fault.limitMb), messages.renderTooLargeHint(handbook, Math.ceil((failure.fault.limitMb * 2) / 1024) * 1024, limitedByUser), cause);
    case undefined: {
      const reason = failure.cause instanceof Error ? failure.cause.message : String(failure.cause);
      return new Error(messages.renderFailed(document, reason), cause);
    }
  }
}

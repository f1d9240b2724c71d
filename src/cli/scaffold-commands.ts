/** `roledoc init`, `roledoc new` and `roledoc schema`: starting a project, a role, an editor setup. */
import path from 'node:path';
import { EXIT_OK, UserError } from '../core/errors.js';
import { globBase, toProjectPath } from '../core/paths.js';
import { setLocalGitConfig } from '../io/git-config.js';
import { exists, makeFolder, writeNewFile } from '../io/new-files.js';
import { readTextIfPossible } from '../io/node-files.js';
import { findRoleFiles } from '../io/project-files.js';
import npa from 'npm-package-arg';
import { parseDocument } from 'yaml';
import { registrySpec, releaseTarballSpec } from '../core/version.js';
import { cliMessagesFor, type CliMessages, type PackageSpecProblem } from '../messages/cli-messages.js';
import { isLang, type Lang } from '../messages/lang.js';
import { CONFIG_FILE_NAME } from '../model/config.js';
import { ROLE_ID_PATTERN } from '../model/role.js';
import { openProject } from '../pipeline/open-project.js';
import { projectFiles, TEXTCONV_CONFIG, type ScaffoldFile } from '../scaffold/project-files.js';
import { roleSkeleton } from '../scaffold/role-skeleton.js';
import { schemaText, type SchemaKind } from '../validate/schemas.js';
import { explainWriteError, resolveRoot, type GlobalOptions, type Io } from './io.js';

/** Line breaks, tabs and the other C0/C1 controls: never in a one-line value of a YAML file. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

function langOf(options: GlobalOptions): Lang {
  return isLang(options.lang) ? options.lang : 'zh-CN';
}

export function runSchema(io: Io, kind: SchemaKind): number {
  io.stdout(schemaText(kind));
  return EXIT_OK;
}

/**
 * An npm install spec a CI workflow can use: a version or range of a package, a git URL, a tarball
 * URL or a path. npm-package-arg (npm's own parser) decides what the spec is.
 * @throws UserError when npm could not install anything from it.
 */
export function checkPackageSpec(spec: string, messages: CliMessages): string {
  const refuse = (reason: PackageSpecProblem): UserError => new UserError(messages.badPackageSpec(spec, reason), messages.badPackageSpecHint);
  if (spec.trim() === '') throw refuse('empty');
  if (/[\s\u0000-\u001f\u007f]/.test(spec)) throw refuse('spaces');
  if (spec.startsWith('-')) throw refuse('option');
  let parsed;
  try {
    parsed = npa(spec);
  } catch {
    throw refuse('unreadable');
  }
  const registry = parsed.type === 'version' || parsed.type === 'range' || parsed.type === 'tag';
  if (registry && !parsed.name) throw refuse('no-name');
  return spec;
}

/**
 * The workflow is YAML a team's CI runs: text that does not parse would fail its first run, so
 * it is never written (a bug in roledoc if it happens: the spec in it was checked).
 */
function assertParses(file: ScaffoldFile): void {
  if (!/\.ya?ml$/.test(file.path)) return;
  const { errors } = parseDocument(file.content);
  if (errors.length > 0) throw new Error(`the ${file.path} roledoc init made does not parse: ${errors[0]?.message ?? ''}`);
}

/** Writes each file that does not exist yet; an existing file is never touched. */
export async function runInit(io: Io, options: GlobalOptions, dir: string | undefined, packageSpec?: string): Promise<number> {
  const messages = cliMessagesFor(langOf(options));
  const spec = packageSpec === undefined ? registrySpec() : checkPackageSpec(packageSpec, messages);
  const root = path.resolve(io.cwd, options.cwd ?? '.', dir ?? '.');
  const files = projectFiles({ role: schemaText('role'), config: schemaText('config'), template: schemaText('template'), locale: schemaText('locale') }, spec, releaseTarballSpec());
  files.forEach(assertParses);
  await makeFolder(root).catch((error: unknown) => explainWriteError(error, io.cwd, toProjectPath(io.cwd, root) || '.', messages));
  for (const file of files) {
    const target = path.join(root, file.path);
    if (await exists(target)) {
      io.stdout(`  ${messages.initSkipped(file.path)}\n`);
      if (file.path === '.gitignore' && !/^\/?out\/?$/m.test((await readTextIfPossible(target)) ?? '')) io.stdout(`    ${messages.initGitignoreHint}\n`);
      continue;
    }
    await writeNewFile(target, file.content).catch((error: unknown) => explainWriteError(error, root, file.path, messages));
    io.stdout(`  ${messages.initCreated(file.path)}\n`);
  }
  // git does not commit its config: the line that makes git diff show documents' words is set here, for this clone.
  const textconv = await setLocalGitConfig(root, ...TEXTCONV_CONFIG);
  // git keeps the text of each version it has converted: a long git log -p starts roledoc once per version only once.
  if (textconv === 'set') await setLocalGitConfig(root, 'diff.roledoc.cachetextconv', 'true');
  io.stdout(`${textconv === 'set' ? messages.initTextconvSet : messages.initTextconvLater(`git config ${TEXTCONV_CONFIG[0]} "${TEXTCONV_CONFIG[1]}"`)}\n`);
  // Until roledoc is on npm, its own version there does not exist: say how to install it instead.
  if (packageSpec === undefined) io.stdout(`${messages.initPackageNote(spec, releaseTarballSpec())}\n`);
  io.stdout(`${messages.initDone(toProjectPath(io.cwd, root))}\n`);
  return EXIT_OK;
}

export async function runNew(io: Io, options: GlobalOptions, id: string, details: { title?: string; department?: string }): Promise<number> {
  const root = await resolveRoot(io, options.cwd, langOf(options));
  const project = await openProject(root, isLang(options.lang) ? options.lang : undefined);
  const messages = cliMessagesFor(project.lang);
  if (!ROLE_ID_PATTERN.test(id)) throw new UserError(messages.newBadId(id), messages.newBadIdHint);
  // A line break in a value written into the skeleton would break the file's YAML.
  for (const [option, value] of [['--title', details.title], ['--department', details.department]] as const) {
    if (value !== undefined && CONTROL_CHARACTER.test(value)) throw new UserError(messages.newBadText(option), messages.newBadTextHint);
  }
  // A hidden folder is never read by validate or build (the role glob leaves dot folders out).
  if (details.department?.startsWith('.') === true) throw new UserError(messages.newBadDepartment(details.department), messages.newBadDepartmentHint);
  // The id must be new to the whole project, not just to the folder the file goes in.
  const idLine = new RegExp(`^id:\\s*["']?${id}["']?\\s*(#.*)?$`, 'm');
  for (const existing of await findRoleFiles(root, project.config.roles, CONFIG_FILE_NAME, project.lang).catch(() => [])) {
    const text = (await readTextIfPossible(path.join(root, existing))) ?? '';
    if (idLine.test(text)) throw new UserError(messages.newIdTaken(id, existing));
  }
  // A department becomes a folder only when it is a plain name (never a path).
  const folder = details.department !== undefined && !/[\\/:*?"<>|]|^\.+$/.test(details.department) ? details.department : '';
  const dir = path.join(root, globBase(project.config.roles), folder);
  const file = path.join(dir, `${id}.yaml`);
  const shown = toProjectPath(root, file);
  if (await exists(file)) throw new UserError(messages.newExists(shown));
  const schema = toProjectPath(dir, path.join(root, 'schemas', 'role.schema.json'));
  await writeNewFile(file, roleSkeleton({ id, ...details, schemaPath: schema, lang: project.lang })).catch((error: unknown) => explainWriteError(error, root, shown, messages));
  io.stdout(`${messages.newCreated(shown)}\n`);
  return EXIT_OK;
}


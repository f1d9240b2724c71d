/** `roledoc init`, `roledoc new` and `roledoc schema`: starting a project, a role, an editor setup. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT_OK, UserError } from '../core/errors.js';
import { cliMessagesFor } from '../i18n/cli-messages.js';
import { isLang, type Lang } from '../i18n/lang.js';
import { ROLE_ID_PATTERN } from '../model/role.js';
import { findRoleFiles, globBase, openProject, toProjectPath } from '../project/read-project.js';
import { projectFiles } from '../scaffold/project-files.js';
import { roleSkeleton } from '../scaffold/role-skeleton.js';
import { schemaPath, type SchemaKind } from '../validate/schemas.js';
import { resolveRoot, type GlobalOptions, type Io } from './io.js';

export const SCHEMA_KINDS: readonly SchemaKind[] = ['role', 'config', 'template', 'locale'];

function langOf(options: GlobalOptions): Lang {
  return isLang(options.lang) ? options.lang : 'zh-CN';
}

export async function runSchema(io: Io, kind: SchemaKind): Promise<number> {
  io.stdout(await readFile(schemaPath(kind), 'utf8'));
  return EXIT_OK;
}

/** Writes each file that does not exist yet; an existing file is never touched. */
export async function runInit(io: Io, options: GlobalOptions, dir: string | undefined): Promise<number> {
  const messages = cliMessagesFor(langOf(options));
  const root = path.resolve(io.cwd, options.cwd ?? '.', dir ?? '.');
  await mkdir(root, { recursive: true });
  const schema = (kind: SchemaKind): Promise<string> => readFile(schemaPath(kind), 'utf8');
  const files = projectFiles({ role: await schema('role'), config: await schema('config'), template: await schema('template'), locale: await schema('locale') });
  for (const file of files) {
    const target = path.join(root, file.path);
    if (existsSync(target)) {
      io.stdout(`  ${messages.initSkipped(file.path)}\n`);
      if (file.path === '.gitignore' && !/^\/?out\/?$/m.test(await readFile(target, 'utf8'))) io.stdout(`    ${messages.initGitignoreHint}\n`);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: 'wx' });
    io.stdout(`  ${messages.initCreated(file.path)}\n`);
  }
  io.stdout(`${messages.initDone(toProjectPath(io.cwd, root))}\n`);
  return EXIT_OK;
}

export async function runNew(io: Io, options: GlobalOptions, id: string, details: { title?: string; department?: string }): Promise<number> {
  const root = await resolveRoot(io, options.cwd, langOf(options));
  const project = await openProject(root, isLang(options.lang) ? options.lang : undefined);
  const messages = cliMessagesFor(project.lang);
  if (!ROLE_ID_PATTERN.test(id)) throw new UserError(messages.newBadId(id), messages.newBadIdHint);
  // The id must be new to the whole project, not just to the folder the file goes in.
  const idLine = new RegExp(`^id:\\s*["']?${id}["']?\\s*(#.*)?$`, 'm');
  for (const existing of await findRoleFiles(project).catch(() => [])) {
    const text = await readFile(path.join(root, existing), 'utf8').catch(() => '');
    if (idLine.test(text)) throw new UserError(messages.newIdTaken(id, existing));
  }
  // A department becomes a folder only when it is a plain name (never a path).
  const folder = details.department !== undefined && !/[\\/:*?"<>|]|^\.+$/.test(details.department) ? details.department : '';
  const dir = path.join(root, globBase(project.config.roles), folder);
  const file = path.join(dir, `${id}.yaml`);
  const shown = toProjectPath(root, file);
  if (existsSync(file)) throw new UserError(messages.newExists(shown));
  const schema = toProjectPath(dir, path.join(root, 'schemas', 'role.schema.json'));
  await mkdir(dir, { recursive: true });
  await writeFile(file, roleSkeleton({ id, ...details, schemaPath: schema, lang: project.lang }), { flag: 'wx' });
  io.stdout(`${messages.newCreated(shown)}\n`);
  return EXIT_OK;
}


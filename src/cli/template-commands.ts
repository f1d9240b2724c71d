/** `roledoc templates` and `roledoc template eject`: seeing the templates, and starting one of your own. */
import path from 'node:path';
import stringWidth from 'string-width';
import { parse } from 'yaml';
import { EXIT_OK, UserError } from '../core/errors.js';
import { toProjectPath } from '../core/paths.js';
import { copyNewFile, exists, filesUnder, writeNewFile } from '../io/new-files.js';
import { kindOf, nodeFiles, readTextIfPossible } from '../io/node-files.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { isLang } from '../messages/lang.js';
import { openProject } from '../pipeline/open-project.js';
import { BUILTIN_TEMPLATES, BUILTIN_TEMPLATES_DIR, findTemplateFile, PROJECT_TEMPLATES_DIR, projectTemplateNames, TEMPLATE_FILE_NAME } from '../template/load-template.js';
import { schemaText } from '../validate/schemas.js';
import { explainWriteError, resolveRoot, type GlobalOptions, type Io } from './io.js';

/** A template's one-line description, as its file gives it. */
async function descriptionOf(file: string): Promise<string> {
  try {
    const data: unknown = parse((await readTextIfPossible(file)) ?? '');
    const description = typeof data === 'object' && data !== null && 'description' in data ? data.description : undefined;
    return typeof description === 'string' ? description : '';
  } catch {
    return '';
  }
}

/** The project's own template folders; in a clone of roledoc itself, templates/ holds the built-ins too, listed as built in. */
async function projectTemplateDirs(root: string): Promise<string[]> {
  const folders = (await projectTemplateNames(root, nodeFiles)).map((name) => path.join(root, PROJECT_TEMPLATES_DIR, name));
  const isBuiltin = (folder: string): boolean =>
    (BUILTIN_TEMPLATES as readonly string[]).includes(path.basename(folder)) && path.resolve(folder) === path.resolve(BUILTIN_TEMPLATES_DIR, path.basename(folder));
  return folders.filter((folder) => !isBuiltin(folder));
}

export async function runTemplates(io: Io, options: GlobalOptions): Promise<number> {
  const root = await resolveRoot(io, options.cwd, isLang(options.lang) ? options.lang : 'zh-CN');
  const project = await openProject(root, isLang(options.lang) ? options.lang : undefined);
  const messages = cliMessagesFor(project.lang);
  const builtin = await Promise.all(
    BUILTIN_TEMPLATES.map(async (name) => [name, await descriptionOf(path.join(BUILTIN_TEMPLATES_DIR, name, TEMPLATE_FILE_NAME))] as const),
  );
  const own = await Promise.all(
    (await projectTemplateDirs(root)).map(async (folder) => [toProjectPath(root, folder), await descriptionOf(path.join(folder, TEMPLATE_FILE_NAME))] as const),
  );
  const width = Math.max(...[...builtin, ...own].map(([name]) => stringWidth(name)));
  const row = ([name, description]: readonly [string, string]): string => `  ${name}${' '.repeat(width - stringWidth(name))}  ${description}\n`;
  io.stdout(`${messages.templatesBuiltin}\n${builtin.map(row).join('')}`);
  if (own.length > 0) io.stdout(`${messages.templatesProject}\n${own.map(row).join('')}`);
  // Which file `template:` finds: an ejected copy in templates/ wins over the built-in of its name.
  const inUse = await findTemplateFile(project.config.template, root, nodeFiles);
  io.stdout(`${messages.templatesInUse(project.config.template, inUse?.shownAs)}\n`);
  return EXIT_OK;
}

/**
 * Copies a built-in template into the project (templates/<name>/ unless told otherwise), never over
 * an existing one. Its editor hint ($schema) is pointed at the project's schemas/ folder, which gets
 * the template schema if it lacks it.
 */
export async function runEject(io: Io, options: GlobalOptions, name: string, dir: string | undefined): Promise<number> {
  const root = await resolveRoot(io, options.cwd, isLang(options.lang) ? options.lang : 'zh-CN');
  const project = await openProject(root, isLang(options.lang) ? options.lang : undefined);
  const messages = cliMessagesFor(project.lang);
  if (!(BUILTIN_TEMPLATES as readonly string[]).includes(name)) throw new UserError(messages.ejectUnknown(name, BUILTIN_TEMPLATES));
  const target = path.resolve(root, dir ?? path.join(PROJECT_TEMPLATES_DIR, name));
  const shownTarget = toProjectPath(root, target);
  // A file (or a FIFO) where the folder should go: said in words, before anything is written.
  const kind = await kindOf(target);
  if (kind !== 'directory' && kind !== 'missing') throw new UserError(messages.notAFolder(shownTarget, messages.pathProblem(kind)), messages.ejectExistsHint);
  if (await exists(path.join(target, TEMPLATE_FILE_NAME))) throw new UserError(messages.ejectExists(shownTarget), messages.ejectExistsHint);
  const source = path.join(BUILTIN_TEMPLATES_DIR, name);
  const schemaFile = path.join(root, 'schemas', 'template.schema.json');
  const schemaRef = toProjectPath(target, schemaFile);
  for (const file of await filesUnder(source)) {
    const to = path.join(target, file);
    try {
      if (file === TEMPLATE_FILE_NAME) {
        const text = (await readTextIfPossible(path.join(source, file))) ?? '';
        await writeNewFile(to, text.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schemaRef}`));
      } else {
        await copyNewFile(path.join(source, file), to);
      }
    } catch (error: unknown) {
      explainWriteError(error, root, toProjectPath(root, to), messages);
    }
    io.stdout(`  ${messages.ejectCreated(toProjectPath(root, to))}\n`);
  }
  if (!(await exists(schemaFile))) {
    await writeNewFile(schemaFile, schemaText('template')).catch((error: unknown) => explainWriteError(error, root, toProjectPath(root, schemaFile), messages));
    io.stdout(`  ${messages.ejectCreated(toProjectPath(root, schemaFile))}\n`);
  }
  io.stdout(`${messages.ejectDone(shownTarget)}\n`);
  return EXIT_OK;
}

/**
 * Finding and checking a template: a built-in name (templates/<name>/ in the package) or a folder
 * of the project holding template.yaml. Checked with the same diagnostics as role files.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { cliMessagesFor } from '../i18n/cli-messages.js';
import type { Lang } from '../i18n/lang.js';
import type { SourceFile } from '../load/source-file.js';
import type { RawTemplate } from '../model/template.js';
import { toProjectPath } from '../project/read-project.js';
import { checkYamlFile } from '../validate/check-file.js';
import { templateSchema } from '../validate/schemas.js';

export const TEMPLATE_FILE_NAME = 'template.yaml';
/** templates/ sits two levels above both src/template and dist/template. */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface LoadedTemplate {
  readonly template: RawTemplate | undefined;
  readonly source: SourceFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() === true;
}

export async function loadTemplate(nameOrPath: string, projectRoot: string, lang: Lang): Promise<LoadedTemplate> {
  const builtin = path.join(BUILTIN_TEMPLATES_DIR, nameOrPath, TEMPLATE_FILE_NAME);
  const isName = /^[a-z0-9][a-z0-9-]*$/.test(nameOrPath);
  let file: string;
  let shownAs: string;
  if (isName && (await isFile(builtin))) {
    file = builtin;
    shownAs = `templates/${nameOrPath}/${TEMPLATE_FILE_NAME}`;
  } else {
    file = path.join(path.resolve(projectRoot, nameOrPath), TEMPLATE_FILE_NAME);
    shownAs = toProjectPath(projectRoot, file);
    if (!(await isFile(file))) throw new UserError(cliMessagesFor(lang).templateNotFound(nameOrPath), cliMessagesFor(lang).templateNotFoundHint);
  }
  const checked = checkYamlFile<RawTemplate>(shownAs, await readFile(file), templateSchema(), lang);
  return { template: checked.value, source: checked.source, diagnostics: checked.diagnostics };
}

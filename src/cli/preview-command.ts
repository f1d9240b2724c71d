/** `roledoc preview`: the project's documents in the browser, updated as files are saved, until Ctrl-C. */
import { UserError } from '../core/errors.js';
import { nodeFiles } from '../io/node-files.js';
import { openInBrowser } from '../io/open-browser.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { isLang } from '../messages/lang.js';
import { BUILTIN_LOCALES } from '../model/locale.js';
import { openProject } from '../pipeline/open-project.js';
import { BUILTIN_TEMPLATES, projectTemplateNames } from '../template/load-template.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';
import { startPreviewServer } from './preview-server.js';

export interface PreviewOptions {
  readonly port?: number;
  readonly open?: boolean;
}

export async function runPreview(io: Io, options: GlobalOptions, preview: PreviewOptions): Promise<number> {
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  const project = await openProject(root, langOverride);
  const messages = cliMessagesFor(project.lang);
  const chalk = chalkFor(io, options.color, 'stderr');
  const own = await projectTemplateNames(root, nodeFiles).catch(() => []);
  const server = await startPreviewServer({
    root,
    config: project.config,
    port: preview.port ?? 0,
    lang: project.lang,
    templates: [...new Set([...BUILTIN_TEMPLATES, ...own])],
    locales: [...BUILTIN_LOCALES],
    onError: (error) => io.stderr(`${chalk.red('✖')} ${messages.internalError(error instanceof Error ? error.message : String(error))}\n`),
  }).catch((error: unknown) => {
    throw new UserError(messages.previewCannotListen(preview.port ?? 0, error instanceof Error ? error.message : String(error)), messages.previewCannotListenHint);
  });
  // Not a project to preview (no roles folder): said here, as build and validate say it, not only in a page.
  const fatal = await server.fatal();
  if (fatal) {
    await server.close();
    throw new UserError(fatal.message, fatal.hint);
  }
  io.stdout(`${messages.previewServing(server.url)}\n`);
  if (preview.open) openInBrowser(server.url);
  return new Promise((resolve) => {
    const stop = (): void => {
      void server.close().then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

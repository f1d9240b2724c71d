/**
 * `roledoc build --watch`: build, then rebuild whenever a saved file could change a document: the
 * role files, the config, a project template. The incremental build does only what the change
 * affects; every error is printed and watching goes on.
 */
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { globBase, toProjectPath } from '../core/paths.js';
import { pathKind } from '../io/node-files.js';
import { watchFiles } from '../io/watch-files.js';
import { isLocalePath } from '../locale/locale-name.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { isLang } from '../messages/lang.js';
import { CONFIG_FILE_NAME, type ProjectConfig } from '../model/config.js';
import { openProject } from '../pipeline/open-project.js';
import { PROJECT_TEMPLATES_DIR } from '../template/load-template.js';
import { buildOnce, printBuildResult, type BuildOptions } from './build-command.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';

/** Editors save in bursts (temporary file, rename, chmod): wait for the burst to end. */
const DEBOUNCE_MS = 200;

export async function watchBuild(io: Io, options: GlobalOptions, paths: readonly string[], build: BuildOptions): Promise<number> {
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  const project = await openProject(root, langOverride);
  let messages = cliMessagesFor(project.lang);
  const chalk = chalkFor(io, options.color, 'stderr');

  const once = async (): Promise<void> => {
    try {
      const result = await buildOnce(io, options, paths, build);
      messages = result.messages;
      printBuildResult(io, options, result, false);
    } catch (error: unknown) {
      // Whatever went wrong, the next save may fix it: report and keep watching.
      const text = error instanceof UserError ? error.message : messages.internalError(error instanceof Error ? error.message : String(error));
      io.stderr(`${chalk.red('✖')} ${text}\n${error instanceof UserError && error.hint ? `  ${chalk.cyan(messages.hint)}${error.hint}\n` : ''}`);
    }
  };

  await once();
  const watched = await watchedPaths(root, project.config, { paths, ...(build.template ? { template: build.template } : {}), ...(build.locale ? { locale: build.locale } : {}) });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const watcher = await watchFiles(watched, (file) => {
    if (!isWatchedChange(file, watched)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        io.stderr(`${messages.rebuilding(toProjectPath(root, file))}\n`);
        await once();
      });
    }, DEBOUNCE_MS);
  });
  // Say "watching" only once it is true: a save before then would go unseen.
  io.stderr(`${messages.watching(root)}\n`);

  return new Promise((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      // Let a build in progress finish writing, so Ctrl-C never leaves a half-written document.
      void running.then(() => watcher.close()).then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * What a saved file can change a document through: the role files, the config, a project template
 * and locale catalog, the project's own templates, and paths named on the command line.
 */
export async function watchedPaths(root: string, config: ProjectConfig, look: { readonly paths?: readonly string[]; readonly template?: string; readonly locale?: string }): Promise<string[]> {
  const template = look.template ?? config.template;
  const locale = look.locale ?? config.locale;
  return [
    path.join(root, globBase(config.roles)),
    path.join(root, CONFIG_FILE_NAME),
    ...(look.paths ?? []).map((p) => path.resolve(root, p)),
    // A project template is a folder with a path in it, or one under templates/; a built-in one never changes.
    ...(template.includes('/') || template.includes('.') ? [path.resolve(root, template)] : []),
    // A project locale catalog.
    ...(isLocalePath(locale) ? [path.resolve(root, locale)] : []),
    // The project's own templates (watched only if there: a missing path is not chokidar's to wait for).
    ...((await pathKind(path.join(root, PROJECT_TEMPLATES_DIR))) === 'directory' ? [path.join(root, PROJECT_TEMPLATES_DIR)] : []),
  ];
}

/** Role files, the config and templates, and a template's logo and fonts; a watched folder that came back. */
export function isWatchedChange(file: string, watched: readonly string[]): boolean {
  return /\.(ya?ml|png|jpe?g|ttf|otf|ttc)$/i.test(file) || watched.includes(file);
}

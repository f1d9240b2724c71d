/**
 * `roledoc build --watch`: build, then rebuild whenever a saved file could change a document. The
 * incremental build does only what the change affects; errors are printed and watching goes on.
 */
import { watch } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { cliMessagesFor } from '../i18n/cli-messages.js';
import { isLang } from '../i18n/lang.js';
import { buildOnce, printBuildResult, type BuildOptions } from './build-command.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';

/** Editors save in bursts (temp file, rename, chmod): wait for the burst to end. */
const DEBOUNCE_MS = 250;
const IGNORED = /(^|[\\/])(node_modules|\.git)([\\/]|$)/;

export async function watchBuild(io: Io, options: GlobalOptions, paths: readonly string[], build: BuildOptions): Promise<number> {
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  let outDir: string | undefined;
  let messages = cliMessagesFor(langOverride ?? 'zh-CN');

  const once = async (): Promise<void> => {
    try {
      const result = await buildOnce(io, options, paths, build);
      outDir = result.outDir;
      messages = result.messages;
      printBuildResult(io, options, result, false);
    } catch (error: unknown) {
      if (!(error instanceof UserError)) throw error;
      const chalk = chalkFor(io, options.color, 'stderr');
      io.stderr(`${chalk.red('✖')} ${error.message}\n${error.hint ? `  ${chalk.cyan(messages.hint)}${error.hint}\n` : ''}`);
    }
  };

  await once();
  io.stderr(`${messages.watching(root)}\n`);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const watcher = watch(root, { recursive: true }, (_event, filename) => {
    if (filename === null) return;
    const changed = path.resolve(root, filename.toString());
    // The documents being written are not a reason to write them again.
    if (IGNORED.test(filename.toString()) || (outDir !== undefined && (changed === outDir || changed.startsWith(outDir + path.sep)))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        io.stderr(`${messages.rebuilding(path.relative(root, changed).split(path.sep).join('/'))}\n`);
        await once();
      });
    }, DEBOUNCE_MS);
  });

  return new Promise((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      watcher.close();
      // Let a build in progress finish writing, so Ctrl-C never leaves a half-written document.
      void running.then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

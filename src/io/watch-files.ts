/**
 * Watching files for saves. chokidar, not fs.watch: editors that save by writing a temporary file
 * and renaming it over the old one are seen reliably.
 */
import { watch } from 'chokidar';

export interface FileWatcher {
  close(): Promise<void>;
}

/**
 * Calls `onChange` with the absolute path of every file added, changed or removed under `paths`
 * (files or folders; node_modules and .git are left out); resolves once the watching has begun,
 * so that no save after it goes unseen.
 */
export async function watchFiles(paths: readonly string[], onChange: (file: string) => void): Promise<FileWatcher> {
  const watcher = watch([...paths], { ignoreInitial: true, ignored: (file) => /(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(file) });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  watcher.on('all', (_event, file) => onChange(file));
  return { close: () => watcher.close() };
}

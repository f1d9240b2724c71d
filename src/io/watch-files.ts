/**
 * Watching files for saves. chokidar, not fs.watch: editors that save by writing a temporary file
 * and renaming it over the old one are seen reliably.
 */
import path from 'node:path';
import { watch } from 'chokidar';

export interface FileWatcher {
  close(): Promise<void>;
}

const IGNORED = (file: string): boolean => /(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(file);

/**
 * Calls `onChange` with the absolute path of every file added, changed or removed under `paths`
 * (files or folders; node_modules and .git are left out); resolves once the watching has begun,
 * so that no save after it goes unseen.
 *
 * A watched folder that is moved away and back (or deleted and made again) is watched again: a
 * watch on a folder ends with the folder, so the folders above the watched paths are watched too
 * (their own entries only), and a watched path that appears there again is watched anew and
 * reported as changed.
 */
export async function watchFiles(paths: readonly string[], onChange: (file: string) => void): Promise<FileWatcher> {
  const watcher = watch([...paths], { ignoreInitial: true, ignored: IGNORED });
  const parents = watch([...new Set(paths.map((file) => path.dirname(file)))], { ignoreInitial: true, depth: 0, ignored: IGNORED });
  await Promise.all([watcher, parents].map((each) => new Promise<void>((resolve) => each.once('ready', () => resolve()))));
  watcher.on('all', (_event, file) => onChange(file));
  const watched = new Set(paths.map((file) => path.resolve(file)));
  parents.on('all', (event, file) => {
    if ((event !== 'add' && event !== 'addDir') || !watched.has(path.resolve(file))) return;
    watcher.unwatch(file);
    watcher.add(file);
    onChange(file);
  });
  return { close: async () => void (await Promise.all([watcher.close(), parents.close()])) };
}

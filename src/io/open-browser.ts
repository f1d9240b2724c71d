/** Opening a page in the user's default browser (`roledoc preview --open`). */
import { spawn } from 'node:child_process';

/** Starts the system's opener for `url` and does not wait for it; a machine without one simply opens nothing. */
export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener here: the URL is printed for the user to open.
  }
}

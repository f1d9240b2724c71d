/**
 * The PDF font files' bytes, read once per process and shared with the render threads: each
 * thread parsing its own copy of the bundled faces held 25 MB more per worker. The bytes live in
 * shared memory, which a worker's setup passes by reference, not by copy.
 */
import { readFontFile } from '../io/fonts.js';
import type { FontChoice, FontFile } from '../model/fonts.js';

/** Font files' bytes by path, in shared memory. */
export type FontFileBytes = Readonly<Record<string, Uint8Array>>;

const bytesByPath = new Map<string, Uint8Array>();

/**
 * A font file's bytes: from this thread's (or its parent's) reading, or read now.
 * @throws FontError when the file is missing or unreadable
 */
export function fontFileBytes(file: FontFile): Uint8Array {
  let bytes = bytesByPath.get(file.path);
  if (!bytes) {
    const read = readFontFile(file);
    bytes = new Uint8Array(new SharedArrayBuffer(read.byteLength));
    bytes.set(read);
    bytesByPath.set(file.path, bytes);
  }
  return bytes;
}

/**
 * The chosen files' bytes for worker threads to parse, read now where not read yet. A file that
 * cannot be read is left out: the thread that needs it reads it and says what is wrong, as ever.
 */
export function fontFilesOf(choice: FontChoice): FontFileBytes {
  const files: Record<string, Uint8Array> = {};
  for (const file of [choice.regular, choice.bold, choice.fallback]) {
    if (!file) continue;
    try {
      files[file.path] = fontFileBytes(file);
    } catch {
      // Named by the render thread that needs it.
    }
  }
  return files;
}

/** Takes the font files another thread read (a worker's setup) as this thread's. */
export function useFontFiles(files: FontFileBytes | undefined): void {
  for (const [filePath, bytes] of Object.entries(files ?? {})) if (!bytesByPath.has(filePath)) bytesByPath.set(filePath, bytes);
}

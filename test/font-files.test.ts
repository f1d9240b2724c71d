/**
 * The PDF font files are read once and shared with the render threads (pipeline/font-files.ts):
 * the bytes a worker is given live in shared memory, are the file's, and are what it parses
 * instead of reading the file again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFonts } from '../src/io/fonts.js';
import { fontFileBytes, fontFilesOf, useFontFiles } from '../src/pipeline/font-files.js';

describe('font files shared with the render threads', () => {
  it('hands a worker the files’ bytes in shared memory, exactly the files', () => {
    const choice = chooseFonts(undefined, process.cwd());
    const files = fontFilesOf(choice);
    for (const file of [choice.regular, choice.bold]) {
      const bytes = files[file.path];
      expect(bytes?.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(bytes ?? []).equals(readFileSync(file.path))).toBe(true);
    }
  });

  it('leaves out a file it cannot read, for the thread that needs it to name', () => {
    const missing = { path: path.join(process.cwd(), 'no-such-font.ttf') };
    const choice = chooseFonts(undefined, process.cwd());
    const files = fontFilesOf({ ...choice, fallback: missing });
    expect(Object.keys(files)).not.toContain(missing.path);
    expect(Object.keys(files)).toContain(choice.regular.path);
  });

  it('takes bytes another thread read instead of reading the file', () => {
    const elsewhere = { path: path.join(process.cwd(), 'read-by-the-main-thread.ttf') };
    const shared = new Uint8Array(new SharedArrayBuffer(4));
    shared.set([0, 1, 0, 0]);
    useFontFiles({ [elsewhere.path]: shared });
    // No such file on disk: read, it would throw.
    expect(fontFileBytes(elsewhere)).toBe(shared);
  });
});

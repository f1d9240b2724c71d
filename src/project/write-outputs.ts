/**
 * Writing documents: each to a temporary file in the output folder, then renamed into place, so a
 * crash or Ctrl-C leaves the old or the new document, never half of one.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** File name inside the output folder, e.g. cs-supervisor.pdf (ids are validated, so it is safe). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export async function writeOutputs(outDir: string, outputs: readonly OutputFile[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const output of outputs) {
    const target = path.join(outDir, output.name);
    const temporary = path.join(outDir, `.${output.name}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, output.bytes);
      await rename(temporary, target);
    } catch (error: unknown) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

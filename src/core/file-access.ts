/**
 * What a stage that finds its files as it goes — a template, which names the template it extends,
 * its logo and its fonts — needs of the disk. io/node-files.ts gives the real one; the stage
 * itself never imports a file system.
 */
export interface FileAccess {
  /** Whether there is a regular file at this absolute path. */
  isFile(file: string): Promise<boolean>;
  /**
   * The file's bytes, at most `maxBytes` of them: the file is checked to be a regular file (never a
   * FIFO or a device, which would be read forever) and read until its end or the limit, whatever
   * its size claims.
   * @throws FileProblemError when there is no regular file to read or it is larger than `maxBytes`.
   */
  read(file: string, maxBytes: number): Promise<Uint8Array>;
  /** The names of the folders in a folder (none when it does not exist), sorted. */
  folders(dir: string): Promise<string[]>;
}

/**
 * What is at a path, when it is not what roledoc wanted there: a file where a folder was expected
 * (or the other way round), something that is neither (a FIFO, a device, a socket), a link that
 * leads nowhere, nothing at all, a file roledoc may not read, or one too large to read.
 */
export type PathProblem = 'file' | 'directory' | 'fifo' | 'device' | 'socket' | 'other' | 'broken-link' | 'link-loop' | 'missing' | 'denied' | 'too-large';

/** A path that is not the regular file (or folder) roledoc needs, and why; messages put `problem` into words. */
export class FileProblemError extends Error {
  override readonly name = 'FileProblemError';
  constructor(
    readonly problem: PathProblem,
    readonly file: string,
    readonly details: {
      /** For `too-large`: how many bytes the file has, at least. */
      readonly size?: number | undefined;
      /** For `too-large`: how many bytes roledoc reads of such a file. */
      readonly limit?: number | undefined;
      /** The system's error code, when the problem came from one (EACCES, EIO, …). */
      readonly code?: string | undefined;
    } = {},
  ) {
    super(`${file}: ${problem}${details.code === undefined ? '' : ` (${details.code})`}`);
  }
}

/**
 * What a stage that finds its files as it goes — a template, which names the template it extends,
 * its logo and its fonts — needs of the disk. io/node-files.ts gives the real one; the stage
 * itself never imports a file system.
 */
export interface FileAccess {
  /** Whether there is a regular file at this absolute path. */
  isFile(file: string): Promise<boolean>;
  /** The size of a regular file, or undefined when there is none. */
  size(file: string): Promise<number | undefined>;
  /** The file's bytes; rejects as node:fs does (an error with a `code` such as ENOENT or EACCES). */
  read(file: string): Promise<Uint8Array>;
  /** The names of the folders in a folder (none when it does not exist), sorted. */
  folders(dir: string): Promise<string[]>;
}

/**
 * Exceptions are for two things only; everything the user wrote wrong is a Diagnostic.
 * - UserError: the command cannot run at all (bad option, unreadable folder). Exit code 2.
 * - anything else that escapes is a bug in roledoc and is reported as an internal error.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly hint?: string,
    /** What went wrong underneath (shown with --debug). */
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** The system error code of a failed file operation (ENOENT, EEXIST, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

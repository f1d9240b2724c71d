/** The process edge of the CLI: streams, environment, colour, the project root. */
import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { errorCode, UserError } from '../core/errors.js';
import { FileProblemError } from '../core/file-access.js';
import { shownPath } from '../core/paths.js';
import { pathKind } from '../io/node-files.js';
import { cliMessagesFor, type CliMessages } from '../messages/cli-messages.js';
import type { Lang } from '../messages/lang.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  readonly cwd: string;
}

export interface GlobalOptions {
  readonly cwd?: string;
  readonly lang?: string;
  readonly color: boolean;
  readonly debug?: boolean;
}

/** Colour only for a terminal, never with NO_COLOR or --no-color; FORCE_COLOR wins for CI logs that render ANSI. */
export function chalkFor(io: Io, colorFlag: boolean, stream: 'stdout' | 'stderr' = 'stdout'): ChalkInstance {
  const forced = io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0';
  const noColor = io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '';
  const enabled = colorFlag && !noColor && ((stream === 'stdout' ? io.stdoutIsTty : io.stderrIsTty) || forced);
  return new Chalk({ level: enabled ? 1 : 0 });
}

export async function resolveRoot(io: Io, cwdOption: string | undefined, lang: Lang): Promise<string> {
  const root = path.resolve(io.cwd, cwdOption ?? '.');
  const kind = await pathKind(root);
  if (kind === undefined) throw new UserError(cliMessagesFor(lang).cwdNotFound(cwdOption ?? root));
  if (kind !== 'directory') throw new UserError(cliMessagesFor(lang).notADirectory(cwdOption ?? root));
  return root;
}

/**
 * A file a command was asked to write (init, new, template eject) that could not be: what is in the
 * way, or the system's reason, in words. Anything else is rethrown.
 */
export function explainWriteError(error: unknown, root: string, shown: string, messages: CliMessages): never {
  if (error instanceof FileProblemError && !['denied', 'other', 'missing', 'too-large'].includes(error.problem)) {
    throw new UserError(messages.notAFolder(shownPath(root, error.file), messages.pathProblem(error.problem)));
  }
  const code = error instanceof FileProblemError ? error.details.code : errorCode(error);
  if (code === undefined) throw error;
  throw new UserError(messages.cannotWrite(shown, messages.systemReason(code)));
}

let pipeGuarded = false;

export function processIo(): Io {
  if (!pipeGuarded) {
    pipeGuarded = true;
    // `roledoc validate | head`: the reader went away; that ends the output, it is not a crash.
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
      });
    }
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    cwd: process.cwd(),
  };
}

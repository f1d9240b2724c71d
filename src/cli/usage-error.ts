/**
 * A command line commander rejected, said again in the user's language: one sentence, commander's
 * did-you-mean as the hint, and the way to the full help — not the whole English help text, which
 * buried the one line that mattered.
 */
import type { CommanderError } from 'commander';
import type { CliMessages, UsageExpectation } from '../messages/cli-messages.js';

/** What an option's value must look like, as main.ts's parsers say it (commander keeps only the text). */
export const EXPECTED_VALUES: Readonly<Record<UsageExpectation, string>> = {
  threads: 'a whole number of threads, 1 or more',
  shard: 'i/n with 1 ≤ i ≤ n, e.g. 2/4',
  port: 'a port number from 1 to 65535',
};

export interface UsageReport {
  readonly message: string;
  readonly hint: string;
}

/** The first word of `argv` that names one of `commands`: the command the line was for. */
export function commandOf(argv: readonly string[], commands: readonly string[]): string | undefined {
  return argv.find((arg) => commands.includes(arg));
}

export function describeUsageError(error: CommanderError, command: string | undefined, messages: CliMessages): UsageReport {
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  const suggested = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(rest.join(' ').trim())?.[1];
  const help = messages.usageHelpHint(command);
  const didYouMean = suggested === undefined ? '' : messages.usageDidYouMean(suggested.split(', '));
  // A Chinese question mark needs no space after it; an English one does.
  const hint = didYouMean === '' ? help : `${didYouMean}${didYouMean.endsWith('？') ? '' : ' '}${help}`;
  const quoted = [...first.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '');
  const flag = (quoted[0] ?? '').split(' ')[0] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return { message: messages.usageUnknownOption(flag), hint };
    case 'commander.unknownCommand':
      return { message: messages.usageUnknownCommand(quoted[0] ?? ''), hint };
    case 'commander.optionMissingArgument':
      return { message: messages.usageMissingValue(flag), hint };
    case 'commander.missingArgument':
      return { message: messages.usageMissingArgument(quoted[0] ?? ''), hint };
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(first);
      return { message: messages.usageTooManyArguments(command, Number(counts?.[1] ?? 0), Number(counts?.[2] ?? 0)), hint };
    }
    case 'commander.invalidArgument': {
      const detail = first.replace(/^.*? is invalid\.\s*/, '');
      const choices = /^Allowed choices are (.+)\.$/.exec(detail)?.[1]?.split(', ');
      const expectation = (Object.keys(EXPECTED_VALUES) as UsageExpectation[]).find((key) => EXPECTED_VALUES[key] === detail);
      const expected = choices ? messages.usageChoices(choices) : expectation ? messages.usageExpected(expectation) : detail;
      return { message: messages.usageInvalidValue(flag, quoted[1] ?? '', expected), hint };
    }
    default:
      return { message: first, hint };
  }
}

/** `roledoc import FILE|FOLDER…`: existing job descriptions in, one role file per role, with a report a person can act on. */
import { hasErrors } from '../core/diagnostic.js';
import { EXIT_INVALID, EXIT_OK, UserError } from '../core/errors.js';
import { localeFor } from '../locale/builtin.js';
import { importMessagesFor, type ImportMessages } from '../messages/import-messages.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import { isLang } from '../messages/lang.js';
import { importRoles, type ImportResult } from '../pipeline/import-roles.js';
import { chalkFor, resolveRoot, type GlobalOptions, type Io } from './io.js';
import { formatText, plainDiagnostics } from './report.js';

export interface ImportCommandOptions {
  readonly dryRun?: boolean;
  readonly department?: string;
  readonly format: 'text' | 'json';
}

function jsonReport(result: ImportResult, m: ImportMessages): string {
  const plain = {
    dryRun: result.dryRun,
    ...(result.configErrors.length > 0 ? { configErrors: plainDiagnostics(result.configErrors) } : {}),
    sources: result.sources.map((source) => ({
      source: source.source,
      ...(source.problem
        ? {
            problem: {
              ...source.problem,
              message: m.problem(source.problem.kind, source.source, 'detail' in source.problem ? source.problem.detail : ''),
              ...(m.problemHint(source.problem.kind) ? { hint: m.problemHint(source.problem.kind) } : {}),
            },
          }
        : {}),
      ...(source.encoding ? { encoding: source.encoding } : {}),
      ...(source.converted ? { converted: true } : {}),
      outside: source.outside.map((piece) => ({ text: piece.text, place: piece.place })),
      roles: source.roles.map((role) => ({ ...role, diagnostics: plainDiagnostics(role.diagnostics) })),
    })),
  };
  return `${JSON.stringify(plain, null, 2)}\n`;
}

export async function runImport(io: Io, options: GlobalOptions, sources: readonly string[], command: ImportCommandOptions): Promise<number> {
  const langOverride = isLang(options.lang) ? options.lang : undefined;
  if (sources.length === 0) throw new UserError(importMessagesFor(langOverride ?? 'zh-CN').noSources);
  const root = await resolveRoot(io, options.cwd, langOverride ?? 'zh-CN');
  const result = await importRoles(root, {
    sources,
    cwd: io.cwd,
    ...(command.department !== undefined ? { department: command.department } : {}),
    ...(command.dryRun ? { dryRun: true } : {}),
  });
  const lang = langOverride ?? result.project.lang;
  const m = importMessagesFor(lang);
  const cli = cliMessagesFor(lang);
  const chalk = chalkFor(io, options.color);
  const roles = result.sources.flatMap((source) => source.roles);
  const failed = result.sources.filter((source) => source.problem !== undefined).length;
  const invalid = roles.filter((role) => hasErrors(role.diagnostics)).length;
  const code = failed > 0 || invalid > 0 || result.configErrors.length > 0 ? EXIT_INVALID : EXIT_OK;
  if (command.format === 'json') {
    io.stdout(jsonReport(result, m));
    return code;
  }
  if (result.configErrors.length > 0) {
    const sources = result.project.configSource ? new Map([[result.project.configSource.path, result.project.configSource]]) : new Map();
    io.stdout(`${formatText(result.configErrors, { chalk, sources, messages: cli })}\n${chalk.red(m.configBroken)}\n`);
    return code;
  }

  const labels = localeFor(lang === 'en' ? 'en' : 'zh-CN').labels as Readonly<Record<string, string>>;
  const labelOf = (field: string): string => {
    const key = (field.split('.').pop() ?? field).replace(/_note$/, '');
    return labels[key] ?? key;
  };
  const at = (place: Parameters<typeof m.place>[0] | undefined): string => {
    const words = place === undefined ? '' : m.place(place);
    return words === '' ? '' : chalk.dim(`  (${words})`);
  };
  const lines: string[] = [];
  for (const source of result.sources) {
    lines.push(chalk.bold(m.sourceHeader(source.source, source.roles.length)) + (source.converted ? m.converted : '') + (source.encoding ? m.encoding(source.encoding) : ''));
    if (source.problem) {
      const detail = 'detail' in source.problem ? source.problem.detail : '';
      lines.push(`  ${chalk.red('✘')} ${m.problem(source.problem.kind, source.source, detail)}`);
      const hint = m.problemHint(source.problem.kind);
      if (hint) lines.push(`    ${chalk.cyan(cli.hint)}${hint}`);
    }
    const first = source.outside[0];
    const last = source.outside[source.outside.length - 1];
    if (first && last) lines.push(`  ${m.outside(source.outside.length, [m.place(first.place), m.place(last.place)].filter((w, i, all) => all.indexOf(w) === i).join(' – '))}`);
    for (const role of source.roles) {
      const bad = hasErrors(role.diagnostics);
      const mark = role.outcome === 'exists' ? chalk.yellow('•') : bad ? chalk.yellow('!') : chalk.green('✔');
      lines.push(`  ${mark} ${chalk.bold(role.file)}  ${role.title}  ${chalk.dim(m.outcome(role.outcome))}`);
      if (role.idFrom === 'document') lines.push(`      ${chalk.dim(m.idFromDocument)}`);
      const mapped = [...new Set(role.mapped.map((entry) => entry.label.replace(/[:：]\s*$/u, '')))];
      if (mapped.length > 0) lines.push(`      ${m.mapped(mapped)}`);
      for (const guess of role.guesses) lines.push(`      ${chalk.yellow(m.guess(guess.reason, guess.value, labelOf(guess.field)))}${at(guess.place)}`);
      for (const kept of role.kept) lines.push(`      ${chalk.cyan(m.kept(kept.label, kept.field, kept.text))}${at(kept.place)}`);
      if (role.empty.length > 0) lines.push(`      ${chalk.dim(m.empty([...new Set(role.empty)]))}`);
      for (const link of role.links) lines.push(`      ${chalk.dim(m.linked(labelOf(link.field), link.title, link.id))}`);
      if (role.diagnostics.length > 0) {
        lines.push(`      ${chalk.yellow(m.notValid)}`);
        const report = formatText(role.diagnostics, { chalk, sources: new Map(), messages: cli });
        lines.push(...report.trimEnd().split('\n').map((line) => `      ${line}`));
      }
    }
    lines.push('');
  }
  const written = roles.filter((role) => role.outcome === 'written').length;
  const summary = m.summary(roles.length, written, invalid, failed, result.dryRun);
  lines.push(code === EXIT_OK ? chalk.green(summary) : chalk.yellow(summary));
  io.stdout(`${lines.join('\n')}\n`);
  return code;
}

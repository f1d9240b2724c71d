/**
 * The reviewer's rules over a project's roles: every text of every role through the phrase rules
 * (phrases.ts), the organisation's own phrase rules, and repeated sentences — each finding at the
 * exact line and column of its phrase, at the severity the config gives its rule. A line may
 * silence a rule with a comment that gives a reason (`# roledoc: allow age — 国家规定的特殊工种`);
 * a silence without a reason, or one that silences nothing, is reported too. Pure.
 */
import type { Diagnostic, Severity, SourceSpan } from '../core/diagnostic.js';
import type { Locator } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import { lineStarts } from '../load/source-file.js';
import type { LintConfig, LintLevel } from '../model/config.js';
import type { LintMessages } from '../messages/lint-messages.js';
import type { RawRole } from '../model/role.js';
import { findPhrases, PHRASE_RULES, type PhraseRule } from './phrases.js';

/** Every rule `roledoc lint` has, with its default level. */
export const LINT_RULES: Readonly<Record<PhraseRule | 'duplicate' | 'kpi-trace' | 'punctuation', LintLevel>> = {
  gender: 'warn',
  age: 'warn',
  marital: 'warn',
  hukou: 'warn',
  ethnicity: 'warn',
  religion: 'warn',
  health: 'warn',
  appearance: 'warn',
  vague: 'info',
  duplicate: 'warn',
  'kpi-trace': 'info',
  punctuation: 'info',
};
export type LintRuleId = keyof typeof LINT_RULES;

/** A text's pairs of neighbouring characters: what two short Chinese phrases share when they speak of the same thing. */
function bigrams(text: string): Set<string> {
  const chars = Array.from(text.replace(/[\s，,。；;、：:（）()“”"]/gu, ''));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(`${chars[i]}${chars[i + 1]}`);
  return pairs;
}

/** How much of a KPI's name (its pairs) a duty and its tasks (theirs) speak of: the share of its pairs found there. */
function coverage(pairs: ReadonlySet<string>, inLong: ReadonlySet<string>): number {
  if (pairs.size === 0) return 0;
  let shared = 0;
  for (const pair of pairs) if (inLong.has(pair)) shared += 1;
  return shared / pairs.size;
}

/** A KPI measures a duty when the duty speaks of at least this much of the KPI's name. */
const TRACED = 0.5;

/** The sentences of the findings (messages/lint-messages.ts). */
export type LintWords = LintMessages;

export interface LintInput {
  readonly file: string;
  readonly role: RawRole;
  readonly locator: Locator;
  readonly source: SourceFile;
}

/** A role's texts with where each is: [path in the file, text]. */
function textsOf(role: RawRole): [string[], string][] {
  const out: [string[], string][] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === 'string') out.push([path, value]);
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, String(index)]));
    else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  // The id, links and dates are not sentences.
  for (const [key, value] of Object.entries(role)) if (!['id', 'reports_to', 'career_path', 'established'].includes(key)) walk(value, [key]);
  return out;
}

/** The place of `phrase` inside the value at `span`: its own line and column where the file has it as written. */
function phraseSpan(source: SourceFile, starts: readonly number[], span: SourceSpan, phrase: string, nth: number): SourceSpan {
  const from = (starts[span.line - 1] ?? 0) + span.column - 1;
  const to = (starts[span.endLine - 1] ?? source.text.length) + span.endColumn - 1;
  const region = source.text.slice(from, Math.max(from, to));
  let at = -1;
  for (let i = 0; i <= nth; i++) at = region.indexOf(phrase, at + 1);
  if (at < 0) return span;
  const offset = from + at;
  let line = starts.findIndex((start) => start > offset);
  line = line < 0 ? starts.length : line;
  const column = offset - (starts[line - 1] ?? 0) + 1;
  return { line, column, endLine: line, endColumn: column + phrase.length };
}

interface Silence {
  /** The line it silences: its own, or the next one for a comment alone on its line. */
  readonly line: number;
  /** The line the comment is on. */
  readonly at: number;
  readonly rule: string;
  readonly reason: string;
  used: boolean;
}

/** `# roledoc: allow <rule> — <reason>` comments, each silencing its own line and the next. */
function silencesOf(source: SourceFile): Silence[] {
  const silences: Silence[] = [];
  source.text.split('\n').forEach((text, index) => {
    const match = /#\s*roledoc:\s*allow\s+([a-z-]+)\s*(?:[—–-]+|:|：)?\s*(.*)$/iu.exec(text);
    if (!match) return;
    const before = text.slice(0, match.index);
    // A # inside a quoted value is words of the document, not a comment.
    if ((before.match(/"/g) ?? []).length % 2 === 1 || (before.match(/'/g) ?? []).length % 2 === 1) return;
    if (before.trim() !== '' && !/\s$/u.test(before)) return;
    const alone = before.trim() === '';
    silences.push({ line: index + (alone ? 2 : 1), at: index + 1, rule: (match[1] ?? '').toLowerCase(), reason: (match[2] ?? '').replace(/\r$/, '').trim(), used: false });
  });
  return silences;
}


/** An organisation's pattern as a regular expression; one that is not a valid one matches nothing. */
function patternOf(source: string): RegExp {
  try {
    return new RegExp(source, 'gu');
  } catch {
    return /(?!)/gu;
  }
}

const SEVERITY: Record<Exclude<LintLevel, 'off'>, Severity> = { info: 'info', warn: 'warning', error: 'error' };

/** A change `--fix` may make: the text at [start, end) of a file becomes `text`. Only ever where one answer is right. */
export interface LintFix {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Half-width punctuation between Chinese characters, and its full-width form. */
const HALF_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF_WIDTH_BETWEEN_HAN = /(?<=\p{Script=Han})[,;?!](?=\p{Script=Han})/gu;

export interface LintResult {
  readonly diagnostics: Diagnostic[];
  readonly fixes: LintFix[];
}

export function lintRoles(inputs: readonly LintInput[], config: LintConfig, words: LintWords): Diagnostic[] {
  return lintRolesWithFixes(inputs, config, words).diagnostics;
}

/** What lint finds in one file alone: its findings and fixes, and its sentences for the rule across roles. */
export interface FileLint extends LintResult {
  /** Each sentence long enough to count as copied, with where it is. */
  readonly sentences: readonly { readonly sentence: string; readonly span: SourceSpan }[];
}

/** The rules as the config sets them, made ready once for every file of a run. */
interface PreparedRules {
  readonly level: (rule: string) => LintLevel;
  readonly customPhrases: readonly (LintConfig['phrases'][number] & { readonly find: RegExp })[];
  readonly activePhraseRules: readonly PhraseRule[];
}

function prepareRules(config: LintConfig): PreparedRules {
  const level = (rule: string): LintLevel => config.rules[rule] ?? LINT_RULES[rule as LintRuleId] ?? 'warn';
  return {
    level,
    // The organisation's phrases, compiled once for every text of every role.
    customPhrases: config.phrases.map((custom) => ({ ...custom, find: patternOf(custom.pattern) })),
    activePhraseRules: PHRASE_RULES.filter((rule) => level(rule) !== 'off'),
  };
}

/** The findings, and the changes `roledoc lint --fix` makes for the ones with a single right answer. */
export function lintRolesWithFixes(inputs: readonly LintInput[], config: LintConfig, words: LintWords): LintResult {
  const rules = prepareRules(config);
  const perFile = inputs.map((input) => lintOneFile(input, rules, words));
  return {
    diagnostics: [...perFile.flatMap((result) => result.diagnostics), ...lintAcrossRoles(inputs.map((input, i) => ({ file: input.file, lint: perFile[i] })), config, words)],
    fixes: perFile.flatMap((result) => result.fixes),
  };
}

/** One file's lint, for a caller that keeps it for files that did not change (the rule across roles is lintAcrossRoles'). */
export function lintFile(input: LintInput, config: LintConfig, words: LintWords): FileLint {
  return lintOneFile(input, prepareRules(config), words);
}

/** The same sentence in five roles or more: copied, not written for the role. */
export function lintAcrossRoles(files: readonly { readonly file: string; readonly lint: FileLint | undefined }[], config: LintConfig, words: LintWords): Diagnostic[] {
  const { level } = prepareRules(config);
  if (level('duplicate') === 'off') return [];
  const everywhere = new Map<string, { file: string; span: SourceSpan }[]>();
  for (const { file, lint } of files) {
    for (const { sentence, span } of lint?.sentences ?? []) {
      const places = everywhere.get(sentence);
      if (places) places.push({ file, span });
      else everywhere.set(sentence, [{ file, span }]);
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const places of everywhere.values()) {
    const files = new Set(places.map((place) => place.file));
    if (files.size < 5) continue;
    for (const place of places) diagnostics.push({ severity: 'info', code: 'lint.duplicate', message: words.duplicateAcrossRoles(files.size), file: place.file, span: place.span, hint: words.duplicateHint });
  }
  return diagnostics;
}

function lintOneFile(input: LintInput, rules: PreparedRules, words: LintWords): FileLint {
  const { level, customPhrases, activePhraseRules } = rules;
  const fixes: LintFix[] = [];
  const diagnostics: Diagnostic[] = [];
  const sentences: { sentence: string; span: SourceSpan }[] = [];
  const starts = lineStarts(input.source.text);
  const silences = silencesOf(input.source);
  /** Reports a finding unless its rule is off or the line silences it; says whether it did. */
  const report = (rule: string, code: Diagnostic['code'], span: SourceSpan, message: string, hint?: string, ruleLevel: LintLevel = level(rule)): boolean => {
    if (ruleLevel === 'off') return false;
    const silence = silences.find((s) => s.rule === rule && s.line === span.line);
    if (silence && silence.reason !== '') {
      silence.used = true;
      return false;
    }
    diagnostics.push({ severity: SEVERITY[ruleLevel], code, message, file: input.file, span, ...(hint === undefined ? {} : { hint }) });
    return true;
  };
  const seen = new Map<string, { line: number; list: string }>();
  for (const [path, text] of textsOf(input.role)) {
    const span = input.locator.locate(path, 'value');
    const counts = new Map<string, number>();
    for (const match of findPhrases(text, activePhraseRules)) {
      const nth = counts.get(match.phrase) ?? 0;
      counts.set(match.phrase, nth + 1);
      report(match.rule, `lint.${match.rule}`, phraseSpan(input.source, starts, span, match.phrase, nth), words.phrase(match.rule, match.phrase), words.phraseHint(match.rule));
    }
    for (const custom of customPhrases) {
      const seenPhrase = new Map<string, number>();
      for (const found of text.matchAll(custom.find)) {
        const phrase = found[0];
        if (phrase === '') continue;
        const nth = seenPhrase.get(phrase) ?? 0;
        seenPhrase.set(phrase, nth + 1);
        report('custom', 'lint.custom', phraseSpan(input.source, starts, span, phrase, nth), custom.message.replaceAll('{phrase}', phrase), custom.hint, custom.severity ?? 'warn');
      }
    }
    // Half-width punctuation between Chinese characters, in the file as written: one right answer.
    if (level('punctuation') !== 'off') {
      const from = (starts[span.line - 1] ?? 0) + span.column - 1;
      const to = (starts[span.endLine - 1] ?? 0) + span.endColumn - 1;
      for (const mark of input.source.text.slice(from, to).matchAll(HALF_WIDTH_BETWEEN_HAN)) {
        const offset = from + mark.index;
        const full = HALF_WIDTH[mark[0]] ?? mark[0];
        const line = starts.filter((start) => start <= offset).length;
        const column = offset - (starts[line - 1] ?? 0) + 1;
        if (report('punctuation', 'lint.punctuation', { line, column, endLine: line, endColumn: column + 1 }, words.halfWidth(mark[0], full), words.halfWidthHint)) {
          fixes.push({ file: input.file, start: offset, end: offset + 1, text: full });
        }
      }
    }
    // A sentence (not a short name) written twice in the role, or in many roles.
    const sentence = text.trim();
    if (Array.from(sentence).length < 12) continue;
    const first = seen.get(sentence);
    if (first !== undefined) {
      const reported = report('duplicate', 'lint.duplicate', span, words.duplicateInRole(sentence, first.line), words.duplicateHint);
      // An item on a line of its own ("  - text", no comment) that repeats an earlier item of the same list: the line goes.
      const lineStart = starts[span.line - 1] ?? 0;
      const lineEnd = starts[span.line] ?? input.source.text.length;
      const sameList = first.list === path.slice(0, -1).join('.') && /^\d+$/u.test(path[path.length - 1] ?? '');
      if (reported && sameList && span.endLine === span.line && /^\s*-\s[^#]*$/u.test(input.source.text.slice(lineStart, lineEnd).replace(/\r?\n$/u, ''))) {
        fixes.push({ file: input.file, start: lineStart, end: lineEnd, text: '' });
      }
    } else seen.set(sentence, { line: span.line, list: path.slice(0, -1).join('.') });
    sentences.push({ sentence, span });
  }
  // KPIs that measure no duty, and duties no KPI measures (a hint: the match is by shared words).
  // Each text's pairs once: every KPI is weighed against every duty and the other way round.
  const kpis = (input.role.kpis ?? []).map((kpi, index) => {
    const name = typeof kpi === 'string' ? kpi : kpi.name;
    return { name, pairs: bigrams(name), path: typeof kpi === 'string' ? ['kpis', String(index)] : ['kpis', String(index), 'name'] };
  });
  const work = [
    ...(input.role.duties ?? []).map((duty, index) => ({ title: duty.duty, pairs: bigrams([duty.duty, ...duty.tasks].join('\n')), path: ['duties', String(index), 'duty'] })),
    ...input.role.responsibilities.map((text, index) => ({ title: text, pairs: bigrams(text), path: ['responsibilities', String(index)] })),
  ];
  if (kpis.length > 0 && work.length > 0) {
    for (const kpi of kpis) {
      const best = work.map((w) => ({ w, score: coverage(kpi.pairs, w.pairs) })).sort((a, b) => b.score - a.score)[0];
      if (best && best.score < TRACED) report('kpi-trace', 'lint.kpi-trace', input.locator.locate(kpi.path, 'value'), words.kpiUntraced(kpi.name, best.score > 0 ? best.w.title : undefined), words.kpiTraceHint);
    }
    for (const w of work.filter((entry) => entry.path[0] === 'duties')) {
      const best = kpis.map((kpi) => ({ kpi, score: coverage(kpi.pairs, w.pairs) })).sort((a, b) => b.score - a.score)[0];
      if (best && best.score < TRACED) report('kpi-trace', 'lint.kpi-trace', input.locator.locate(w.path, 'value'), words.dutyUnmeasured(w.title, best.score > 0 ? best.kpi.name : undefined), words.kpiTraceHint);
    }
  }
  for (const silence of silences) {
    const place = { line: silence.at, column: 1, endLine: silence.at, endColumn: 1 };
    // A warning, as the findings it would silence are: documenting a decision is never worse than not.
    if (silence.reason === '') diagnostics.push({ severity: 'warning', code: 'lint.silence-without-reason', message: words.silenceWithoutReason(silence.rule), file: input.file, span: place, hint: words.silenceHint });
    else if (!silence.used) diagnostics.push({ severity: 'warning', code: 'lint.silence-unused', message: words.silenceUnused(silence.rule), file: input.file, span: place, hint: words.silenceHint });
  }
  return { diagnostics, fixes, sentences };
}

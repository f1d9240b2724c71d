/**
 * ajv's errors → plain sentences at the right line. ajv says `must NOT have additional properties`
 * about `/qualifications`; an HR editor needs "任职资格中没有“skils”这一项 — 是不是想写 skills（技能）？"
 * pointing at the key they typed.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { closest, distance } from 'fastest-levenshtein';
import { type Diagnostic, diagnostic, type DiagnosticCode, type SourceSpan } from '../core/diagnostic.js';
import type { Lang } from '../messages/lang.js';
import type { JsonTypeName, Messages, PatternKind } from '../messages/messages.js';
import type { LocateTarget, Locator } from '../load/locate.js';
import { parsePointer } from '../load/locate.js';
import { LABEL_ALIASES } from '../model/fields.js';
import { schemaAt, type SchemaKind, type SchemaNode } from './schemas.js';

export interface ExplainContext {
  readonly file: string;
  readonly kind: SchemaKind;
  readonly root: SchemaNode;
  readonly locator: Locator;
  readonly lang: Lang;
  readonly messages: Messages;
  /** The source text under a span, to quote the user's own writing back (e.g. `001`). */
  readonly sourceAt: (span: SourceSpan) => string;
}

/** A schema `title` is "中文 / English"; this picks the half for the language. */
export function labelOf(node: SchemaNode | undefined, lang: Lang): string | undefined {
  const title = node?.title;
  if (!title) return undefined;
  const [zh, en] = title.split(' / ');
  return (lang === 'en' ? en : zh) ?? title;
}

/** The closest candidate to a misspelling, when it is close enough to be a plausible typo. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = input.toLowerCase();
  const caseOnly = candidates.find((c) => c.toLowerCase() === lower);
  if (caseOnly) return caseOnly;
  // `zh` → `zh-CN`: a value cut short is a stronger hint than edit distance.
  const prefixed = lower.length >= 2 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length === 1) return prefixed[0];
  // Edit distance between Chinese text and English keys means nothing (any two characters are "close" to `id`);
  // between two Chinese names it does (客服布 → 客服部), one character in three.
  if (/[^\x00-\x7f]/.test(input)) {
    const chinese = candidates.filter((c) => /[^\x00-\x7f]/.test(c));
    if (chinese.length === 0) return undefined;
    const near = closest(input, chinese);
    return distance(input, near) <= Math.max(1, Math.floor(Array.from(input).length / 3)) ? near : undefined;
  }
  const best = closest(lower, [...candidates]);
  const limit = Math.max(2, Math.ceil(lower.length * 0.4));
  const apart = distance(lower, best.toLowerCase());
  // A word with nothing left in common (`<<` → `id`: every character replaced) is no near miss.
  return apart <= limit && apart < Math.max(lower.length, best.length) ? best : undefined;
}

function patternKind(key: string | undefined, pattern?: string): PatternKind {
  if (pattern === '^[0-9A-Fa-f]{6}$') return 'color';
  if (key === 'id') return 'id';
  if (key === 'established') return 'date';
  if (key === 'currency') return 'currency';
  return 'other';
}

function isIndex(segment: string | undefined): boolean {
  return segment !== undefined && /^\d+$/.test(segment);
}

function typeNames(type: unknown): JsonTypeName[] {
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is JsonTypeName => typeof t === 'string');
}

export function explainSchemaErrors(errors: readonly ErrorObject[], ctx: ExplainContext): Diagnostic[] {
  const { messages, lang, root } = ctx;

  /** How to name the data at `segments` in a sentence: 「工作任务」（tasks）的第 2 项. */
  const nameOf = (segments: readonly string[]): string => {
    if (segments.length === 0) return { role: messages.rootLabel, config: messages.configLabel, template: messages.templateLabel, locale: messages.localeLabel }[ctx.kind];
    const last = segments[segments.length - 1] ?? '';
    if (isIndex(last)) return messages.itemOf(nameOf(segments.slice(0, -1)), Number(last));
    return messages.field(labelOf(schemaAt(root, segments), lang), last);
  };

  /** Every name of a key, in both languages and the usual synonyms: what a user may have typed instead. */
  const labelsOf = (segments: readonly string[], key: string): string[] => {
    const title = schemaAt(root, [...segments, key])?.title;
    return [...(title ? title.split(' / ') : []), ...(LABEL_ALIASES[key] ?? [])];
  };

  /** Key and label of each property allowed at `segments`, for hints and suggestions. */
  const propertiesAt = (segments: readonly string[]): { key: string; label: string | undefined }[] =>
    Object.entries(schemaAt(root, segments)?.properties ?? {}).map(([key, node]) => ({
      key,
      label: labelOf(schemaAt(root, [...segments, key]) ?? node, lang),
    }));

  /** A schema diagnostic at the data under `segments`, placed as `target` says. */
  const at = (code: DiagnosticCode, message: string, segments: readonly string[], target: LocateTarget, hint?: string): Diagnostic =>
    diagnostic(code, ctx.file, ctx.locator.locate(segments, target), message, hint);

  const out: Diagnostic[] = [];
  for (const error of errors) {
    const segments = parsePointer(error.instancePath);
    const key = [...segments].reverse().find((s) => !isIndex(s));
    const field = nameOf(segments);
    const data: unknown = error.data;

    switch (error.keyword) {
      case 'additionalProperties': {
        const unknownKey = String(error.params['additionalProperty']);
        const allowed = propertiesAt(segments);
        const byLabel = allowed.find((p) => labelsOf(segments, p.key).some((label) => label === unknownKey || (unknownKey.length >= 2 && (label.includes(unknownKey) || unknownKey.includes(label)))));
        const near = byLabel?.key ?? suggest(unknownKey, allowed.map((p) => p.key));
        const nearLabel = allowed.find((p) => p.key === near)?.label;
        const hint = near
          ? messages.didYouMean(lang === 'en' ? `\`${near}\`${nearLabel ? ` (${nearLabel})` : ''}` : `${near}${nearLabel ? `（${nearLabel}）` : ''}`)
          : messages.unknownKeyHint(allowed.map((p) => p.key));
        out.push(at('schema.unknown-key', messages.unknownKey(unknownKey, field), [...segments, unknownKey], 'key', hint));
        break;
      }
      case 'required': {
        const missing = String(error.params['missingProperty']);
        const missingField = messages.field(labelOf(schemaAt(root, [...segments, missing]), lang), missing);
        out.push(
          at('schema.missing-key', messages.missingKey(missingField, field), segments, 'container', messages.missingKeyHint(missing)),
        );
        break;
      }
      case 'type': {
        const expected = typeNames(error.params['type']);
        if (segments.length === 0) {
          out.push(at('schema.type', messages.rootNotMapping(messages.describeValue(data)), segments, 'value', messages.rootNotMappingHint));
          break;
        }
        if (data === null) {
          out.push(at('schema.empty-value', messages.emptyValue(field), segments, 'value', isIndex(segments[segments.length - 1]) ? messages.emptyItemHint : messages.emptyValueHint));
          break;
        }
        const expectedText = expected.map((t) => messages.typeName(t)).join(lang === 'en' ? ' or ' : '或');
        const base = at('schema.type', messages.wrongType(field, expectedText, messages.describeValue(data)), segments, 'value');
        let hint: string | undefined;
        const fieldSchema = schemaAt(root, segments);
        if (typeof data === 'number' && !Number.isFinite(data)) {
          hint = messages.notFiniteNumberHint;
        } else if (expected.includes('string') && typeof data === 'number') {
          // A date typed as 2014.09 parses as a number; the format is the advice, not quoting.
          hint = fieldSchema?.pattern ? messages.badPatternHint(patternKind(key, fieldSchema.pattern)) : messages.numberAsTextHint(ctx.sourceAt(base.span).trim() || String(data));
        } else if ((expected.includes('integer') || expected.includes('number')) && typeof data === 'string') {
          const digits = /\d+(?:\.\d+)?/.exec(data)?.[0];
          if (digits !== undefined) hint = messages.numberOnlyHint(key ?? '', digits);
        } else if (expected.includes('array') && typeof data === 'string') {
          hint = /[→、，,]/.test(data) ? messages.splitIntoListHint : messages.listDashHint;
        } else if (expected.includes('string') && Array.isArray(data)) {
          hint = messages.listAsTextHint(key ?? '');
        } else if (expected.includes('object')) {
          const bounds = key === 'salary' && typeof data === 'string' ? /(\d[\d,.]*)\s*[-~～—至到]+\s*(\d[\d,.]*)/.exec(data) : null;
          const children = Object.keys(fieldSchema?.properties ?? {});
          if (bounds?.[1] !== undefined && bounds[2] !== undefined) hint = messages.salaryRangeHint(bounds[1].replaceAll(',', ''), bounds[2].replaceAll(',', ''));
          else if (children.length > 0) hint = messages.subKeysHint(key ?? '', children);
        }
        out.push(hint === undefined ? base : { ...base, hint });
        break;
      }
      case 'enum': {
        const allowed = (error.params['allowedValues'] as unknown[]).map(String);
        const value = String(data);
        const near = suggest(value, allowed);
        out.push(
          at('schema.enum', messages.notInEnum(field, value, allowed), segments, 'value', near ? messages.didYouMean(near) : undefined),
        );
        break;
      }
      case 'pattern': {
        const kind = patternKind(key, typeof error.params['pattern'] === 'string' ? error.params['pattern'] : undefined);
        out.push(at('schema.pattern', messages.badPattern(field, kind, String(data)), segments, 'value', messages.badPatternHint(kind)));
        break;
      }
      case 'minItems':
        out.push(at('schema.min-items', messages.tooFewItems(field, Number(error.params['limit'])), segments, 'value'));
        break;
      case 'maxItems':
        out.push(at('schema.max-items', messages.tooManyItems(field, Number(error.params['limit'])), segments, 'value'));
        break;
      case 'minLength':
        out.push(at('schema.empty-text', messages.emptyText(field), segments, 'value', messages.emptyValueHint));
        break;
      case 'maxLength':
        out.push(at('schema.too-long', messages.textTooLong(field, Number(error.params['limit'])), segments, 'value'));
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const comparison = error.params['comparison'] as '>=' | '<=' | '>' | '<';
        const bounds = schemaAt(root, segments);
        const hint = messages.rangeHint(key ?? '', bounds?.minimum, bounds?.maximum, Number(data));
        out.push(at('schema.range', messages.outOfRange(field, comparison, Number(error.params['limit']), Number(data)), segments, 'value', hint));
        break;
      }
      case 'if':
        // "must match then schema" only repeats the enum error that the `then` branch already reported.
        break;
      case 'uniqueItems':
        out.push(at('schema.duplicate-items', messages.duplicateItems(field), segments, 'value'));
        break;
      default:
        out.push(at('schema.invalid', messages.schemaOther(field, error.message ?? error.keyword), segments, 'value'));
    }
  }
  return out;
}

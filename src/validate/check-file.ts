/**
 * One YAML file through every per-file check: bytes → text → prelint → YAML → schema.
 * Pure: the caller reads the bytes; every problem comes back as a diagnostic.
 */
import { type Diagnostic, diagnostic, type SourceSpan } from '../core/diagnostic.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor } from '../messages/messages.js';
import { decodeRoleBytes, MAX_ROLE_FILE_BYTES } from '../load/decode.js';
import { createLocator, type Locator } from '../load/locate.js';
import { cleanStrings, codePointLabel, forbiddenCharacters, stringsWithPaths } from '../load/control-characters.js';
import { findTooDeep, MAX_NESTING } from '../load/nesting.js';
import { parseYaml } from '../load/parse-yaml.js';
import { prelintYaml } from '../load/prelint.js';
import { lineStarts, type SourceFile } from '../load/source-file.js';
import { checkRoleValues } from './check-values.js';
import { explainSchemaErrors } from './explain.js';
import { LABEL_ALIASES } from '../model/fields.js';
import { allKeys, type CompiledSchema, keysByLabel } from './schemas.js';

export interface CheckedFile<T> {
  /** Present when the bytes decoded; reporters quote lines from it. */
  readonly source: SourceFile | undefined;
  /** The schema-valid data, or undefined when the file had errors. */
  readonly value: T | undefined;
  /** The parsed data even when invalid (project rules still use a readable id). */
  readonly data: unknown;
  readonly locator: Locator | undefined;
  readonly diagnostics: Diagnostic[];
}

const keyCache = new WeakMap<object, { known: Set<string>; byLabel: Map<string, string> }>();

export function checkYamlFile<T>(
  path: string,
  bytes: Uint8Array,
  schema: CompiledSchema<T>,
  lang: Lang,
  maxBytes: number = MAX_ROLE_FILE_BYTES,
): CheckedFile<T> {
  const messages = messagesFor(lang);
  const decoded = decodeRoleBytes(bytes, path, messages, maxBytes);
  if (!decoded.ok) {
    return { source: undefined, value: undefined, data: undefined, locator: undefined, diagnostics: [decoded.diagnostic] };
  }
  const source: SourceFile = { path, text: decoded.text };

  const tooDeep = findTooDeep(decoded.text);
  if (tooDeep) {
    const span = { line: tooDeep.line, column: tooDeep.column, endLine: tooDeep.line, endColumn: tooDeep.column + 1 };
    return { source, value: undefined, data: undefined, locator: undefined, diagnostics: [diagnostic('yaml.too-deep', path, span, messages.tooDeep(MAX_NESTING), messages.tooDeepHint)] };
  }

  let keys = keyCache.get(schema.root);
  if (!keys) keyCache.set(schema.root, (keys = { known: allKeys(schema.root), byLabel: keysByLabel(schema.root, LABEL_ALIASES) }));
  const prelint = prelintYaml(decoded.text, path, keys.known, messages, keys.byLabel);
  const parsed = parseYaml(prelint.text, path, messages);
  const diagnostics = [...prelint.diagnostics, ...parsed.diagnostics];
  if (parsed.data === undefined && parsed.diagnostics.length > 0) {
    return { source, value: undefined, data: undefined, locator: undefined, diagnostics };
  }
  if (parsed.data === null || parsed.data === undefined) {
    // Only comments: as empty as an empty file to the user.
    diagnostics.push(diagnostic('load.empty', path, { line: 1, column: 1, endLine: 1, endColumn: 1 }, messages.emptyFile, messages.emptyFileHint));
    return { source, value: undefined, data: undefined, locator: undefined, diagnostics };
  }

  const locator = createLocator(parsed.doc, parsed.lineCounter, prelint.text);
  const result = schema.check(parsed.data);
  if (!result.ok) {
    const starts = lineStarts(prelint.text);
    const sourceAt = (span: SourceSpan): string => {
      const from = (starts[span.line - 1] ?? 0) + span.column - 1;
      const to = (starts[span.endLine - 1] ?? 0) + span.endColumn - 1;
      return prelint.text.slice(from, to);
    };
    const explained = explainSchemaErrors(result.errors, { file: path, kind: schema.kind, root: schema.root, locator, lang, messages, sourceAt });
    // `工作地点：上海` was reported with the key it stands for; that its label is no key goes without saying.
    diagnostics.push(...explained.filter((d) => !(d.code === 'schema.unknown-key' && prelint.labelKeyLines.has(d.span.line))));
  }
  if (schema.kind === 'role') {
    diagnostics.push(...checkRoleValues(parsed.data, { file: path, root: schema.root, locator, lang, messages }));
  }
  for (const { path: segments, text } of stringsWithPaths(parsed.data)) {
    const found = forbiddenCharacters(text);
    if (found.length === 0) continue;
    diagnostics.push(diagnostic('text.control-character', path, locator.locate(segments, 'value'), messages.controlCharacters(found.map((char) => codePointLabel(char.codePointAt(0) ?? 0))), messages.controlCharactersHint));
  }
  const hasError = diagnostics.some((d) => d.severity === 'error');
  return {
    source,
    value: result.ok && !hasError ? cleanStrings(result.value) : undefined,
    data: parsed.data,
    locator,
    diagnostics,
  };
}

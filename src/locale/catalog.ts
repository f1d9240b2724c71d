/**
 * One catalog file through every check, the same for the built-ins and a project's own: the schema
 * (schemas/locale.schema.json, with did-you-mean for misspelt keys), then the placeholders of every
 * pattern, then — for a file that extends nothing — that it sets every key.
 */
import { type Diagnostic, diagnostic, START_OF_FILE } from '../core/diagnostic.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor } from '../messages/messages.js';
import type { SourceFile } from '../load/source-file.js';
import { checkYamlFile } from '../validate/check-file.js';
import { labelOf, suggest } from '../validate/explain.js';
import { localeSchema, schemaAt } from '../validate/schemas.js';
import { BUILTIN_LOCALES, type LocaleData, type RawLocale } from '../model/locale.js';
import { PLACEHOLDERS, unknownPlaceholders } from './locale-data.js';
import { deepMerge, isPlainObject, type PlainObject } from '../core/merge.js';

export interface CheckedCatalog {
  readonly source: SourceFile | undefined;
  /** The file's data when it has no errors. */
  readonly raw: RawLocale | undefined;
  readonly diagnostics: Diagnostic[];
}


function valueAt(data: unknown, segments: readonly string[]): unknown {
  let node = data;
  for (const segment of segments) node = isPlainObject(node) ? node[segment] : undefined;
  return node;
}

/**
 * The keys a catalog without `extends` lacks, as dotted paths (labels.title), read from the schema's
 * `then` branch, which lists them.
 */
function missingKeys(data: unknown, rule: unknown, prefix: string): string[] {
  if (!isPlainObject(rule) || !isPlainObject(data)) return [];
  const required = Array.isArray(rule['required']) ? rule['required'].filter((key): key is string => typeof key === 'string') : [];
  const properties = isPlainObject(rule['properties']) ? rule['properties'] : {};
  return required.flatMap((key) =>
    data[key] === undefined ? [`${prefix}${key}`] : missingKeys(data[key], properties[key], `${prefix}${key}.`),
  );
}

export function checkCatalog(shownAs: string, bytes: Uint8Array, lang: Lang): CheckedCatalog {
  const schema = localeSchema();
  const checked = checkYamlFile<RawLocale>(shownAs, bytes, schema, lang);
  const messages = messagesFor(lang);
  let diagnostics = [...checked.diagnostics];
  const { data, locator } = checked;

  if (locator && isPlainObject(data)) {
    // A pattern with a misspelt placeholder would print `{titel}` on every document.
    for (const [dotted, allowed] of Object.entries(PLACEHOLDERS)) {
      const segments = dotted.split('.');
      const pattern = valueAt(data, segments);
      if (typeof pattern !== 'string') continue;
      for (const name of unknownPlaceholders(pattern, allowed)) {
        const field = messages.field(labelOf(schemaAt(schema.root, segments), lang), segments[segments.length - 1] ?? dotted);
        diagnostics.push(diagnostic('locale.unknown-placeholder', shownAs, locator.locate(segments, 'value'), messages.unknownCatalogPlaceholder(name, field), messages.unknownCatalogPlaceholderHint(allowed, name === '' ? undefined : suggest(name, allowed))));
      }
      // A brace without its pair ('{page') would be printed as typed, as in a template's header.
      if (/[{}]/.test(pattern.replace(/\{[^{}]*\}/g, ''))) {
        diagnostics.push(diagnostic('locale.stray-brace', shownAs, locator.locate(segments, 'value'), messages.strayBrace, messages.strayBraceHint));
      }
    }

    // Without `extends` every key is required; one sentence says so instead of one error per key.
    if (data['extends'] === undefined) {
      const missing = missingKeys(data, (schema.root as { readonly then?: unknown }).then, '');
      if (missing.length > 0) {
        diagnostics = diagnostics.filter((d) => d.code !== 'schema.missing-key');
        diagnostics.push(diagnostic('locale.incomplete', shownAs, START_OF_FILE, messages.incompleteCatalog(missing), messages.incompleteCatalogHint(BUILTIN_LOCALES)));
      }
    }
  }
  const hasError = diagnostics.some((d) => d.severity === 'error');
  return { source: checked.source, raw: hasError ? undefined : checked.value, diagnostics };
}

/** `over` laid on `base`: mappings merge key by key, lists and values replace; `extends` is dropped. */
export function mergeCatalog(base: LocaleData, over: RawLocale): LocaleData {
  const rest: PlainObject = { ...over };
  delete rest['extends'];
  // Schema-valid keys over a complete catalog: complete again.
  return deepMerge(base as unknown as PlainObject, rest) as unknown as LocaleData;
}

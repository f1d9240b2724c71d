/**
 * YAML that a role file never needs and roledoc does not support: type tags (`!!binary`, `!foo`,
 * `!!js/function`), merge keys (`<<`) and keys that are lists or mappings (`? [a, b]`). Left to the
 * parser, an unknown tag is dropped without a word, `!!binary` becomes bytes that the schema calls
 * "a mapping", `<<` is an unknown key with a far-fetched did-you-mean, and a complex key is turned
 * into text with a warning on stderr. Instead each is reported where it is written and taken out
 * of the document, so the rest of the file is still checked and nothing is reported twice.
 */
import { isCollection, isMap, isScalar, isSeq, visit, YAMLMap, YAMLSeq, type Document, type LineCounter, type Node } from 'yaml';
import { type Diagnostic, diagnostic, type SourceSpan } from '../core/diagnostic.js';
import type { Messages } from '../messages/messages.js';
import { spanOfRange } from './source-file.js';

/** The tags of YAML's core schema (`!!str 001` is a way to quote), and `!`, which only says "not a number". */
const CORE_TAGS = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`)]);

/** A tag as written before its value, possibly with an anchor, possibly on the line above. */
const TAG_BEFORE_VALUE = /(![^\s,[\]{}]*)(?:[ \t]+&[^\s,[\]{}]+)?[ \t]*(?:\r?\n[ \t]*)?$/;

/** The tag as the user wrote it (`!!binary`, not `tag:yaml.org,2002:binary`) and where. */
function writtenTag(node: Node, text: string, lineCounter: LineCounter): { tag: string; span: SourceSpan } {
  const start = node.range?.[0] ?? 0;
  const before = text.slice(Math.max(0, start - 1024), start);
  const found = TAG_BEFORE_VALUE.exec(before);
  if (found?.[1] !== undefined) {
    const at = start - before.length + found.index;
    return { tag: found[1], span: spanOfRange(lineCounter, at, at + found[1].length) };
  }
  return { tag: node.tag ?? '!', span: spanOfRange(lineCounter, start, node.range?.[1] ?? start) };
}

/**
 * Reports what roledoc does not support, and changes the document so that the data the schema
 * sees has none of it: merge keys and complex keys are removed, tags are dropped (a value the tag
 * had turned into bytes or a date goes back to the text written).
 */
export function reportUnsupportedYaml(doc: Document.Parsed, text: string, lineCounter: LineCounter, file: string, messages: Messages): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: Node): SourceSpan => spanOfRange(lineCounter, node.range?.[0] ?? 0, node.range?.[1] ?? 0);
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.type === 'PLAIN' && pair.key.value === '<<') {
        out.push(diagnostic('yaml.merge-key', file, at(pair.key), messages.yamlMergeKey, messages.yamlMergeKeyHint));
        return visit.REMOVE;
      }
      if (isCollection(pair.key)) {
        out.push(diagnostic('yaml.complex-key', file, at(pair.key), messages.yamlComplexKey(isSeq(pair.key) ? 'array' : 'object'), messages.yamlComplexKeyHint));
        return visit.REMOVE;
      }
      return undefined;
    },
    Node(_key, node) {
      if (node.tag === undefined || CORE_TAGS.has(node.tag)) return undefined;
      const written = writtenTag(node, text, lineCounter);
      out.push(diagnostic('yaml.tag', file, written.span, messages.yamlTag(written.tag), messages.yamlTagHint(written.tag)));
      delete node.tag;
      if (isScalar(node)) {
        const value: unknown = node.value;
        if (value !== null && typeof value === 'object' && node.range) node.value = text.slice(node.range[0], node.range[1]).trim();
        return undefined;
      }
      // `!!set` and `!!omap` make collections of their own kind; a plain one takes its place.
      const plain = isMap(node) && node.constructor !== YAMLMap ? new YAMLMap<unknown, unknown>(doc.schema) : isSeq(node) && node.constructor !== YAMLSeq ? new YAMLSeq<unknown>(doc.schema) : undefined;
      if (!plain || !isCollection(node)) return undefined;
      plain.items = node.items as typeof plain.items;
      if (node.range) plain.range = node.range;
      if (node.flow !== undefined) plain.flow = node.flow;
      return plain;
    },
  });
  return out;
}

/**
 * JSON Pointer (what ajv reports) → where the user should look in the YAML file.
 * ajv has no notion of lines; the YAML document keeps every node's offsets, so the pointer is walked
 * through the document: a bad value points at the value, an unknown key at the key, a missing key at
 * the mapping that should hold it.
 */
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import { START_OF_FILE, type SourceSpan } from '../core/diagnostic.js';
import { spanOfRange } from './source-file.js';

/** `/duties/0/tasks` → ['duties', '0', 'tasks'], undoing the ~1 and ~0 escapes. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export type LocateTarget = 'value' | 'key' | 'container';

export interface Locator {
  /** Where the node at `segments` is, according to `target`. */
  locate(segments: readonly string[], target: LocateTarget): SourceSpan;
}

function childPair(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

function child(node: unknown, segment: string): unknown {
  if (isMap(node)) return childPair(node, segment)?.value ?? undefined;
  if (isSeq(node)) return /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
  return undefined;
}

/**
 * @param text the parsed text: with it, an empty list item (a `-` with nothing after it) is pointed
 *   at by its dash rather than by the place after it where its nothing begins.
 */
export function createLocator(doc: Document, lineCounter: LineCounter, text?: string): Locator {
  const spanOf = (node: unknown): SourceSpan | undefined => {
    if (!isNode(node) || !node.range) return undefined;
    const [start, valueEnd] = node.range;
    if (text !== undefined && isScalar(node) && node.value === null && valueEnd === start) {
      const dash = text.lastIndexOf('-', start - 1);
      if (dash >= 0 && !text.slice(dash, start).includes('\n')) return spanOfRange(lineCounter, dash, dash + 1);
    }
    return spanOfRange(lineCounter, start, valueEnd);
  };

  /** Walks as far as the document goes; returns the deepest node reached and the pair that led to it. */
  const walk = (segments: readonly string[]): { node: unknown; viaPair: Pair | undefined } => {
    let node: unknown = doc.contents;
    let viaPair: Pair | undefined;
    for (const segment of segments) {
      const pair = isMap(node) ? childPair(node, segment) : undefined;
      const next = child(node, segment);
      const empty = next === undefined || next === null || (isScalar(next) && next.value === null);
      if (empty) {
        // A key written with no value (`title:`) still has a key to point at.
        if (pair && isPair(pair)) return { node: pair.key, viaPair: pair };
        // So does a list item written with no value (`-`), at its own line.
        if (isSeq(node) && isScalar(next) && next.range) return { node: next, viaPair: undefined };
        return { node, viaPair };
      }
      viaPair = pair;
      node = next;
    }
    return { node, viaPair };
  };

  return {
    locate(segments, target) {
      if (target === 'key' && segments.length > 0) {
        const parent = walk(segments.slice(0, -1)).node;
        const pair = childPair(parent, segments[segments.length - 1] ?? '');
        const span = spanOf(pair?.key);
        if (span) return span;
      }
      const { node, viaPair } = walk(segments);
      if (target === 'container' && viaPair && segments.length > 0 && !/^\d+$/.test(segments[segments.length - 1] ?? '')) {
        // A nested mapping is named by its key: "qualifications: is missing …" reads better than its first child.
        const span = spanOf(viaPair.key);
        if (span) return span;
      }
      return spanOf(node) ?? spanOf(doc.contents as Node | null) ?? START_OF_FILE;
    },
  };
}

/**
 * Mistakes that are valid YAML but almost never what an HR editor meant, found on the parsed
 * document: a list item indented one space too far is silently glued onto the item above, and a
 * Chinese comma inside [ ] turns several entries into one.
 */
import { isScalar, isSeq, visit, type Document, type LineCounter } from 'yaml';
import { type Diagnostic, diagnostic } from '../core/diagnostic.js';
import type { Messages } from '../messages/messages.js';
import { spanOfRange } from './source-file.js';

export function lintDocument(doc: Document.Parsed, text: string, lineCounter: LineCounter, file: string, messages: Messages): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== 'PLAIN' || !node.range) return;
      const [start, end] = node.range;
      const source = text.slice(start, end);
      const firstBreak = source.indexOf('\n');
      if (firstBreak < 0) return;
      // Offset of each continuation line's first non-blank character.
      const continuations: number[] = [];
      for (let i = firstBreak; i >= 0; i = source.indexOf('\n', i + 1)) {
        const lineStart = i + 1;
        const indent = /^[ \t]*/.exec(source.slice(lineStart))?.[0].length ?? 0;
        if (lineStart + indent < source.length) continuations.push(start + lineStart + indent);
      }
      const glued = continuations.find((offset) => /^-[ \t]/.test(text.slice(offset, offset + 2)));
      if (glued !== undefined) {
        out.push(diagnostic('yaml.merged-list-item', file, spanOfRange(lineCounter, glued, glued + 1), messages.mergedListItem, messages.mergedListItemHint));
      } else if (continuations[0] !== undefined) {
        out.push(diagnostic('yaml.multiline-text', file, spanOfRange(lineCounter, continuations[0], continuations[0] + 1), messages.multilineText, messages.multilineTextHint));
      }
    },
    Seq(_key, node) {
      if (!isSeq(node) || !node.flow) return;
      for (const item of node.items) {
        if (isScalar(item) && typeof item.value === 'string' && item.value.includes('，') && item.range) {
          out.push(diagnostic('yaml.fullwidth-comma', file, spanOfRange(lineCounter, item.range[0], item.range[1]), messages.fullwidthCommaInList, messages.fullwidthCommaInListHint));
        }
      }
    },
  });
  return out;
}

/**
 * Text → YAML document with source positions, and its plain data.
 * Uses the YAML 1.2 core schema: `2014-09` stays a string and `yes` stays text.
 */
import { isAlias, isScalar, LineCounter, parseDocument, Scalar, visit, type Document } from 'yaml';
import { type Diagnostic, diagnostic, type SourceSpan } from '../core/diagnostic.js';
import type { Messages } from '../messages/messages.js';
import { lintDocument } from './lint-document.js';
import { spanOfRange } from './source-file.js';
import { reportUnsupportedYaml } from './unsupported-yaml.js';

/** A role file needs no aliases; this bound makes an alias bomb a quick, clear error. */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The document as plain data, or undefined when the YAML was too broken to read. */
  readonly data: unknown;
  readonly diagnostics: Diagnostic[];
}

/** True when some list or mapping of the data contains itself (through a YAML alias). */
function containsItself(data: unknown): boolean {
  const open = new Set<object>();
  const visit = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return false;
    if (open.has(node)) return true;
    open.add(node);
    const found = Object.values(node).some(visit);
    open.delete(node);
    return found;
  };
  return visit(data);
}

function duplicateKeyName(text: string, start: number): string {
  const rest = text.slice(start);
  const key = /^["']?([^"':\r\n]*)/.exec(rest)?.[1] ?? '';
  return key.trim();
}

/** A line that reads as YAML structure, `key: …` or `- …`: inside a quoted value, a sign the quote was never closed. */
const STRUCTURE_LINE = /\n[ \t]*(?:-[ \t]|[^\s:"'#][^:\n]*:(?:[ \t]|$))/m;

/**
 * The quoted value an error at `offset` lies in, when it runs over several lines and swallowed lines
 * that read as keys or list items: then the quote was never closed, whatever the parser tripped on
 * further down (a backslash, the end of the file).
 */
function unclosedQuoteAround(doc: Document.Parsed, text: string, offset: number): { start: number; end: number; quote: string } | undefined {
  let found: { start: number; end: number; quote: string } | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range || (node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.QUOTE_SINGLE)) return undefined;
      const [start, end] = node.range;
      if (offset < start || offset > end) return undefined;
      const source = text.slice(start, end);
      if (STRUCTURE_LINE.test(source)) found = { start, end, quote: source.charAt(0) };
      return visit.BREAK;
    },
  });
  return found;
}

export function parseYaml(text: string, file: string, messages: Messages): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
    keepSourceTokens: false,
    // The parser's warnings go to stderr; what it warns about is reported as diagnostics instead.
    logLevel: 'error',
  });
  const diagnostics: Diagnostic[] = [];
  let syntaxReported = false;

  // A key indented further than its neighbours makes the parser read it as the tail of the line
  // above; its complaint lands on that innocent line, so point at the over-indented one instead.
  const indentAt = (offset: number): number => /^[ \t]*/.exec(text.slice(offset))?.[0].length ?? 0;
  const lineStartOf = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
  const glued = doc.errors.find((e) => {
    if (e.code !== 'MULTILINE_IMPLICIT_KEY') return false;
    const lineBreak = text.indexOf('\n', e.pos[0]);
    return lineBreak >= 0 && lineBreak < e.pos[1] && indentAt(lineBreak + 1) > indentAt(lineStartOf(e.pos[0]));
  });
  if (glued) {
    const lineBreak = text.indexOf('\n', glued.pos[0]);
    const at = lineBreak + 1 + indentAt(lineBreak + 1);
    diagnostics.push(diagnostic('yaml.syntax', file, spanOfRange(lineCounter, at, at + 1), messages.overIndented, messages.overIndentedHint));
    syntaxReported = true;
  }

  for (const error of doc.errors) {
    let span = spanOfRange(lineCounter, error.pos[0], error.pos[1]);
    if (error.code === 'DUPLICATE_KEY') {
      diagnostics.push(diagnostic('yaml.duplicate-key', file, span, messages.yamlDuplicateKey(duplicateKeyName(text, error.pos[0])), messages.yamlDuplicateKeyHint));
    } else if (error.code === 'MULTIPLE_DOCS') {
      diagnostics.push(diagnostic('yaml.multiple-documents', file, span, messages.yamlMultipleDocuments));
    } else {
      // After the first syntax error the parser's further complaints are mostly echoes of it.
      if (syntaxReported) continue;
      syntaxReported = true;
      const unclosed = unclosedQuoteAround(doc, text, error.pos[0]);
      if (unclosed) {
        // The parser notices at a backslash or at the end of the file; the mistake is where the quote was opened.
        const lastLine = lineCounter.linePos(Math.max(unclosed.start, unclosed.end - 1)).line;
        span = spanOfRange(lineCounter, unclosed.start, unclosed.start + 1);
        diagnostics.push(diagnostic('yaml.syntax', file, span, messages.unclosedQuote(unclosed.quote, lastLine), messages.unclosedQuoteHint(unclosed.quote)));
        continue;
      }
      const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
      if (quote !== undefined) {
        // The parser notices at the end of the file; the mistake is where the quote was opened.
        const opening = text.lastIndexOf(quote, error.pos[0] - 1);
        if (opening >= 0) span = spanOfRange(lineCounter, opening, opening + 1);
      }
      const hint = messages.yamlSyntaxHint(error.code);
      diagnostics.push(diagnostic('yaml.syntax', file, span, messages.yamlSyntax(error.code, error.message), hint));
    }
  }
  if (diagnostics.length > 0) return { doc, lineCounter, data: undefined, diagnostics };

  const firstAliasWhere = (unresolvedOnly: boolean): SourceSpan => {
    let found: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node) && node.range && (!unresolvedOnly || node.resolve(doc) === undefined)) {
          found = spanOfRange(lineCounter, node.range[0], node.range[1]);
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return found;
  };

  diagnostics.push(...reportUnsupportedYaml(doc, text, lineCounter, file, messages));
  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (containsItself(data)) {
      // `remarks: &r [*r]`: a value that contains itself would send every walk over the data round forever.
      diagnostics.push(diagnostic('yaml.recursive-alias', file, firstAliasWhere(false), messages.recursiveAlias, messages.yamlAliasLimitHint));
      return { doc, lineCounter, data: undefined, diagnostics };
    }
    diagnostics.push(...lintDocument(doc, text, lineCounter, file, messages));
    return { doc, lineCounter, data, diagnostics };
  } catch (error: unknown) {
    if (error instanceof ReferenceError && /^Unresolved alias/.test(error.message)) {
      // `**重点**` or `*办公室`: text starting with * reads as an alias to YAML.
      diagnostics.push(diagnostic('yaml.syntax', file, firstAliasWhere(true), messages.starText, messages.yamlSyntaxHint('BAD_SCALAR_START') ?? ''));
      return { doc, lineCounter, data: undefined, diagnostics };
    }
    if (error instanceof ReferenceError && /Excessive alias count/.test(error.message)) {
      diagnostics.push(diagnostic('yaml.alias-limit', file, firstAliasWhere(false), messages.yamlAliasLimit(MAX_ALIAS_COUNT), messages.yamlAliasLimitHint));
      return { doc, lineCounter, data: undefined, diagnostics };
    }
    throw error;
  }
}

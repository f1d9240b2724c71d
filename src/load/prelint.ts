/**
 * Catches the mistakes a Chinese keyboard makes in YAML before the parser sees them, because the
 * parser's own reaction ("implicit keys need to be on a single line") would not help an HR editor.
 * Where the intent is clear the text is repaired for parsing, so the rest of the file is still
 * checked and every problem is reported at once.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Messages } from '../i18n/messages.js';

export interface PrelintResult {
  /** The text to parse: the same as the input except for repaired Chinese punctuation. */
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

const BLOCK_SCALAR_START = /(?:^|[:\-?]\s+|^\s*-\s*)[|>][0-9+-]*\s*(?:#.*)?$/;
const KEY_WITH_FULLWIDTH_COLON = /^(\s*(?:-\s+)*)([A-Za-z_][A-Za-z0-9_]*)[ \t]*：/;
const FULLWIDTH_QUOTED_VALUE = /^(\s*(?:-\s+)*(?:[A-Za-z_][A-Za-z0-9_]*\s*:\s+)?)(“[^“”]*”|‘[^‘’]*’)\s*(?:#.*)?$/;
const IDEOGRAPHIC_SPACE = '\u3000';

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * @param knownKeys keys of the format; a full-width colon is only reported after one of them, so
 *   a list item such as `- KPI：完成率` (ordinary text) is left alone.
 */
export function prelintYaml(
  text: string,
  file: string,
  knownKeys: ReadonlySet<string>,
  messages: Messages,
): PrelintResult {
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  // Indentation of the key that opened a block scalar (`purpose: |`); lines indented deeper are its text.
  let blockScalarIndent: number | undefined;

  const repaired = lines.map((rawLine, index) => {
    const lineNumber = index + 1;
    let line = rawLine;
    const body = line.replace(/\r$/, '');
    if (blockScalarIndent !== undefined) {
      if (body.trim() === '' || indentOf(body) > blockScalarIndent) return line;
      blockScalarIndent = undefined;
    }

    const leading = /^[ \t\u3000]*/.exec(line)?.[0] ?? '';
    if (leading.includes(IDEOGRAPHIC_SPACE)) {
      const column = leading.indexOf(IDEOGRAPHIC_SPACE) + 1;
      diagnostics.push({
        severity: 'error',
        code: 'yaml.fullwidth-space',
        message: messages.fullwidthSpace,
        file,
        span: { line: lineNumber, column, endLine: lineNumber, endColumn: leading.length + 1 },
        hint: messages.fullwidthSpaceHint,
      });
      // A full-width space looks two spaces wide in an editor, so that is the indentation meant.
      line = leading.replaceAll(IDEOGRAPHIC_SPACE, '  ') + line.slice(leading.length);
    }

    const colon = KEY_WITH_FULLWIDTH_COLON.exec(line);
    if (colon && knownKeys.has(colon[2] ?? '')) {
      const key = colon[2] ?? '';
      const at = colon[0].length - 1;
      diagnostics.push({
        severity: 'error',
        code: 'yaml.fullwidth-colon',
        message: messages.fullwidthColon(key),
        file,
        span: { line: lineNumber, column: at + 1, endLine: lineNumber, endColumn: at + 2 },
        hint: messages.fullwidthColonHint(key),
      });
      const after = line.slice(at + 1);
      line = `${line.slice(0, at)}:${/^[ \t\r]|^$/.test(after) ? '' : ' '}${after}`;
    }

    const quoted = FULLWIDTH_QUOTED_VALUE.exec(line.replace(/\r$/, ''));
    if (quoted) {
      const column = (quoted[1]?.length ?? 0) + 1;
      diagnostics.push({
        severity: 'warning',
        code: 'yaml.fullwidth-quotes',
        message: messages.fullwidthQuotes,
        file,
        span: { line: lineNumber, column, endLine: lineNumber, endColumn: column + (quoted[2]?.length ?? 1) },
        hint: messages.fullwidthQuotesHint,
      });
    }

    if (BLOCK_SCALAR_START.test(line.replace(/\r$/, ''))) blockScalarIndent = indentOf(line);
    return line;
  });

  return { text: repaired.join('\n'), diagnostics };
}

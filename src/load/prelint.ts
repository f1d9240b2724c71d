/**
 * Catches the mistakes a Chinese keyboard makes in YAML before the parser sees them, because the
 * parser's own reaction ("implicit keys need to be on a single line") would not help an HR editor.
 * Where the intent is clear the text is repaired for parsing, so the rest of the file is still
 * checked and every problem is reported at once.
 */
import { type Diagnostic, diagnostic } from '../core/diagnostic.js';
import type { Messages } from '../messages/messages.js';

export interface PrelintResult {
  /** The text to parse: the same as the input except for repaired Chinese punctuation. */
  readonly text: string;
  readonly diagnostics: Diagnostic[];
  /** Lines where a label stands for its key (`工作地点：上海`): reported here, so the unknown key there is not reported again. */
  readonly labelKeyLines: ReadonlySet<number>;
}

const BLOCK_SCALAR_START = /(?:^|[:\-?]\s+|^\s*-\s*)[|>][0-9+-]*\s*(?:#.*)?$/;
const KEY_WITH_FULLWIDTH_COLON = /^(\s*(?:-\s+)*)([A-Za-z_][A-Za-z0-9_]*)[ \t]*：/;
/** A mapping line (no list dash) whose first word ends in ：, e.g. `所属分部：客服各分部`. */
const ANY_KEY_WITH_FULLWIDTH_COLON = /^(\s*)([^\s:：#\-"'[{][^\s:：#"']{0,19})[ \t]*：/;
/** A list item started with a full-width or typographic dash or bullet instead of `- `. */
const FULLWIDTH_DASH = /^(\s*)([－—–•·●▪])[ \t\u3000]?/;
/** `-负责…`: a list dash without the space after it. */
const DASH_WITHOUT_SPACE = /^(\s*)-(?=[^\s\-])/;
const FULLWIDTH_QUOTED_VALUE = /^(\s*(?:-\s+)*(?:[A-Za-z_][A-Za-z0-9_]*\s*:\s+)?)(“[^“”]*”|‘[^‘’]*’)\s*(?:#.*)?$/;
const IDEOGRAPHIC_SPACE = '\u3000';

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * @param knownKeys keys of the format. After a known key a full-width colon is always a mistake;
 *   after any other word it is one only on a mapping line (no list dash), so a list item such as
 *   `- 注意：按时完成` (ordinary text) is left alone.
 * @param keysByLabel the key each label stands for (工作地点 → work_location): `工作地点：上海` is
 *   typed as the document shows it, and is reported once, with the line as it should be.
 */
export function prelintYaml(
  text: string,
  file: string,
  knownKeys: ReadonlySet<string>,
  messages: Messages,
  keysByLabel: ReadonlyMap<string, string> = new Map(),
): PrelintResult {
  const diagnostics: Diagnostic[] = [];
  const labelKeyLines = new Set<number>();
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
      diagnostics.push(diagnostic('yaml.fullwidth-space', file, { line: lineNumber, column, endLine: lineNumber, endColumn: leading.length + 1 }, messages.fullwidthSpace, messages.fullwidthSpaceHint));
      // A full-width space looks two spaces wide in an editor, so that is the indentation meant.
      line = leading.replaceAll(IDEOGRAPHIC_SPACE, '  ') + line.slice(leading.length);
    }

    const dash = FULLWIDTH_DASH.exec(line);
    if (dash) {
      const column = (dash[1]?.length ?? 0) + 1;
      diagnostics.push(diagnostic('yaml.fullwidth-dash', file, { line: lineNumber, column, endLine: lineNumber, endColumn: column + 1 }, messages.fullwidthDash(dash[2] ?? ''), messages.listDashHint));
      line = `${dash[1] ?? ''}- ${line.slice(dash[0].length)}`;
    } else if (DASH_WITHOUT_SPACE.test(line) && !line.trimStart().startsWith('---')) {
      const column = (DASH_WITHOUT_SPACE.exec(line)?.[1]?.length ?? 0) + 1;
      diagnostics.push(diagnostic('yaml.dash-without-space', file, { line: lineNumber, column, endLine: lineNumber, endColumn: column + 1 }, messages.dashWithoutSpace, messages.listDashHint));
      line = `${line.slice(0, column)} ${line.slice(column)}`;
    }

    const known = KEY_WITH_FULLWIDTH_COLON.exec(line);
    const anyKey = known ? undefined : ANY_KEY_WITH_FULLWIDTH_COLON.exec(line);
    const colon = known && knownKeys.has(known[2] ?? '') ? known : anyKey && !/:\s/.test(line) ? anyKey : undefined;
    if (colon) {
      const key = colon[2] ?? '';
      const at = colon[0].length - 1;
      const after = line.slice(at + 1);
      const meant = knownKeys.has(key) ? undefined : keysByLabel.get(key);
      if (meant === undefined) {
        diagnostics.push(diagnostic('yaml.fullwidth-colon', file, { line: lineNumber, column: at + 1, endLine: lineNumber, endColumn: at + 2 }, messages.fullwidthColon(key), messages.fullwidthColonHint(key)));
      } else {
        const column = (colon[1] ?? '').length + 1;
        const value = after.replace(/\r$/, '').trim();
        diagnostics.push(
          diagnostic('yaml.fullwidth-colon', file, { line: lineNumber, column, endLine: lineNumber, endColumn: at + 2 }, messages.labelWithFullwidthColon(key, meant), messages.labelWithFullwidthColonHint(meant, value)),
        );
        labelKeyLines.add(lineNumber);
      }
      line = `${line.slice(0, at)}:${/^[ \t\r]|^$/.test(after) ? '' : ' '}${after}`;
    }

    const quoted = FULLWIDTH_QUOTED_VALUE.exec(line.replace(/\r$/, ''));
    if (quoted) {
      const column = (quoted[1]?.length ?? 0) + 1;
      diagnostics.push(diagnostic('yaml.fullwidth-quotes', file, { line: lineNumber, column, endLine: lineNumber, endColumn: column + (quoted[2]?.length ?? 1) }, messages.fullwidthQuotes, messages.fullwidthQuotesHint));
    }

    if (BLOCK_SCALAR_START.test(line.replace(/\r$/, ''))) blockScalarIndent = indentOf(line);
    return line;
  });

  return { text: repaired.join('\n'), diagnostics, labelKeyLines };
}

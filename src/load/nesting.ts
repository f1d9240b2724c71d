/**
 * How deeply a YAML text nests, measured on the raw text before the parser sees it. The parser
 * recurses and, at ten thousand nested brackets, takes the whole process down (out of memory
 * inside the regular-expression engine) instead of throwing — so a file nested far deeper than
 * any role needs is refused first. A role file nests about five levels.
 */

export const MAX_NESTING = 32;

export interface TooDeep {
  readonly line: number;
  readonly column: number;
}

/** The first place where block indentation plus [ ] { } brackets nest deeper than `max`, if any. */
export function findTooDeep(text: string, max: number = MAX_NESTING): TooDeep | undefined {
  const indents: number[] = [];
  let flow = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const trimmed = line.trimStart();
    if (flow === 0 && trimmed !== '' && !trimmed.startsWith('#')) {
      // Block nesting: the stack of indentations in force, plus one level per leading "- ".
      let indent = line.length - trimmed.length;
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
      indents.push(indent);
      for (let rest = trimmed; /^-[ \t]/.test(rest); rest = rest.slice(2).trimStart()) indents.push(++indent);
      if (indents.length > max) return { line: index + 1, column: 1 };
    }
    // Flow nesting, skipping quoted text and comments.
    let quote: string | undefined;
    for (let column = 0; column < line.length; column++) {
      const char = line[column];
      if (quote) {
        if (char === '\\' && quote === '"') column++;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '#' && (column === 0 || /\s/.test(line[column - 1] ?? ''))) {
        break;
      } else if (char === '[' || char === '{') {
        if (++flow + indents.length > max) return { line: index + 1, column: column + 1 };
      } else if ((char === ']' || char === '}') && flow > 0) {
        flow--;
      }
    }
  }
  return undefined;
}

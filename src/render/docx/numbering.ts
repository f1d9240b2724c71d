/** Word's numbering definitions for a document's lists. */
import { AlignmentType, LevelFormat } from 'docx';
import type { INumberingOptions } from 'docx';
import { listIndent } from '../../layout/geometry.js';
import type { LayoutStyle } from '../../layout/layout.js';
import type { NumberingStyle } from '../../layout/numbering.js';
import { twips } from './units.js';

/**
 * One numbering definition (abstractNum + num) per ListBlock, so every list starts at 1 on its own.
 *
 * Why not docx's `restart` / `instance`: `restart` draws ids from a module-global counter (different bytes for the
 * second document of a process), and lists sharing one abstractNum rely on w:startOverride, which LibreOffice has
 * honoured unevenly. Separate definitions are plain and restart everywhere.
 */
export class ListNumbering {
  readonly #lists: ListDefinition[] = [];

  next(style: NumberingStyle, count: number): string {
    this.#lists.push({ style, count });
    return `roledoc-list-${this.#lists.length}`;
  }

  /** The lists numbered so far, in order: the part's `roledoc-list-1`, `roledoc-list-2`, … */
  definitions(): readonly ListDefinition[] {
    return [...this.#lists];
  }
}

/** A list as its numbering definition needs it: the numbering style, and how many items (the widest number). */
export interface ListDefinition {
  readonly style: NumberingStyle;
  readonly count: number;
}

/** The one level of a list's numbering definition, as docx's AbstractNumbering takes it. */
export function listLevels(list: ListDefinition, style: LayoutStyle): INumberingOptions['config'][number]['levels'] {
  // Numbers hang in the indent at the margin; the text lines up after them, as in the source forms.
  const hanging = twips(listIndent(list.style, list.count, style.sizes.body));
  return [{ level: 0, ...WORD_NUMBERING[list.style], start: 1, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: hanging, hanging } } } }];
}

/** Each numbering style as Word's number format and level text: Word, WPS and LibreOffice count it themselves. */
const WORD_NUMBERING: Record<NumberingStyle, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }> = {
  '1.': { format: LevelFormat.DECIMAL, text: '%1.' },
  '1)': { format: LevelFormat.DECIMAL, text: '%1)' },
  '1、': { format: LevelFormat.DECIMAL, text: '%1、' },
  '(1)': { format: LevelFormat.DECIMAL, text: '(%1)' },
  '（1）': { format: LevelFormat.DECIMAL, text: '（%1）' },
  '一、': { format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  '（一）': { format: LevelFormat.CHINESE_COUNTING, text: '（%1）' },
  '①': { format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1' },
  'a.': { format: LevelFormat.LOWER_LETTER, text: '%1.' },
  'A.': { format: LevelFormat.UPPER_LETTER, text: '%1.' },
  '•': { format: LevelFormat.BULLET, text: '•' },
};

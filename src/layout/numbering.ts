/**
 * The labels of numbered lists, one style per list: what the PDF prints, and what Word's own
 * numbering shows for the same style (render-docx maps each style to a Word number format).
 */

/** How a list counts its items, written as its first label: 1. / 一、 / （1）/ ① … */
export type NumberingStyle = '1.' | '1)' | '1、' | '(1)' | '（1）' | '一、' | '（一）' | '①' | 'a.' | 'A.' | '•';

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, as Word's chineseCounting counts; digits from 100 on. */
export function chineseCounting(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}

/** ① to ㊿ as Unicode has them; (51) on. */
export function circled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}

/** a, b, … z, aa, bb, … as Word's lowerLetter counts. */
export function letters(n: number): string {
  const letter = String.fromCharCode(0x61 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** The label of item `index` (0-based) of a list numbered in `style`. */
export function itemLabel(style: NumberingStyle, index: number): string {
  const n = index + 1;
  switch (style) {
    case '1.':
      return `${n}.`;
    case '1)':
      return `${n})`;
    case '1、':
      return `${n}、`;
    case '(1)':
      return `(${n})`;
    case '（1）':
      return `（${n}）`;
    case '一、':
      return `${chineseCounting(n)}、`;
    case '（一）':
      return `（${chineseCounting(n)}）`;
    case '①':
      return circled(n);
    case 'a.':
      return `${letters(n)}.`;
    case 'A.':
      return `${letters(n).toUpperCase()}.`;
    case '•':
      return '•';
  }
}

/**
 * A label written before text on the same line (a task in the duty table): a label ending in
 * Latin punctuation needs a space after it, a full-width one carries its own.
 */
export function inlineLabel(style: NumberingStyle, index: number): string {
  const label = itemLabel(style, index);
  return /[、）①-⑳㉑-㉟㊱-㊿]$/u.test(label) ? label : `${label} `;
}

/** Roughly how wide a label is, in ems: full-width and circled characters 1, digits and letters about half, ASCII punctuation less. */
function labelEms(label: string): number {
  const ems = (char: string): number => (/[\u2460-\u24ff\u3000-\u9fff\uff00-\uffef]/u.test(char) ? 1 : /[.,()]/.test(char) ? 0.3 : 0.55);
  return Array.from(label).reduce((sum, char) => sum + ems(char), 0);
}

/** The indent a list's labels hang in, in ems: two characters, more when its widest label needs it. */
export function listIndentEms(style: NumberingStyle, count: number, minimum: number): number {
  let widest = 0;
  for (let index = 0; index < count; index++) widest = Math.max(widest, labelEms(itemLabel(style, index)));
  return Math.max(minimum, Math.ceil((widest + 0.4) * 2) / 2);
}

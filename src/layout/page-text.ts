/** How header and footer text shares the line, the same in both renderers. */
import type { PageText } from './layout.js';

/**
 * Shares of the text width of the left, centre and right columns: thirds when there is centre
 * text and anything beside it (text or the logo, which sits in the left column), the whole line
 * for centre text alone (or nothing at all), halves for left and right alone.
 */
export function pageTextColumns(text: PageText, hasLogo = false): readonly [number, number, number] {
  const sides = text.left.length > 0 || text.right.length > 0 || hasLogo;
  if (!sides) return [0, 1, 0];
  return text.center.length > 0 ? [1 / 3, 1 / 3, 1 / 3] : [0.5, 0, 0.5];
}

/** The widths of the left, centre and right columns on a line `textWidth` wide, in the caller's unit. */
export function pageTextColumnWidths(text: PageText, hasLogo: boolean, textWidth: number): readonly [number, number, number] {
  const [left, center, right] = pageTextColumns(text, hasLogo);
  return [left * textWidth, center * textWidth, right * textWidth];
}

/**
 * The edge between the Layout's points and Word's units: twips (1/20 pt, "DXA") for lengths,
 * half-points for font sizes, pixels for docx's image sizes. Borders, in eighths of a point, are
 * written as constants where they are drawn.
 */
import { columnWidths, type Rounding } from '../../layout/geometry.js';

export const TWIPS_PER_POINT = 20;

/** Points → twips (DXA). */
export function twips(points: number): number {
  return Math.round(points * TWIPS_PER_POINT);
}

/** Word's lengths are whole twips: a grid rounds to them, and still adds up to its table's width. */
export const WHOLE_TWIPS: Rounding = { near: Math.round, down: Math.floor };

/** Points → half-points, Word's unit for font sizes. */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** docx sizes pictures in pixels at 96 per inch. */
export const PIXELS_PER_POINT = 96 / 72;

/**
 * Splits `total` twips into columns by share, rounding each and giving the rounding remainder to the last column,
 * so the columns add up to the table width exactly (fixed-layout tables are drawn from these numbers).
 */
export function splitWidth(total: number, shares: readonly number[]): number[] {
  const widths = columnWidths(total, shares).map((width) => Math.max(1, Math.round(width)));
  const rest = total - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = Math.max(1, rest);
  return widths;
}

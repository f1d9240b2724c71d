/**
 * Measures both renderers share, so a form has the same proportions in Word and in PDF.
 * They are typography, not data a template needs to change.
 */

/** Padding inside a table cell, in points: Word's default 0.19 cm at the sides, a little air above and below. */
export const CELL_PADDING = { x: 5.4, y: 3 } as const;

/**
 * Running text in a cell or a column is justified only when a line holds at least this many
 * characters; narrower columns stay ragged. CJK lines may not start with ，。；、, so a line often
 * wraps a character early; justifying a 10-character line then reads as letter-spacing.
 */
export const JUSTIFY_MIN_CHARS = 16;

/** Space before and after a section heading, as multiples of the template's block spacing. */
export const HEADING_SPACE = { before: 1.5, after: 0.75 } as const;

/** Indent of numbered list text (where the numbers hang), in characters of the body size. */
export const LIST_INDENT_CHARS = 2;

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

/** The cover's title is this many times the title size. */
export const COVER = { titleScale: 1.6 } as const;

/** Indent of numbered list text (where the numbers hang), in characters of the body size. */
export const LIST_INDENT_CHARS = 2;

/**
 * Organisation and career-path charts. A chart's grid column holds one box and the gap beside it;
 * boxes are the table text size a little smaller, and never narrower than MIN_BOX_CHARS characters
 * (a wider tree is split into several charts) nor wider than MAX_BOX_CHARS.
 */
export const CHART = {
  textScale: 0.86,
  /** Share of a grid column the box takes; the rest is the gap to the next box. */
  boxShare: 2 / 3,
  minBoxChars: 5,
  maxBoxChars: 9,
  /** Padding inside a box, in points. */
  padding: 4,
  /** Vertical gap between the levels of a tree, in points; the connecting lines run in it. */
  levelGap: 22,
  /** Levels on one chart; deeper trees carry on in another. */
  maxRows: 6,
  /** Width of the arrow between two career steps, in points. */
  arrowWidth: 22,
  /** Career-step boxes are this many characters wide. */
  stepChars: 7,
} as const;

/** Text size of chart boxes for a given table text size. */
export const chartTextSize = (tableSize: number): number => Math.round(tableSize * CHART.textScale * 2) / 2;

/** The parts of a Layout (Layout.partStarts): what each renderer may make once and reuse. */
import type { Layout } from './layout.js';

/** Which blocks make each part: the ranges between the part starts, and the blocks before the first. */
export function partRanges(layout: Layout): { readonly start: number; readonly end: number }[] {
  const starts = (layout.partStarts ?? [0]).filter((start, i, all) => start >= 0 && start < layout.blocks.length && (i === 0 || start > (all[i - 1] ?? -1)));
  const bounds = [...(starts[0] === 0 ? [] : [0]), ...starts, layout.blocks.length];
  return bounds.slice(0, -1).map((start, i) => ({ start, end: bounds[i + 1] ?? layout.blocks.length }));
}

/** The blocks from `start` to `end` as a Layout of their own (one part: no part starts). */
export function partLayout(layout: Layout, start: number, end: number): Layout {
  const { partStarts: _whole, ...rest } = layout;
  return { ...rest, blocks: layout.blocks.slice(start, end) };
}

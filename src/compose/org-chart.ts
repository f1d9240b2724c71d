/**
 * Reporting trees → OrgChartBlocks (pure). Every leaf of a tree gets one grid column, and a box
 * sits centred over the columns of its subtree, so the lines from a box to its children never
 * cross. A tree wider or deeper than a page can hold is not shrunk into illegibility or clipped:
 * its top part is drawn with the children it fits, and each child that has reports of its own
 * carries on in a chart of its own, captioned as a continuation.
 */
import type { ChartBox, OrgChartBlock } from '../layout/layout.js';

export interface ChartNode {
  readonly box: ChartBox;
  readonly children: readonly ChartNode[];
  /** Said above the chart this node tops: whom it reports to outside the department. */
  readonly caption?: string;
}

export interface ChartLimits {
  /** Leaves side by side on one chart. */
  readonly columns: number;
  /** Levels on one chart. */
  readonly rows: number;
}

type PlacedBox = OrgChartBlock['boxes'][number];

const leavesOf = (node: ChartNode, depth: number, rows: number): number =>
  depth + 1 >= rows || node.children.length === 0 ? 1 : node.children.reduce((sum, child) => sum + leavesOf(child, depth + 1, rows), 0);

/** Lays out a forest that fits the limits (the caller makes sure of that) as one chart. */
function placeForest(forest: readonly ChartNode[], rows: number, caption: string | undefined): OrgChartBlock {
  const boxes: PlacedBox[] = [];
  const edges: { from: number; to: number[] }[] = [];
  let deepest = 0;
  const place = (node: ChartNode, column: number, row: number): number => {
    const span = leavesOf(node, row, rows);
    const index = boxes.length;
    boxes.push({ ...node.box, column, span, row });
    deepest = Math.max(deepest, row);
    if (row + 1 < rows && node.children.length > 0) {
      // Listed before the children's own edges: top to bottom, left to right.
      const to: number[] = [];
      edges.push({ from: index, to });
      let next = column;
      for (const child of node.children) {
        to.push(boxes.length);
        next += place(child, next, row + 1);
      }
    }
    return span;
  };
  let column = 0;
  for (const root of forest) column += place(root, column, 0);
  return { kind: 'org-chart', columns: column, rows: deepest + 1, boxes, edges, ...(caption === undefined ? {} : { caption }) };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Charts for a forest: trees side by side on a chart as long as they fit, a tree too wide on its
 * own in charts of its own. A tree deeper than `rows` is cut there, and every box at the cut that has reports tops a
 * chart of its own; a tree wider than `columns` is drawn as its top box with its direct reports
 * (in as many charts as they need), each report with a team of its own carrying on below.
 * `continued(box)` captions a chart that carries on below a box.
 */
export function layoutOrgCharts(forest: readonly ChartNode[], limits: ChartLimits, continued: (box: ChartBox) => string): OrgChartBlock[] {
  const columns = Math.max(1, limits.columns);
  const rows = Math.max(2, limits.rows);
  const charts: OrgChartBlock[] = [];
  const width = (node: ChartNode): number => leavesOf(node, 0, rows);
  /** The boxes on the last level a chart of `node` draws that have reports it could not show. */
  const cut = (node: ChartNode, depth: number): ChartNode[] =>
    depth === rows - 1 ? (node.children.length > 0 ? [node] : []) : node.children.flatMap((child) => cut(child, depth + 1));
  const carryOn = (node: ChartNode, caption: string | undefined): void => {
    if (width(node) <= columns) {
      charts.push(placeForest([node], rows, caption));
      for (const below of cut(node, 0)) carryOn(below, continued(below.box));
      return;
    }
    chunk(node.children, columns).forEach((children, index) => {
      const reports = children.map((child) => ({ box: child.box, children: [] }));
      charts.push(placeForest([{ box: node.box, children: reports }], 2, index === 0 ? caption : continued(node.box)));
    });
    for (const child of node.children) if (child.children.length > 0) carryOn(child, continued(child.box));
  };

  // Trees side by side while they fit (a department of roles that report to no one is one row of
  // boxes, not a column of one-box charts); a tree wider than a chart on its own is split.
  let group: ChartNode[] = [];
  let used = 0;
  const flush = (): void => {
    if (group.length === 0) return;
    const captions = group.flatMap((tree) => (tree.caption === undefined ? [] : [tree.caption]));
    charts.push(placeForest(group, rows, captions.length > 0 ? captions.join('  ') : undefined));
    for (const tree of group) for (const below of cut(tree, 0)) carryOn(below, continued(below.box));
    group = [];
    used = 0;
  };
  for (const tree of forest) {
    const treeWidth = width(tree);
    if (treeWidth > columns) {
      flush();
      carryOn(tree, tree.caption);
      continue;
    }
    if (used + treeWidth > columns) flush();
    group.push(tree);
    used += treeWidth;
  }
  flush();
  return charts;
}

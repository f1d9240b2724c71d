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

/** The nodes a chart shows below `node` when only its direct reports fit: them, without their own. */
const withoutGrandchildren = (node: ChartNode): ChartNode => ({ box: node.box, children: node.children.map((child) => ({ box: child.box, children: [] })) });

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Charts for a forest: all trees on one chart when they fit side by side, else one (or more)
 * per tree. `continued(box)` captions a chart that carries on below a box.
 */
export function layoutOrgCharts(
  forest: readonly ChartNode[],
  limits: ChartLimits,
  continued: (box: ChartBox) => string,
): OrgChartBlock[] {
  const columns = Math.max(1, limits.columns);
  const rows = Math.max(2, limits.rows);
  const fitsWhole = (node: ChartNode, depth: number): boolean => depth < rows && node.children.every((child) => fitsWhole(child, depth + 1));
  const totalLeaves = forest.reduce((sum, tree) => sum + leavesOf(tree, 0, Number.MAX_SAFE_INTEGER), 0);
  if (forest.length === 0) return [];
  const captions = forest.flatMap((tree) => (tree.caption === undefined ? [] : [tree.caption]));
  if (totalLeaves <= columns && forest.every((tree) => fitsWhole(tree, 0))) {
    return [placeForest(forest, rows, captions.length > 0 ? captions.join('  ') : undefined)];
  }

  const charts: OrgChartBlock[] = [];
  const carryOn = (node: ChartNode, caption: string | undefined): void => {
    if (leavesOf(node, 0, Number.MAX_SAFE_INTEGER) <= columns && fitsWhole(node, 0)) {
      charts.push(placeForest([node], rows, caption));
      return;
    }
    // The node and its direct reports, as many charts as the reports need side by side.
    const top = withoutGrandchildren(node);
    chunk(top.children, columns).forEach((children, index) => {
      charts.push(placeForest([{ box: node.box, children }], 2, index === 0 ? caption : continued(node.box)));
    });
    for (const child of node.children) if (child.children.length > 0) carryOn(child, continued(child.box));
  };
  for (const tree of forest) carryOn(tree, tree.caption);
  return charts;
}

import type { PrimData } from './primBox.js';

/** A node of a classification tree: a leaf, or a split `x[dimension] <= threshold` (left) vs above (right). */
export interface TreeNode {
  /** Rows reaching the node. */
  readonly count: number;
  /** Cases of interest among them. */
  readonly hits: number;
  /** hits / count. */
  readonly density: number;
  readonly split: { readonly dimension: number; readonly name: string; readonly threshold: number } | null;
  readonly left: TreeNode | null;
  readonly right: TreeNode | null;
}

export interface TreeSettings {
  /** Depth of the tree: splits from the root to a leaf, 1..3 for a readable tree. */
  readonly maxDepth: number;
  /** Fewest rows a leaf may hold. */
  readonly minLeaf: number;
}

/**
 * A CART classification tree (Breiman et al. 1984) of small depth, grown by the Gini
 * impurity: each node takes the split (dimension, threshold midway between two
 * neighbouring values) that lowers the rows' weighted Gini impurity most, as long as
 * both sides keep `minLeaf` rows and the impurity falls. No pruning: the depth is the
 * limit. Deterministic (ties: lower dimension, lower threshold).
 */
export function classificationTree(data: PrimData, settings: TreeSettings): TreeNode {
  const rows = Array.from({ length: data.y.length }, (_, i) => i);
  return grow(data, rows, settings.maxDepth, settings.minLeaf);
}

function gini(hits: number, count: number): number {
  if (count === 0) return 0;
  const p = hits / count;
  return 2 * p * (1 - p);
}

function grow(data: PrimData, rows: readonly number[], depth: number, minLeaf: number): TreeNode {
  const hits = rows.reduce((a, i) => a + data.y[i], 0);
  const count = rows.length;
  const leaf: TreeNode = { count, hits, density: count ? hits / count : 0, split: null, left: null, right: null };
  if (depth <= 0 || hits === 0 || hits === count || count < 2 * minLeaf) return leaf;
  let best: { dimension: number; threshold: number; impurity: number } | null = null;
  const parent = count * gini(hits, count);
  for (let j = 0; j < data.x.length; j++) {
    const order = [...rows].sort((a, b) => data.x[j][a] - data.x[j][b] || a - b);
    let leftHits = 0;
    for (let k = 0; k < order.length - 1; k++) {
      leftHits += data.y[order[k]];
      const leftCount = k + 1;
      const v = data.x[j][order[k]];
      const next = data.x[j][order[k + 1]];
      if (v === next || leftCount < minLeaf || count - leftCount < minLeaf) continue;
      const impurity =
        leftCount * gini(leftHits, leftCount) + (count - leftCount) * gini(hits - leftHits, count - leftCount);
      if (!best || impurity < best.impurity - 1e-12) best = { dimension: j, threshold: (v + next) / 2, impurity };
    }
  }
  if (!best || !(best.impurity < parent - 1e-12)) return leaf;
  const { dimension, threshold } = best;
  const left = rows.filter((i) => data.x[dimension][i] <= threshold);
  const right = rows.filter((i) => data.x[dimension][i] > threshold);
  return {
    ...leaf,
    split: { dimension, name: data.names[dimension], threshold },
    left: grow(data, left, depth - 1, minLeaf),
    right: grow(data, right, depth - 1, minLeaf),
  };
}

/** The words of a tree's lines (tree.txt keeps English; reports pass their language's). */
export interface TreeWords {
  /** The root's label ("all"). */
  readonly all: string;
  /** A node: "20 runs, 45% of interest". */
  readonly node: (count: number, percentOfInterest: number) => string;
}

const ENGLISH_TREE: TreeWords = { all: 'all', node: (count, pct) => `${count} runs, ${pct}% of interest` };

/** The tree as indented text lines, e.g. `governance <= 0.35: 120 runs, 81% of interest`. */
export function treeLines(
  node: TreeNode,
  format: (x: number) => string = (x) => x.toPrecision(3),
  words: TreeWords = ENGLISH_TREE,
): string[] {
  const lines: string[] = [];
  const walk = (n: TreeNode, label: string, indent: string): void => {
    lines.push(`${indent}${label}${words.node(n.count, Math.round(100 * n.density))}`);
    if (!n.split || !n.left || !n.right) return;
    walk(n.left, `${n.split.name} <= ${format(n.split.threshold)}: `, `${indent}  `);
    walk(n.right, `${n.split.name} > ${format(n.split.threshold)}: `, `${indent}  `);
  };
  walk(node, `${words.all}: `, '');
  return lines;
}

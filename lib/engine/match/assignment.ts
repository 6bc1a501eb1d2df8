/**
 * Maximum-weight bipartite assignment on a sparse set of candidate edges: each row (target) gets at most one column
 * (outcome) and each column serves at most one row, maximising the total weight. The candidate graph splits into
 * connected components (usually one per indicator); each is solved exactly with the Hungarian algorithm
 * (O(r²·c) for r ≤ c), so the cost follows the size of the largest component, not of the whole pair.
 */

export interface Edge {
  row: number;
  col: number;
  /** Positive; a missing edge counts as 0 (leaving both ends unassigned). */
  weight: number;
}

class DisjointSets {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }
  find(node: number): number {
    let root = node;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    // Path compression keeps later finds near constant time.
    let current = node;
    while (this.parent[current] !== root) {
      const next = this.parent[current] ?? root;
      this.parent[current] = root;
      current = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/**
 * Hungarian algorithm (shortest augmenting paths with potentials) minimising `cost` over an n × m matrix, n ≤ m,
 * given row-major. Returns, for each row, its assigned column.
 */
function hungarian(cost: Float64Array, n: number, m: number): Int32Array {
  const at = (i: number, j: number) => cost[(i - 1) * m + (j - 1)] ?? 0;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOfCol = new Int32Array(m + 1); // 1-based row assigned to column j; column 0 is the virtual start
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    rowOfCol[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfCol[j0] ?? 0;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = at(i0, j) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (reduced < (minv[j] ?? 0)) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if ((minv[j] ?? 0) < delta) {
          delta = minv[j] ?? 0;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          const row = rowOfCol[j] ?? 0;
          u[row] = (u[row] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else {
          minv[j] = (minv[j] ?? 0) - delta;
        }
      }
      j0 = j1;
    } while (rowOfCol[j0] !== 0);
    do {
      const j1 = way[j0] ?? 0;
      rowOfCol[j0] = rowOfCol[j1] ?? 0;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) {
    const row = rowOfCol[j] ?? 0;
    if (row > 0) colOfRow[row - 1] = j - 1;
  }
  return colOfRow;
}

/** Solve one connected component exactly; returns the chosen edges. */
function assignComponent(edges: Edge[]): Edge[] {
  if (edges.length === 1) return edges;
  const rows = [...new Set(edges.map((e) => e.row))];
  const cols = [...new Set(edges.map((e) => e.col))];
  // The Hungarian method wants no more rows than columns: transpose when needed.
  const transpose = rows.length > cols.length;
  const [sideA, sideB] = transpose ? [cols, rows] : [rows, cols];
  const indexA = new Map(sideA.map((id, i) => [id, i]));
  const indexB = new Map(sideB.map((id, i) => [id, i]));
  const n = sideA.length;
  const m = sideB.length;
  const cost = new Float64Array(n * m);
  const edgeAt = new Map<number, Edge>();
  for (const edge of edges) {
    const a = indexA.get(transpose ? edge.col : edge.row) ?? 0;
    const b = indexB.get(transpose ? edge.row : edge.col) ?? 0;
    const cell = a * m + b;
    // Duplicate edges keep the heavier one.
    if ((edgeAt.get(cell)?.weight ?? 0) < edge.weight) {
      edgeAt.set(cell, edge);
      cost[cell] = -edge.weight;
    }
  }
  const chosen: Edge[] = [];
  hungarian(cost, n, m).forEach((b, a) => {
    const edge = b >= 0 ? edgeAt.get(a * m + b) : undefined;
    if (edge) chosen.push(edge);
  });
  return chosen;
}

/** The maximum-weight assignment over `edges`, as the chosen edges. */
export function maxWeightAssignment(edges: Edge[]): Edge[] {
  if (edges.length === 0) return [];
  const rowIds = new Map<number, number>();
  const colIds = new Map<number, number>();
  for (const edge of edges) {
    if (!rowIds.has(edge.row)) rowIds.set(edge.row, rowIds.size);
    if (!colIds.has(edge.col)) colIds.set(edge.col, colIds.size);
  }
  // Rows and columns share one disjoint-set forest: columns are numbered after the rows.
  const sets = new DisjointSets(rowIds.size + colIds.size);
  const nodeOfCol = (col: number) => rowIds.size + (colIds.get(col) ?? 0);
  for (const edge of edges) sets.union(rowIds.get(edge.row) ?? 0, nodeOfCol(edge.col));
  const components = new Map<number, Edge[]>();
  for (const edge of edges) {
    const root = sets.find(rowIds.get(edge.row) ?? 0);
    const list = components.get(root);
    if (list) list.push(edge);
    else components.set(root, [edge]);
  }
  return [...components.values()].flatMap(assignComponent);
}

import { describe, expect, it } from "vitest";
import { type Edge, maxWeightAssignment } from "@/lib/engine/match";
import { prng } from "@/lib/synth/prng";

const total = (edges: Edge[]) => edges.reduce((sum, edge) => sum + edge.weight, 0);
const asPairs = (edges: Edge[]) => edges.map((e) => [e.row, e.col]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));

/** Sorted-edges greedy: what the assignment must beat. */
function greedy(edges: Edge[]): Edge[] {
  const rows = new Set<number>();
  const cols = new Set<number>();
  return [...edges]
    .sort((a, b) => b.weight - a.weight)
    .filter((e) => !rows.has(e.row) && !cols.has(e.col) && rows.add(e.row) && cols.add(e.col));
}

/** Exhaustive search over every matching: the reference optimum for small graphs. */
function bruteForce(edges: Edge[]): number {
  const search = (from: number, rows: Set<number>, cols: Set<number>): number => {
    let best = 0;
    for (let i = from; i < edges.length; i++) {
      const e = edges[i] as Edge;
      if (rows.has(e.row) || cols.has(e.col)) continue;
      rows.add(e.row);
      cols.add(e.col);
      best = Math.max(best, e.weight + search(i + 1, rows, cols));
      rows.delete(e.row);
      cols.delete(e.col);
    }
    return best;
  };
  return search(0, new Set(), new Set());
}

describe("maximum-weight assignment", () => {
  it("beats greedy where the heaviest edge is the wrong choice", () => {
    // Target 0 fits both outcomes; target 1 fits only outcome 0. Greedy gives 0→0 and leaves target 1 alone.
    const edges: Edge[] = [
      { row: 0, col: 0, weight: 0.9 },
      { row: 0, col: 1, weight: 0.8 },
      { row: 1, col: 0, weight: 0.85 },
    ];
    expect(total(greedy(edges))).toBeCloseTo(0.9);
    const chosen = maxWeightAssignment(edges);
    expect(asPairs(chosen)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(total(chosen)).toBeCloseTo(1.65);
  });

  it("uses each row and column at most once, on wide and tall graphs", () => {
    const wide: Edge[] = [
      { row: 0, col: 0, weight: 0.5 },
      { row: 0, col: 1, weight: 0.6 },
      { row: 0, col: 2, weight: 0.7 },
    ];
    expect(asPairs(maxWeightAssignment(wide))).toEqual([[0, 2]]);
    const tall: Edge[] = [
      { row: 0, col: 7, weight: 0.5 },
      { row: 1, col: 7, weight: 0.9 },
      { row: 2, col: 7, weight: 0.7 },
    ];
    expect(asPairs(maxWeightAssignment(tall))).toEqual([[1, 7]]);
  });

  it("leaves rows unassigned rather than forcing a missing edge", () => {
    const edges: Edge[] = [
      { row: 0, col: 0, weight: 0.9 },
      { row: 1, col: 0, weight: 0.4 },
      { row: 1, col: 1, weight: 0.3 },
      { row: 2, col: 5, weight: 0.2 },
    ];
    expect(asPairs(maxWeightAssignment(edges))).toEqual([
      [0, 0],
      [1, 1],
      [2, 5],
    ]);
    expect(maxWeightAssignment([])).toEqual([]);
  });

  it("finds the optimum on random sparse graphs (checked exhaustively)", () => {
    const random = prng(2019);
    let greedyWasWorse = 0;
    for (let round = 0; round < 300; round++) {
      const rows = 1 + Math.floor(random() * 5);
      const cols = 1 + Math.floor(random() * 5);
      const edges: Edge[] = [];
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          if (random() < 0.5) edges.push({ row, col, weight: Math.round(random() * 100) / 100 + 0.01 });
        }
      }
      const chosen = maxWeightAssignment(edges);
      expect(new Set(chosen.map((e) => e.row)).size).toBe(chosen.length);
      expect(new Set(chosen.map((e) => e.col)).size).toBe(chosen.length);
      expect(total(chosen)).toBeCloseTo(bruteForce(edges), 9);
      if (total(greedy(edges)) < bruteForce(edges) - 1e-9) greedyWasWorse++;
    }
    // The random graphs do exercise cases where greedy fails.
    expect(greedyWasWorse).toBeGreaterThan(10);
  });
});

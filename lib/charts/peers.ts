/**
 * The peers chart's data: a row per jurisdiction with a target (a range as [floor, cap], a single figure as a point,
 * the superior's target beside it), or past RANKED_CHART_LIMIT jurisdictions, their number per target value.
 */
import type { TPeerRow } from "@/lib/schemas/peers";

/** The peers table's sortable columns, also the values the `sort` parameter of the address may take. */
export const PEER_SORT_COLUMNS = ["rank", "name", "strength", "change", "previousActual", "vsSuperior", "gdp"] as const;

/** More rows than this do not read as a ranked chart on a screen: the distribution is drawn instead. */
export const RANKED_CHART_LIMIT = 60;

export interface PeerBar {
  code: string;
  name: string;
  range: [number, number] | null;
  point: number | null;
  superior: number | null;
}

/** Jurisdictions with a target, in the rows' order (most ambitious first). */
export function peerBars(rows: readonly TPeerRow[]): PeerBar[] {
  return rows.flatMap((row) => {
    const target = row.target;
    if (!target || target.decisive === null) return [];
    const range: [number, number] | null =
      target.qualifier === "range" && target.min !== null && target.max !== null ? [target.min, target.max] : null;
    return [
      {
        code: row.code,
        name: row.name,
        range,
        point: range ? null : target.decisive,
        superior: row.superior?.target?.decisive ?? null,
      },
    ];
  });
}

/** Decisive figures are written to one decimal at most in practice; finer ones share the tenth they round to. */
const BIN = 0.1;

/** The number of jurisdictions per target value (to the tenth), ascending. */
export function peerDistribution(rows: readonly TPeerRow[]): { value: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const value = row.target?.decisive;
    if (value == null) continue;
    const bin = Math.round(Math.round(value / BIN) * BIN * 10) / 10;
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}

/**
 * Verdict shares for the overview's stacked bars and the charts: percentages that add up to exactly 100 (largest
 * remainder), and the segments of a bar in verdict order.
 */
import type { TVerdict } from "@/lib/schemas/extraction";

/** Pending (no review yet) stands apart from no_outcome: it is not a failure, and not a review that said nothing. */
export const VERDICT_ORDER: readonly TVerdict[] = ["met", "missed", "needs_review", "no_outcome", "pending"];

/** Counts by verdict; `pending` may be absent from counts read before it existed (then 0). */
export type VerdictCounts = Record<Exclude<TVerdict, "pending">, number> & { pending?: number };

/** The count of one verdict, 0 where the counts do not have it. */
export const countOf = (counts: VerdictCounts, verdict: TVerdict): number => Math.max(0, counts[verdict] ?? 0);

/**
 * Counts of a year as the dashboard shows them. A year that no imported report reviews has nothing but pending
 * targets: where the counts were made before `pending` existed (every target `no_outcome`), they are moved there.
 */
export function withPending<T extends VerdictCounts>(counts: T, reviewed: boolean): T & { pending: number } {
  if (counts.pending !== undefined || reviewed) return { ...counts, pending: counts.pending ?? 0 };
  return { ...counts, pending: counts.no_outcome, no_outcome: 0 };
}

export interface TrendNote {
  /** met ÷ (met + missed), null when neither. */
  share: number | null;
  met: number;
  judged: number;
  pending: number;
  noOutcome: number;
  needsReview: number;
}

/** What the overview says beside its trend: the share met among judged targets, and what it leaves out. */
export function trendNote(counts: VerdictCounts): TrendNote {
  const met = countOf(counts, "met");
  const judged = met + countOf(counts, "missed");
  return {
    share: judged === 0 ? null : met / judged,
    met,
    judged,
    pending: countOf(counts, "pending"),
    noOutcome: countOf(counts, "no_outcome"),
    needsReview: countOf(counts, "needs_review"),
  };
}

/** Whole percentages of each count in the total, adding up to 100 (all 0 when the total is 0). */
export function wholePercentages<K extends string>(
  counts: Partial<Record<K, number>>,
  order: readonly K[],
): Record<K, number> {
  const count = (key: K) => Math.max(0, counts[key] ?? 0);
  const total = order.reduce((sum, key) => sum + count(key), 0);
  const result = Object.fromEntries(order.map((key) => [key, 0])) as Record<K, number>;
  if (total === 0) return result;
  const exact = order.map((key) => ({ key, value: (count(key) * 100) / total }));
  let given = 0;
  for (const { key, value } of exact) {
    result[key] = Math.floor(value);
    given += result[key];
  }
  // Largest remainder first; equal remainders (to float noise) in the given order.
  const remainder = (value: number) => Math.round((value - Math.floor(value)) * 1e6);
  const byRemainder = exact
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => remainder(b.value) - remainder(a.value) || a.index - b.index);
  for (const { key } of byRemainder.slice(0, 100 - given)) result[key] += 1;
  return result;
}

export interface BarSegment {
  verdict: TVerdict;
  count: number;
  /** Left edge and width as fractions of the bar, in [0, 1]. */
  offset: number;
  width: number;
  percent: number;
}

/** The non-empty segments of a stacked verdict bar, left to right. */
export function verdictSegments(counts: VerdictCounts): BarSegment[] {
  const total = VERDICT_ORDER.reduce((sum, verdict) => sum + countOf(counts, verdict), 0);
  if (total === 0) return [];
  const percents = wholePercentages(counts, VERDICT_ORDER);
  const segments: BarSegment[] = [];
  let offset = 0;
  for (const verdict of VERDICT_ORDER) {
    const count = countOf(counts, verdict);
    if (count === 0) continue;
    const width = count / total;
    segments.push({ verdict, count, offset, width, percent: percents[verdict] });
    offset += width;
  }
  return segments;
}

/** Share of judged targets that were met: met ÷ (met + missed); null when none was judged either way. */
export function metShare(counts: Pick<VerdictCounts, "met" | "missed">): number | null {
  const judged = counts.met + counts.missed;
  return judged === 0 ? null : counts.met / judged;
}

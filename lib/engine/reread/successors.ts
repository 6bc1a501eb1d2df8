/**
 * Which row of a new reading succeeds which row of an earlier one (a target or an outcome of the same report), so
 * that a re-read carries analysts' edits to the successor of the target they edited. Two passes:
 *
 * 1. the stable key: the same clause (its text without blanks and punctuation), indicator and measure (and, for
 *    outcomes, year), paired in reading order;
 * 2. what is left, by similarity: the clauses' character-bigram overlap (Dice), with a bonus for the same indicator
 *    and measure and a penalty for distance in the text, paired best first above a threshold.
 *
 * A row of the earlier reading paired with none has no successor: its edits become orphans (lib/db/carry-over.ts),
 * shown with the likely successors `likelySuccessors` ranks.
 */

export interface ReadingRow {
  text: string;
  indicator: string;
  measure: string;
  /** Offset of the clause in the report's text; null for a row without one. */
  start: number | null;
  /** An outcome's year (or period's last year); null for targets. */
  year?: number | null;
}

export interface Pairing {
  /** [earlier index, new index]. */
  pairs: [number, number][];
  unpairedEarlier: number[];
  unpairedNew: number[];
}

/** The least similarity of a successor found by the second pass. */
export const SUCCESSOR_THRESHOLD = 0.6;
/** Likely successors shown with an orphan: at most this many, each at least this similar. */
export const LIKELY_SUCCESSORS = 3;
export const LIKELY_THRESHOLD = 0.25;

const PUNCTUATION = /[\s\p{P}\p{S}]/gu;

export const clauseKey = (text: string) => text.normalize("NFKC").replace(PUNCTUATION, "");

const stableKey = (row: ReadingRow) =>
  JSON.stringify([clauseKey(row.text), row.indicator, row.measure, row.year ?? null]);

/** Bigrams of the clauses compared last: pairing compares every clause with many others. */
const bigramCache = new Map<string, Map<string, number>>();
const CACHE_LIMIT = 4096;

function bigrams(text: string): Map<string, number> {
  const cached = bigramCache.get(text);
  if (cached) return cached;
  if (bigramCache.size >= CACHE_LIMIT) bigramCache.clear();
  const grams = new Map<string, number>();
  bigramCache.set(text, grams);
  const chars = [...clauseKey(text)];
  if (chars.length === 1) grams.set(chars[0] as string, 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of the clauses' character bigrams, in [0, 1]. */
export function textSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  for (const [gram, n] of ga) shared += Math.min(n, gb.get(gram) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * How likely `next` succeeds `earlier`, in [0, 1]: text similarity, raised when the indicator and measure agree,
 * lowered when the clauses sit far apart in the report (`span`: the report's length) or name different years.
 */
export function successorScore(earlier: ReadingRow, next: ReadingRow, span: number): number {
  if ((earlier.year ?? null) !== (next.year ?? null)) return 0;
  let score = textSimilarity(earlier.text, next.text);
  if (earlier.indicator === next.indicator) score += 0.15;
  if (earlier.measure === next.measure) score += 0.05;
  if (earlier.start !== null && next.start !== null && span > 0) {
    score -= 0.2 * Math.min(1, Math.abs(earlier.start - next.start) / span);
  }
  return Math.max(0, Math.min(1, score));
}

export function pairSuccessors(earlier: ReadingRow[], next: ReadingRow[], span: number): Pairing {
  const pairs: [number, number][] = [];
  const takenNew = new Set<number>();
  const pairedEarlier = new Set<number>();

  const byKey = new Map<string, number[]>();
  next.forEach((row, index) => {
    const key = stableKey(row);
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  earlier.forEach((row, index) => {
    const queue = byKey.get(stableKey(row));
    const match = queue?.shift();
    if (match === undefined) return;
    pairs.push([index, match]);
    takenNew.add(match);
    pairedEarlier.add(index);
  });

  const candidates: { e: number; n: number; score: number }[] = [];
  earlier.forEach((row, e) => {
    if (pairedEarlier.has(e)) return;
    next.forEach((other, n) => {
      if (takenNew.has(n)) return;
      const score = successorScore(row, other, span);
      if (score >= SUCCESSOR_THRESHOLD) candidates.push({ e, n, score });
    });
  });
  // Best first; ties in reading order, so the result does not depend on the sort's stability.
  candidates.sort((a, b) => b.score - a.score || a.e - b.e || a.n - b.n);
  for (const { e, n } of candidates) {
    if (pairedEarlier.has(e) || takenNew.has(n)) continue;
    pairs.push([e, n]);
    pairedEarlier.add(e);
    takenNew.add(n);
  }

  pairs.sort((a, b) => a[0] - b[0]);
  return {
    pairs,
    unpairedEarlier: earlier.flatMap((_, index) => (pairedEarlier.has(index) ? [] : [index])),
    unpairedNew: next.flatMap((_, index) => (takenNew.has(index) ? [] : [index])),
  };
}

/** The rows of the new reading most like `earlier`, best first: what an analyst looks at for an orphan. */
export function likelySuccessors(
  earlier: ReadingRow,
  next: ReadingRow[],
  span: number,
): { index: number; similarity: number }[] {
  return next
    .map((row, index) => ({ index, similarity: Math.round(successorScore(earlier, row, span) * 1000) / 1000 }))
    .filter((c) => c.similarity >= LIKELY_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity || a.index - b.index)
    .slice(0, LIKELY_SUCCESSORS);
}

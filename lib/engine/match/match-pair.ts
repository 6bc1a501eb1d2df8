/**
 * Matching within one pair: every target against the outcomes whose indicator is similar (at most O(n·m) scores),
 * the best few candidates of each target kept, then one global maximum-weight assignment, then a verdict for each
 * target.
 */
import { nameProfile, profileSimilarity, similarityKeys } from "@/lib/engine/indicators";
import type { TOutcome, TTarget } from "@/lib/schemas/extraction";
import { type Edge, maxWeightAssignment } from "./assignment";
import { groupBy } from "./group-by";
import type { JudgedMatch } from "./judged";
import { MIN_SIMILARITY, scorePair } from "./score";
import { type JudgeOptions, judge } from "./verdict";

export type MatchOptions = JudgeOptions;

export interface PairMatching {
  /** One per target, in the targets' order. */
  matches: JudgedMatch[];
  /** For each target, the index in `outcomes` of the outcome it took, or null. */
  outcomeIndices: (number | null)[];
  /** Outcomes no target took, in their order. */
  unmatchedOutcomes: TOutcome[];
}

/** Weight of a body target's claim relative to a headline target's in the assignment (not in its confidence). */
const BODY_TARGET_CLAIM = 0.9;

/** Candidates kept per target before the assignment; the rest cannot win against five better-scoring outcomes. */
const CANDIDATES_PER_TARGET = 5;

const roundConfidence = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/** Inverted index: key → ids of the outcome names that carry it. */
class Postings {
  private readonly lists = new Map<unknown, number[]>();
  add(key: unknown, id: number): void {
    const list = this.lists.get(key);
    if (!list) this.lists.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }
  collect(keys: readonly unknown[], into: Set<number>): void {
    for (const key of keys) for (const id of this.lists.get(key) ?? []) into.add(id);
  }
}

/**
 * For each target, the outcomes whose indicator is similar enough to consider, with the similarity. Similarity is
 * computed once per distinct pair of names, and only for names that can be above 0 (inverted indexes over the
 * outcome names): a known indicator meets the outcomes of its lexicon entry and unknown names sharing a bigram;
 * an unknown one meets every name sharing a bigram. Different lexicon entries never meet.
 */
function similarOutcomes(targets: TTarget[], outcomes: TOutcome[]): { outcome: number; similarity: number }[][] {
  const positioned = outcomes.map((outcome, position) => ({ name: outcome.indicator, position }));
  const outcomeNames = [...groupBy(positioned, (item) => item.name)].map(([name, items]) => ({
    profile: nameProfile(name),
    positions: items.map((item) => item.position),
  }));
  const byEntry = new Postings();
  const unknownByGram = new Postings();
  const allByGram = new Postings();
  outcomeNames.forEach(({ profile }, id) => {
    if (profile.entry) byEntry.add(profile.entry, id);
    for (const key of similarityKeys(profile)) {
      if (!profile.entry) unknownByGram.add(key, id);
      allByGram.add(key, id);
    }
  });
  const byTargetName = new Map<string, { outcome: number; similarity: number }[]>();
  for (const name of new Set(targets.map((target) => target.indicator))) {
    const profile = nameProfile(name);
    const candidates = new Set<number>();
    const keys = similarityKeys(profile);
    if (profile.entry) {
      byEntry.collect([profile.entry], candidates);
      unknownByGram.collect(keys, candidates);
    } else {
      allByGram.collect(keys, candidates);
    }
    const similar: { outcome: number; similarity: number }[] = [];
    for (const id of candidates) {
      const { profile: other, positions } = outcomeNames[id] ?? { profile, positions: [] };
      const similarity = profileSimilarity(profile, other);
      if (similarity >= MIN_SIMILARITY) for (const outcome of positions) similar.push({ outcome, similarity });
    }
    byTargetName.set(name, similar);
  }
  return targets.map((target) => byTargetName.get(target.indicator) ?? []);
}

function candidateEdges(targets: TTarget[], outcomes: TOutcome[]): Edge[] {
  const edges: Edge[] = [];
  similarOutcomes(targets, outcomes).forEach((similar, row) => {
    const target = targets[row];
    if (!target) return;
    const mine: Edge[] = [];
    for (const { outcome: col, similarity } of similar) {
      const outcome = outcomes[col];
      const score = outcome ? scorePair(target, outcome, similarity) : null;
      if (score) mine.push({ row, col, weight: score });
    }
    mine.sort((a, b) => b.weight - a.weight || a.col - b.col);
    edges.push(...mine.slice(0, CANDIDATES_PER_TARGET));
  });
  return edges;
}

/**
 * Match targets to outcomes one-to-one and judge each target. A target left without an outcome gets `no_outcome`
 * with a confidence that is lower the better an outcome it lost (to another target) would have fitted it.
 */
export function matchPair(targets: TTarget[], outcomes: TOutcome[], options: MatchOptions): PairMatching {
  const edges = candidateEdges(targets, outcomes);
  // The assignment maximises squared scores, so that one sure match outweighs two doubtful ones (0.95² > 2 × 0.6²),
  // and gives headline targets first claim on an outcome that a body target of the same indicator also wants.
  const squared = edges.map((edge) => {
    const claim = targets[edge.row]?.headline ? 1 : BODY_TARGET_CLAIM;
    return { ...edge, weight: edge.weight * edge.weight * claim };
  });
  const sourceOf = new Map(squared.map((edge, i) => [edge, edges[i]]));
  const chosen = new Map<number, Edge>();
  for (const edge of maxWeightAssignment(squared)) {
    const source = sourceOf.get(edge);
    if (source) chosen.set(edge.row, source);
  }
  const bestLost = new Float64Array(targets.length);
  for (const edge of edges) {
    if (chosen.get(edge.row) !== edge) bestLost[edge.row] = Math.max(bestLost[edge.row] ?? 0, edge.weight);
  }
  const taken = new Set<number>();
  const outcomeIndices: (number | null)[] = [];
  const matches = targets.map((target, row): JudgedMatch => {
    const edge = chosen.get(row);
    const outcome = edge ? (outcomes[edge.col] ?? null) : null;
    if (edge) taken.add(edge.col);
    outcomeIndices.push(edge ? edge.col : null);
    const { verdict, reason, ratio, gap } = judge(target, outcome, options);
    const confidence = edge ? edge.weight : 1 - (bestLost[row] ?? 0);
    return { target, outcome, confidence: roundConfidence(confidence), verdict, reasons: [reason], ratio, gap };
  });
  const unmatchedOutcomes = outcomes.filter((_, col) => !taken.has(col));
  return { matches, outcomeIndices, unmatchedOutcomes };
}

/** Same indicator, measure and figure: a review source restating what the main review said. */
const figureKey = (outcome: TOutcome) =>
  [outcome.indicator, outcome.measure, outcome.value, outcome.min, outcome.max, outcome.unit].join("|");

/**
 * Match against a main review first and other review sources after (verdicts.md: "first the review section …, then
 * any other review source"): a source's outcome only fills a target the main review left without one, and a source
 * restating a figure the main review already gave to a target does not give it to a second one.
 * `outcomeIndices` index the concatenation `[...main, ...sources]`.
 */
export function matchInStages(
  targets: TTarget[],
  main: TOutcome[],
  sources: TOutcome[],
  options: MatchOptions,
): PairMatching {
  const first = matchPair(targets, main, options);
  const used = new Set(first.matches.flatMap((match) => (match.outcome ? [figureKey(match.outcome)] : [])));
  const fresh = sources.flatMap((outcome, index) => (used.has(figureKey(outcome)) ? [] : [{ outcome, index }]));
  const open = first.matches.flatMap((match, index) => (match.outcome ? [] : [index]));
  const second = matchPair(
    open.map((index) => targets[index] as TTarget),
    fresh.map((item) => item.outcome),
    options,
  );
  const matches = [...first.matches];
  const outcomeIndices = [...first.outcomeIndices];
  second.matches.forEach((match, k) => {
    const index = open[k];
    const taken = second.outcomeIndices[k];
    const source = taken === null || taken === undefined ? undefined : fresh[taken];
    if (index === undefined || !source) return;
    matches[index] = match;
    outcomeIndices[index] = main.length + source.index;
  });
  return { matches, outcomeIndices, unmatchedOutcomes: [...first.unmatchedOutcomes, ...second.unmatchedOutcomes] };
}

/**
 * The matcher's own results: the match of extraction.md with its reason as codes (`reasons`, lib/schemas/reasons.ts)
 * instead of a sentence. `printedPair` turns a pair into the CLI's contract (`TPair`, `reason` as text), given the
 * words to say the reasons in.
 */
import type { TMatch, TPair } from "@/lib/schemas/extraction";
import type { TReason } from "@/lib/schemas/reasons";

export type JudgedMatch = Omit<TMatch, "reason"> & { reasons: TReason[] };
export type JudgedPair = Omit<TPair, "matches"> & { matches: JudgedMatch[] };

/** A match as extraction.md prints it: the keys in the contract's order, the reasons as one text. */
export function printedMatch(match: JudgedMatch, render: (reasons: TReason[]) => string): TMatch {
  const { target, outcome, confidence, verdict, reasons, ratio, gap } = match;
  return { target, outcome, confidence, verdict, reason: render(reasons), ratio, gap };
}

export function printedPair(pair: JudgedPair, render: (reasons: TReason[]) => string): TPair {
  return { ...pair, matches: pair.matches.map((match) => printedMatch(match, render)) };
}

/** The scorecard's targets as flat table rows (server side, so the client receives only what it shows). */
import { gapOfMatch } from "@/lib/charts/gap";
import type { TScorecardRow } from "@/lib/schemas/dashboard";
import type { TGap, TVerdict } from "@/lib/schemas/extraction";
import type { TScorecardYear, TStoredTarget } from "@/lib/schemas/store";

/** A row of the scorecard table: the shared row shape, with the gap that replaces 完成度. */
export type TargetRow = TScorecardRow & { gap: TGap | null };

/**
 * The verdict a target shows: its match's; a target without one is `pending` while no report reviews the year, else
 * `no_outcome`. Counts made before `pending` existed said `no_outcome` for a year without review: shown as pending.
 */
export function shownVerdict(target: Pick<TStoredTarget, "match">, reviewed: boolean): TVerdict {
  const verdict = target.match?.verdict ?? (reviewed ? "no_outcome" : "pending");
  return verdict === "no_outcome" && !reviewed && !target.match?.manual ? "pending" : verdict;
}

export function scorecardRows(scorecard: TScorecardYear): TargetRow[] {
  const reviewed = scorecard.review !== null;
  return scorecard.targets.map((target) => {
    const match = target.match;
    const outcome = match?.outcome ?? null;
    return {
      id: target.id,
      indicator: target.indicator,
      category: target.category,
      measure: target.measure,
      qualifier: target.qualifier,
      value: target.value,
      min: target.min,
      max: target.max,
      unit: target.unit,
      polarity: target.polarity,
      headline: target.headline,
      text: target.text,
      reportId: target.reportId,
      verdict: shownVerdict(target, reviewed),
      notATarget: match?.notATarget ?? false,
      confidence: match?.confidence ?? null,
      reason: match?.reason ?? "",
      ratio: match?.ratio ?? null,
      gap: gapOfMatch(match),
      manual: match?.manual ?? false,
      flagged: match?.flagged ?? false,
      actual: outcome && {
        id: outcome.id,
        value: outcome.value,
        unit: outcome.unit,
        text: outcome.text,
        estimated: outcome.estimated,
        reportId: outcome.reportId,
        source: outcome.source,
      },
    };
  });
}

/** The number a target stands for when sorting or charting: its value, or the middle of its range. */
export function targetNumber(row: Pick<TScorecardRow, "value" | "min" | "max">): number | null {
  if (row.value !== null) return row.value;
  if (row.min !== null && row.max !== null) return (row.min + row.max) / 2;
  return row.min ?? row.max;
}

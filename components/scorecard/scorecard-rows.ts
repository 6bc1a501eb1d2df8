/** The scorecard's targets as flat table rows (server side, so the client receives only what it shows). */
import type { TScorecardRow } from "@/lib/schemas/dashboard";
import type { TScorecardYear } from "@/lib/schemas/store";

export function scorecardRows(scorecard: TScorecardYear): TScorecardRow[] {
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
      verdict: match?.verdict ?? "no_outcome",
      notATarget: match?.notATarget ?? false,
      confidence: match?.confidence ?? null,
      reason: match?.reason ?? "",
      ratio: match?.ratio ?? null,
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

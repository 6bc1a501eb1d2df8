/** Stored target and outcome rows as the engine's shapes, for re-running the matcher on what the database holds. */
import type { Outcome, Target } from "@/lib/generated/prisma-sqlite/client";
import type { TMeasure, TOutcome, TPolarity, TQualifier, TTarget } from "@/lib/schemas/extraction";

export const targetFromRow = (row: Target): TTarget => ({
  indicator: row.indicatorName,
  measure: row.measure as TMeasure,
  qualifier: row.qualifier as TQualifier,
  value: row.value,
  min: row.min,
  max: row.max,
  unit: row.unit,
  polarity: row.polarity as TPolarity,
  headline: row.headline,
  text: row.text,
  start: row.start,
  end: row.end,
});

export const outcomeFromRow = (row: Outcome): TOutcome => ({
  indicator: row.indicatorName,
  measure: row.measure as TMeasure,
  value: row.value,
  min: row.min,
  max: row.max,
  unit: row.unit,
  polarity: row.polarity as TPolarity,
  estimated: row.estimated,
  year: row.year,
  stated: (row.stated as TOutcome["stated"]) ?? null,
  text: row.text,
  start: row.start ?? 0,
  end: row.end ?? 0,
});

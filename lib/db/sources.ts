/**
 * Several review sources for one jurisdiction and year (verdicts.md "Pairing reports": the next year's work report
 * first, then any other source — a news article, a bulletin). Every source's figure is kept. Figures of different
 * reports speak of the same thing when they name the same indicator (after the lexicon's synonyms), measure and unit,
 * and each report states exactly one such figure (a report with two `创新平台` figures says two different things).
 * Two such figures disagree when they differ by more than the rounding of the less precise one (6% and 6.2% agree;
 * 35.5% and 35.6% do not). The later source's disagreeing figure points at the main one (`Outcome.conflictWithId`),
 * which puts the item in the review queue as `source_conflict` (lib/db/year-tally.ts).
 */
import { resolveIndicator } from "@/lib/engine/indicators";
import type { TSourceFigure } from "@/lib/schemas/store";
import type { Tx } from "./client";

/** The fields of a stored outcome that comparing sources reads. */
export interface SourceOutcome {
  id: string;
  reportId: string | null;
  indicatorName: string;
  measure: string;
  value: number | null;
  unit: string | null;
  manual: boolean;
  conflictWithId?: string | null;
}

/** Digits after the decimal point as the figure is written (shortest round-trip form of the stored number). */
function decimals(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes("e")) return 0;
  const point = text.indexOf(".");
  return point < 0 ? 0 : text.length - point - 1;
}

/** Equal within the rounding of the less precise figure (half a unit of its last digit). */
export function agreeWithinRounding(a: number, b: number): boolean {
  const half = 0.5 * 10 ** -Math.min(decimals(a), decimals(b));
  return Math.abs(a - b) <= half + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const keyOf = (outcome: SourceOutcome) =>
  [resolveIndicator(outcome.indicatorName).name, outcome.measure, outcome.unit ?? ""].join("|");

/**
 * Groups of figures that speak of the same thing, across reports: for each outcome id, the figures of the other
 * reports in its group. Reports are taken in the order given (main review first); manual outcomes and figures
 * without a single value take no part.
 */
export function sameFigureGroups<T extends SourceOutcome>(outcomes: T[]): Map<string, T[]> {
  const byKey = new Map<string, Map<string, T[]>>();
  for (const outcome of outcomes) {
    if (outcome.manual || outcome.reportId === null || outcome.value === null || !Number.isFinite(outcome.value))
      continue;
    const key = keyOf(outcome);
    const reports = byKey.get(key) ?? new Map<string, T[]>();
    const list = reports.get(outcome.reportId) ?? [];
    list.push(outcome);
    reports.set(outcome.reportId, list);
    byKey.set(key, reports);
  }
  const others = new Map<string, T[]>();
  for (const reports of byKey.values()) {
    const singles = [...reports.values()].filter((list) => list.length === 1).map((list) => list[0] as T);
    if (singles.length < 2) continue;
    for (const outcome of singles)
      others.set(
        outcome.id,
        singles.filter((other) => other !== outcome),
      );
  }
  return others;
}

/**
 * For each figure of a later source, the main figure it disagrees with (null when it agrees or has no counterpart).
 * `outcomes` are in source order: the work report reviewing the year first.
 */
export function conflictsOf(outcomes: SourceOutcome[]): Map<string, string | null> {
  const groups = sameFigureGroups(outcomes);
  const order = new Map<string, number>();
  for (const outcome of outcomes)
    if (outcome.reportId !== null && !order.has(outcome.reportId)) order.set(outcome.reportId, order.size);
  const rank = (outcome: SourceOutcome) => order.get(outcome.reportId ?? "") ?? Number.MAX_SAFE_INTEGER;
  const result = new Map<string, string | null>();
  for (const outcome of outcomes) {
    const others = groups.get(outcome.id) ?? [];
    const main = [outcome, ...others].sort((a, b) => rank(a) - rank(b))[0];
    const disagrees =
      main !== undefined &&
      main !== outcome &&
      main.value !== null &&
      outcome.value !== null &&
      !agreeWithinRounding(main.value, outcome.value);
    result.set(outcome.id, disagrees && main ? main.id : null);
  }
  return result;
}

/**
 * Re-mark the source conflicts among the outcomes of `code`'s `year` (inside the caller's transaction), given them in
 * source order. Only changed rows are written: conflicts are rare.
 */
export async function refreshSourceConflicts(tx: Tx, outcomes: (SourceOutcome & { conflictWithId: string | null })[]) {
  const conflicts = conflictsOf(outcomes);
  for (const outcome of outcomes) {
    const next = conflicts.get(outcome.id) ?? null;
    if (next !== outcome.conflictWithId)
      await tx.outcome.update({ where: { id: outcome.id }, data: { conflictWithId: next } });
  }
}

/** A stored outcome with its report's kind and source, as the API shows another source's figure. */
export interface FigureRow extends SourceOutcome {
  text: string;
  estimated: boolean;
  year: number;
  report: { kind: string; document: { sourceName: string; sourceUrl: string | null } } | null;
}

export function sourceFigureOf(row: FigureRow, agrees: boolean): TSourceFigure {
  return {
    outcomeId: row.id,
    reportId: row.reportId,
    kind: row.report?.kind ?? "manual",
    source: row.report?.document.sourceName ?? null,
    url: row.report?.document.sourceUrl ?? null,
    indicator: row.indicatorName,
    value: row.value,
    unit: row.unit,
    text: row.text,
    estimated: row.estimated,
    agrees,
  };
}

/** The figures other sources give for the same thing as `outcome`, each saying whether it agrees with it. */
export function otherSources(outcome: FigureRow, groups: Map<string, FigureRow[]>): TSourceFigure[] {
  return (groups.get(outcome.id) ?? []).map((other) =>
    sourceFigureOf(
      other,
      outcome.value === null || other.value === null ? true : agreeWithinRounding(outcome.value, other.value),
    ),
  );
}

/** Selecting a figure's report kind and source, for `FigureRow`. */
export const FIGURE_REPORT = {
  select: { kind: true, document: { select: { sourceName: true, sourceUrl: true } } },
} as const;

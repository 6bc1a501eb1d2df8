/**
 * Compare: one indicator and measure over the years, for several jurisdictions. Each plan year says whether the
 * plan set such a target (and which), and what the review reported (the matched outcome; else, for a year whose plan
 * set none, a review figure of the same indicator that no target claimed).
 */

import { englishIndicatorName, lexiconEntry } from "@/lib/engine/indicators";
import { gapOf } from "@/lib/engine/match";
import type { TComparePoint, TComparison, TIndicatorOption } from "@/lib/schemas/dashboard";
import type { TGap, TMeasure } from "@/lib/schemas/extraction";
import type { Db } from "../client";
import { measureColumn, polarityColumn, qualifierColumn, verdictColumn } from "../columns";
import { readableFigures } from "../rows";

export interface CompareInput {
  indicator: string;
  measure: TMeasure;
  codes: string[];
  /** Also read each jurisdiction's superior's targets (a province's superior is the State Council). */
  superior?: boolean;
}

/**
 * The stored names that stand for an indicator: every name the lexicon resolves to the same canonical indicator
 * (`国内生产总值`, `经济增长` → `地区生产总值`); a name the lexicon does not know stands for itself only.
 */
export async function storedNamesOf(
  db: Db,
  indicator: string,
  measure: TMeasure,
): Promise<{ canonical: string; names: string[] }> {
  const entry = lexiconEntry(indicator);
  if (!entry) return { canonical: indicator, names: [indicator] };
  const rows = await db.indicatorTally.findMany({ where: { measure }, select: { indicatorName: true } });
  const names = new Set([entry.name]);
  for (const row of rows) if (lexiconEntry(row.indicatorName) === entry) names.add(row.indicatorName);
  return { canonical: entry.name, names: [...names] };
}

/** The gap of verdicts.md for a judged point, computed by the engine as for every stored match. */
function pointGap(
  target: {
    qualifier: string;
    value: number | null;
    min: number | null;
    max: number | null;
    unit: string | null;
    text: string;
    polarity: string;
  },
  measure: TMeasure,
  indicator: string,
  verdict: string | null,
  outcome: { value: number | null; unit: string | null; estimated: boolean; text: string } | null,
): TGap | null {
  if (!outcome || (verdict !== "met" && verdict !== "missed")) return null;
  const where = { start: 0, end: 0 };
  return gapOf(
    {
      indicator,
      measure,
      qualifier: qualifierColumn(target.qualifier),
      value: target.value,
      min: target.min,
      max: target.max,
      unit: target.unit,
      polarity: polarityColumn(target.polarity),
      headline: false,
      text: target.text,
      ...where,
    },
    {
      indicator,
      measure,
      value: outcome.value,
      unit: outcome.unit,
      polarity: "higher_better",
      estimated: outcome.estimated,
      year: null,
      text: outcome.text,
      ...where,
    },
  );
}

/** Each jurisdiction's points of one indicator by plan year, and the unit most of its targets state. */
async function readSeries(
  db: Db,
  codes: string[],
  indicator: string,
  indicatorNames: string[],
  measure: TMeasure,
): Promise<{ series: TComparison["series"]; units: Map<string, number>; polarities: Map<string, number> }> {
  const [jurisdictions, targetRows, plans, outcomeRows] = await Promise.all([
    db.jurisdiction.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }),
    db.target.findMany({
      where: { jurisdictionCode: { in: codes }, indicatorName: { in: indicatorNames }, measure },
      select: {
        id: true,
        reportId: true,
        jurisdictionCode: true,
        planYear: true,
        qualifier: true,
        value: true,
        min: true,
        max: true,
        unit: true,
        text: true,
        polarity: true,
        match: {
          select: {
            verdict: true,
            notATarget: true,
            outcome: {
              select: { id: true, reportId: true, value: true, unit: true, estimated: true, text: true },
            },
          },
        },
      },
      // The headline statement of a year comes first, then the plan's order.
      orderBy: [{ jurisdictionCode: "asc" }, { planYear: "asc" }, { headline: "desc" }, { position: "asc" }],
    }),
    db.report.findMany({
      where: { jurisdictionCode: { in: codes }, kind: "work_report", planYear: { not: null } },
      select: { jurisdictionCode: true, planYear: true },
      distinct: ["jurisdictionCode", "planYear"],
    }),
    db.outcome.findMany({
      where: {
        jurisdictionCode: { in: codes },
        indicatorName: { in: indicatorNames },
        measure,
        manual: false,
        // A period figure is no year's value (verdicts.md "Periods are not years").
        periodStart: null,
        matches: { none: {} },
      },
      select: {
        id: true,
        reportId: true,
        jurisdictionCode: true,
        year: true,
        value: true,
        unit: true,
        estimated: true,
        text: true,
      },
      orderBy: [{ year: "asc" }, { position: "asc" }],
    }),
  ]);

  const targets = targetRows.map((row) => ({
    ...readableFigures(row),
    match: row.match && { ...row.match, outcome: row.match.outcome && readableFigures(row.match.outcome) },
  }));
  const outcomes = outcomeRows.map(readableFigures);
  const names = new Map(jurisdictions.map((j) => [j.code, j.name]));
  const units = new Map<string, number>();
  const polarities = new Map<string, number>();
  const series = codes
    .filter((code) => names.has(code))
    .map((code) => {
      const points = new Map<number, TComparePoint>();
      for (const plan of plans) {
        if (plan.jurisdictionCode !== code || plan.planYear === null) continue;
        points.set(plan.planYear, { year: plan.planYear, status: "absent", target: null, actual: null, verdict: null });
      }
      for (const target of targets) {
        if (target.jurisdictionCode !== code || target.match?.notATarget) continue;
        const existing = points.get(target.planYear);
        if (existing?.target) continue; // the year's first statement stands
        if (target.unit) units.set(target.unit, (units.get(target.unit) ?? 0) + 1);
        polarities.set(target.polarity, (polarities.get(target.polarity) ?? 0) + 1);
        const outcome = target.match?.outcome ?? null;
        points.set(target.planYear, {
          year: target.planYear,
          status: "target",
          target: {
            id: target.id,
            reportId: target.reportId,
            qualifier: qualifierColumn(target.qualifier),
            value: target.value,
            min: target.min,
            max: target.max,
            unit: target.unit,
            text: target.text,
          },
          actual: outcome && { ...outcome, matched: true },
          verdict: target.match?.verdict == null ? "no_outcome" : verdictColumn(target.match?.verdict),
          gap: pointGap(target, measure, indicator, target.match?.verdict ?? null, outcome),
        });
      }
      for (const outcome of outcomes) {
        if (outcome.jurisdictionCode !== code) continue;
        const existing = points.get(outcome.year);
        if (existing?.actual || existing?.target) continue;
        const { jurisdictionCode: _code, year, ...rest } = outcome;
        points.set(year, {
          year,
          status: existing?.status ?? "no_report",
          target: null,
          actual: { ...rest, matched: false },
          verdict: null,
        });
      }
      return { code, name: names.get(code) ?? code, points: [...points.values()].sort((a, b) => a.year - b.year) };
    });
  return { series, units, polarities };
}

const mostFrequent = (counts: Map<string, number>) => [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

export async function getComparison(db: Db, input: CompareInput): Promise<TComparison> {
  const { measure, codes } = input;
  const { canonical: indicator, names } = await storedNamesOf(db, input.indicator, measure);
  const { series, units, polarities } = await readSeries(db, codes, indicator, names, measure);
  const entry = lexiconEntry(indicator);
  const polarity = entry?.polarity ?? polarityColumn(mostFrequent(polarities) ?? "higher_better");
  const superiors: TComparison["superiors"] = [];
  if (input.superior) {
    const parents = await db.jurisdiction.findMany({
      where: { code: { in: codes } },
      select: { code: true, parentCode: true },
    });
    const of = new Map<string, string[]>();
    for (const { code, parentCode } of parents) {
      // A superior already compared is drawn as itself.
      if (parentCode && !codes.includes(parentCode)) of.set(parentCode, [...(of.get(parentCode) ?? []), code]);
    }
    if (of.size > 0) {
      const read = await readSeries(db, [...of.keys()], indicator, names, measure);
      for (const s of read.series) {
        // Only a superior that set such a target is drawn: its years without one are no line.
        const points = s.points.filter((p) => p.target);
        if (points.length > 0) superiors.push({ ...s, points, of: of.get(s.code) ?? [] });
      }
    }
  }
  return { indicator, measure, unit: mostFrequent(units), series, polarity, superiors };
}

/**
 * The compare screen's choices: the lexicon's indicators with targets, per measure, most frequent first. Stored
 * names are counted under the canonical indicator they resolve to; names the lexicon does not know (fragments
 * such as `我国有` among them) are no choice.
 */
export async function listIndicatorOptions(db: Db): Promise<TIndicatorOption[]> {
  const options = new Map<string, TIndicatorOption>();
  for (const row of await listIndicatorTallies(db)) {
    const entry = lexiconEntry(row.indicator);
    if (!entry) continue;
    const key = `${entry.name}\u0000${row.measure}`;
    const option = options.get(key) ?? {
      indicator: entry.name,
      measure: row.measure,
      count: 0,
      synonyms: entry.synonyms,
      english: englishIndicatorName(entry.name),
    };
    option.count += row.count;
    options.set(key, option);
  }
  return [...options.values()].sort(
    (a, b) =>
      b.count - a.count || a.indicator.localeCompare(b.indicator, "zh-CN") || a.measure.localeCompare(b.measure),
  );
}

/** Stored indicator names with targets as the reader wrote them, per measure, most frequent first. */
export async function listIndicatorTallies(
  db: Db,
  limit?: number,
): Promise<{ indicator: string; measure: TMeasure; count: number }[]> {
  const rows = await db.indicatorTally.findMany({
    where: { measure: { not: "qualitative" }, targets: { gt: 0 } },
    orderBy: [{ targets: "desc" }, { indicatorName: "asc" }, { measure: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({ indicator: row.indicatorName, measure: measureColumn(row.measure), count: row.targets }));
}

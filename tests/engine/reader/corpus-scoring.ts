/**
 * Scoring a corpus of reports (a researcher's CSV, one report a row) against hand labels of its headline targets and
 * review outcomes (tests/labels/types.ts `CorpusReportLabels`). Pure functions over the reader's report shape.
 *
 * - A target label's snippet is looked up from the start of the headline list: the first headline target the
 *   reader found, else the plan section's start (falling back to the plan section's start, then the text's start,
 *   when the snippet does not occur after that anchor). An outcome label's snippet is looked up from the start of
 *   the text. The first occurrence is the labelled clause.
 * - A label takes an extracted item of the same measure whose [start, end) overlaps the snippet, preferring one
 *   with the labelled figure; each item serves one label (labels are paired in order).
 * - A found target is right when its qualifier, value, min, max and unit are the labelled ones; a found outcome when
 *   its value and unit are.
 */
import type { TMeasure, TOutcome, TSection, TTarget } from "@/lib/schemas/extraction";
import type { CorpusReportLabels, OutcomeLabel, TargetLabel } from "@/tests/labels/types";

/** What scoring reads of a report (a subset of the reader's ReadReport). */
export interface ScoredReport {
  code: string | null;
  text: string;
  sections: Pick<TSection, "kind" | "start" | "end">[];
  targets: TTarget[];
  outcomes: TOutcome[];
}

export interface Span {
  start: number;
  end: number;
}

/** The span of `snippet`'s first occurrence at or after `from`, or null. */
export function locate(text: string, snippet: string, from = 0): Span | null {
  const start = text.indexOf(snippet, from);
  return start < 0 ? null : { start, end: start + snippet.length };
}

function planStart(report: ScoredReport): number | null {
  const plan = report.sections.find((s) => s.kind === "plan");
  return plan ? plan.start : null;
}

/** Where the headline list starts: the first headline target found, else the plan section, else the text's start. */
export function headlineAnchor(report: ScoredReport): number {
  const headline = report.targets.filter((t) => t.headline).map((t) => t.start);
  if (headline.length > 0) return Math.min(...headline);
  return planStart(report) ?? 0;
}

/** A target label's clause: from the headline anchor, else from the plan section's start, else anywhere. */
export function locateTarget(report: ScoredReport, snippet: string): Span | null {
  const anchors = [headlineAnchor(report), planStart(report) ?? 0, 0];
  for (const from of anchors) {
    const at = locate(report.text, snippet, from);
    if (at) return at;
  }
  return null;
}

export function locateOutcome(report: ScoredReport, snippet: string): Span | null {
  return locate(report.text, snippet, 0);
}

export function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) < 1e-9;
}

interface Figure {
  measure: TMeasure;
  value: number | null;
  min?: number | null;
  max?: number | null;
}

function sameFigure(label: Figure, item: Figure): boolean {
  return sameNumber(label.value, item.value) && sameNumber(label.min, item.min) && sameNumber(label.max, item.max);
}

export interface Paired<L, E> {
  label: L;
  item: E;
}

export interface Pairing<L, E> {
  matches: Paired<L, E>[];
  missed: L[];
  /** Extracted items no label took. */
  unmatched: E[];
}

/**
 * Pair labels with extracted items: same measure, evidence overlapping the label's located snippet, preferring the
 * labelled figure; one item per label, in label order.
 */
export function pairByOverlap<L extends Figure & { find: string }, E extends Figure & Span>(
  labels: L[],
  extracted: E[],
  at: (label: L) => Span | null,
): Pairing<L, E> {
  const taken = new Set<E>();
  const matches: Paired<L, E>[] = [];
  const missed: L[] = [];
  for (const label of labels) {
    const span = at(label);
    const candidates = span
      ? extracted.filter(
          (e) => !taken.has(e) && e.measure === label.measure && e.start < span.end && span.start < e.end,
        )
      : [];
    const item = candidates.find((e) => sameFigure(label, e)) ?? candidates[0];
    if (!item) {
      missed.push(label);
      continue;
    }
    taken.add(item);
    matches.push({ label, item });
  }
  return { matches, missed, unmatched: extracted.filter((e) => !taken.has(e)) };
}

/** A found target reads as labelled: qualifier, figures and unit. */
export function targetAgrees(label: TargetLabel, target: TTarget): boolean {
  return label.qualifier === target.qualifier && sameFigure(label, target) && label.unit === target.unit;
}

/** A found outcome reads as labelled: value and unit. */
export function outcomeAgrees(label: OutcomeLabel, outcome: TOutcome): boolean {
  return sameNumber(label.value, outcome.value) && label.unit === outcome.unit;
}

export const GDP = "地区生产总值";

/** The labelled GDP growth target of a headline list (`经济增长…` is labelled 地区生产总值 too). */
export function gdpLabel(labels: CorpusReportLabels): TargetLabel | undefined {
  return labels.headline.find((l) => l.indicator === GDP && l.measure === "growth");
}

export interface ReportScore {
  source: string;
  code: string;
  /** The reader's code, or null when it read no report (or gave none). */
  codeRead: string | null;
  codeRight: boolean;
  gdpRight: boolean;
  headline: {
    labelled: number;
    found: number;
    right: number;
    /** Targets the reader flagged headline. */
    extracted: number;
    missed: string[];
    /** `find → what was read` for found targets read otherwise. */
    wrong: string[];
  };
  outcomes: { labelled: number; found: number; right: number; missed: string[]; wrong: string[] };
}

function describeTarget(t: TTarget): string {
  const figure = t.qualifier === "range" ? `${t.min}–${t.max}` : `${t.value}`;
  return `${t.indicator} ${t.qualifier} ${figure}${t.unit ?? ""}`;
}

/** Score one report against its labels; `report` is null when the reader gave none for the row. */
export function scoreReport(report: ScoredReport | null, labels: CorpusReportLabels): ReportScore {
  const headlineTargets = report ? report.targets.filter((t) => t.headline) : [];
  const targets = report
    ? pairByOverlap(labels.headline, headlineTargets, (l) => locateTarget(report, l.find))
    : { matches: [], missed: labels.headline, unmatched: [] };
  const outcomes = report
    ? pairByOverlap(labels.outcomes, report.outcomes, (l) => locateOutcome(report, l.find))
    : { matches: [], missed: labels.outcomes, unmatched: [] };
  const gdp = gdpLabel(labels);
  const gdpMatch = gdp ? targets.matches.find((m) => m.label === gdp) : undefined;
  const wrongTargets = targets.matches.filter((m) => !targetAgrees(m.label, m.item));
  const wrongOutcomes = outcomes.matches.filter((m) => !outcomeAgrees(m.label, m.item));
  return {
    source: labels.source,
    code: labels.code,
    codeRead: report?.code ?? null,
    codeRight: report?.code === labels.code,
    gdpRight: gdpMatch !== undefined && gdpMatch.item.indicator === GDP && targetAgrees(gdpMatch.label, gdpMatch.item),
    headline: {
      labelled: labels.headline.length,
      found: targets.matches.length,
      right: targets.matches.length - wrongTargets.length,
      extracted: headlineTargets.length,
      missed: targets.missed.map((l) => l.find),
      wrong: wrongTargets.map((m) => `${m.label.find} → ${describeTarget(m.item)}`),
    },
    outcomes: {
      labelled: labels.outcomes.length,
      found: outcomes.matches.length,
      right: outcomes.matches.length - wrongOutcomes.length,
      missed: outcomes.missed.map((l) => l.find),
      wrong: wrongOutcomes.map((m) => `${m.label.find} → ${m.item.value}${m.item.unit ?? ""}`),
    },
  };
}

export interface CorpusScore {
  reports: number;
  codesRight: number;
  gdpRight: number;
  headlineRecall: number;
  /** Right figure, unit and qualifier among the found headline targets. */
  headlineValueAccuracy: number;
  /** Labelled items among the targets flagged headline. */
  headlinePrecision: number;
  outcomeRecall: number;
  outcomeValueAccuracy: number;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function sum(scores: ReportScore[], pick: (s: ReportScore) => number): number {
  return scores.reduce((total, s) => total + pick(s), 0);
}

export function summarise(scores: ReportScore[]): CorpusScore {
  const headlineFound = sum(scores, (s) => s.headline.found);
  const outcomesFound = sum(scores, (s) => s.outcomes.found);
  return {
    reports: scores.length,
    codesRight: scores.filter((s) => s.codeRight).length,
    gdpRight: scores.filter((s) => s.gdpRight).length,
    headlineRecall: ratio(
      headlineFound,
      sum(scores, (s) => s.headline.labelled),
    ),
    headlineValueAccuracy: ratio(
      sum(scores, (s) => s.headline.right),
      headlineFound,
    ),
    headlinePrecision: ratio(
      headlineFound,
      sum(scores, (s) => s.headline.extracted),
    ),
    outcomeRecall: ratio(
      outcomesFound,
      sum(scores, (s) => s.outcomes.labelled),
    ),
    outcomeValueAccuracy: ratio(
      sum(scores, (s) => s.outcomes.right),
      outcomesFound,
    ),
  };
}

/** A small table: one line per report, then the totals. */
export function formatScores(scores: ReportScore[], summary: CorpusScore = summarise(scores)): string {
  const lines = ["code    read    gdp  headline found/right/of (extracted)  outcomes found/right/of  source"];
  for (const s of scores) {
    const h = s.headline;
    const o = s.outcomes;
    lines.push(
      [
        s.code,
        (s.codeRead ?? "-").padEnd(6),
        s.gdpRight ? "ok " : "-- ",
        `${h.found}/${h.right}/${h.labelled} (${h.extracted})`.padEnd(34),
        `${o.found}/${o.right}/${o.labelled}`.padEnd(23),
        s.source.replace(/^.*\//, ""),
      ].join("  "),
    );
  }
  const f = (x: number) => x.toFixed(3);
  lines.push(
    `codes ${summary.codesRight}/${summary.reports}, GDP targets ${summary.gdpRight}/${summary.reports}; ` +
      `headline recall ${f(summary.headlineRecall)}, value accuracy ${f(summary.headlineValueAccuracy)}, ` +
      `precision ${f(summary.headlinePrecision)}; outcome recall ${f(summary.outcomeRecall)}, ` +
      `value accuracy ${f(summary.outcomeValueAccuracy)}`,
  );
  return lines.join("\n");
}

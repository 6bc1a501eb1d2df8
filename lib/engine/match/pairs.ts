/**
 * Pairing reports (verdicts.md "Pairing reports"): the targets of jurisdiction J for year Y are judged against the
 * outcomes for Y of J — first the review section of J's work report that reviews Y (usually the report of Y+1),
 * then any other review source of J for Y. Reports are keyed by their GB/T 2260 code; names are for display.
 * Two reports of one kind claiming the same jurisdiction and year are all kept and the conflict is reported.
 * A report whose code or year is unknown (null) takes part in no pair: `unpairedReports` lists it until a user
 * assigns them. Outcomes of a period (`period` set, `year` null) are never matched to a year's target; those whose
 * period includes the plan year are shown beside the pair as context (verdicts.md "Periods are not years").
 */
import type {
  TExtractedDocument,
  TExtractedReport,
  TOutcome,
  TTarget,
  TUnpairedReport,
} from "@/lib/schemas/extraction";
import type { TReason } from "@/lib/schemas/reasons";
import { groupBy } from "./group-by";
import type { JudgedMatch, JudgedPair } from "./judged";
import { type MatchOptions, matchInStages } from "./match-pair";

/** The fields of an extracted report that pairing and matching read. */
export type PairableReport = Pick<
  TExtractedReport,
  "kind" | "jurisdiction" | "code" | "year" | "planYear" | "reviewYear" | "targets" | "outcomes"
>;

/** A report and where it came from: its file and its index among the file's reports. */
export interface ReportInput {
  file: string;
  report: number;
  data: PairableReport;
}

export type AnalyzeOptions = MatchOptions;

/** The reason of every `pending` match: no report or other source reviewing the plan year is imported yet. */
export const NO_REVIEW_REASON: TReason = { code: "no_review" };

/**
 * The match of a target whose plan year has no review yet: `pending`, not `no_outcome` (verdicts.md "Verdict
 * values": not counted as a failure anywhere).
 */
export function pendingMatch(target: TTarget): JudgedMatch {
  return {
    target,
    outcome: null,
    confidence: 1,
    verdict: "pending",
    reasons: [NO_REVIEW_REASON],
    ratio: null,
    gap: null,
  };
}

const refOf = (input: ReportInput) => ({ file: input.file, report: input.report });
const refText = (input: ReportInput) => `${input.file}#${input.report}`;

/**
 * The reason of a `no_outcome` when the reviews of the year state only figures of a multi-year period. Qualitative
 * targets stay `needs_review` there (a person judges them; verdicts.md), with this reason added.
 */
export function periodOnlyReason(year: number, periods: TOutcome[]): TReason {
  const spans = new Map(periods.flatMap((o) => (o.period ? [[o.period.join("-"), o.period] as const] : [])));
  return { code: "period_only", year, periods: [...spans.values()].map(([first, last]) => [first, last]) };
}

/**
 * Where the reviews of `year` state no figure of the year itself but figures of a period covering it (`periods`), the
 * matches without an outcome say so: `no_outcome` takes `periodOnlyReason` as its reason, a `needs_review` without an
 * outcome adds it. Changes `matches` in place; nothing when `periods` is empty.
 */
export function withPeriodOnlyReason(matches: JudgedMatch[], year: number, periods: TOutcome[]): void {
  if (periods.length === 0) return;
  const reason = periodOnlyReason(year, periods);
  for (const match of matches) {
    if (match.verdict === "no_outcome") match.reasons = [reason];
    else if (match.outcome === null && match.verdict === "needs_review") match.reasons = [...match.reasons, reason];
  }
}

/** A report with a known GB/T code and year: the only kind that pairing can place. */
type IdentifiedReport = ReportInput & { data: PairableReport & { code: string; year: number } };

const isIdentified = (input: ReportInput): input is IdentifiedReport =>
  input.data.code !== null && input.data.year !== null;

/**
 * The reports no pair uses because their jurisdiction or year is unknown (extraction.md §1 item 4: read, with null
 * and a low confidence, for the user to assign at import).
 */
export function unpairedReports(reports: ReportInput[]): TUnpairedReport[] {
  return reports.flatMap((input): TUnpairedReport[] => {
    const missing: TUnpairedReport["missing"] = [];
    if (input.data.code === null) missing.push("jurisdiction");
    if (input.data.year === null) missing.push("year");
    if (missing.length === 0) return [];
    const what = missing.map((m) => (m === "jurisdiction" ? "辖区" : "年份")).join("和");
    const note = `${refText(input)} 未能识别${what},不参与配对;导入时用 --code/--year 指定`;
    return [{ ...refOf(input), missing, note }];
  });
}

/** Every report of the documents, with its file and index. */
export function reportInputs(documents: TExtractedDocument[]): ReportInput[] {
  return documents.flatMap((doc) => doc.reports.map((data, report) => ({ file: doc.file, report, data })));
}

/** The year a report reviews: a work report's review section, or the year a review source reports on. */
function reviewedYear(input: ReportInput): number | null {
  return input.data.kind === "review_source" ? (input.data.reviewYear ?? input.data.year) : input.data.reviewYear;
}

function conflictNotes(
  plan: ReportInput,
  rivalPlans: ReportInput[],
  reviews: ReportInput[],
  reviewSources: ReportInput[],
): string[] {
  const { jurisdiction, code } = plan.data;
  const year = plan.data.planYear;
  const notes: string[] = [];
  if (rivalPlans.length > 0) {
    const all = [plan, ...rivalPlans].map(refText).join("、");
    notes.push(`${jurisdiction}(${code})${year}年的计划见于多份报告:${all};各自成对评判,均保留`);
  }
  if (reviews.length > 1) {
    const [first, ...rest] = reviews.map(refText);
    notes.push(
      `${jurisdiction}(${code})${year}年的回顾见于多份报告:${[first, ...rest].join("、")};` +
        `以 ${first} 为主,${rest.join("、")} 作为补充来源`,
    );
  }
  if (reviewSources.length > 1) {
    const all = reviewSources.map(refText).join("、");
    notes.push(`${jurisdiction}(${code})${year}年的其他回顾来源有多份:${all};均作为补充来源`);
  }
  return notes;
}

/** Judge every target of one plan: the main review first, then the other sources for what it left open. */
function judgeAgainstReviews(
  plan: ReportInput,
  review: ReportInput | null,
  sources: ReportInput[],
  options: AnalyzeOptions,
): Pick<JudgedPair, "matches" | "unmatchedOutcomes"> {
  const year = plan.data.planYear;
  // Only outcomes of the year itself: a period figure (`year` null) never stands for one of its years.
  const outcomesOf = (inputs: ReportInput[]) =>
    inputs.flatMap((input) => input.data.outcomes.filter((outcome) => year !== null && outcome.year === year));
  const targets = plan.data.targets;
  if (!review && sources.length === 0) return { matches: targets.map(pendingMatch), unmatchedOutcomes: [] };
  const all = review ? [review, ...sources] : sources;
  const periods = all.flatMap((input) => input.data.outcomes.filter((outcome) => coversYear(outcome, year)));
  const main = outcomesOf(review ? [review] : []);
  const extra = outcomesOf(sources);
  const { matches, unmatchedOutcomes } = matchInStages(targets, main, extra, options);
  if (year !== null && main.length + extra.length === 0) withPeriodOnlyReason(matches, year, periods);
  return { matches, unmatchedOutcomes: [...unmatchedOutcomes, ...periods] };
}

/** A period figure whose period includes `year`: shown beside the year's targets as context, never matched. */
function coversYear(outcome: TOutcome, year: number | null): boolean {
  if (!outcome.period || year === null) return false;
  const [first, last] = outcome.period;
  return first <= year && year <= last;
}

const isPlan = (input: ReportInput) =>
  input.data.kind === "work_report" && input.data.planYear !== null && input.data.targets.length > 0;

/**
 * Pair every plan with its reviews and judge every target. Plans without targets make no pair, nor do reports whose
 * code or year is unknown (see `unpairedReports`).
 */
export function analyzeReports(reports: ReportInput[], options: AnalyzeOptions): JudgedPair[] {
  const identified = reports.filter(isIdentified);
  const byCode = groupBy(identified, (input) => input.data.code);
  const pairs = identified.filter(isPlan).map((plan): JudgedPair => {
    const { code, jurisdiction, planYear } = plan.data;
    const sameCode = byCode.get(code) ?? [];
    const rivalPlans = sameCode.filter((other) => other !== plan && isPlan(other) && other.data.planYear === planYear);
    const reviewing = sameCode.filter((input) => reviewedYear(input) === planYear);
    const reviews = reviewing.filter((input) => input.data.kind === "work_report");
    const review = reviews[0] ?? null;
    const reviewSources = reviewing.filter((input) => input.data.kind === "review_source");
    const sources = [...reviews.slice(1), ...reviewSources];
    const conflicts = conflictNotes(plan, rivalPlans, reviews, reviewSources);
    return {
      jurisdiction: jurisdiction ?? code,
      code,
      year: planYear ?? plan.data.year,
      plan: refOf(plan),
      review: review ? refOf(review) : null,
      ...(sources.length > 0 ? { reviewSources: sources.map(refOf) } : {}),
      ...judgeAgainstReviews(plan, review, sources, options),
      ...(conflicts.length > 0 ? { conflicts } : {}),
    };
  });
  // Stable: pairs of one jurisdiction and year keep the order of their files.
  return pairs.sort((a, b) => a.code.localeCompare(b.code) || a.year - b.year);
}

/**
 * Pairing reports (verdicts.md "Pairing reports"): the targets of jurisdiction J for year Y are judged against the
 * outcomes for Y of J — first the review section of J's work report that reviews Y (usually the report of Y+1),
 * then any other review source of J for Y. Reports are keyed by their GB/T 2260 code; names are for display.
 * Two reports of one kind claiming the same jurisdiction and year are all kept and the conflict is reported.
 */
import type { TExtractedDocument, TExtractedReport, TMatch, TPair } from "@/lib/schemas/extraction";
import { groupBy } from "./group-by";
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

export const NO_REVIEW_REASON = "未导入回顾该年度的报告";

/** Every report of the documents, with its file and index. */
export function reportInputs(documents: TExtractedDocument[]): ReportInput[] {
  return documents.flatMap((doc) => doc.reports.map((data, report) => ({ file: doc.file, report, data })));
}

const refOf = (input: ReportInput) => ({ file: input.file, report: input.report });
const refText = (input: ReportInput) => `${input.file}#${input.report}`;

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
): Pick<TPair, "matches" | "unmatchedOutcomes"> {
  const year = plan.data.planYear;
  const outcomesOf = (inputs: ReportInput[]) =>
    inputs.flatMap((input) => input.data.outcomes.filter((outcome) => outcome.year === year));
  const targets = plan.data.targets;
  if (!review && sources.length === 0) {
    const matches = targets.map((target): TMatch => {
      return { target, outcome: null, confidence: 1, verdict: "no_outcome", reason: NO_REVIEW_REASON, ratio: null };
    });
    return { matches, unmatchedOutcomes: [] };
  }
  const { matches, unmatchedOutcomes } = matchInStages(
    targets,
    outcomesOf(review ? [review] : []),
    outcomesOf(sources),
    options,
  );
  return { matches, unmatchedOutcomes };
}

const isPlan = (input: ReportInput) =>
  input.data.kind === "work_report" && input.data.planYear !== null && input.data.targets.length > 0;

/** Pair every plan with its reviews and judge every target. Plans without targets make no pair. */
export function analyzeReports(reports: ReportInput[], options: AnalyzeOptions): TPair[] {
  const byCode = groupBy(reports, (input) => input.data.code);
  const pairs = reports.filter(isPlan).map((plan): TPair => {
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
      jurisdiction,
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

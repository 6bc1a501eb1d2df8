/**
 * Hand labels of the corpus, written by reading the reports (not by running the engine). Snippets are short
 * (at most 20 characters) distinctive pieces of a clause as it reads AFTER normalisation (simplified characters,
 * no pinyin annotations, half-width digits and %), used to locate the clause; whole passages are never copied.
 */
import type { TMeasure, TPolarity, TQualifier, TVerdict } from "@/lib/schemas/extraction";

/** How a seed file's reports must be identified. */
export interface ReportIdentityLabel {
  /** File name under ../shared/corpus/seeds/. */
  file: string;
  kind: "work_report" | "review_source";
  code: string;
  jurisdiction: string;
  year: number;
  planYear: number | null;
  reviewYear: number | null;
}

export interface TargetLabel {
  /** Short snippet inside the target's clause, unique within the plan section. */
  find: string;
  indicator: string;
  measure: TMeasure;
  qualifier: TQualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  polarity: TPolarity;
  headline: boolean;
}

/** Every target of one plan section, complete, so recall and precision can both be measured. */
export interface PlanLabels {
  /** Corpus path relative to ../shared/corpus/, e.g. "seeds/001_afcc151cafc2b4a6.txt" or "national/…jsonl". */
  source: string;
  code: string;
  planYear: number;
  targets: TargetLabel[];
  /** Snippets of clauses in the plan that must yield no target (names with numbers, portfolios, dates…). */
  notTargets: string[];
}

export interface OutcomeLabel {
  find: string;
  indicator: string;
  measure: TMeasure;
  value: number | null;
  unit: string | null;
  estimated: boolean;
}

/** The judged pair: for each target of the plan, the outcome it should take (or none) and the verdict. */
export interface PairItemLabel {
  /** `find` of the target in the plan labels. */
  target: string;
  /** Snippet of the outcome's clause in the review, or null when the review states none. */
  outcome: string | null;
  verdict: TVerdict;
}

/**
 * One report of a researcher's corpus (a CSV or XLSX row): its identity, every item of its 主要预期目标 list, and the
 * review's figures for the year before (the headline results a reader checks first).
 */
export interface CorpusReportLabels {
  /** Corpus path relative to ../shared/corpus/, e.g. "provinces-2026/2026_山东省_政府工作报告.csv". */
  source: string;
  code: string;
  jurisdiction: string;
  planYear: number;
  reviewYear: number;
  /** Every item of the headline list, in order (numeric and qualitative), `headline: true`. */
  headline: TargetLabel[];
  /** Figures the review reports for `reviewYear`. */
  outcomes: OutcomeLabel[];
}

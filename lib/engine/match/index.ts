/**
 * The matcher: pairs each plan with its reviews, matches targets to outcomes and judges them (verdicts.md).
 * `analyzeReports` runs the whole corpus; `matchPair` and `judge` re-run one jurisdiction and year, or one target.
 */
export { type Edge, maxWeightAssignment } from "./assignment";
export { type JudgedMatch, type JudgedPair, printedMatch, printedPair } from "./judged";
export { type MatchOptions, matchInStages, matchPair, type PairMatching } from "./match-pair";
export {
  type AnalyzeOptions,
  analyzeReports,
  NO_REVIEW_REASON,
  type PairableReport,
  pendingMatch,
  periodOnlyReason,
  type ReportInput,
  reportInputs,
  unpairedReports,
  withPeriodOnlyReason,
} from "./pairs";
export { MIN_SIMILARITY } from "./score";
export { convertValue, parseUnit, type UnitRelation, unitRelation } from "./units";
export {
  decisiveValue,
  gapOf,
  isPointUnit,
  type Judgement,
  type JudgeOptions,
  judge,
  judgeManualLink,
  type ManualLinkJudgement,
  type ManualLinkOptions,
  NO_OUTCOME_REASON,
  QUALITATIVE_REASON,
} from "./verdict";

/** Stored with every engine-made match, so that a better engine's changes can be told apart from manual edits. */
export const ENGINE_VERSION = "luoshi-match/1.0.0";

/**
 * Re-running the matcher for one jurisdiction and plan year, inside the caller's transaction. Engine-made matches are
 * rebuilt; manual ones are never changed, but when the engine's own decision for them changes, they are flagged
 * for review (verdicts.md, "Manual edits always win"). The year's review-queue counts are recounted at the end.
 */
import {
  ENGINE_VERSION,
  type JudgedMatch,
  matchInStages,
  pendingMatch,
  withPeriodOnlyReason,
} from "@/lib/engine/match";
import type { TOutcome, TTarget } from "@/lib/schemas/extraction";
import { insertRows, timestamp, updateRows } from "./bulk-write";
import type { Tx } from "./client";
import { storedReasons } from "./columns";
import type { Provider } from "./providers";
import { outcomeFromRow, targetFromRow } from "./rows";
import { refreshSourceConflicts } from "./sources";
import { lockYears, StaleReadError } from "./transaction";
import { refreshYearTally } from "./year-tally";

export interface RematchOptions {
  /** Tolerance for `about` targets (verdicts.md); 0 by default. */
  tolerance: number;
}

function loadTargets(tx: Tx, code: string, year: number) {
  return tx.target.findMany({
    where: { jurisdictionCode: code, planYear: year, report: { kind: "work_report" } },
    include: { match: true },
    orderBy: [{ reportId: "asc" }, { position: "asc" }],
  });
}

/**
 * Outcomes for the year: the work reports' reviews first, then other review sources (verdicts.md, "Pairing"). Period
 * figures are never among them (verdicts.md "Periods are not years"); see `loadPeriodOutcomes`.
 */
async function loadOutcomes(tx: Tx, code: string, year: number) {
  const outcomes = await tx.outcome.findMany({
    where: { jurisdictionCode: code, year, manual: false, periodStart: null },
    include: { report: { select: { kind: true } } },
    orderBy: [{ reportId: "asc" }, { position: "asc" }],
  });
  const isMain = (outcome: (typeof outcomes)[number]) => outcome.report?.kind === "work_report";
  return { main: outcomes.filter(isMain), sources: outcomes.filter((outcome) => !isMain(outcome)) };
}

/** The period figures of reviews whose period includes the year: never matched, they only give a reason. */
export function periodFiguresWhere(code: string, year: number) {
  return { jurisdictionCode: code, manual: false, periodStart: { lte: year }, periodEnd: { gte: year } };
}

/** A number that can be stored (never Infinity or NaN). */
const finiteOr = (value: number | null, fallback: number | null) =>
  value !== null && Number.isFinite(value) ? value : fallback;

type OutcomeRow = Awaited<ReturnType<typeof loadOutcomes>>["main"][number];
interface StoredOutcomes {
  main: OutcomeRow[];
  sources: OutcomeRow[];
}

export interface RematchSummary {
  matches: number;
  flagged: number;
}

/**
 * Decide every target of `code`'s plan for `year` again from the outcomes now stored for that year. Run it in a
 * `writeTransaction`: it holds the year's lock from here to the transaction's end, and a row another writer changed
 * since it was read makes the transaction start over (StaleReadError) rather than be overwritten.
 */
export async function rematchYear(
  tx: Tx,
  provider: Provider,
  code: string,
  year: number,
  options: RematchOptions,
): Promise<RematchSummary> {
  await lockYears(tx, provider, [{ code, year }]);
  const summary = await rejudge(tx, provider, code, year, options);
  await refreshYearTally(tx, code, year);
  return summary;
}

async function rejudge(
  tx: Tx,
  provider: Provider,
  code: string,
  year: number,
  options: RematchOptions,
): Promise<RematchSummary> {
  const outcomes = await loadOutcomes(tx, code, year);
  // Every source's figure is kept; where a later source states one differently, it is marked (lib/db/sources.ts).
  await refreshSourceConflicts(tx, [...outcomes.main, ...outcomes.sources]);
  const targets = await loadTargets(tx, code, year);
  if (targets.length === 0) return { matches: 0, flagged: 0 };
  const reviewed = (await tx.report.count({ where: { jurisdictionCode: code, reviewYear: year } })) > 0;
  // A review that states only figures of a period covering the year: its targets' reason says so.
  const periods =
    outcomes.main.length + outcomes.sources.length === 0
      ? (
          await tx.outcome.findMany({
            where: periodFiguresWhere(code, year),
            orderBy: [{ reportId: "asc" }, { position: "asc" }],
          })
        ).map(outcomeFromRow)
      : [];
  const judged = { reviewed, periods, year };

  // What the engine decides for every target, given every outcome the reviews hold.
  const engine = decide(targets.map(targetFromRow), outcomes, judged, options);
  // Manual matches keep their outcomes; the engine's matches are made from the rest.
  const manualOutcomeIds = new Set(
    targets.flatMap((t) => (t.match?.manual && t.match.outcomeId ? [t.match.outcomeId] : [])),
  );
  const free = (rows: OutcomeRow[]) => rows.filter((row) => !manualOutcomeIds.has(row.id));
  const engineTargets = targets.filter((t) => !t.match?.manual);
  const stored = decide(
    engineTargets.map(targetFromRow),
    { main: free(outcomes.main), sources: free(outcomes.sources) },
    judged,
    options,
  );

  let flagged = 0;
  for (const [index, target] of targets.entries()) {
    const decision = engine[index] as Decision;
    if (!target.match?.manual) continue;
    const changed =
      target.match.engineOutcomeId !== decision.outcomeId || target.match.engineVerdict !== decision.match.verdict;
    if (!changed) continue;
    flagged += 1;
    const { count } = await tx.match.updateMany({
      where: { id: target.match.id, version: target.match.version },
      data: { flagged: true, engineOutcomeId: decision.outcomeId, engineVerdict: decision.match.verdict },
    });
    if (count === 0) throw new StaleReadError(`the manual match of target ${target.id}`);
  }
  // New and changed matches in one statement each: an import judges (or re-judges) a whole plan at once.
  const updatedAt = timestamp();
  const created: Parameters<typeof insertRows>[3] = [];
  const changed: Parameters<typeof updateRows>[3] = [];
  for (const [index, target] of engineTargets.entries()) {
    const { match, outcomeId } = stored[index] as Decision;
    const reason = storedReasons(match.reasons);
    const data = {
      outcomeId,
      confidence: finiteOr(match.confidence, 0) as number,
      verdict: match.verdict,
      reason,
      ratio: finiteOr(match.ratio, null),
      engineVersion: ENGINE_VERSION,
      tolerance: options.tolerance,
      engineOutcomeId: outcomeId,
      engineVerdict: match.verdict,
    };
    const current = target.match;
    if (!current) {
      const defaults = { manual: false, notATarget: false, flagged: false, version: 1, updatedAt };
      created.push({ targetId: target.id, ...data, ...defaults });
    } else if (
      current.outcomeId !== outcomeId ||
      current.verdict !== match.verdict ||
      current.reason !== reason ||
      current.tolerance !== options.tolerance
    ) {
      changed.push({ id: current.id, ...data, updatedAt, version: current.version });
    }
  }
  await insertRows(tx, provider, "Match", created);
  // Only rows still as read, and never a manual one: an analyst's edit is not overwritten by the engine.
  const updated = await updateRows(tx, provider, "Match", changed, {
    pgTypes: MATCH_PG_TYPES,
    incrementVersion: true,
    unchanged: ["version"],
    where: `"Match"."manual" = false`,
  });
  if (updated !== changed.length) throw new StaleReadError(`a match of ${code} ${year}`);
  return { matches: targets.length, flagged };
}

/** PostgreSQL types of the columns a re-judgement sets (prisma/migrations/postgresql). */
const MATCH_PG_TYPES = {
  outcomeId: "text",
  confidence: "double precision",
  verdict: "text",
  reason: "text",
  ratio: "double precision",
  engineVersion: "text",
  tolerance: "double precision",
  engineOutcomeId: "text",
  engineVerdict: "text",
  updatedAt: "timestamp(3)",
  version: "integer",
};

interface Decision {
  match: JudgedMatch;
  outcomeId: string | null;
}

/** What the decision of a year knows besides its outcomes: whether a report reviews it, and the period figures. */
interface YearContext {
  year: number;
  reviewed: boolean;
  /** Period figures covering the year, when no review states a figure of the year itself. */
  periods: TOutcome[];
}

function decide(
  targets: TTarget[],
  outcomes: StoredOutcomes,
  context: YearContext,
  options: RematchOptions,
): Decision[] {
  const { main, sources } = outcomes;
  const { reviewed } = context;
  const { matches, outcomeIndices } = matchInStages(
    targets,
    main.map(outcomeFromRow),
    sources.map(outcomeFromRow),
    options,
  );
  withPeriodOnlyReason(matches, context.year, context.periods);
  const rows = [...main, ...sources];
  return matches.map((match, index) => {
    const outcomeIndex = outcomeIndices[index];
    const outcomeId = outcomeIndex === null || outcomeIndex === undefined ? null : (rows[outcomeIndex]?.id ?? null);
    // No report reviews the year yet: `pending`, never `no_outcome` (verdicts.md "Verdict values").
    const noReview = !reviewed && outcomeId === null;
    return { match: noReview ? pendingMatch(match.target) : match, outcomeId };
  });
}

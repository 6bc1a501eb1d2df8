/**
 * The review queue: judgements a person should look at, filtered and paginated in the database.
 *
 * - `needs_review`: the engine could not judge (incompatible units, qualitative targets…);
 * - `low_confidence`: the engine matched an outcome but is less sure than LOW_CONFIDENCE;
 * - `flagged`: an analyst's edit that the engine would now decide differently;
 * - `unmatched_target`: no outcome, although a report reviewing that year is imported;
 * - `unmatched_outcome`: a review figure no target claimed, for a year whose plan is imported.
 *
 * Analysts' own decisions (manual matches) leave the queue unless flagged; targets marked "not a target" too.
 */
import { sentenceAround } from "@/lib/charts/evidence";
import { indicatorSimilarity } from "@/lib/engine/indicators";
import { NO_REVIEW_REASON } from "@/lib/engine/match";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import {
  LOW_CONFIDENCE,
  REVIEW_REASONS,
  type TCandidate,
  type TEditHistory,
  type TReviewFilters,
  type TReviewItem,
  type TReviewOutcome,
  type TReviewPage,
  type TReviewReason,
  type TTargetChoice,
} from "@/lib/schemas/dashboard";
import type { TMeasure } from "@/lib/schemas/extraction";
import type { Db } from "../client";
import { storedMatchOf, targetCoreOf } from "../rows";
import { IN_QUEUE, QUEUE_CONDITIONS } from "../year-tally";

export const REVIEW_PAGE_SIZE = 20;

export interface ReviewFilter {
  code?: string;
  year?: number;
  reason?: TReviewReason;
  page?: number;
  pageSize?: number;
}

interface YearPair {
  code: string;
  year: number;
}

/** YearTally's column for each reason; `targetItems` counts the matches with any reason once. */
type TallyColumn = "targetItems" | "needsReview" | "lowConfidence" | "flagged" | "unmatchedTarget" | "unmatchedOutcome";
const TALLY_COLUMNS: Record<TReviewReason, TallyColumn> = {
  needs_review: "needsReview",
  low_confidence: "lowConfidence",
  flagged: "flagged",
  unmatched_target: "unmatchedTarget",
  unmatched_outcome: "unmatchedOutcome",
};

function tallyFilter(filter: ReviewFilter): Prisma.Sql {
  return Prisma.sql`${filter.code === undefined ? Prisma.empty : Prisma.sql`AND "jurisdictionCode" = ${filter.code}`}
    ${filter.year === undefined ? Prisma.empty : Prisma.sql`AND "year" = ${filter.year}`}`;
}

/** The queue's counts for the filter, summed from the per-year tallies. */
async function countItems(db: Db, filter: ReviewFilter): Promise<Record<TallyColumn, number>> {
  const columns = [...Object.values(TALLY_COLUMNS), "targetItems"] as TallyColumn[];
  const sums = Prisma.join(
    columns.map((column) => Prisma.raw(`CAST(COALESCE(SUM("${column}"), 0) AS INTEGER) AS "${column}"`)),
  );
  const [row] = await db.$queryRaw<Record<TallyColumn, number | bigint>[]>(
    Prisma.sql`SELECT ${sums} FROM "YearTally" WHERE 1 = 1 ${tallyFilter(filter)}`,
  );
  return Object.fromEntries(columns.map((column) => [column, Number(row?.[column] ?? 0)])) as Record<
    TallyColumn,
    number
  >;
}

/**
 * The (jurisdiction, year) pairs, in queue order (latest year first, then jurisdiction), that hold items
 * `offset` to `offset + take` of a tally column, and how many of its items precede the first pair's part of the page.
 * Found from the tallies without reading a single match: the years' totals first, then a running sum over the
 * jurisdictions of the years the page falls in.
 */
async function pairsOfRange(
  db: Db,
  filter: ReviewFilter,
  column: TallyColumn,
  offset: number,
  take: number,
): Promise<{ pairs: YearPair[]; skip: number }> {
  const n = Prisma.raw(`"${column}"`);
  const years = await db.$queryRaw<{ year: number | bigint; items: number | bigint }[]>(Prisma.sql`
    SELECT "year", CAST(SUM(${n}) AS INTEGER) AS items FROM "YearTally"
    WHERE ${n} > 0 ${tallyFilter(filter)} GROUP BY "year" ORDER BY "year" DESC`);
  const pageYears: { year: number; itemsBefore: number }[] = [];
  let itemsBefore = 0;
  for (const row of years) {
    const items = Number(row.items);
    if (itemsBefore < offset + take && itemsBefore + items > offset)
      pageYears.push({ year: Number(row.year), itemsBefore });
    itemsBefore += items;
  }
  const pairs: YearPair[] = [];
  let skip = 0;
  for (const [index, { year, itemsBefore }] of pageYears.entries()) {
    const from = Math.max(0, offset - itemsBefore);
    const rows = await db.$queryRaw<{ code: string; itemsBefore: number | bigint }[]>(Prisma.sql`
      SELECT "jurisdictionCode" AS code, "itemsBefore" FROM (
        SELECT "jurisdictionCode", ${n} AS n,
          SUM(${n}) OVER (ORDER BY "jurisdictionCode" ASC ROWS UNBOUNDED PRECEDING) - ${n} AS "itemsBefore"
        FROM "YearTally"
        WHERE "year" = ${year} AND ${n} > 0 ${filter.code === undefined ? Prisma.empty : Prisma.sql`AND "jurisdictionCode" = ${filter.code}`}
      ) running
      WHERE "itemsBefore" < ${offset + take - itemsBefore} AND "itemsBefore" + n > ${from}
      ORDER BY "jurisdictionCode" ASC`);
    if (index === 0) skip = from - Number(rows[0]?.itemsBefore ?? 0);
    pairs.push(...rows.map((row) => ({ code: row.code, year })));
  }
  return { pairs, skip };
}

/** `(code, year)` is one of `pairs`, for rows of `alias` with the given year column. */
function inPairs(alias: string, yearColumn: string, pairs: YearPair[]): Prisma.Sql {
  const code = Prisma.raw(`${alias}."jurisdictionCode"`);
  const year = Prisma.raw(`${alias}."${yearColumn}"`);
  return Prisma.sql`(${Prisma.join(
    pairs.map((pair) => Prisma.sql`(${code} = ${pair.code} AND ${year} = ${pair.year})`),
    " OR ",
  )})`;
}

/**
 * The queue's matches for `reason` (any when none) within the given year pairs, in queue order. The plan's targets
 * are found first by their (jurisdiction, year) index, then their matches (a join order written out, which planners
 * would otherwise pick from the matches' verdict or outcome indexes across the whole table).
 */
async function pageOfMatches(db: Db, pairs: YearPair[], reason: TReviewReason | undefined, skip: number, take: number) {
  if (pairs.length === 0 || reason === "unmatched_outcome") return [];
  const condition = reason ? QUEUE_CONDITIONS[reason] : IN_QUEUE;
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT m."id" FROM "Target" t CROSS JOIN "Match" m
    WHERE ${inPairs("t", "planYear", pairs)} AND m."targetId" = t."id" AND m."notATarget" = ${false} AND ${condition}
    ORDER BY t."planYear" DESC, t."jurisdictionCode" ASC, t."reportId" ASC, t."position" ASC
    LIMIT ${take} OFFSET ${skip}`);
  const matches = await db.match.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    include: { target: true, outcome: true },
  });
  const byId = new Map(matches.map((match) => [match.id, match]));
  return rows.flatMap((row) => byId.get(row.id) ?? []);
}

/** Review figures no target claimed, for a year whose plan is imported, within the given year pairs. */
async function pageOfUnmatchedOutcomes(db: Db, pairs: YearPair[], skip: number, take: number) {
  if (pairs.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT o."id" FROM "Outcome" o
      WHERE o."manual" = ${false} AND ${inPairs("o", "year", pairs)}
        AND NOT EXISTS (SELECT 1 FROM "Match" m WHERE m."outcomeId" = o."id")
      ORDER BY o."year" DESC, o."jurisdictionCode" ASC, o."reportId" ASC, o."position" ASC
      LIMIT ${take} OFFSET ${skip}`,
  );
  const outcomes = await db.outcome.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  return rows.flatMap((row) => byId.get(row.id) ?? []);
}

function reasonsOf(match: {
  verdict: string;
  reason: string;
  manual: boolean;
  outcomeId: string | null;
  confidence: number;
  flagged: boolean;
}): TReviewReason[] {
  const reasons: TReviewReason[] = [];
  if (match.flagged) reasons.push("flagged");
  if (!match.manual && match.verdict === "needs_review") reasons.push("needs_review");
  if (!match.manual && match.outcomeId && match.confidence < LOW_CONFIDENCE) reasons.push("low_confidence");
  if (!match.manual && !match.outcomeId && match.verdict === "no_outcome" && match.reason !== NO_REVIEW_REASON)
    reasons.push("unmatched_target");
  return reasons;
}

/** One page of the queue: matches first (latest year first, then jurisdiction and plan order), then unclaimed outcomes. */
export async function getReviewPage(db: Db, filter: ReviewFilter): Promise<TReviewPage> {
  const pageSize = filter.pageSize ?? REVIEW_PAGE_SIZE;
  const page = Math.max(1, filter.page ?? 1);
  const tally = await countItems(db, filter);
  // Counts per reason for the filter (each item counted under every reason it has).
  const counts = Object.fromEntries(REVIEW_REASONS.map((reason) => [reason, tally[TALLY_COLUMNS[reason]]])) as Record<
    TReviewReason,
    number
  >;

  const matchColumn: TallyColumn | null =
    filter.reason === undefined
      ? "targetItems"
      : filter.reason === "unmatched_outcome"
        ? null
        : TALLY_COLUMNS[filter.reason];
  const wantsOutcomes = filter.reason === undefined || filter.reason === "unmatched_outcome";
  const matchTotal = matchColumn ? tally[matchColumn] : 0;
  const outcomeTotal = wantsOutcomes ? counts.unmatched_outcome : 0;
  const offset = (page - 1) * pageSize;
  const matchTake = Math.max(0, Math.min(pageSize, matchTotal - offset));
  const outcomeSkip = Math.max(0, offset - matchTotal);
  const outcomeTake = pageSize - matchTake;

  const matchPage = async () => {
    if (!matchColumn || matchTake === 0) return [];
    const { pairs, skip } = await pairsOfRange(db, filter, matchColumn, offset, matchTake);
    return pageOfMatches(db, pairs, filter.reason, skip, matchTake);
  };
  const outcomePage = async () => {
    if (!wantsOutcomes || outcomeTake === 0 || outcomeTotal === 0) return [];
    const { pairs, skip } = await pairsOfRange(db, filter, "unmatchedOutcome", outcomeSkip, outcomeTake);
    return pageOfUnmatchedOutcomes(db, pairs, skip, outcomeTake);
  };
  const [matches, outcomes] = await Promise.all([matchPage(), outcomePage()]);

  const reportIds = new Set<string>();
  const codes = new Set<string>();
  for (const m of matches) {
    reportIds.add(m.target.reportId);
    if (m.outcome?.reportId) reportIds.add(m.outcome.reportId);
    codes.add(m.target.jurisdictionCode);
  }
  for (const o of outcomes) {
    if (o.reportId) reportIds.add(o.reportId);
    codes.add(o.jurisdictionCode);
  }
  const [reports, jurisdictions] = await Promise.all([
    db.report.findMany({ where: { id: { in: [...reportIds] } }, select: { id: true, text: true } }),
    db.jurisdiction.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true } }),
  ]);
  const texts = new Map(reports.map((r) => [r.id, r.text]));
  const names = new Map(jurisdictions.map((j) => [j.code, j.name]));
  const snippet = (reportId: string | null, start: number | null, end: number | null, fallback: string) => {
    const text = reportId ? texts.get(reportId) : undefined;
    if (!text || start === null || end === null) return { before: "", clause: fallback, after: "" };
    return sentenceAround(text, start, end);
  };
  const outcomeView = (o: NonNullable<(typeof matches)[number]["outcome"]>): TReviewOutcome => ({
    id: o.id,
    reportId: o.reportId,
    code: o.jurisdictionCode,
    name: names.get(o.jurisdictionCode) ?? o.jurisdictionCode,
    year: o.year,
    indicator: o.indicatorName,
    measure: o.measure as TMeasure,
    value: o.value,
    unit: o.unit,
    estimated: o.estimated,
    manual: o.manual,
    source: o.source,
    text: o.text,
    snippet: snippet(o.reportId, o.start, o.end, o.text),
  });

  const items: TReviewItem[] = [];
  for (const m of matches) {
    const t = m.target;
    const match = storedMatchOf(m);
    items.push({
      kind: "target",
      key: `t-${t.id}`,
      reasons: reasonsOf(m),
      target: {
        ...targetCoreOf(t),
        reportId: t.reportId,
        code: t.jurisdictionCode,
        name: names.get(t.jurisdictionCode) ?? t.jurisdictionCode,
        year: t.planYear,
        headline: t.headline,
        snippet: snippet(t.reportId, t.start, t.end, t.text),
      },
      match,
      outcome: m.outcome ? outcomeView(m.outcome) : null,
    });
  }
  for (const o of outcomes) {
    items.push({ kind: "outcome", key: `o-${o.id}`, reasons: ["unmatched_outcome"], outcome: outcomeView(o) });
  }
  return { items, total: matchTotal + outcomeTotal, page, pageSize, counts };
}

/** Jurisdictions and years the queue's filters offer: those with plan targets. */
export async function getReviewFilters(db: Db): Promise<TReviewFilters> {
  const [jurisdictions, years] = await Promise.all([
    db.$queryRaw<{ code: string; name: string }[]>`
      SELECT j."code", j."name" FROM "Jurisdiction" j
      WHERE EXISTS (SELECT 1 FROM "YearTally" r WHERE r."jurisdictionCode" = j."code" AND r."targets" > 0)
      ORDER BY j."code" ASC`,
    db.$queryRaw<{ year: number | bigint }[]>`
      SELECT DISTINCT "year" FROM "YearTally" WHERE "targets" > 0 ORDER BY "year" DESC`,
  ]);
  return { jurisdictions, years: years.map((row) => Number(row.year)) };
}

/** Outcomes a target could be linked to: the same jurisdiction and year, best fitting first. */
export async function listCandidateOutcomes(db: Db, targetId: string, q?: string): Promise<TCandidate[] | null> {
  const target = await db.target.findUnique({ where: { id: targetId } });
  if (!target) return null;
  const outcomes = await db.outcome.findMany({
    where: { jurisdictionCode: target.jurisdictionCode, year: target.planYear },
    include: { matches: { select: { targetId: true, target: { select: { indicatorName: true } } } } },
    orderBy: [{ reportId: "asc" }, { position: "asc" }],
  });
  const needle = q?.trim();
  return outcomes
    .filter((o) => !needle || o.indicatorName.includes(needle) || o.text.includes(needle))
    .map((o) => {
      const claim = o.matches.find((m) => m.targetId !== target.id);
      const similarity = indicatorSimilarity(target.indicatorName, o.indicatorName);
      const score = Math.min(
        1,
        0.7 * similarity + (o.measure === target.measure ? 0.2 : 0) + (o.unit === target.unit ? 0.1 : 0),
      );
      return {
        id: o.id,
        reportId: o.reportId,
        indicator: o.indicatorName,
        measure: o.measure as TMeasure,
        value: o.value,
        unit: o.unit,
        estimated: o.estimated,
        manual: o.manual,
        text: o.text,
        score: Math.round(score * 100) / 100,
        takenBy: claim ? { targetId: claim.targetId, indicator: claim.target.indicatorName } : null,
      };
    })
    .sort((a, b) => b.score - a.score || Number(a.takenBy !== null) - Number(b.takenBy !== null));
}

/** Targets an unclaimed outcome could be matched to: the plan of the same jurisdiction and year, best first. */
export async function listTargetChoices(db: Db, outcomeId: string, q?: string): Promise<TTargetChoice[] | null> {
  const outcome = await db.outcome.findUnique({ where: { id: outcomeId } });
  if (!outcome) return null;
  const targets = await db.target.findMany({
    where: { jurisdictionCode: outcome.jurisdictionCode, planYear: outcome.year },
    include: { match: { select: { verdict: true, version: true, notATarget: true } } },
    orderBy: [{ reportId: "asc" }, { position: "asc" }],
  });
  const needle = q?.trim();
  return targets
    .filter((t) => !t.match?.notATarget)
    .filter((t) => !needle || t.indicatorName.includes(needle) || t.text.includes(needle))
    .map((t) => {
      const similarity = indicatorSimilarity(outcome.indicatorName, t.indicatorName);
      const score = Math.min(
        1,
        0.7 * similarity + (t.measure === outcome.measure ? 0.2 : 0) + (t.unit === outcome.unit ? 0.1 : 0),
      );
      return {
        ...targetCoreOf(t),
        verdict: (t.match?.verdict as TTargetChoice["verdict"]) ?? null,
        version: t.match?.version ?? null,
        score: Math.round(score * 100) / 100,
      };
    })
    .sort((a, b) => b.score - a.score);
}

/** The audit trail of a target's match, newest first, with the outcomes it names. */
export async function getEditHistory(db: Db, targetId: string): Promise<TEditHistory | null> {
  const target = await db.target.findUnique({ where: { id: targetId }, select: { id: true } });
  if (!target) return null;
  const edits = await db.edit.findMany({
    where: { match: { targetId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const outcomeIds = new Set<string>();
  for (const edit of edits) {
    for (const state of [edit.before, edit.after] as { outcomeId?: string | null }[]) {
      if (state?.outcomeId) outcomeIds.add(state.outcomeId);
    }
  }
  const outcomes = await db.outcome.findMany({
    where: { id: { in: [...outcomeIds] } },
    select: { id: true, text: true },
  });
  const outcomeTexts = Object.fromEntries(outcomes.map((o) => [o.id, o.text]));
  return {
    targetId,
    items: edits.map((edit) => ({
      id: edit.id,
      action: edit.action,
      editor: edit.editor,
      note: edit.note,
      createdAt: edit.createdAt.toISOString(),
      revertedAt: edit.revertedAt?.toISOString() ?? null,
      before: (edit.before ?? {}) as Record<string, unknown>,
      after: (edit.after ?? {}) as Record<string, unknown>,
      outcomes: outcomeTexts,
    })),
  };
}

/**
 * The review queue: judgements a person should look at, filtered and paginated in the database. Two tabs:
 *
 * Targets (matches), headline targets first, then by confidence (least sure first):
 * - `needs_review`: the engine could not judge (incompatible units, qualitative targets…);
 * - `low_confidence`: the engine matched an outcome but is less sure than LOW_CONFIDENCE;
 * - `flagged`: an analyst's edit that the engine would now decide differently;
 * - `unmatched_target`: no outcome, although a report reviewing that year is imported (a `pending` target, whose
 *   year has no review yet, is not a review item);
 * - `source_conflict`: another review source states the matched figure differently (beyond rounding).
 *
 * Review figures (outcomes):
 * - `unmatched_outcome`: a review figure no target claimed, for a year whose plan is imported. Only those a target
 *   of the year could be about (same indicator and measure) are shown by default; the descriptive rest and the period
 *   figures of a multi-year review (stored under the period's last year) on request (`context`);
 * - `source_conflict`: a later source's figure that disagrees with the main review's, where no target claims either.
 *
 * Analysts' own decisions (manual matches) leave the queue unless flagged; targets marked "not a target" too. The
 * conditions are defined once, in SQL (lib/db/year-tally.ts), for the tallies, the pages and the labels of each item
 * (selected as flags with the page's rows).
 */
import { sentenceAround } from "@/lib/charts/evidence";
import { indicatorSimilarity } from "@/lib/engine/indicators";
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n";
import { renderReasons } from "@/lib/i18n/reasons";
import type {
  TCandidate,
  TEditHistory,
  TReviewFilters,
  TReviewItem,
  TReviewOutcome,
  TReviewPage,
  TReviewReason,
  TReviewTab,
  TTargetChoice,
} from "@/lib/schemas/dashboard";
import { figureOrNull } from "@/lib/schemas/primitives";
import type { TSourceFigure } from "@/lib/schemas/store";
import type { Db } from "../client";
import { matchStateColumn, measureColumn, verdictColumn } from "../columns";
import { orphanItems, pageOfOrphans } from "../orphans";
import { periodOf, readableFigures, storedMatchOf, targetCoreOf } from "../rows";
import { FIGURE_REPORT, type FigureRow, sourceFigureOf } from "../sources";
import {
  flaggedReasons,
  IN_QUEUE,
  outcomeConditions,
  PLANNED,
  QUEUE_CONDITIONS,
  queueFlags,
  type TallyColumnName,
} from "../year-tally";

export const REVIEW_PAGE_SIZE = 20;

export interface ReviewFilter {
  code?: string;
  year?: number;
  reason?: TReviewReason;
  /** Default: `outcomes` for the `unmatched_outcome` reason, else `targets`. */
  tab?: TReviewTab;
  /** Show the descriptive review figures too. */
  context?: boolean;
  page?: number;
  pageSize?: number;
}

interface YearPair {
  code: string;
  year: number;
}

type MatchReason = Exclude<TReviewReason, "unmatched_outcome" | "edit_orphaned">;

/** YearTally's columns the queue reads (its verdict counts are the overview's). */
const TALLY_COLUMNS = [
  "targets",
  "targetItems",
  "headlineItems",
  "needsReview",
  "lowConfidence",
  "flagged",
  "unmatchedTarget",
  "sourceConflict",
  "unmatchedOutcome",
  "visibleUnmatchedOutcome",
  "conflictOutcomes",
  "outcomeItems",
  "outcomeItemsAll",
  "editOrphaned",
] as const satisfies readonly TallyColumnName[];
type TallyColumn = (typeof TALLY_COLUMNS)[number];
type Tally = Record<TallyColumn, number>;

/** The tally column counting the target items of each reason. */
const MATCH_COLUMNS: Record<MatchReason, TallyColumn> = {
  needs_review: "needsReview",
  low_confidence: "lowConfidence",
  flagged: "flagged",
  unmatched_target: "unmatchedTarget",
  source_conflict: "sourceConflict",
};

const column = (name: TallyColumn) => Prisma.raw(`"${name}"`);

function tallyFilter(filter: ReviewFilter): Prisma.Sql {
  return Prisma.sql`${filter.code === undefined ? Prisma.empty : Prisma.sql`AND "jurisdictionCode" = ${filter.code}`}
    ${filter.year === undefined ? Prisma.empty : Prisma.sql`AND "year" = ${filter.year}`}`;
}

/** The queue's counts for the filter, summed from the per-year tallies. */
async function countItems(db: Db, filter: ReviewFilter): Promise<Tally> {
  const sums = Prisma.join(
    TALLY_COLUMNS.map((name) => Prisma.raw(`CAST(COALESCE(SUM("${name}"), 0) AS INTEGER) AS "${name}"`)),
  );
  const [row] = await db.$queryRaw<Record<TallyColumn, number | bigint>[]>(
    Prisma.sql`SELECT ${sums} FROM "YearTally" WHERE 1 = 1 ${tallyFilter(filter)}`,
  );
  return Object.fromEntries(TALLY_COLUMNS.map((name) => [name, Number(row?.[name] ?? 0)])) as Tally;
}

/**
 * The (jurisdiction, year) pairs, in queue order (latest year first, then jurisdiction), that hold items
 * `offset` to `offset + take` of a tally count (`n`, a column or an expression over columns), and how many of its
 * items precede the first pair's part of the page. Found from the tallies without reading a single match: the years'
 * totals first, then a running sum over the jurisdictions of the years the page falls in.
 */
async function pairsOfRange(
  db: Db,
  filter: ReviewFilter,
  n: Prisma.Sql,
  offset: number,
  take: number,
): Promise<{ pairs: YearPair[]; skip: number }> {
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
 * A part of the targets tab: the matches meeting `condition` (and, for a tier, of headline targets or not) within
 * the given year pairs, in queue order: latest year first, then jurisdiction, then headline targets first and the
 * least sure first. The plan's targets are found first by their (jurisdiction, year) index, then their matches (a join
 * order written out, which planners would otherwise pick from the matches' verdict or outcome indexes across the
 * whole table).
 */
async function pageOfMatches(
  db: Db,
  pairs: YearPair[],
  condition: Prisma.Sql,
  headline: boolean | undefined,
  skip: number,
  take: number,
) {
  if (pairs.length === 0 || take <= 0) return [];
  const tier = headline === undefined ? Prisma.empty : Prisma.sql`AND t."headline" = ${Prisma.raw(String(headline))}`;
  const rows = await db.$queryRaw<({ id: string } & Record<string, unknown>)[]>(Prisma.sql`
    SELECT m."id", ${queueFlags(QUEUE_CONDITIONS)} FROM "Target" t CROSS JOIN "Match" m
    WHERE ${inPairs("t", "planYear", pairs)} AND m."targetId" = t."id" AND m."notATarget" = false AND ${condition}
      ${tier}
    ORDER BY t."planYear" DESC, t."jurisdictionCode" ASC, t."headline" DESC, m."confidence" ASC, t."reportId" ASC,
      t."position" ASC
    LIMIT ${take} OFFSET ${skip}`);
  const matches = await db.match.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    include: { target: true, outcome: true },
  });
  const byId = new Map(matches.map((match) => [match.id, match]));
  return rows.flatMap((row) => {
    const match = byId.get(row.id);
    return match ? [{ ...match, queued: flaggedReasons(QUEUE_CONDITIONS, row) }] : [];
  });
}

/** The conditions that label a figure in the queue (the SQL of the tallies, over an unclaimed figure `o`). */
const OUTCOME_REASONS = (() => {
  const conditions = outcomeConditions(PLANNED);
  return { unmatched_outcome: conditions.unmatched_outcome, source_conflict: conditions.source_conflict };
})();

/** The figures tab's items meeting `condition` within the given year pairs, in report order. */
async function pageOfOutcomes(db: Db, pairs: YearPair[], condition: Prisma.Sql, skip: number, take: number) {
  if (pairs.length === 0 || take <= 0) return [];
  const rows = await db.$queryRaw<({ id: string } & Record<string, unknown>)[]>(
    Prisma.sql`SELECT o."id", ${queueFlags(OUTCOME_REASONS)} FROM "Outcome" o
      WHERE ${inPairs("o", "year", pairs)} AND ${condition}
      ORDER BY o."year" DESC, o."jurisdictionCode" ASC, o."reportId" ASC, o."position" ASC
      LIMIT ${take} OFFSET ${skip}`,
  );
  const outcomes = await db.outcome.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  return rows.flatMap((row) => {
    const outcome = byId.get(row.id);
    return outcome ? [{ ...outcome, queued: flaggedReasons(OUTCOME_REASONS, row) }] : [];
  });
}

/** One part of a page: `count` items of a tally count `n`, read with `read(pairs, skip, take)`. */
interface Part<T> {
  n: Prisma.Sql;
  count: number;
  read: (pairs: YearPair[], skip: number, take: number) => Promise<T[]>;
}

/** Items `offset` to `offset + take` of parts laid end to end. */
async function readParts<T>(db: Db, filter: ReviewFilter, parts: Part<T>[], offset: number, take: number) {
  const items: T[] = [];
  let start = 0;
  for (const part of parts) {
    const from = Math.max(0, offset - start);
    const count = Math.max(0, Math.min(part.count - from, offset + take - start - from));
    start += part.count;
    if (count <= 0) continue;
    const { pairs, skip } = await pairsOfRange(db, filter, part.n, from, count);
    items.push(...(await part.read(pairs, skip, count)));
  }
  return items;
}

type MatchRow = Awaited<ReturnType<typeof pageOfMatches>>[number];
type OrphanRow = Awaited<ReturnType<typeof pageOfOrphans>>[number];

/** The tab a filter shows. */
export const tabOf = (filter: ReviewFilter): TReviewTab =>
  filter.tab ?? (filter.reason === "unmatched_outcome" ? "outcomes" : "targets");

/**
 * One page of the queue, in one tab, the matches' reasons written in `locale`. A page past the end answers no items,
 * with the same total and page count.
 */
export async function getReviewPage(
  db: Db,
  filter: ReviewFilter,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TReviewPage> {
  const pageSize = filter.pageSize ?? REVIEW_PAGE_SIZE;
  const page = Math.max(1, filter.page ?? 1);
  const tab = tabOf(filter);
  const context = filter.context === true;
  const reason = filter.reason;
  const tally = await countItems(db, filter);
  const unmatchedOutcomes = context ? tally.unmatchedOutcome : tally.visibleUnmatchedOutcome;
  // Counts per reason for the filter (each item counted under every reason it has), across both tabs.
  const counts: Record<TReviewReason, number> = {
    needs_review: tally.needsReview,
    low_confidence: tally.lowConfidence,
    flagged: tally.flagged,
    unmatched_target: tally.unmatchedTarget,
    unmatched_outcome: unmatchedOutcomes,
    source_conflict: tally.sourceConflict + tally.conflictOutcomes,
    edit_orphaned: tally.editOrphaned,
  };
  // Orphaned edits are analysts' own work a re-read left without a target: they lead the targets tab.
  const targetCount =
    reason === undefined
      ? tally.editOrphaned + tally.targetItems
      : reason === "unmatched_outcome"
        ? 0
        : reason === "edit_orphaned"
          ? tally.editOrphaned
          : tally[MATCH_COLUMNS[reason]];
  const outcomeCount =
    reason === undefined
      ? context
        ? tally.outcomeItemsAll
        : tally.outcomeItems
      : reason === "unmatched_outcome"
        ? unmatchedOutcomes
        : reason === "source_conflict"
          ? tally.conflictOutcomes
          : 0;
  const hidden = context
    ? 0
    : reason === undefined
      ? tally.outcomeItemsAll - tally.outcomeItems
      : reason === "unmatched_outcome"
        ? tally.unmatchedOutcome - tally.visibleUnmatchedOutcome
        : 0;
  const total = tab === "targets" ? targetCount : outcomeCount;
  const offset = (page - 1) * pageSize;

  let matches: MatchRow[] = [];
  let orphans: OrphanRow[] = [];
  let outcomes: Awaited<ReturnType<typeof pageOfOutcomes>> = [];
  if (tab === "targets" && reason !== "unmatched_outcome") {
    type Row = { match: MatchRow } | { orphan: OrphanRow };
    const orphanPart: Part<Row> = {
      n: column("editOrphaned"),
      count: tally.editOrphaned,
      read: async (pairs, skip, take) => (await pageOfOrphans(db, pairs, skip, take)).map((orphan) => ({ orphan })),
    };
    const part = (condition: Prisma.Sql, n: Prisma.Sql, count: number, headline?: boolean): Part<Row> => ({
      n,
      count,
      read: async (pairs, skip, take) =>
        (await pageOfMatches(db, pairs, condition, headline, skip, take)).map((match) => ({ match })),
    });
    // Without a reason, orphaned edits first, then every headline target's item before any other; within a reason,
    // within each year.
    const parts =
      reason === undefined
        ? [
            orphanPart,
            part(IN_QUEUE, column("headlineItems"), tally.headlineItems, true),
            part(
              IN_QUEUE,
              Prisma.sql`("targetItems" - "headlineItems")`,
              tally.targetItems - tally.headlineItems,
              false,
            ),
          ]
        : reason === "edit_orphaned"
          ? [orphanPart]
          : [part(QUEUE_CONDITIONS[reason], column(MATCH_COLUMNS[reason]), targetCount)];
    const rows = await readParts(db, filter, parts, offset, pageSize);
    matches = rows.flatMap((row) => ("match" in row ? [row.match] : []));
    orphans = rows.flatMap((row) => ("orphan" in row ? [row.orphan] : []));
  } else if (tab === "outcomes") {
    const conditions = outcomeConditions(PLANNED);
    const [n, condition] =
      reason === "unmatched_outcome"
        ? context
          ? [column("unmatchedOutcome"), conditions.unmatched_outcome]
          : [column("visibleUnmatchedOutcome"), conditions.visible_unmatched_outcome]
        : reason === "source_conflict"
          ? [column("conflictOutcomes"), conditions.source_conflict]
          : context
            ? [column("outcomeItemsAll"), conditions.all]
            : [column("outcomeItems"), conditions.visible];
    if (reason === undefined || reason === "unmatched_outcome" || reason === "source_conflict") {
      const read = (pairs: YearPair[], skip: number, take: number) => pageOfOutcomes(db, pairs, condition, skip, take);
      outcomes = await readParts(db, filter, [{ n, count: outcomeCount, read }], offset, pageSize);
    }
  }

  const orphanNames = new Map(
    (
      await db.jurisdiction.findMany({
        where: { code: { in: [...new Set(orphans.map((o) => o.jurisdictionCode))] } },
        select: { code: true, name: true },
      })
    ).map((j) => [j.code, j.name]),
  );
  const items = [...(await orphanItems(db, orphans, orphanNames)), ...(await itemsOf(db, matches, outcomes, locale))];
  return {
    items,
    total,
    page,
    pageSize,
    counts,
    tab,
    tabs: { targets: targetCount, outcomes: outcomeCount },
    pageCount: Math.ceil(total / pageSize),
    hidden,
    context,
  };
}

type OutcomeRow = Awaited<ReturnType<typeof pageOfOutcomes>>[number];

/** The page's items with their sentences, jurisdiction names and source conflicts. */
async function itemsOf(db: Db, matches: MatchRow[], outcomes: OutcomeRow[], locale: Locale): Promise<TReviewItem[]> {
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
  const shown = [...matches.flatMap((m) => (m.outcome ? [m.outcome] : [])), ...outcomes];
  const [reports, jurisdictions, partners] = await Promise.all([
    db.report.findMany({ where: { id: { in: [...reportIds] } }, select: { id: true, text: true } }),
    db.jurisdiction.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true } }),
    conflictPartners(db, shown),
  ]);
  const texts = new Map(reports.map((r) => [r.id, r.text]));
  const names = new Map(jurisdictions.map((j) => [j.code, j.name]));
  const snippet = (reportId: string | null, start: number | null, end: number | null, fallback: string) => {
    const text = reportId ? texts.get(reportId) : undefined;
    if (!text || start === null || end === null) return { before: "", clause: fallback, after: "" };
    return sentenceAround(text, start, end);
  };
  const outcomeView = (o: Omit<OutcomeRow, "queued">): TReviewOutcome => ({
    id: o.id,
    reportId: o.reportId,
    code: o.jurisdictionCode,
    name: names.get(o.jurisdictionCode) ?? o.jurisdictionCode,
    year: o.year,
    indicator: o.indicatorName,
    measure: measureColumn(o.measure),
    value: figureOrNull(o.value),
    unit: o.unit,
    estimated: o.estimated,
    manual: o.manual,
    source: o.source,
    text: o.text,
    snippet: snippet(o.reportId, o.start, o.end, o.text),
    ...(periodOf(o) ? { period: periodOf(o) ?? undefined } : {}),
  });

  const items: TReviewItem[] = [];
  for (const m of matches) {
    const t = m.target;
    const sources = m.outcome ? (partners.get(m.outcome.id) ?? []) : [];
    items.push({
      kind: "target",
      key: `t-${t.id}`,
      reasons: m.queued,
      target: {
        ...targetCoreOf(t),
        reportId: t.reportId,
        code: t.jurisdictionCode,
        name: names.get(t.jurisdictionCode) ?? t.jurisdictionCode,
        year: t.planYear,
        headline: t.headline,
        snippet: snippet(t.reportId, t.start, t.end, t.text),
      },
      match: storedMatchOf(m, { target: t, sources, locale }),
      outcome: m.outcome ? outcomeView(m.outcome) : null,
      sources,
    });
  }
  for (const o of outcomes) {
    const sources = partners.get(o.id) ?? [];
    items.push({ kind: "outcome", key: `o-${o.id}`, reasons: o.queued, outcome: outcomeView(o), sources });
  }
  return items;
}

/**
 * For each outcome, the figures of other sources it is in conflict with: those marked against it, and the main
 * figure it is marked against.
 */
async function conflictPartners(
  db: Db,
  outcomes: Pick<OutcomeRow, "id" | "conflictWithId">[],
): Promise<Map<string, TSourceFigure[]>> {
  const result = new Map<string, TSourceFigure[]>();
  if (outcomes.length === 0) return result;
  const ids = outcomes.map((o) => o.id);
  const mains = outcomes.flatMap((o) => (o.conflictWithId ? [o.conflictWithId] : []));
  const rows: FigureRow[] = (
    await db.outcome.findMany({
      where: { OR: [{ conflictWithId: { in: ids } }, { id: { in: mains } }] },
      include: { report: FIGURE_REPORT },
    })
  ).map(readableFigures);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const o of outcomes) {
    const figures = rows.filter((row) => row.conflictWithId === o.id);
    const main = o.conflictWithId ? byId.get(o.conflictWithId) : undefined;
    if (main) figures.unshift(main);
    if (figures.length > 0)
      result.set(
        o.id,
        figures.map((figure) => sourceFigureOf(figure, false)),
      );
  }
  return result;
}

/**
 * Jurisdictions and years the queue's filters offer: those with plan targets, and years whose review sources
 * disagree.
 */
export async function getReviewFilters(db: Db): Promise<TReviewFilters> {
  const [jurisdictions, years] = await Promise.all([
    db.$queryRaw<{ code: string; name: string }[]>`
      SELECT j."code", j."name" FROM "Jurisdiction" j
      WHERE EXISTS (SELECT 1 FROM "YearTally" r WHERE r."jurisdictionCode" = j."code"
        AND (r."targets" > 0 OR r."conflictOutcomes" > 0 OR r."editOrphaned" > 0))
      ORDER BY j."code" ASC`,
    db.$queryRaw<{ year: number | bigint }[]>`
      SELECT DISTINCT "year" FROM "YearTally" WHERE "targets" > 0 OR "conflictOutcomes" > 0 OR "editOrphaned" > 0
      ORDER BY "year" DESC`,
  ]);
  return { jurisdictions, years: years.map((row) => Number(row.year)) };
}

/** Outcomes a target could be linked to: the same jurisdiction and year, best fitting first. */
export async function listCandidateOutcomes(db: Db, targetId: string, q?: string): Promise<TCandidate[] | null> {
  const target = await db.target.findUnique({ where: { id: targetId } });
  if (!target) return null;
  const outcomes = await db.outcome.findMany({
    // Never a period figure: it is no figure of the target's year (verdicts.md "Periods are not years").
    where: { jurisdictionCode: target.jurisdictionCode, year: target.planYear, periodStart: null },
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
        measure: measureColumn(o.measure),
        value: figureOrNull(o.value),
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
  // A period figure is matched to no year's target (verdicts.md "Periods are not years").
  if (outcome.periodStart !== null) return [];
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
        verdict: t.match?.verdict == null ? null : verdictColumn(t.match?.verdict),
        version: t.match?.version ?? null,
        score: Math.round(score * 100) / 100,
      };
    })
    .sort((a, b) => b.score - a.score);
}

/** The audit trail of a target's match, newest first, with the outcomes it names; reasons written in `locale`. */
export async function getEditHistory(
  db: Db,
  targetId: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TEditHistory | null> {
  const target = await db.target.findUnique({ where: { id: targetId }, select: { id: true } });
  if (!target) return null;
  const edits = await db.edit.findMany({
    where: { match: { targetId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  // Read through the shared schema: an edit recorded before reasons were codes holds its reason as a sentence.
  const states = edits.map((edit) => ({
    before: matchStateColumn(edit.before, edit.id),
    after: matchStateColumn(edit.after, edit.id),
  }));
  const outcomeIds = new Set<string>();
  for (const { before, after } of states) {
    for (const state of [before, after]) if (state.outcomeId) outcomeIds.add(state.outcomeId);
  }
  const shown = ({ reason, ...state }: (typeof states)[number]["before"]) => ({
    ...state,
    reason: renderReasons(reason, locale),
    reasons: reason,
  });
  const outcomes = await db.outcome.findMany({
    where: { id: { in: [...outcomeIds] } },
    select: { id: true, text: true },
  });
  const outcomeTexts = Object.fromEntries(outcomes.map((o) => [o.id, o.text]));
  return {
    targetId,
    items: edits.map((edit, index) => ({
      id: edit.id,
      action: edit.action,
      editor: edit.editor,
      note: edit.note,
      createdAt: edit.createdAt.toISOString(),
      revertedAt: edit.revertedAt?.toISOString() ?? null,
      before: shown((states[index] as (typeof states)[number]).before),
      after: shown((states[index] as (typeof states)[number]).after),
      outcomes: outcomeTexts,
    })),
  };
}

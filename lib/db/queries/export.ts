import { resolveIndicator } from "@/lib/engine/indicators";
import type { ExportRow } from "@/lib/export/columns";
import { codeStrength, DEFAULT_STRENGTH_CUES, type StrengthCues } from "@/lib/export/strength";
import type { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n";
import { renderReasons } from "@/lib/i18n/reasons";
import type { TExportFilters } from "@/lib/schemas/export";
import type { TVerdict } from "@/lib/schemas/extraction";
import { figureOrNull } from "@/lib/schemas/primitives";
import type { Db } from "../client";
import { reasonsColumn } from "../columns";
import { confidenceOf, storedGap } from "../rows";

/** Filters of ZExportFilters, every one optional (`{}` is every target); a year alone stands for `{ from: y, to: y }`. */
export type ExportFilter = Omit<Partial<TExportFilters>, "year"> & { year?: number | { from: number; to: number } };

export interface ExportPaging {
  locale?: Locale;
  /** Targets read per query; each page is written out before the next is read. */
  pageSize?: number;
  /** The cue words of the `strength` column (the settings' or the defaults). */
  cues?: StrengthCues;
}

/** About 1–2 MB of rows: few round trips, and memory that does not grow with the store. */
export const EXPORT_PAGE_SIZE = 1_000;

/** Whether the jurisdiction exists: an export of an unknown code is a 404, not an empty file. */
export async function jurisdictionExists(db: Db, code: string): Promise<boolean> {
  return (await db.jurisdiction.findUnique({ where: { code }, select: { code: true } })) !== null;
}

/** The first code of `code` and `parent` that no jurisdiction has, or null when both are known (or absent). */
export async function unknownJurisdiction(db: Db, filter: ExportFilter): Promise<string | null> {
  for (const code of [filter.code, filter.parent]) if (code && !(await jurisdictionExists(db, code))) return code;
  return null;
}

const DOCUMENT = { select: { sourceName: true, sourceUrl: true, hints: true } } as const;

const INCLUDE = {
  report: {
    select: {
      id: true,
      jurisdiction: { select: { name: true, level: true, parentCode: true } },
      document: DOCUMENT,
    },
  },
  match: {
    include: {
      outcome: {
        include: { report: { select: { id: true, document: { select: { sourceName: true, sourceUrl: true } } } } },
      },
    },
  },
} satisfies Prisma.TargetInclude;

/** The screens' order (jurisdiction, year, report, position in it); (reportId, position) is unique, so it is total. */
const ORDER = [
  { jurisdictionCode: "asc" },
  { planYear: "asc" },
  { reportId: "asc" },
  { position: "asc" },
] satisfies Prisma.TargetOrderByWithRelationInput[];

type Key = { jurisdictionCode: string; planYear: number; reportId: string; position: number };

/**
 * Targets after `key` in ORDER (keyset paging: every page is a seek, where OFFSET would rescan what came before). The
 * `gte` on the code alone lets the (jurisdictionCode, planYear) index bound the scan.
 */
function after(key: Key): Prisma.TargetWhereInput {
  const { jurisdictionCode: code, planYear: year, reportId } = key;
  return {
    jurisdictionCode: { gte: code },
    OR: [
      { jurisdictionCode: { gt: code } },
      { jurisdictionCode: code, planYear: { gt: year } },
      { jurisdictionCode: code, planYear: year, reportId: { gt: reportId } },
      { jurisdictionCode: code, planYear: year, reportId, position: { gt: key.position } },
    ],
  };
}

/**
 * The indicator names as stored whose canonical name and area pass the filter (`全省生产总值` is 地区生产总值), or
 * null when neither filter is set. Read from the distinct stored names, so the targets' query is an indexed `IN`.
 */
async function indicatorNamesOf(db: Db, filter: ExportFilter): Promise<string[] | null> {
  if (!filter.indicator && !filter.category) return null;
  const names = await db.target.groupBy({ by: ["indicatorName"] });
  return names
    .map(({ indicatorName }) => indicatorName)
    .filter((name) => {
      const resolved = resolveIndicator(name);
      return (
        (!filter.indicator || filter.indicator.includes(resolved.name)) &&
        (!filter.category || filter.category.includes(resolved.category))
      );
    });
}

/**
 * What the database can filter (null when nothing can pass: no stored indicator name resolves to the one asked for);
 * verdicts as shown, strength and text search are checked per row (rowPasses).
 */
async function whereOf(db: Db, filter: ExportFilter): Promise<Prisma.TargetWhereInput | null> {
  const jurisdiction: Prisma.JurisdictionWhereInput = {};
  if (filter.level) jurisdiction.level = { in: filter.level };
  // Under a superior: its direct subordinates; with a level, that level anywhere below it (the counties of a province,
  // through their cities), as the peers screen scopes them.
  if (filter.parent && !filter.level) jurisdiction.parentCode = filter.parent;
  if (filter.parent && filter.level)
    jurisdiction.OR = [
      { parentCode: filter.parent },
      { parent: { parentCode: filter.parent } },
      { parent: { parent: { parentCode: filter.parent } } },
    ];
  const names = await indicatorNamesOf(db, filter);
  if (names?.length === 0) return null;
  // Pending and no outcome depend on whether the year is reviewed; the other verdicts are the match's own.
  const storedVerdicts = filter.verdict?.every((v) => v !== "pending" && v !== "no_outcome") ? filter.verdict : null;
  return {
    jurisdictionCode: filter.code,
    planYear:
      typeof filter.year === "number"
        ? filter.year
        : filter.year
          ? { gte: filter.year.from, lte: filter.year.to }
          : undefined,
    measure: filter.measure ? { in: filter.measure } : undefined,
    headline: filter.headline ? true : undefined,
    indicatorName: names ? { in: names } : undefined,
    report: Object.keys(jurisdiction).length > 0 ? { is: { jurisdiction: { is: jurisdiction } } } : undefined,
    match: storedVerdicts ? { is: { verdict: { in: storedVerdicts } } } : undefined,
  };
}

function rowPasses(row: ExportRow, filter: ExportFilter): boolean {
  if (filter.verdict && !filter.verdict.includes(row.verdict as TVerdict)) return false;
  if (filter.strength && !filter.strength.includes(row.strength as (typeof filter.strength)[number])) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    const texts = [row.indicator, row.target_text, row.outcome_text ?? "", row.reason];
    if (!texts.some((text) => text.toLowerCase().includes(q))) return false;
  }
  return true;
}

/** The (jurisdiction, year) pairs of `targets` that a report reviews: elsewhere a target without outcome is pending. */
async function reviewedYears(db: Db, targets: { jurisdictionCode: string; planYear: number }[]): Promise<Set<string>> {
  const pairs = new Map(targets.map((t) => [`${t.jurisdictionCode}/${t.planYear}`, t]));
  const reviews = await db.report.findMany({
    where: { OR: [...pairs.values()].map((t) => ({ jurisdictionCode: t.jurisdictionCode, reviewYear: t.planYear })) },
    select: { jurisdictionCode: true, reviewYear: true },
    distinct: ["jurisdictionCode", "reviewYear"],
  });
  return new Set(reviews.map((r) => `${r.jurisdictionCode}/${r.reviewYear}`));
}

/**
 * Long format, a page at a time: one row per target with its match, verdict, evidence and source reports, reasons
 * in `locale`. Pages are separate reads, so a slow reader of the export holds no transaction open; a target added
 * or removed while an export runs may or may not appear, and none appears twice. A page of targets that the row
 * filters thin out yields fewer rows (none when all are filtered out), never more than `pageSize`.
 */
export async function* exportPages(
  db: Db,
  filter: ExportFilter,
  { locale = DEFAULT_LOCALE, pageSize = EXPORT_PAGE_SIZE, cues = DEFAULT_STRENGTH_CUES }: ExportPaging = {},
): AsyncGenerator<ExportRow[]> {
  const where = await whereOf(db, filter);
  if (!where) return;
  let last: Key | null = null;
  for (;;) {
    const targets = await db.target.findMany({
      where: last ? { AND: [where, after(last)] } : where,
      include: INCLUDE,
      orderBy: ORDER,
      take: pageSize,
    });
    if (targets.length > 0) {
      const reviewed = await reviewedYears(db, targets);
      const rows = targets
        .map((target) => exportRow(target, reviewed.has(`${target.jurisdictionCode}/${target.planYear}`), locale, cues))
        .filter((row) => rowPasses(row, filter));
      if (rows.length > 0) yield rows;
    }
    if (targets.length < pageSize) return;
    const end = targets[targets.length - 1] as Key;
    last = {
      jurisdictionCode: end.jurisdictionCode,
      planYear: end.planYear,
      reportId: end.reportId,
      position: end.position,
    };
  }
}

/** Every row at once: for small filters and for tests; exports of the whole store go through exportPages. */
export async function exportRows(
  db: Db,
  filter: ExportFilter,
  locale: Locale = DEFAULT_LOCALE,
  cues: StrengthCues = DEFAULT_STRENGTH_CUES,
): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const page of exportPages(db, filter, { locale, cues })) rows.push(...page);
  return rows;
}

type ExportTarget = Prisma.TargetGetPayload<{ include: typeof INCLUDE }>;

/** A document's address if it is a public web address (http or https); never a file name or a server path. */
export function publicUrl(sourceUrl: string | null | undefined): string | null {
  if (!sourceUrl) return null;
  try {
    const url = new URL(sourceUrl);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The file's own name with its `:line` or `:row N`, without the folders it was imported from. */
export function fileNameOf(sourceName: string): string {
  return sourceName.split(/[\\/]/).pop() ?? sourceName;
}

function publishDateOf(hints: Prisma.JsonValue | null): string | null {
  const date = hints && typeof hints === "object" && !Array.isArray(hints) ? hints.publishDate : null;
  return typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

/** Ratios and confidences to 3 decimals (0.857, not 0.857142857…); figures stay as stored. */
const rounded = (value: number | null | undefined): number | null =>
  typeof value === "number" && Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null;

/** The verdict the screens show (components/scorecard/scorecard-rows.ts `shownVerdict`). */
function shownVerdict(match: ExportTarget["match"], reviewed: boolean): TVerdict {
  const verdict = (match?.verdict ?? (reviewed ? "no_outcome" : "pending")) as TVerdict;
  return verdict === "no_outcome" && !reviewed && !match?.manual ? "pending" : verdict;
}

function exportRow(target: ExportTarget, reviewed: boolean, locale: Locale, cues: StrengthCues): ExportRow {
  const match = target.match;
  const outcome = match?.outcome ?? null;
  const resolved = resolveIndicator(target.indicatorName);
  const gap = match ? storedGap(match, target) : null;
  const document = target.report.document;
  const outcomeDocument = outcome?.report?.document ?? null;
  return {
    code: target.jurisdictionCode,
    jurisdiction: target.report.jurisdiction.name,
    level: target.report.jurisdiction.level,
    parent_code: target.report.jurisdiction.parentCode,
    year: target.planYear,
    indicator: target.indicatorName,
    indicator_canonical: resolved.known ? resolved.name : null,
    category: resolved.category,
    measure: target.measure,
    qualifier: target.qualifier,
    wording: target.wording,
    strength: codeStrength(target.wording, target.qualifier, cues),
    target_value: figureOrNull(target.value),
    target_min: figureOrNull(target.min),
    target_max: figureOrNull(target.max),
    stretch: figureOrNull(target.stretch),
    target_unit: target.unit,
    polarity: target.polarity,
    headline: target.headline,
    target_text: target.text,
    outcome_value: figureOrNull(outcome?.value),
    outcome_unit: outcome?.unit ?? null,
    estimated: outcome ? outcome.estimated : null,
    outcome_text: outcome?.text ?? null,
    outcome_report_id: outcome?.report?.id ?? null,
    outcome_source: outcome
      ? (outcome.source ?? (outcomeDocument ? fileNameOf(outcomeDocument.sourceName) : null))
      : null,
    outcome_source_url: publicUrl(outcomeDocument?.sourceUrl),
    verdict: shownVerdict(match, reviewed),
    gap: rounded(gap?.value),
    gap_unit: gap?.unit ?? null,
    confidence: match ? rounded(confidenceOf(match.confidence)) : null,
    reason: match ? renderReasons(reasonsColumn(match.reason, match.id), locale) : "",
    manual: match?.manual ?? false,
    not_a_target: match?.notATarget ?? false,
    reader_version: target.readerVersion,
    source_url: publicUrl(document.sourceUrl),
    source_file: fileNameOf(document.sourceName),
    publish_date: publishDateOf(document.hints),
    plan_report_id: target.reportId,
    start: target.start,
    end: target.end,
  };
}

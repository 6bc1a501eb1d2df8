import { resolveIndicator } from "@/lib/engine/indicators";
import type { ExportRow } from "@/lib/export/format";
import type { Prisma } from "@/lib/generated/prisma-sqlite/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n";
import { renderReasons } from "@/lib/i18n/reasons";
import type { TGap } from "@/lib/schemas/extraction";
import { figureOrNull } from "@/lib/schemas/primitives";
import type { Db } from "../client";
import { reasonsColumn } from "../columns";
import { confidenceOf, storedGap } from "../rows";

/** The gap of verdicts.md in two columns: its value and whether it is in 个百分点 or a ratio (positive is better). */
function gapColumns(gap: TGap | null): Pick<ExportRow, "gap" | "gap_unit"> {
  return { gap: gap?.value ?? null, gap_unit: gap?.unit ?? null };
}

export interface ExportFilter {
  code?: string;
  year?: number;
}

export interface ExportPaging {
  locale?: Locale;
  /** Targets read per query; each page is written out before the next is read. */
  pageSize?: number;
}

/** About 1–2 MB of rows: few round trips, and memory that does not grow with the store. */
export const EXPORT_PAGE_SIZE = 1_000;

/** Whether the jurisdiction exists: an export of an unknown code is a 404, not an empty file. */
export async function jurisdictionExists(db: Db, code: string): Promise<boolean> {
  return (await db.jurisdiction.findUnique({ where: { code }, select: { code: true } })) !== null;
}

const INCLUDE = {
  report: {
    select: { id: true, jurisdiction: { select: { name: true } }, document: { select: { sourceName: true } } },
  },
  match: {
    include: {
      outcome: { include: { report: { select: { id: true, document: { select: { sourceName: true } } } } } },
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
 * Long format, a page at a time: one row per target with its match, verdict, evidence and source reports, reasons
 * in `locale`. Pages are separate reads, so a slow reader of the export holds no transaction open; a target added
 * or removed while an export runs may or may not appear, and none appears twice.
 */
export async function* exportPages(
  db: Db,
  filter: ExportFilter,
  { locale = DEFAULT_LOCALE, pageSize = EXPORT_PAGE_SIZE }: ExportPaging = {},
): AsyncGenerator<ExportRow[]> {
  const where: Prisma.TargetWhereInput = { jurisdictionCode: filter.code, planYear: filter.year };
  let last: Key | null = null;
  for (;;) {
    const targets = await db.target.findMany({
      where: last ? { AND: [where, after(last)] } : where,
      include: INCLUDE,
      orderBy: ORDER,
      take: pageSize,
    });
    if (targets.length > 0) yield targets.map((target) => exportRow(target, locale));
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
export async function exportRows(db: Db, filter: ExportFilter, locale: Locale = DEFAULT_LOCALE): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const page of exportPages(db, filter, { locale })) rows.push(...page);
  return rows;
}

type ExportTarget = Prisma.TargetGetPayload<{ include: typeof INCLUDE }>;

function exportRow(target: ExportTarget, locale: Locale): ExportRow {
  const match = target.match;
  const outcome = match?.outcome ?? null;
  return {
    code: target.jurisdictionCode,
    jurisdiction: target.report.jurisdiction.name,
    year: target.planYear,
    indicator: target.indicatorName,
    category: resolveIndicator(target.indicatorName).category,
    measure: target.measure,
    qualifier: target.qualifier,
    target_value: figureOrNull(target.value),
    target_min: figureOrNull(target.min),
    target_max: figureOrNull(target.max),
    target_unit: target.unit,
    polarity: target.polarity,
    headline: target.headline,
    target_text: target.text,
    // `pending` (no review of the year imported yet) is exported as such, never as a failure or `no_outcome`.
    verdict: match?.verdict ?? "pending",
    confidence: match ? confidenceOf(match.confidence) : null,
    reason: match ? renderReasons(reasonsColumn(match.reason, match.id), locale) : "",
    ...gapColumns(match ? storedGap(match, target) : null),
    manual: match?.manual ?? false,
    not_a_target: match?.notATarget ?? false,
    actual_value: figureOrNull(outcome?.value),
    actual_unit: outcome?.unit ?? null,
    actual_text: outcome?.text ?? "",
    estimated: outcome?.estimated ?? false,
    plan_report_id: target.reportId,
    plan_source: target.report.document.sourceName,
    review_report_id: outcome?.report?.id ?? null,
    review_source: outcome?.report?.document.sourceName ?? outcome?.source ?? null,
  };
}

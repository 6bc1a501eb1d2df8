import { resolveIndicator } from "@/lib/engine/indicators";
import type { ExportRow } from "@/lib/export/format";
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

/** Long format: one row per target with its match, verdict, evidence and source reports; reasons in `locale`. */
export async function exportRows(db: Db, filter: ExportFilter, locale: Locale = DEFAULT_LOCALE): Promise<ExportRow[]> {
  const targets = await db.target.findMany({
    where: { jurisdictionCode: filter.code, planYear: filter.year },
    include: {
      report: {
        select: { id: true, jurisdiction: { select: { name: true } }, document: { select: { sourceName: true } } },
      },
      match: {
        include: {
          outcome: { include: { report: { select: { id: true, document: { select: { sourceName: true } } } } } },
        },
      },
    },
    orderBy: [{ jurisdictionCode: "asc" }, { planYear: "asc" }, { reportId: "asc" }, { position: "asc" }],
  });
  return targets.map((target) => {
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
  });
}

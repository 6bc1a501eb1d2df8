import { z } from "zod";
import { compareGap, targetChanges } from "@/lib/charts/compare-series";
import { getDb } from "@/lib/db/client";
import { getComparison } from "@/lib/db/queries/compare";
import { csvCell } from "@/lib/export/format";
import { ZComparison } from "@/lib/schemas/dashboard";
import { ZMeasure } from "@/lib/schemas/extraction";
import { ZText } from "@/lib/schemas/primitives";
import { ZCode } from "@/lib/schemas/store";
import { handle, parseInput, queryOf, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

const ZQuery = z
  .object({
    indicator: ZText.trim().min(1).max(60),
    measure: ZMeasure,
    // `j=000000&j=110000` or `j=000000,110000`.
    j: z
      .array(ZText)
      .transform((values) => values.flatMap((v) => v.split(",")).filter(Boolean))
      .pipe(z.array(ZCode).min(1).max(12)),
    format: z.enum(["json", "csv"]).default("json"),
    superior: z.enum(["0", "1"]).optional(),
  })
  .strict();

/**
 * `GET /api/compare?indicator=&measure=&j=000000&j=…&superior=1&format=json|csv`: one indicator over the years for several
 * jurisdictions (the compare screen's data), as JSON or as CSV (one row per jurisdiction and year).
 */
export const GET = handle(async (request) => {
  const query = parseInput(ZQuery, { j: [], ...queryOf(request, ["j"]) });
  const comparison = await getComparison(getDb(), {
    indicator: query.indicator,
    measure: query.measure,
    codes: query.j,
    superior: query.superior === "1",
  });
  if (query.format === "json") return respond(ZComparison, comparison);
  const header = [
    "code",
    "jurisdiction",
    "year",
    "status",
    "qualifier",
    "target_value",
    "target_min",
    "target_max",
    "target_unit",
    "target_change",
    "actual_value",
    "actual_unit",
    "estimated",
    "verdict",
    "gap",
    "gap_unit",
    "target_text",
    "actual_text",
    "target_id",
    "outcome_id",
  ];
  const lines = [header.join(",")];
  for (const series of comparison.series) {
    const changes = targetChanges(series.points, comparison.polarity);
    for (const p of series.points) {
      const gap = compareGap(p.target, p.actual, comparison.polarity);
      lines.push(
        [
          series.code,
          series.name,
          p.year,
          p.status,
          p.target?.qualifier,
          p.target?.value,
          p.target?.min,
          p.target?.max,
          p.target?.unit,
          p.target ? changes.get(p.year) : null,
          p.actual?.value,
          p.actual?.unit,
          p.actual?.estimated,
          p.verdict,
          gap?.value,
          gap ? (gap.unit === "pp" ? "个百分点" : gap.unit) : null,
          p.target?.text,
          p.actual?.text,
          p.target?.id,
          p.actual?.id,
        ]
          .map(csvCell)
          .join(","),
      );
    }
  }
  const name = `luoshi-compare-${query.j.join("-")}`;
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
  });
});

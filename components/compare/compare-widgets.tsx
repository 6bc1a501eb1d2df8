import { CompareTable } from "@/components/compare/compare-table";
import { getDb } from "@/lib/db/client";
import { getComparison } from "@/lib/db/queries/compare";
import { format } from "@/lib/i18n";
import { getLocale, getMessages } from "@/lib/i18n/server";
import type { TCompareQuery } from "@/lib/schemas/dashboard";
import { CompareChart } from "./compare-chart";

/** The chart and the table of one comparison, read once. */
export async function CompareResult({ query }: { query: TCompareQuery }) {
  const [t, locale, comparison] = await Promise.all([getMessages(), getLocale(), getComparison(getDb(), query)]);
  const hasTargets = comparison.series.some((s) => s.points.some((p) => p.target || p.actual));
  if (!hasTargets) return <p className="empty-inline">{t.compare.noData}</p>;
  const exportHref = `/api/compare?${new URLSearchParams([
    ["indicator", query.indicator],
    ["measure", query.measure],
    ...query.codes.map((code) => ["j", code]),
    ...(query.superior ? [["superior", "1"]] : []),
    ["format", "csv"],
  ]).toString()}`;
  return (
    <>
      <h2 className="visually-hidden">{t.compare.chartHeading}</h2>
      <CompareChart comparison={comparison} />
      <div className="section-head">
        <h2 id="compare-table-title">{t.compare.tableTitle}</h2>
        <a className="button" href={exportHref} download>
          {t.compare.exportCsv}
        </a>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {format(t.common.count, { count: comparison.series.reduce((n, s) => n + s.points.length, 0) })}
      </p>
      <CompareTable comparison={comparison} t={t} locale={locale} />
    </>
  );
}

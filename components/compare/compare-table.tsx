import { GapFigure } from "@/components/ui/gap-figure";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { compareChartData, targetChanges } from "@/lib/charts/compare-series";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatNumber, formatQuantity, formatTarget } from "@/lib/i18n/numbers";
import type { TComparison } from "@/lib/schemas/dashboard";

function signed(value: number, locale: Locale): string {
  const text = formatNumber(Math.abs(value), locale);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : "0";
}

/** The chart's numbers by year: target, actual, their gap, the change of the target from the year before, verdict. */
export function CompareTable({ comparison, t, locale }: { comparison: TComparison; t: Messages; locale: Locale }) {
  const years = new Set(compareChartData(comparison.series).years);
  const pointUnit = comparison.unit === "%" ? t.compare.pointUnit : (comparison.unit ?? "");
  return (
    <div className="table-scroll">
      <table className="data-table compare-table">
        <caption className="visually-hidden">{t.compare.tableTitle}</caption>
        <thead>
          <tr>
            {comparison.series.length > 1 ? <th scope="col">{t.common.jurisdiction}</th> : null}
            <th scope="col">{t.compare.year}</th>
            <th scope="col" className="num">
              {t.compare.target}
            </th>
            <th scope="col" className="num">
              {t.compare.actual}
            </th>
            <th scope="col" className="num">
              {t.compare.gap}
            </th>
            <th scope="col" className="num">
              {t.compare.change}
            </th>
            <th scope="col">{t.compare.verdict}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.series.flatMap((s) => {
            const changes = targetChanges(s.points);
            return s.points
              .filter((p) => years.has(p.year))
              .map((p) => {
                const gap = p.gap ?? null;
                const change = changes.get(p.year) ?? null;
                return (
                  <tr key={`${s.code}-${p.year}`}>
                    {comparison.series.length > 1 ? <td>{s.name}</td> : null}
                    <th scope="row" className="num year-cell">
                      {p.year}
                    </th>
                    <td className="num">
                      {p.target ? (
                        <a href={`/reports/${p.target.reportId}#t-${p.target.id}`} title={p.target.text}>
                          {formatTarget(p.target, t, locale)}
                        </a>
                      ) : (
                        <span className="absent-cell">
                          {p.status === "absent" ? t.compare.absent : t.compare.noReport}
                        </span>
                      )}
                    </td>
                    <td className="num">
                      {p.actual ? (
                        <>
                          {p.actual.estimated ? (
                            <abbr className="estimated" title={t.common.estimatedHelp}>
                              {t.common.estimated}
                            </abbr>
                          ) : null}
                          {p.actual.reportId ? (
                            <a href={`/reports/${p.actual.reportId}#o-${p.actual.id}`} title={p.actual.text}>
                              {formatQuantity(p.actual.value, p.actual.unit, locale)}
                            </a>
                          ) : (
                            formatQuantity(p.actual.value, p.actual.unit, locale)
                          )}
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="num">
                      <GapFigure gap={gap} verdict={p.verdict ?? "needs_review"} t={t} locale={locale} />
                    </td>
                    <td className="num">
                      {change === null ? "—" : format("{v} {u}", { v: signed(change, locale), u: pointUnit }).trim()}
                    </td>
                    <td>{p.verdict ? <VerdictBadge verdict={p.verdict} t={t} /> : <span className="muted">—</span>}</td>
                  </tr>
                );
              });
          })}
        </tbody>
      </table>
    </div>
  );
}

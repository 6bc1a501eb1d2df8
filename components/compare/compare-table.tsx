import { VerdictBadge } from "@/components/ui/verdict-badge";
import { type CompareGap, compareChartData, compareGap, targetChanges } from "@/lib/charts/compare-series";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatCompareGap, formatNumber, formatQuantity, formatTarget } from "@/lib/i18n/numbers";
import type { TComparison } from "@/lib/schemas/dashboard";

function signed(value: number, locale: Locale): string {
  const text = formatNumber(Math.abs(value), locale);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : "0";
}

/** A gap with its unit, coloured by the indicator's direction: better, worse, on the target, or no direction. */
function CompareGapFigure({ gap, t, locale }: { gap: CompareGap | null; t: Messages; locale: Locale }) {
  if (!gap) return <span className="gap muted">—</span>;
  const tone = {
    better: t.compare.gapBetter,
    worse: t.compare.gapWorse,
    even: t.compare.gapEven,
    neutral: t.compare.gapNeutral,
  }[gap.tone];
  return (
    <span
      className={`gap gap-${gap.tone}`}
      title={`${tone} · ${t.compare.gapHelp}`}
      data-gap={gap.value}
      data-gap-unit={gap.unit ?? ""}
      data-tone={gap.tone}
    >
      {formatCompareGap(gap, t, locale)}
      <span className="visually-hidden"> ({tone})</span>
    </span>
  );
}

/** The chart's numbers by year: target, actual, their gap, the change of the target from the year before, verdict. */
export function CompareTable({ comparison, t, locale }: { comparison: TComparison; t: Messages; locale: Locale }) {
  const years = new Set(compareChartData(comparison.series, comparison.polarity).years);
  // A superior's target beside each year of those it is the superior of.
  const superiorOf = new Map(
    comparison.superiors.flatMap((superior) => superior.of.map((code) => [code, superior] as const)),
  );
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
            {superiorOf.size > 0 ? (
              <th scope="col" className="num">
                {t.compare.superiorTarget}
              </th>
            ) : null}
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
            const changes = targetChanges(s.points, comparison.polarity);
            const superior = superiorOf.get(s.code);
            return s.points
              .filter((p) => years.has(p.year))
              .map((p) => {
                const gap = compareGap(p.target, p.actual, comparison.polarity);
                const superiorTarget = superior?.points.find((q) => q.year === p.year)?.target ?? null;
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
                    {superiorOf.size > 0 ? (
                      <td className="num superior-cell">
                        {superiorTarget ? (
                          <a
                            href={`/reports/${superiorTarget.reportId}#t-${superiorTarget.id}`}
                            title={superiorTarget.text}
                          >
                            {formatTarget(superiorTarget, t, locale)}
                          </a>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    ) : null}
                    <td className="num">
                      <CompareGapFigure gap={gap} t={t} locale={locale} />
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

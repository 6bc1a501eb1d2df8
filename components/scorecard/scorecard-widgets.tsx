import Link from "next/link";
import { loadScorecard } from "@/app/_lib/data";
import { correctAccess, getViewer } from "@/app/_lib/viewer";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { StackedVerdictBar } from "@/components/ui/stacked-bar";
import { EstimatedMark } from "@/components/ui/verdict-badge";
import { withPending } from "@/lib/charts/shares";
import { CATEGORIES } from "@/lib/engine/indicators/lexicon";
import { format } from "@/lib/i18n";
import { indicatorLabel, indicatorLang } from "@/lib/i18n/indicators";
import { formatQuantity } from "@/lib/i18n/numbers";
import { getLocale, getMessages } from "@/lib/i18n/server";
import type { TableUrlState } from "../data-table/url-state";
import { CategoryChart, type CategoryCounts } from "./category-chart";
import { scorecardRows, shownVerdict, targetNumber } from "./scorecard-rows";
import { type HeadlinePair, TargetActualChart } from "./target-actual-chart";
import { TargetTable } from "./target-table";

/** Totals by verdict, the two source reports, and the export buttons. */
export async function ScorecardSummary({ code, year }: { code: string; year: number }) {
  const [t, scorecard] = await Promise.all([getMessages(), loadScorecard(code, year)]);
  if (!scorecard) return null;
  const exportHref = (format: string) => `/api/export?code=${code}&year=${year}&format=${format}`;
  return (
    <section className="summary-panel" aria-label={format(t.scorecard.summary, { total: scorecard.summary.total })}>
      <div className="summary-main">
        <p className="summary-total">
          <span className="num big">{scorecard.summary.total}</span> {format(t.common.count, { count: "" }).trim()}
        </p>
        <StackedVerdictBar counts={withPending(scorecard.summary, scorecard.review !== null)} t={t} />
      </div>
      <ul className="summary-links">
        <li>
          {scorecard.plan ? (
            <Link href={`/reports/${scorecard.plan.reportId}`}>{format(t.scorecard.planReport, { year })}</Link>
          ) : (
            <span className="muted">{format(t.scorecard.noPlan, { year })}</span>
          )}
        </li>
        <li>
          {scorecard.review ? (
            <Link href={`/reports/${scorecard.review.reportId}`}>{format(t.scorecard.reviewReport, { year })}</Link>
          ) : (
            <span className="muted">{format(t.scorecard.noReview, { year })}</span>
          )}
        </li>
      </ul>
      <nav className="summary-export" aria-label={t.nav.export}>
        <a className="button" href={exportHref("csv")} download title={t.scorecard.exportHelp}>
          {t.scorecard.exportCsv}
        </a>
        <a className="button" href={exportHref("xlsx")} download title={t.scorecard.exportHelp}>
          {t.scorecard.exportXlsx}
        </a>
      </nav>
    </section>
  );
}

/** The two charts: verdicts by area, and target vs actual of the numeric headline indicators. */
export async function ScorecardCharts({ code, year }: { code: string; year: number }) {
  const [locale, scorecard] = await Promise.all([getLocale(), loadScorecard(code, year)]);
  if (!scorecard) return null;
  const byCategory = new Map<string, CategoryCounts>();
  for (const target of scorecard.targets) {
    if (target.match?.notATarget) continue;
    const counts = byCategory.get(target.category) ?? {
      category: target.category,
      met: 0,
      missed: 0,
      needs_review: 0,
      no_outcome: 0,
      pending: 0,
    };
    counts[shownVerdict(target, scorecard.review !== null)] += 1;
    byCategory.set(target.category, counts);
  }
  const order = (category: string) => {
    const index = (CATEGORIES as readonly string[]).indexOf(category);
    return index === -1 ? CATEGORIES.length : index;
  };
  const categories = [...byCategory.values()].sort((a, b) => order(a.category) - order(b.category));

  const candidates: HeadlinePair[] = [];
  for (const target of scorecard.targets) {
    const outcome = target.match?.outcome;
    const value = targetNumber(target);
    if (!target.headline || target.match?.notATarget || !outcome || outcome.value === null || value === null) continue;
    if (!target.unit || outcome.unit !== target.unit) continue;
    candidates.push({
      id: target.id,
      indicator: indicatorLabel(target.indicator, locale),
      target: value,
      actual: outcome.value,
      unit: target.unit,
      verdict: shownVerdict(target, scorecard.review !== null),
      estimated: outcome.estimated,
    });
  }
  const unitCounts = new Map<string, number>();
  for (const pair of candidates) unitCounts.set(pair.unit, (unitCounts.get(pair.unit) ?? 0) + 1);
  const unit = [...unitCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const pairs = candidates.filter((pair) => pair.unit === unit);

  return (
    <div className="chart-grid">
      <CategoryChart data={categories} />
      <TargetActualChart pairs={pairs} />
    </div>
  );
}

/** The full target table. */
export async function ScorecardTable({ code, year, initial }: { code: string; year: number; initial: TableUrlState }) {
  const [t, scorecard, viewer] = await Promise.all([getMessages(), loadScorecard(code, year), getViewer()]);
  if (!scorecard) return null;
  return (
    <TargetTable
      rows={scorecardRows(scorecard)}
      initial={initial}
      caption={format(t.scorecard.title, { name: scorecard.name, year })}
      code={code}
      year={year}
      access={correctAccess(viewer)}
    />
  );
}

/**
 * The period figures of multi-year reviews whose period includes the year (`年均增长7.1%`, `累计…`): context beside
 * the targets, never matched to one (verdicts.md "Periods are not years"); each links to its sentence. Nothing when
 * the year has none.
 */
export async function PeriodFigures({ code, year }: { code: string; year: number }) {
  const [t, locale, scorecard] = await Promise.all([getMessages(), getLocale(), loadScorecard(code, year)]);
  const figures = scorecard?.periodFigures ?? [];
  if (figures.length === 0) return null;
  return (
    <section className="period-figures" aria-labelledby="period-title" data-period-figures={figures.length}>
      <h2 id="period-title">{t.scorecard.periodTitle}</h2>
      <p className="field-hint">{format(t.scorecard.periodNotice, { year })}</p>
      <ScrollRegion label={t.scorecard.periodTitle}>
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t.scorecard.periodPeriod}</th>
              <th scope="col">{t.scorecard.periodIndicator}</th>
              <th scope="col" className="num">
                {t.scorecard.periodValue}
              </th>
              <th scope="col">{t.scorecard.periodSentence}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((figure) => (
              <tr key={figure.id} data-period-figure={figure.id}>
                <td className="period-span">
                  {format(t.scorecard.periodSpan, { first: figure.period[0], last: figure.period[1] })}
                </td>
                <td lang={indicatorLang(figure.indicator, locale)}>
                  {format(t.measureTitle[figure.measure], { indicator: indicatorLabel(figure.indicator, locale) })}
                </td>
                <td className="num">
                  {figure.estimated ? <EstimatedMark t={t} /> : null}
                  {formatQuantity(figure.value, figure.unit, locale)}
                </td>
                <td>
                  {figure.reportId ? (
                    <a href={`/reports/${figure.reportId}#o-${figure.id}`} title={t.table.evidenceLink}>
                      {figure.text}
                    </a>
                  ) : (
                    figure.text
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

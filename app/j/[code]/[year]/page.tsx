import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { loadJurisdictionYears, loadScorecard } from "@/app/_lib/data";
import type { SearchParams } from "@/app/_lib/params";
import { getViewer } from "@/app/_lib/viewer";
import { parseTableState } from "@/components/data-table/url-state";
import { JurisdictionPlace } from "@/components/hierarchy/jurisdiction-place";
import { HeadlineCards } from "@/components/scorecard/headline-cards";
import {
  PeriodFigures,
  ScorecardCharts,
  ScorecardSummary,
  ScorecardTable,
} from "@/components/scorecard/scorecard-widgets";
import { TARGET_COLUMN_IDS, TARGET_FILTER_KEYS, TARGET_GROUPS } from "@/components/scorecard/table-config";
import { YearSwitcher } from "@/components/scorecard/year-switcher";
import { EditorNotice } from "@/components/ui/notice";
import { CardsSkeleton, TableSkeleton, WidgetSkeleton } from "@/components/ui/skeleton";
import { WidgetBoundary } from "@/components/ui/widget-boundary";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { ZCode, ZYear } from "@/lib/schemas/store";
import { pathWithQuery, unavailableUnlessUp } from "@/lib/server/api";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string; year: string }>; searchParams: Promise<SearchParams> };
type RawParams = Awaited<Props["params"]>;

/** While the database is down the page's reads redirect to this 503 page, which offers the page again. */
const whileDown = <T,>(load: Promise<T>, raw: RawParams, query: SearchParams = {}) =>
  unavailableUnlessUp(load, pathWithQuery(`/j/${raw.code}/${raw.year}`, query));

async function resolve(raw: RawParams) {
  const code = ZCode.safeParse(raw.code);
  const year = ZYear.safeParse(raw.year);
  if (!code.success || !year.success) return null;
  const [years, scorecard] = await Promise.all([loadJurisdictionYears(code.data), loadScorecard(code.data, year.data)]);
  if (!years) return null;
  // A year is shown when it has a plan, targets or a review: a review-only year (its plan not imported) and a pending
  // year (its review not imported) have pages too.
  if (!scorecard && !years.years.some((y) => y.year === year.data)) return null;
  const kind: "review_only" | "pending" | "judged" =
    scorecard && !scorecard.plan && scorecard.targets.length === 0 && scorecard.review
      ? "review_only"
      : scorecard && !scorecard.review
        ? "pending"
        : "judged";
  return { code: code.data, year: year.data, years, scorecard, kind };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const raw = await params;
  const [found, t] = await whileDown(Promise.all([resolve(raw), getMessages()]), raw);
  return {
    title: found ? format(t.scorecard.title, { name: found.years.name, year: found.year }) : t.errors.notFoundTitle,
  };
}

/** One jurisdiction's plan year: headline cards, charts and the full table, each widget streamed on its own. */
export default async function ScorecardPage({ params, searchParams }: Props) {
  const [raw, query] = await Promise.all([params, searchParams]);
  const [found, t, viewer] = await whileDown(Promise.all([resolve(raw), getMessages(), getViewer()]), raw, query);
  if (!found) notFound();
  const { code, year, years, scorecard, kind } = found;
  const initial = parseTableState(query, TARGET_FILTER_KEYS, {
    columns: [...TARGET_COLUMN_IDS, "none"],
    groups: TARGET_GROUPS,
  });
  return (
    <>
      <JurisdictionPlace code={code} year={year} name={years.name} t={t} />
      <h1>{format(t.scorecard.title, { name: years.name, year })}</h1>
      <YearSwitcher data={years} year={year} t={t} />
      {kind === "review_only" && scorecard?.review ? (
        <section className="notice year-notice" aria-labelledby="year-kind-title" data-year-kind={kind}>
          <h2 id="year-kind-title">{format(t.scorecard.reviewOnlyTitle, { year })}</h2>
          <p>{format(t.scorecard.reviewOnlyNotice, { year })}</p>
          <ul>
            <li>
              <Link href={`/reports/${scorecard.review.reportId}`}>
                {format(t.scorecard.reviewOnlyReport, { year })}
              </Link>
            </li>
            <li>
              <Link href={`/review?code=${code}&year=${year}&tab=outcomes`}>{t.scorecard.reviewOnlyOutcomes}</Link>
            </li>
            {years.years.some((y) => y.year === year + 1 && y.targets > 0) ? (
              <li>
                {format(t.scorecard.reviewOnlyPlan, { year: year + 1 })}{" "}
                <Link href={`/j/${code}/${year + 1}`}>{format(t.common.yearSuffix, { year: year + 1 })}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {kind === "pending" ? (
        <section className="notice year-notice" aria-labelledby="year-kind-title" data-year-kind={kind}>
          <h2 id="year-kind-title">{format(t.scorecard.pendingTitle, { year })}</h2>
          <p>{format(t.scorecard.pendingNotice, { year, next: year + 1 })}</p>
        </section>
      ) : null}
      {kind === "review_only" ? null : (
        <EditorNotice viewer={viewer} t={t} next={`/j/${code}/${year}`} action={t.correct.signInNotice} />
      )}
      <WidgetBoundary>
        <Suspense fallback={<WidgetSkeleton label={t.common.loading} height={60} />}>
          <ScorecardSummary code={code} year={year} />
        </Suspense>
      </WidgetBoundary>
      {kind === "review_only" ? null : (
        <>
          <section aria-labelledby="headline-title">
            <h2 id="headline-title">{t.scorecard.headlineTitle}</h2>
            <WidgetBoundary title={t.scorecard.headlineTitle}>
              <Suspense fallback={<CardsSkeleton label={t.common.loading} />}>
                <HeadlineCards code={code} year={year} />
              </Suspense>
            </WidgetBoundary>
          </section>
          <WidgetBoundary title={t.scorecard.byCategory}>
            <Suspense
              fallback={
                // The charts' own height (target-actual-chart.tsx), so that the page does not jump when they come.
                <div className="chart-grid">
                  <WidgetSkeleton label={t.common.loading} height={260} />
                  <WidgetSkeleton label={t.common.loading} height={260} />
                </div>
              }
            >
              <ScorecardCharts code={code} year={year} />
            </Suspense>
          </WidgetBoundary>
          <section aria-labelledby="table-title">
            <h2 id="table-title">{t.scorecard.tableTitle}</h2>
            <WidgetBoundary title={t.scorecard.tableTitle}>
              <Suspense fallback={<TableSkeleton label={t.common.loading} rows={12} />}>
                <ScorecardTable code={code} year={year} initial={initial} />
              </Suspense>
            </WidgetBoundary>
          </section>
        </>
      )}
      <WidgetBoundary title={t.scorecard.periodTitle}>
        <Suspense fallback={null}>
          <PeriodFigures code={code} year={year} />
        </Suspense>
      </WidgetBoundary>
    </>
  );
}

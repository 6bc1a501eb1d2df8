import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { loadJurisdictionYears } from "@/app/_lib/data";
import type { SearchParams } from "@/app/_lib/params";
import { parseTableState } from "@/components/data-table/url-state";
import { HeadlineCards } from "@/components/scorecard/headline-cards";
import { ScorecardCharts, ScorecardSummary, ScorecardTable } from "@/components/scorecard/scorecard-widgets";
import { TARGET_COLUMN_IDS, TARGET_FILTER_KEYS, TARGET_GROUPS } from "@/components/scorecard/table-config";
import { YearSwitcher } from "@/components/scorecard/year-switcher";
import { CardsSkeleton, TableSkeleton, WidgetSkeleton } from "@/components/ui/skeleton";
import { WidgetBoundary } from "@/components/ui/widget-boundary";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { ZCode, ZYear } from "@/lib/schemas/store";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string; year: string }>; searchParams: Promise<SearchParams> };

async function resolve(params: Props["params"]) {
  const raw = await params;
  const code = ZCode.safeParse(raw.code);
  const year = ZYear.safeParse(raw.year);
  if (!code.success || !year.success) return null;
  const years = await loadJurisdictionYears(code.data);
  if (!years?.years.some((y) => y.year === year.data)) return null;
  return { code: code.data, year: year.data, years };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [found, t] = await Promise.all([resolve(params), getMessages()]);
  return {
    title: found ? format(t.scorecard.title, { name: found.years.name, year: found.year }) : t.errors.notFoundTitle,
  };
}

/** One jurisdiction's plan year: headline cards, charts and the full table, each widget streamed on its own. */
export default async function ScorecardPage({ params, searchParams }: Props) {
  const [found, t, query] = await Promise.all([resolve(params), getMessages(), searchParams]);
  if (!found) notFound();
  const { code, year, years } = found;
  const initial = parseTableState(query, TARGET_FILTER_KEYS, {
    columns: [...TARGET_COLUMN_IDS, "none"],
    groups: TARGET_GROUPS,
  });
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href="/">{t.nav.overview}</Link> / <span>{years.name}</span>
      </nav>
      <h1>{format(t.scorecard.title, { name: years.name, year })}</h1>
      <YearSwitcher data={years} year={year} t={t} />
      <WidgetBoundary>
        <Suspense fallback={<WidgetSkeleton label={t.common.loading} height={60} />}>
          <ScorecardSummary code={code} year={year} />
        </Suspense>
      </WidgetBoundary>
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
            <div className="chart-grid">
              <WidgetSkeleton label={t.common.loading} />
              <WidgetSkeleton label={t.common.loading} />
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
  );
}

import { Suspense } from "react";
import { one, type SearchParams } from "@/app/_lib/params";
import { OverviewFilters } from "@/components/hierarchy/overview-filters";
import { StaleReportsBanner } from "@/components/jobs/stale-notices";
import { OverviewList } from "@/components/overview/overview-list";
import { OverviewSearch } from "@/components/overview/overview-search";
import { TableSkeleton } from "@/components/ui/skeleton";
import { WidgetBoundary } from "@/components/ui/widget-boundary";
import { getMessages } from "@/lib/i18n/server";
import { ZOverviewQuery } from "@/lib/schemas/dashboard";

// Reads the database on every request: imports change what the overview shows.
export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = ZOverviewQuery.parse({
    q: one(params, "q"),
    page: one(params, "page"),
    level: one(params, "level"),
    province: one(params, "province"),
  });
  const t = await getMessages();
  const q = query.q ?? "";
  return (
    <>
      <h1>{t.overview.title}</h1>
      <p className="lead">{t.app.description}</p>
      <WidgetBoundary title={t.jobs.title}>
        <Suspense fallback={null}>
          <StaleReportsBanner />
        </Suspense>
      </WidgetBoundary>
      <OverviewSearch q={q} />
      <Suspense fallback={null}>
        <OverviewFilters q={q} level={query.level} province={query.province} />
      </Suspense>
      <WidgetBoundary title={t.overview.title}>
        <Suspense
          key={`${q}:${query.page}:${query.level}:${query.province}`}
          fallback={<TableSkeleton label={t.common.loading} />}
        >
          <OverviewList q={q} page={query.page} level={query.level} province={query.province} />
        </Suspense>
      </WidgetBoundary>
    </>
  );
}

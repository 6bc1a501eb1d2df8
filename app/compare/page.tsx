import type { Metadata } from "next";
import { Suspense } from "react";
import { many, one, type SearchParams } from "@/app/_lib/params";
import { CompareForm } from "@/components/compare/compare-form";
import { CompareResult } from "@/components/compare/compare-widgets";
import { WidgetSkeleton } from "@/components/ui/skeleton";
import { WidgetBoundary } from "@/components/ui/widget-boundary";
import { getDb } from "@/lib/db/client";
import { listIndicatorOptions } from "@/lib/db/queries/compare";
import { listJurisdictionNames } from "@/lib/db/queries/jurisdictions";
import { lexiconEntry } from "@/lib/engine/indicators";
import { getMessages } from "@/lib/i18n/server";
import { ZCompareQuery } from "@/lib/schemas/dashboard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).compare.title };
}

/** One indicator across years for several jurisdictions; the choice lives in the URL. Default: 全国, GDP growth. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const [t, indicators, jurisdictions] = await Promise.all([
    getMessages(),
    listIndicatorOptions(getDb()),
    listJurisdictionNames(getDb()),
  ]);
  const known = new Set(jurisdictions.map((j) => j.code));
  const chosen = many(params, "j").filter((code) => known.has(code));
  const fallback = known.has("000000") ? ["000000"] : jurisdictions.slice(0, 1).map((j) => j.code);
  const parsed = ZCompareQuery.parse({
    indicator: one(params, "indicator"),
    measure: one(params, "measure"),
    codes: chosen.length > 0 ? chosen : fallback,
    superior: one(params, "superior"),
  });
  // Any of an indicator's names opens it under its canonical one (`国内生产总值` → `地区生产总值`).
  const query = { ...parsed, indicator: lexiconEntry(parsed.indicator)?.name ?? parsed.indicator };
  return (
    <>
      <h1>{t.compare.title}</h1>
      <p className="lead">{t.compare.lead}</p>
      <CompareForm
        indicators={indicators}
        jurisdictions={jurisdictions}
        indicator={query.indicator}
        measure={query.measure}
        codes={query.codes}
        superior={query.superior}
      />
      {query.codes.length === 0 ? (
        <p className="empty-inline">{t.compare.noneSelected}</p>
      ) : (
        <WidgetBoundary title={t.compare.title}>
          <Suspense key={JSON.stringify(query)} fallback={<WidgetSkeleton label={t.common.loading} height={360} />}>
            <CompareResult query={query} />
          </Suspense>
        </WidgetBoundary>
      )}
    </>
  );
}

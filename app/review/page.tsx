import type { Metadata } from "next";
import { Suspense } from "react";
import { one, type SearchParams } from "@/app/_lib/params";
import { getViewer } from "@/app/_lib/viewer";
import { ReviewFilterForm } from "@/components/review/review-filters";
import { ReviewList } from "@/components/review/review-widgets";
import { EditorNotice } from "@/components/ui/notice";
import { TableSkeleton } from "@/components/ui/skeleton";
import { WidgetBoundary } from "@/components/ui/widget-boundary";
import { getDb } from "@/lib/db/client";
import { getReviewFilters } from "@/lib/db/queries/review";
import { getMessages } from "@/lib/i18n/server";
import { ZReviewQuery } from "@/lib/schemas/dashboard";
import { pathWithQuery, unavailableUnlessUp } from "@/lib/server/api";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).review.title };
}

/** Items needing a person, filtered in the URL; editors act on them, everyone else sees why they cannot. */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = ZReviewQuery.parse({
    code: one(params, "code"),
    year: one(params, "year"),
    reason: one(params, "reason"),
    tab: one(params, "tab"),
    context: one(params, "context"),
    page: one(params, "page"),
  });
  const here = pathWithQuery("/review", params);
  const [t, viewer, filters] = await unavailableUnlessUp(
    Promise.all([getMessages(), getViewer(), getReviewFilters(getDb())]),
    here,
  );
  const canEdit = viewer.editor !== null;
  return (
    <>
      <h1>{t.review.title}</h1>
      <p className="lead">{t.review.lead}</p>
      <EditorNotice viewer={viewer} t={t} next={here} action={t.review.signInToAct} />
      <ReviewFilterForm filters={filters} query={query} />
      <WidgetBoundary title={t.review.title}>
        <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton label={t.common.loading} rows={6} />}>
          <ReviewList query={query} canEdit={canEdit} />
        </Suspense>
      </WidgetBoundary>
    </>
  );
}

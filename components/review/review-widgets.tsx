import Link from "next/link";
import { hrefWith } from "@/app/_lib/params";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/lib/db/client";
import { getReviewPage } from "@/lib/db/queries/review";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { REVIEW_REASONS, type TReviewQuery } from "@/lib/schemas/dashboard";
import { ReviewQueue } from "./review-queue";

/** One page of the queue: counts per reason (as filter links), the items, and the pages. */
export async function ReviewList({ query, canEdit }: { query: TReviewQuery; canEdit: boolean }) {
  const [t, page] = await Promise.all([getMessages(), getReviewPage(getDb(), query)]);
  const link = (changes: Partial<TReviewQuery>) => {
    const next = { ...query, page: 1, ...changes };
    return hrefWith("/review", {
      code: next.code,
      year: next.year,
      reason: next.reason,
      page: next.page > 1 ? next.page : undefined,
    });
  };
  const filtered = query.code !== undefined || query.year !== undefined || query.reason !== undefined;
  return (
    <section aria-labelledby="queue-title">
      <ul className="reason-chips" aria-label={t.review.reason}>
        <li>
          <Link href={link({ reason: undefined })} aria-current={query.reason === undefined ? "true" : undefined}>
            {t.review.all}
          </Link>
        </li>
        {REVIEW_REASONS.map((reason) => (
          <li key={reason}>
            <Link href={link({ reason })} aria-current={query.reason === reason ? "true" : undefined}>
              {t.review.reasons[reason]} <span className="num">{page.counts[reason]}</span>
            </Link>
          </li>
        ))}
      </ul>
      <h2 id="queue-title" aria-live="polite">
        {format(t.review.count, { count: page.total })}
      </h2>
      {page.items.length === 0 ? (
        <p className="empty-inline">{filtered ? t.review.emptyFiltered : t.review.empty}</p>
      ) : (
        <ReviewQueue items={page.items} canEdit={canEdit} />
      )}
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} href={(p) => link({ page: p })} t={t} />
    </section>
  );
}

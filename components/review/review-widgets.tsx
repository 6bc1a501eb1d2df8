import Link from "next/link";
import { hrefWith } from "@/app/_lib/params";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/lib/db/client";
import { getReviewPage } from "@/lib/db/queries/review";
import { format } from "@/lib/i18n";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { REVIEW_REASONS, type TReviewQuery, type TReviewTab } from "@/lib/schemas/dashboard";
import { ReviewQueue } from "./review-queue";

/** Reasons that belong to the unclaimed-outcomes tab; every other reason is about targets. */
const OUTCOME_REASONS = new Set(["unmatched_outcome"]);

/**
 * One page of the queue: two tabs (targets; unclaimed outcomes, with period and descriptive figures hidden unless
 * asked for), counts per reason (as filter links), the items, and the pages — a page past the end says so.
 */
export async function ReviewList({ query, canEdit }: { query: TReviewQuery; canEdit: boolean }) {
  const [t, locale] = await Promise.all([getMessages(), getLocale()]);
  const page = await getReviewPage(getDb(), query, locale);
  const link = (changes: Partial<TReviewQuery>) => {
    const next = { ...query, page: 1, ...changes };
    return hrefWith("/review", {
      code: next.code,
      year: next.year,
      reason: next.reason,
      tab: next.tab,
      context: next.context ? 1 : undefined,
      page: next.page > 1 ? next.page : undefined,
    });
  };
  const tab: TReviewTab =
    page.tab ?? query.tab ?? (query.reason && OUTCOME_REASONS.has(query.reason) ? "outcomes" : "targets");
  const reasons = REVIEW_REASONS.filter((reason) => OUTCOME_REASONS.has(reason) === (tab === "outcomes"));
  const context = page.context ?? query.context === true;
  const pages = page.pageCount ?? Math.max(1, Math.ceil(page.total / page.pageSize));
  const pastEnd = page.items.length === 0 && page.total > 0 && page.page > pages;
  const filtered = query.code !== undefined || query.year !== undefined || query.reason !== undefined;
  return (
    <section aria-labelledby="queue-title">
      <nav aria-label={t.review.tabs}>
        <ul className="review-tabs">
          {(["targets", "outcomes"] as const).map((key) => (
            <li key={key}>
              <Link
                href={link({ tab: key, reason: undefined })}
                aria-current={tab === key ? "page" : undefined}
                data-tab={key}
              >
                {key === "targets" ? t.review.tabTargets : t.review.tabOutcomes}
                {page.tabs ? <span className="num muted"> {page.tabs[key]}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === "outcomes" ? (
        <p className="field-hint">
          {context ? null : `${t.review.contextHidden} `}
          <Link
            href={link({ context: !context, reason: query.reason })}
            role="switch"
            aria-checked={context}
            className="context-toggle"
          >
            <span aria-hidden="true">{context ? "☑" : "☐"}</span> {t.review.showContext}
          </Link>
          {page.hidden ? <span className="num muted"> ({page.hidden})</span> : null}
        </p>
      ) : null}
      <ul className="reason-chips" aria-label={t.review.reason}>
        <li>
          <Link href={link({ reason: undefined })} aria-current={query.reason === undefined ? "true" : undefined}>
            {t.review.all}
          </Link>
        </li>
        {reasons.map((reason) => (
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
      {pastEnd ? (
        <p className="empty-inline" data-past-end="true">
          {format(t.review.pastEnd, { page: pages, pages })} <Link href={link({ page: 1 })}>{t.review.firstPage}</Link>
          {pages > 1 ? (
            <>
              {" · "}
              <Link href={link({ page: pages })}>{t.review.lastPage}</Link>
            </>
          ) : null}
        </p>
      ) : page.items.length === 0 ? (
        <p className="empty-inline">{filtered ? t.review.emptyFiltered : t.review.empty}</p>
      ) : (
        <ReviewQueue items={page.items} canEdit={canEdit} />
      )}
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} href={(p) => link({ page: p })} t={t} />
    </section>
  );
}

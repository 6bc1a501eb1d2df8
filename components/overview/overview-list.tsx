import Link from "next/link";
import { hrefWith } from "@/app/_lib/params";
import { Pagination } from "@/components/ui/pagination";
import { TrendSparkline } from "@/components/ui/sparkline";
import { StackedVerdictBar } from "@/components/ui/stacked-bar";
import { trendNote, withPending } from "@/lib/charts/shares";
import { getDb } from "@/lib/db/client";
import { getOverview } from "@/lib/db/queries/overview";
import { format, type Messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

/** Every jurisdiction with its latest judged year: counts and shares by verdict, and the trend of the share met. */
export async function OverviewList({
  q,
  page,
  level,
  province,
}: {
  q: string;
  page: number;
  level?: string;
  province?: string;
}) {
  const [t, overview] = await Promise.all([getMessages(), getOverview(getDb(), { q, page, level, province })]);
  if (overview.total === 0 && !q) return <OverviewEmpty />;
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title" aria-live="polite">
        {q
          ? format(t.overview.results, { count: overview.total })
          : format(t.overview.count, { count: overview.total })}
      </h2>
      {overview.items.length === 0 ? (
        <p className="empty-inline">{format(t.overview.noMatch, { q })}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table overview-table">
            <thead>
              <tr>
                <th scope="col">{t.overview.jurisdictions}</th>
                <th scope="col">{t.overview.latestYear}</th>
                <th scope="col" className="num">
                  {t.overview.total}
                </th>
                <th scope="col">{t.overview.distribution}</th>
                <th scope="col">{t.overview.trend}</th>
              </tr>
            </thead>
            <tbody>
              {overview.items.map((item) => {
                const latest = item.latest && withPending(item.latest, item.latest.judged);
                return (
                  <tr key={item.code}>
                    <th scope="row">
                      <Link href={`/j/${item.code}`} className="jurisdiction-link">
                        {item.name}
                      </Link>
                      <span className="code num">{item.code}</span>
                    </th>
                    <td data-label={t.overview.latestYear}>
                      {latest ? (
                        <>
                          <Link href={`/j/${item.code}/${latest.year}`} className="num">
                            {format(t.common.yearSuffix, { year: latest.year })}
                          </Link>
                          {latest.judged ? null : (
                            <span className="badge badge-muted" title={t.overview.notJudgedHelp}>
                              {t.overview.notJudged}
                            </span>
                          )}
                        </>
                      ) : (
                        t.common.none
                      )}
                    </td>
                    <td className="num" data-label={t.overview.total}>
                      {latest?.total ?? 0}
                    </td>
                    <td data-label={t.overview.distribution}>
                      {latest ? <StackedVerdictBar counts={latest} t={t} /> : null}
                    </td>
                    <td data-label={t.overview.trend}>
                      <TrendSparkline name={item.name} years={item.years} t={t} />
                      {latest ? <TrendNoteText counts={latest} t={t} /> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={overview.page}
        pageSize={overview.pageSize}
        total={overview.total}
        href={(page) => hrefWith("/", { q, level, province, page })}
        t={t}
      />
    </section>
  );
}

/**
 * Beside the trend, honestly: the share met counts only met and missed targets, so say of how many, and how many of
 * the latest year are pending (no review yet), without outcome or awaiting a person.
 */
function TrendNoteText({ counts, t }: { counts: Parameters<typeof trendNote>[0]; t: Messages }) {
  const note = trendNote(counts);
  const parts = [
    note.share === null
      ? t.overview.trendNone
      : format(t.overview.trendShare, { share: Math.round(note.share * 100), met: note.met, judged: note.judged }),
    note.pending > 0 ? format(t.overview.trendPending, { count: note.pending }) : null,
    note.noOutcome > 0 ? format(t.overview.trendNoOutcome, { count: note.noOutcome }) : null,
    note.needsReview > 0 ? format(t.overview.trendReview, { count: note.needsReview }) : null,
  ].filter((part): part is string => part !== null);
  return <p className="trend-note muted">{parts.join(" · ")}</p>;
}

async function OverviewEmpty() {
  const t = await getMessages();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t.overview.emptyTitle}</h2>
      <p>{t.overview.emptyBody}</p>
      <h3>{t.overview.emptyStepsTitle}</h3>
      <ol>
        <li>{t.overview.emptyStep1}</li>
        <li>{t.overview.emptyStep2}</li>
        <li>
          {t.overview.emptyStep3} <code>{t.overview.emptyStep3Command}</code>
        </li>
      </ol>
      <Link href="/import" className="button primary">
        {t.overview.emptyAction}
      </Link>
    </section>
  );
}

import { format } from "@/lib/i18n";
import { getLocale, getMessages } from "@/lib/i18n/server";
import type { TPeers } from "@/lib/schemas/peers";
import { AmplificationTable } from "./amplification-table";
import { PeersChart } from "./peers-chart";
import { PeersTable } from "./peers-table";

/** The address of the same view's data: the table as CSV, or the research export of the same targets. */
function dataHref(path: string, peers: TPeers, extra: Record<string, string>): string {
  const params = new URLSearchParams({ indicator: peers.indicator, measure: peers.measure });
  if (peers.year !== null) params.set("year", String(peers.year));
  if (peers.scope.level) params.set("level", peers.scope.level);
  if (peers.scope.parent) params.set("parent", peers.scope.parent.code);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `${path}?${params.toString()}`;
}

/** The chart, the table and the amplification over the years of one peers view. */
export async function PeersResult({ peers, sort }: { peers: TPeers; sort: { id: string; desc: boolean } | null }) {
  const [t, locale] = await Promise.all([getMessages(), getLocale()]);
  if (peers.year === null || peers.rows.every((row) => row.target === null)) {
    return <p className="empty-inline">{t.peers.empty}</p>;
  }
  const current = peers.amplification.find((y) => y.year === peers.year);
  return (
    <>
      {current && current.compared > 0 ? (
        <p className="lead peers-summary" data-testid="peers-summary">
          {format(t.peers.summary, {
            year: String(current.year),
            targets: String(current.targets),
            compared: String(current.compared),
            above: String(current.above),
            equal: String(current.equal),
            below: String(current.below),
          })}
        </p>
      ) : null}
      <PeersChart peers={peers} />
      <div className="section-head">
        <h2 id="peers-table-title">{t.peers.tableTitle}</h2>
        <span className="section-actions">
          <a className="button" href={dataHref("/api/peers", peers, { format: "csv" })} download>
            {t.peers.exportCsv}
          </a>
          <a className="button" href={dataHref("/api/export", peers, { format: "csv" })} download>
            {t.peers.exportResearch}
          </a>
        </span>
      </div>
      <PeersTable rows={peers.rows} year={peers.year} initialSort={sort} />
      <section aria-labelledby="amplification-title">
        <h2 id="amplification-title">{t.peers.amplificationTitle}</h2>
        <p className="muted">{t.peers.amplificationLead}</p>
        <AmplificationTable years={peers.amplification} unit={peers.unit} t={t} locale={locale} />
      </section>
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { one, type SearchParams } from "@/app/_lib/params";
import { PeersForm } from "@/components/peers/peers-form";
import { PeersResult } from "@/components/peers/peers-result";
import { WidgetBoundary } from "@/components/ui/widget-boundary";
import { PEER_SORT_COLUMNS } from "@/lib/charts/peers";
import { getDb } from "@/lib/db/client";
import { listIndicatorOptions } from "@/lib/db/queries/compare";
import { listSuperiors } from "@/lib/db/queries/hierarchy";
import { getPeers } from "@/lib/db/queries/peers";
import { strengthCuesOf } from "@/lib/export/strength";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { ZPeersQuery } from "@/lib/schemas/peers";
import { readSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const [t, params] = await Promise.all([getMessages(), searchParams]);
  const query = ZPeersQuery.parse({ indicator: one(params, "indicator"), year: one(params, "year") });
  return { title: `${t.peers.title} · ${query.indicator}${query.year ? ` ${query.year}` : ""}` };
}

/** `sort=change.desc` of the address, when it names a sortable column. */
function sortOf(value: string | undefined): { id: string; desc: boolean } | null {
  const [id, direction] = (value ?? "").split(".");
  return id && (PEER_SORT_COLUMNS as readonly string[]).includes(id) ? { id, desc: direction === "desc" } : null;
}

/**
 * Peers: one indicator and year across the jurisdictions of a level or under a superior; the selection lives in the
 * address (`/peers?indicator=地区生产总值&measure=growth&year=2026&level=province`). Default: provinces, GDP growth,
 * the latest year with targets.
 */
export default async function PeersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = ZPeersQuery.parse({
    indicator: one(params, "indicator"),
    measure: one(params, "measure"),
    year: one(params, "year"),
    level: one(params, "level"),
    parent: one(params, "parent"),
  });
  const db = getDb();
  const [t, indicators, superiors, peers] = await Promise.all([
    getMessages(),
    listIndicatorOptions(db),
    listSuperiors(db),
    getPeers(db, query, strengthCuesOf(readSettings())),
  ]);
  if (!peers) notFound();
  const scope = peers.scope.parent
    ? peers.scope.level
      ? format(t.peers.scopeUnder, { parent: peers.scope.parent.name, level: t.peers.levels[peers.scope.level] })
      : format(t.peers.scopeChildren, { parent: peers.scope.parent.name })
    : format(t.peers.scopeLevel, { level: t.peers.levels[peers.scope.level ?? "province"] });
  return (
    <>
      <h1>{t.peers.title}</h1>
      <p className="lead">{t.peers.lead}</p>
      <PeersForm
        query={{ ...query, year: peers.year }}
        indicators={indicators}
        years={peers.years}
        superiors={superiors}
      />
      <h2 className="peers-scope" data-testid="peers-scope">
        {scope}
      </h2>
      <WidgetBoundary title={t.peers.title}>
        <PeersResult peers={peers} sort={sortOf(one(params, "sort"))} />
      </WidgetBoundary>
    </>
  );
}

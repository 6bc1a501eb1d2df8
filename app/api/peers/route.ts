import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/db/errors";
import { getPeers } from "@/lib/db/queries/peers";
import { peersCsv, peersFileName } from "@/lib/export/peers";
import { strengthCuesOf } from "@/lib/export/strength";
import { messages } from "@/lib/i18n";
import { ZPeers, ZPeersApiQuery } from "@/lib/schemas/peers";
import { handle, parseInput, queryOf, requestLocale, respond } from "@/lib/server/api";
import { readSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";

/**
 * `GET /api/peers?indicator=地区生产总值&measure=growth&year=2026&level=province[&parent=440000][&format=csv]`: the
 * peers screen's data — every jurisdiction of the scope with its target, last year's, the change, its superior's —
 * and the amplification of every year. 404 for an unknown superior.
 */
export const GET = handle(async (request) => {
  const { format, ...query } = parseInput(ZPeersApiQuery, queryOf(request));
  const peers = await getPeers(getDb(), query, strengthCuesOf(readSettings()));
  if (!peers) throw new DomainError(`no jurisdiction ${query.parent}`, 404);
  if (format === "json") return respond(ZPeers, peers);
  const locale = requestLocale(request);
  const name = peersFileName(peers);
  return new Response(peersCsv(peers, messages(locale), locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="luoshi-peers.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
});

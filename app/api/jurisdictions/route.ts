import { getDb } from "@/lib/db/client";
import { listJurisdictions } from "@/lib/db/queries/jurisdictions";
import { ZJurisdictionList, ZJurisdictionListQuery } from "@/lib/schemas/store";
import { handle, parseInput, queryOf, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** `GET /api/jurisdictions?q=&page=&pageSize=`: jurisdictions with reports, by code, with their report years. */
export const GET = handle(async (request) => {
  const query = parseInput(ZJurisdictionListQuery, queryOf(request));
  return respond(ZJurisdictionList, await listJurisdictions(getDb(), query));
});

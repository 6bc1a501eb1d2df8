import { getDb } from "@/lib/db/client";
import { listJurisdictions } from "@/lib/db/queries/jurisdictions";
import { ZJurisdictionList } from "@/lib/schemas/store";
import { handle, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

export const GET = handle(async () => respond(ZJurisdictionList, { items: await listJurisdictions(getDb()) }));

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { getEditHistory } from "@/lib/db/queries/review";
import { ZEditHistory } from "@/lib/schemas/dashboard";
import { ZId } from "@/lib/schemas/primitives";
import { handle, parseInput, parseNoQuery, requestLocale, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** `GET /api/targets/{id}/edits`: the audit trail of a target's match, newest first (reverted edits marked). */
export const GET = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const { id } = parseInput(z.object({ id: ZId }), await context.params);
  parseNoQuery(request);
  const history = await getEditHistory(getDb(), id, requestLocale(request));
  if (!history) throw new NotFoundError(`no target ${id}`);
  return respond(ZEditHistory, history);
});

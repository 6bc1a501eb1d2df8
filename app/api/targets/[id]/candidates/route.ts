import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { listCandidateOutcomes } from "@/lib/db/queries/review";
import { ZCandidateList } from "@/lib/schemas/dashboard";
import { ZId, ZText } from "@/lib/schemas/primitives";
import { handle, parseInput, queryOf, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/**
 * `GET /api/targets/{id}/candidates?q=`: the outcomes the target could be linked to (same jurisdiction and year),
 * best fitting first, each saying which other target has already taken it.
 */
export const GET = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const { id } = parseInput(z.object({ id: ZId }), await context.params);
  const { q } = parseInput(z.object({ q: ZText.max(60).optional() }).strict(), queryOf(request));
  const items = await listCandidateOutcomes(getDb(), id, q);
  if (!items) throw new NotFoundError(`no target ${id}`);
  return respond(ZCandidateList, { items });
});

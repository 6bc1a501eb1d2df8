import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { listTargetChoices } from "@/lib/db/queries/review";
import { ZTargetChoiceList } from "@/lib/schemas/dashboard";
import { ZId, ZText } from "@/lib/schemas/primitives";
import { handle, parseInput, queryOf, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** `GET /api/outcomes/{id}/targets?q=`: the plan's targets an unclaimed outcome could be matched to, best first. */
export const GET = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const { id } = parseInput(z.object({ id: ZId }), await context.params);
  const { q } = parseInput(z.object({ q: ZText.max(60).optional() }).strict(), queryOf(request));
  const items = await listTargetChoices(getDb(), id, q);
  if (!items) throw new NotFoundError(`no outcome ${id}`);
  return respond(ZTargetChoiceList, { items });
});

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { listTargetChoices } from "@/lib/db/queries/review";
import { ZTargetChoiceList } from "@/lib/schemas/dashboard";
import { handle, parseInput, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** `GET /api/outcomes/{id}/targets?q=`: the plan's targets an unclaimed outcome could be matched to, best first. */
export const GET = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const { id } = parseInput(z.object({ id: z.string().min(1).max(64) }), await context.params);
  const { q } = parseInput(z.object({ q: z.string().max(60).optional() }), {
    q: new URL(request.url).searchParams.get("q") ?? undefined,
  });
  const items = await listTargetChoices(getDb(), id, q);
  if (!items) throw new NotFoundError(`no outcome ${id}`);
  return respond(ZTargetChoiceList, { items });
});

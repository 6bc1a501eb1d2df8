import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { cancelJob } from "@/lib/db/jobs";
import { ZJob } from "@/lib/schemas/jobs";
import { ZId } from "@/lib/schemas/primitives";
import { handle, parseInput, parseNoQuery, respond } from "@/lib/server/api";
import { requireEditor } from "@/lib/server/auth";

export const dynamic = "force-dynamic";

/** Cancel a job: a queued one at once, a running one after its current document; 409 once it has ended. */
export const POST = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const editor = await requireEditor(request);
  const { id } = parseInput(z.object({ id: ZId }), await context.params);
  parseNoQuery(request);
  const job = await cancelJob(getDb(), id, editor.name);
  return respond(ZJob, job, { headers: { "cache-control": "no-store" } });
});

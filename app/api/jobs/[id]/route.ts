import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { getJob } from "@/lib/db/jobs";
import { ZJob } from "@/lib/schemas/jobs";
import { ZId } from "@/lib/schemas/primitives";
import { handle, parseInput, parseNoQuery, respond } from "@/lib/server/api";
import { requireEditorToRead } from "@/lib/server/auth";

export const dynamic = "force-dynamic";

/** One job, with its progress: what the overview's banner polls while a re-read runs. */
export const GET = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  await requireEditorToRead(request);
  const { id } = parseInput(z.object({ id: ZId }), await context.params);
  parseNoQuery(request);
  const job = await getJob(getDb(), id);
  if (!job) throw new NotFoundError(`no job ${id}`);
  return respond(ZJob, job, { headers: { "cache-control": "no-store" } });
});

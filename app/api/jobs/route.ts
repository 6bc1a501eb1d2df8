import { getDb } from "@/lib/db/client";
import { createJob, listJobs } from "@/lib/db/jobs";
import { ZJob, ZJobList, ZJobRequest } from "@/lib/schemas/jobs";
import { handle, parseInput, parseNoQuery, readJson, respond } from "@/lib/server/api";
import { requireEditor, requireEditorToRead } from "@/lib/server/auth";
import { wakeJobWorker } from "@/lib/server/job-worker";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

/** Start a background job: `{ kind: "reread", code?, year? }` → 201 and the queued job; 409 while one is active. */
export const POST = handle(async (request) => {
  const editor = await requireEditor(request);
  parseNoQuery(request);
  const body = parseInput(ZJobRequest, await readJson(request));
  const job = await createJob(getDb(), body, editor.name);
  wakeJobWorker();
  return respond(ZJob, job, { status: 201, headers: noStore });
});

/** The latest jobs, newest first. */
export const GET = handle(async (request) => {
  await requireEditorToRead(request);
  parseNoQuery(request);
  return respond(ZJobList, { items: await listJobs(getDb()) }, { headers: noStore });
});

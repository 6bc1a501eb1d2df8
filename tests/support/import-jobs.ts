/**
 * Import jobs in tests: `POST /api/import` answers 202 with a queued job; `runImport` runs the queued jobs to their
 * end here (the app's worker does in the server) and answers the job's files' results as the synchronous import
 * answered them, with the status it answered with (201, 200, 400 or 409). Any other answer (400, 401, 413…) is
 * returned as it is.
 */
import { getDb } from "@/lib/db/client";
import { combinedImportResult, importResultStatus } from "@/lib/db/import-jobs";
import { getJob } from "@/lib/db/jobs";
import { ZJob } from "@/lib/schemas/jobs";
import { runPendingJobs } from "@/lib/server/job-worker";

export async function runQueuedJobs(): Promise<void> {
  await runPendingJobs({ db: getDb, log: () => undefined });
}

export async function runImport(response: Response | Promise<Response>): Promise<Response> {
  const answer = await response;
  if (answer.status !== 202) return answer;
  const queued = ZJob.parse(await answer.json());
  await runQueuedJobs();
  // Requests made at once each run the queue: another may still be running this job when ours finds none left.
  let job = await getJob(getDb(), queued.id);
  for (let waited = 0; (job?.state === "running" || job?.state === "queued") && waited < 120_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (job?.state === "queued") await runQueuedJobs();
    job = await getJob(getDb(), queued.id);
  }
  if (!job?.files) throw new Error(`job ${queued.id} has no files`);
  if (job.state !== "done") throw new Error(`job ${queued.id} ended ${job.state}`);
  const result = combinedImportResult(job.files);
  return Response.json(result, { status: importResultStatus(result) });
}

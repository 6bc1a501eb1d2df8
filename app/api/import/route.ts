import { getDb } from "@/lib/db/client";
import { createImportJob, type ImportJobFile } from "@/lib/db/import-jobs";
import { ZJob } from "@/lib/schemas/jobs";
import { handle, respond } from "@/lib/server/api";
import { requireEditor } from "@/lib/server/auth";
import { readImportBody } from "@/lib/server/import-request";
import { wakeJobWorker } from "@/lib/server/job-worker";

export const dynamic = "force-dynamic";

/**
 * `POST /api/import` (editor): the upload (or the web addresses) is stored with a job of kind `import` and answered
 * at once, 202 with the queued job and its files; the job worker imports the files one after another, one
 * transaction per document (lib/server/import-job.ts), and `GET /api/jobs/{id}` gives each file's state and result
 * (`{ documents, failed, duplicates }` as a direct import answers: the same text again is `created: false`, a
 * document whose jurisdiction or year is unknown is in `failed` with `missing`, a near-duplicate of a stored report is
 * in `duplicates`, lib/db/duplicates.ts). Invalid input is refused here (400, 413), before any job.
 */
export const POST = handle(async (request) => {
  const editor = await requireEditor(request);
  const body = await readImportBody(request, editor.name);
  const files: ImportJobFile[] = [
    ...body.files.map((file) => ({
      name: file.filename,
      bytes: file.bytes,
      size: file.byteSize ?? file.bytes.byteLength,
    })),
    ...body.urls.map((url) => ({ url })),
  ];
  const given = { code: body.override.code, year: body.override.year, onDuplicate: body.onDuplicate };
  const params = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  const job = await createImportJob(getDb(), params, files, editor.name);
  wakeJobWorker();
  return respond(ZJob, job, { status: 202, headers: { "cache-control": "no-store" } });
});

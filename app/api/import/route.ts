import { getDb } from "@/lib/db/client";
import { importFile } from "@/lib/db/import";
import { type TImportResult, ZImportResult } from "@/lib/schemas/store";
import { handle, respond } from "@/lib/server/api";
import { requireEditor } from "@/lib/server/auth";
import { codedFailures, IMPORT_IDENTITY_FIELDS, readImportRequest } from "@/lib/server/import-request";
import { requestReader } from "@/lib/server/read-in-worker";
import { engineOptions } from "@/lib/server/settings";

export const dynamic = "force-dynamic";

/**
 * `POST /api/import` (editor): one transaction per document; the same text again is reported `created: false`. A
 * document whose jurisdiction or year the reader could not tell, and the request does not give, is reported in
 * `failed` with `missing` and nothing of it is written. A report mostly the same as a stored one is skipped and listed in
 * `duplicates` unless the request chooses `onDuplicate` = `replace` or `keep` (lib/db/duplicates.ts).
 */
export const POST = handle(async (request) => {
  const editor = await requireEditor(request);
  const inputs = await readImportRequest(request, editor.name);
  const result: TImportResult = { documents: [], failed: [], duplicates: [] };
  for (const input of inputs) {
    const one = await importFile(getDb(), input, {
      ...engineOptions(),
      identityPrompt: IMPORT_IDENTITY_FIELDS,
      onDuplicate: input.onDuplicate,
      read: requestReader(),
    });
    result.documents.push(...one.documents);
    result.failed.push(...codedFailures(one.failed));
    result.duplicates.push(...one.duplicates);
  }
  // Nothing stored because every document is a near-duplicate: the user is to choose (409 with the duplicates).
  const skipped = result.duplicates.some((d) => d.resolution === "skipped");
  const status =
    result.documents.length === 0
      ? skipped && result.failed.length === 0
        ? 409
        : 400
      : result.documents.some((d) => d.created)
        ? 201
        : 200;
  return respond(ZImportResult, result, { status });
});

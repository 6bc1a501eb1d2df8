import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { InvalidInputError } from "@/lib/db/errors";
import { type ImportFileInput, importFile } from "@/lib/db/import";
import { MAX_FILE_BYTES } from "@/lib/engine/reader";
import { type TImportResult, ZCode, ZImportJson, ZImportResult, ZYear } from "@/lib/schemas/store";
import { handle, parseInput, readJson, respond } from "@/lib/server/api";
import { requireEditor } from "@/lib/server/auth";
import { engineOptions } from "@/lib/server/settings";

export const dynamic = "force-dynamic";

const ZOverrideFields = z.object({ jurisdiction: ZCode.optional(), year: ZYear.optional() });
const emptyToUndefined = (value: FormDataEntryValue | null) => (value === null || value === "" ? undefined : value);

/** Multipart `files` (with optional `jurisdiction`, `year`), or JSON `{ filename, text, jurisdiction?, year? }`. */
async function inputsOf(request: Request, importedBy: string): Promise<ImportFileInput[]> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new InvalidInputError("the multipart body could not be read");
    }
    const override = parseInput(ZOverrideFields, {
      jurisdiction: emptyToUndefined(form.get("jurisdiction")),
      year: emptyToUndefined(form.get("year")),
    });
    const files = form.getAll("files").filter((entry): entry is File => typeof entry !== "string");
    if (files.length === 0) throw new InvalidInputError("no files: send them in the `files` field");
    return Promise.all(
      files.map(async (file) => {
        if (file.size > MAX_FILE_BYTES)
          return { filename: file.name, bytes: new Uint8Array(MAX_FILE_BYTES + 1), importedBy };
        return {
          filename: file.name || "upload.txt",
          bytes: new Uint8Array(await file.arrayBuffer()),
          override: { code: override.jurisdiction, year: override.year },
          importedBy,
        };
      }),
    );
  }
  const body = parseInput(ZImportJson, await readJson(request));
  return [
    {
      filename: body.filename,
      bytes: new TextEncoder().encode(body.text),
      override: { code: body.jurisdiction, year: body.year },
      importedBy,
    },
  ];
}

export const POST = handle(async (request) => {
  const editor = requireEditor(request);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_FILE_BYTES * 4) throw new InvalidInputError("the upload is larger than 200 MB");
  const inputs = await inputsOf(request, editor.name);
  const result: TImportResult = { documents: [], failed: [] };
  for (const input of inputs) {
    const one = await importFile(getDb(), input, engineOptions());
    result.documents.push(...one.documents);
    result.failed.push(...one.failed);
  }
  const status = result.documents.length === 0 ? 400 : result.documents.some((d) => d.created) ? 201 : 200;
  return respond(ZImportResult, result, { status });
});

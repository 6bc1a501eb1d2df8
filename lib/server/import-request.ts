/**
 * The body of `POST /api/import` and `POST /api/import/preview`: multipart `files` (with optional `jurisdiction`
 * and `year` fields), or JSON `{ filename, text, jurisdiction?, year? }`. Files over the reader's limit are not read
 * into memory; the import reports them by name and size.
 */
import { z } from "zod";
import { InvalidInputError } from "@/lib/db/errors";
import type { IdentityPrompt, ImportFileInput } from "@/lib/db/import";
import { MAX_FILE_BYTES } from "@/lib/engine/reader";
import { ZCode, ZImportJson, ZYear } from "@/lib/schemas/store";
import { parseInput, readJson } from "./api";

const ZOverrideFields = z.object({ jurisdiction: ZCode.optional(), year: ZYear.optional() });
const blankToUndefined = (value: FormDataEntryValue | null) => (value === null || value === "" ? undefined : value);

/** How an import request gives what the reader could not tell: named in the failure of such a document. */
export const IMPORT_IDENTITY_FIELDS: IdentityPrompt = {
  code: 'the "jurisdiction" field (a GB/T 2260 code)',
  year: 'the "year" field',
};

/** The upload, largest accepted body: a few files at the reader's limit. */
export const MAX_REQUEST_BYTES = MAX_FILE_BYTES * 4;

export async function readImportRequest(request: Request, importedBy: string): Promise<ImportFileInput[]> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) {
    throw new InvalidInputError(`the upload is larger than ${MAX_REQUEST_BYTES / 1048576} MB`);
  }
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    const body = parseInput(ZImportJson, await readJson(request));
    const override = { code: body.jurisdiction, year: body.year };
    return [{ filename: body.filename, bytes: new TextEncoder().encode(body.text), override, importedBy }];
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new InvalidInputError("the multipart body could not be read");
  }
  const fields = parseInput(ZOverrideFields, {
    jurisdiction: blankToUndefined(form.get("jurisdiction")),
    year: blankToUndefined(form.get("year")),
  });
  const override = { code: fields.jurisdiction, year: fields.year };
  const files = form.getAll("files").filter((entry): entry is File => typeof entry !== "string");
  if (files.length === 0) throw new InvalidInputError("no files: send them in the `files` field");
  return Promise.all(
    files.map(async (file) => {
      const filename = file.name || "upload.txt";
      if (file.size > MAX_FILE_BYTES)
        return { filename, bytes: new Uint8Array(), byteSize: file.size, override, importedBy };
      return { filename, bytes: new Uint8Array(await file.arrayBuffer()), override, importedBy };
    }),
  );
}

/**
 * The body of `POST /api/import` and `POST /api/import/preview`: multipart `files` (with optional `jurisdiction`,
 * `year` and `onDuplicate` fields), or JSON `{ filename, text, jurisdiction?, year?, onDuplicate? }`. Files over the reader's limit are not read
 * into memory; the import reports them by name and size.
 */
import { z } from "zod";
import { InvalidInputError } from "@/lib/db/errors";
import type { IdentityPrompt, ImportFileInput } from "@/lib/db/import";
import { MAX_FILE_BYTES } from "@/lib/engine/reader";
import { type TImportFailure, ZCode, ZDuplicateChoice, ZImportJson, ZYear } from "@/lib/schemas/store";
import { parseInput, readJson } from "./api";
import { PayloadTooLargeError, readFormData } from "./body";

const ZOverrideFields = z.object({
  jurisdiction: ZCode.optional(),
  year: ZYear.optional(),
  onDuplicate: ZDuplicateChoice.optional(),
});
const ZFileNames = z.object({ files: z.array(ZImportJson.shape.filename.unwrap()) });
const blankToUndefined = (value: FormDataEntryValue | null) => (value === null || value === "" ? undefined : value);

/** How an import request gives what the reader could not tell: named in the failure of such a document. */
export const IMPORT_IDENTITY_FIELDS: IdentityPrompt = {
  code: 'the "jurisdiction" field (a GB/T 2260 code)',
  year: 'the "year" field',
};

/**
 * The failures of an answer, each with its code: one the reader or the import did not code yet, but that names what
 * the document lacks (`missing`), is a `missing_identity`; any other is shown by its message.
 */
export function codedFailures(failed: TImportFailure[]): TImportFailure[] {
  return failed.map((failure) =>
    failure.code === undefined && failure.missing ? { ...failure, code: "missing_identity" } : failure,
  );
}

/** The upload, largest accepted body: a few files at the reader's limit. */
export const MAX_REQUEST_BYTES = MAX_FILE_BYTES * 4;

/**
 * The files of an import request, its body read within `limit` bytes (413 past it, whatever the body's framing).
 * Every caller takes the same limit: the import form previews exactly what it then saves.
 */
export async function readImportRequest(
  request: Request,
  importedBy: string,
  limit = MAX_REQUEST_BYTES,
): Promise<ImportFileInput[]> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    const body = parseInput(ZImportJson, await readJson(request, limit));
    const override = { code: body.jurisdiction, year: body.year };
    const bytes = new TextEncoder().encode(body.text);
    return [{ filename: body.filename, bytes, override, importedBy, onDuplicate: body.onDuplicate }];
  }
  let form: FormData;
  try {
    form = await readFormData(request, limit);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) throw error;
    throw new InvalidInputError("the multipart body could not be read");
  }
  const fields = parseInput(ZOverrideFields, {
    jurisdiction: blankToUndefined(form.get("jurisdiction")),
    year: blankToUndefined(form.get("year")),
    onDuplicate: blankToUndefined(form.get("onDuplicate")),
  });
  const override = { code: fields.jurisdiction, year: fields.year };
  const { onDuplicate } = fields;
  const files = form.getAll("files").filter((entry): entry is File => typeof entry !== "string");
  if (files.length === 0) throw new InvalidInputError("no files: send them in the `files` field");
  // File names are stored with the document: the same rule as a JSON import's `filename`.
  const { files: names } = parseInput(ZFileNames, { files: files.map((file) => file.name || "upload.txt") });
  return Promise.all(
    files.map(async (file, index) => {
      const filename = names[index] as string;
      if (file.size > MAX_FILE_BYTES)
        return { filename, bytes: new Uint8Array(), byteSize: file.size, override, importedBy, onDuplicate };
      return { filename, bytes: new Uint8Array(await file.arrayBuffer()), override, importedBy, onDuplicate };
    }),
  );
}

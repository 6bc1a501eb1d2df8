/**
 * The body of `POST /api/import` and `POST /api/import/preview`: multipart `files` (with optional `jurisdiction`,
 * `year`, `onDuplicate` and, for the import, `urls` fields), JSON `{ filename, text, jurisdiction?, year?, onDuplicate? }`,
 * or, for the import, JSON `{ urls, jurisdiction?, year?, onDuplicate? }`. Files over the reader's limit are not read
 * into memory; the import reports them by name and size.
 */
import { z } from "zod";
import { InvalidInputError } from "@/lib/db/errors";
import type { IdentityPrompt, ImportFileInput } from "@/lib/db/import";
import { MAX_FILE_BYTES } from "@/lib/engine/reader";
import {
  type TDuplicateChoice,
  type TImportFailure,
  ZCode,
  ZDuplicateChoice,
  ZImportJson,
  ZYear,
} from "@/lib/schemas/store";
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

/** Web addresses one request may import. */
export const MAX_IMPORT_URLS = 20;
const MAX_URL_LENGTH = 2_000;

/** A web address to import: http or https, of a sane length. */
export const ZImportUrl = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH, `at most ${MAX_URL_LENGTH} characters`)
  .pipe(z.url({ protocol: /^https?$/, error: "an http:// or https:// address" }));
const ZImportUrls = z.array(ZImportUrl).max(MAX_IMPORT_URLS, `at most ${MAX_IMPORT_URLS} addresses`);

/** `POST /api/import` with web addresses: `{ urls, jurisdiction?, year?, onDuplicate? }`. */
export const ZImportUrlsJson = z
  .object({
    urls: ZImportUrls.min(1, "give at least one address"),
    jurisdiction: ZCode.optional(),
    year: ZYear.optional(),
    onDuplicate: ZDuplicateChoice.optional(),
  })
  .strict();

/** An import request as sent: its files (read, or too large to read), its web addresses, and its choices. */
export interface ImportRequestBody {
  files: ImportFileInput[];
  urls: string[];
  override: { code?: string; year?: number };
  onDuplicate?: TDuplicateChoice;
}

/**
 * The files and web addresses of an import request, its body read within `limit` bytes (413 past it, whatever the
 * body's framing). Every caller takes the same limit: the import form previews exactly what it then saves. Web
 * addresses come as JSON `{ urls }` or as multipart `urls` fields (each may hold several, one per line).
 */
export async function readImportBody(
  request: Request,
  importedBy: string,
  limit = MAX_REQUEST_BYTES,
): Promise<ImportRequestBody> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    const json = await readJson(request, limit);
    if (typeof json === "object" && json !== null && "urls" in json) {
      const body = parseInput(ZImportUrlsJson, json);
      const override = { code: body.jurisdiction, year: body.year };
      return { files: [], urls: body.urls, override, onDuplicate: body.onDuplicate };
    }
    const body = parseInput(ZImportJson, json);
    const override = { code: body.jurisdiction, year: body.year };
    const bytes = new TextEncoder().encode(body.text);
    const file = { filename: body.filename, bytes, override, importedBy, onDuplicate: body.onDuplicate };
    return { files: [file], urls: [], override, onDuplicate: body.onDuplicate };
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
  const { urls } = parseInput(z.object({ urls: ZImportUrls }), {
    urls: form
      .getAll("urls")
      .filter((entry): entry is string => typeof entry === "string")
      .flatMap((entry) => entry.split(/\r?\n/))
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  });
  const files = form.getAll("files").filter((entry): entry is File => typeof entry !== "string");
  if (files.length === 0 && urls.length === 0)
    throw new InvalidInputError("no files: send them in the `files` field (or web addresses in `urls`)");
  // File names are stored with the document: the same rule as a JSON import's `filename`.
  const { files: names } = parseInput(ZFileNames, { files: files.map((file) => file.name || "upload.txt") });
  const inputs = await Promise.all(
    files.map(async (file, index): Promise<ImportFileInput> => {
      const filename = names[index] as string;
      if (file.size > MAX_FILE_BYTES)
        return { filename, bytes: new Uint8Array(), byteSize: file.size, override, importedBy, onDuplicate };
      return { filename, bytes: new Uint8Array(await file.arrayBuffer()), override, importedBy, onDuplicate };
    }),
  );
  return { files: inputs, urls, override, onDuplicate };
}

/** The files of an import request (the preview's: web addresses are fetched by the import job only). */
export async function readImportRequest(
  request: Request,
  importedBy: string,
  limit = MAX_REQUEST_BYTES,
): Promise<ImportFileInput[]> {
  const body = await readImportBody(request, importedBy, limit);
  if (body.files.length === 0) throw new InvalidInputError("no files: the preview reads files, not web addresses");
  return body.files;
}

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { InvalidInputError } from "@/lib/db/errors";
import { contentHash } from "@/lib/db/import";
import { findDocumentsByHash } from "@/lib/db/queries/report-view";
import { MAX_FILE_BYTES, ReadError, readFileBytes } from "@/lib/engine/reader";
import { divisionByCode } from "@/lib/engine/reader/document/divisions";
import { type TImportPreview, ZImportPreview } from "@/lib/schemas/dashboard";
import { ZCode, ZImportJson, ZYear } from "@/lib/schemas/store";
import { handle, parseInput, readJson, respond } from "@/lib/server/api";
import { requireEditor } from "@/lib/server/auth";

export const dynamic = "force-dynamic";

const ZOverride = z.object({ jurisdiction: ZCode.optional(), year: ZYear.optional() });
const blank = (value: FormDataEntryValue | null) => (value === null || value === "" ? undefined : value);

interface Upload {
  filename: string;
  bytes: Uint8Array;
}

async function uploadsOf(request: Request): Promise<{ uploads: Upload[]; override: z.infer<typeof ZOverride> }> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new InvalidInputError("the multipart body could not be read");
    }
    const override = parseInput(ZOverride, {
      jurisdiction: blank(form.get("jurisdiction")),
      year: blank(form.get("year")),
    });
    const files = form.getAll("files").filter((entry): entry is File => typeof entry !== "string");
    if (files.length === 0) throw new InvalidInputError("no files: send them in the `files` field");
    const uploads = await Promise.all(
      files.map(async (file) => ({
        filename: file.name || "upload.txt",
        bytes:
          file.size > MAX_FILE_BYTES ? new Uint8Array(MAX_FILE_BYTES + 1) : new Uint8Array(await file.arrayBuffer()),
      })),
    );
    return { uploads, override };
  }
  const body = parseInput(ZImportJson, await readJson(request));
  return {
    uploads: [{ filename: body.filename, bytes: new TextEncoder().encode(body.text) }],
    override: { jurisdiction: body.jurisdiction, year: body.year },
  };
}

/**
 * `POST /api/import/preview` (editor): what the reader finds in the files, without writing anything: jurisdiction,
 * year, sections, counts and headline targets of each report, and whether the same text is already stored.
 * Same bodies as `POST /api/import`.
 */
export const POST = handle(async (request) => {
  requireEditor(request);
  const { uploads, override } = await uploadsOf(request);
  const preview: TImportPreview = { documents: [], failed: [], override: null };
  if (override.jurisdiction !== undefined || override.year !== undefined) {
    const code = override.jurisdiction ?? null;
    const name = code === null ? null : code === "000000" ? "全国" : (divisionByCode(code)?.canonicalName ?? null);
    preview.override = { code, name, year: override.year ?? null };
  }
  const read: {
    file: string;
    encoding: string;
    hash: string;
    reports: TImportPreview["documents"][number]["reports"];
  }[] = [];
  for (const upload of uploads) {
    try {
      if (upload.bytes.byteLength > MAX_FILE_BYTES)
        throw new ReadError("too_large", upload.filename, "the file is larger than 50 MB");
      const documents = readFileBytes(upload.bytes, {
        filename: upload.filename,
        onProblem: (problem) => preview.failed.push({ file: problem.file, error: problem.message }),
      });
      for (const document of documents) {
        read.push({
          file: document.file,
          encoding: document.encoding,
          hash: contentHash(document.originalText),
          reports: document.reports.map((report) => ({
            kind: report.kind,
            jurisdiction: report.jurisdiction,
            code: report.code,
            year: report.year,
            planYear: report.planYear,
            reviewYear: report.reviewYear,
            confidence: report.confidence,
            sections: report.sections,
            targets: report.targets.length,
            outcomes: report.outcomes.length,
            headline: report.targets
              .filter((target) => target.headline)
              .map(({ indicator, measure, qualifier, value, min, max, unit, text }) => ({
                indicator,
                measure,
                qualifier,
                value,
                min,
                max,
                unit,
                text,
              })),
          })),
        });
      }
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      preview.failed.push({ file: upload.filename, error: error.message });
    }
  }
  const existing = await findDocumentsByHash(
    getDb(),
    read.map((d) => d.hash),
  );
  preview.documents = read.map(({ hash, ...document }) => ({ ...document, existing: existing.get(hash) ?? null }));
  return respond(ZImportPreview, preview);
});

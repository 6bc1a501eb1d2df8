import { getDb } from "@/lib/db/client";
import { contentHash, readImportFile } from "@/lib/db/import";
import { findDocumentsByHash } from "@/lib/db/queries/report-view";
import { divisionByCode } from "@/lib/engine/reader/document/divisions";
import { type TImportPreview, ZImportPreview } from "@/lib/schemas/dashboard";
import { figureOrNull } from "@/lib/schemas/primitives";
import { handle, respond } from "@/lib/server/api";
import { requireEditor } from "@/lib/server/auth";
import { codedFailures, readImportRequest } from "@/lib/server/import-request";
import { requestReader } from "@/lib/server/read-in-worker";

export const dynamic = "force-dynamic";

/**
 * `POST /api/import/preview` (editor): what the reader finds in the files, without writing anything: jurisdiction,
 * year, sections, counts and headline targets of each report, and whether the same text is already stored.
 * Same bodies as `POST /api/import`.
 */
export const POST = handle(async (request) => {
  const editor = await requireEditor(request);
  const uploads = await readImportRequest(request, editor.name);
  const override = { jurisdiction: uploads[0]?.override?.code, year: uploads[0]?.override?.year };
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
    const { documents, failed } = await readImportFile(upload, requestReader());
    preview.failed.push(...codedFailures(failed));
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
            // A figure the reader took from absurd text (a 400-digit number) is shown as none.
            .map(({ indicator, measure, qualifier, value, min, max, unit, text }) => ({
              indicator,
              measure,
              qualifier,
              value: figureOrNull(value),
              min: figureOrNull(min),
              max: figureOrNull(max),
              unit,
              text,
            })),
        })),
      });
    }
  }
  const existing = await findDocumentsByHash(
    getDb(),
    read.map((d) => d.hash),
  );
  preview.documents = read.map(({ hash, ...document }) => ({ ...document, existing: existing.get(hash) ?? null }));
  return respond(ZImportPreview, preview);
});

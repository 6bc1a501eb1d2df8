/**
 * The web import reads what the CLI reads: a PDF and a Word .docx uploaded as multipart files are previewed and
 * imported with their targets, and a PDF that cannot be read (a scan, a password) or an old .doc fails with its code,
 * nothing written. The route handlers are called as Next calls them, on a real database; the files are generated at
 * run time (tests/engine/reader/formats/).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as previewRoute from "@/app/api/import/preview/route";
import * as importJobRoute from "@/app/api/import/route";
import { PROVIDERS } from "@/lib/db/providers";
import { readFileBytes } from "@/lib/engine/reader";
import { ZImportPreview } from "@/lib/schemas/dashboard";
import { ZImportResult } from "@/lib/schemas/store";
import { REPORT_PARAGRAPHS, REPORT_TEXT, writeDocx } from "../engine/reader/formats/fixtures";
import { layoutPages, writePdf } from "../engine/reader/formats/pdf-writer";
import { runImport } from "../support/import-jobs";
import { openTestStore, rowCounts, type TestStore } from "../support/store";

/** `POST /api/import` with its job run to the end: the answer the import gives once done (tests/support/import-jobs.ts). */
const importRoute = {
  POST: (...args: Parameters<typeof importJobRoute.POST>) => runImport(importJobRoute.POST(...args)),
};

const ORIGIN = "http://luoshi.test";
const TOKEN = "import-formats-token";
const bearer = { authorization: `Bearer ${TOKEN}` };

const PDF = writePdf(
  layoutPages(REPORT_PARAGRAPHS, { header: "政府工作报告（全文）", pageNumbers: true, linesPerPage: 9 }),
);
/** The same report as another district's (青岛市市北区, 370203), so that it is a document of its own. */
const NORTH_PARAGRAPHS = REPORT_PARAGRAPHS.map((paragraph) => paragraph.replaceAll("市南区", "市北区"));
const DOCX = writeDocx(NORTH_PARAGRAPHS);
const SCAN = writePdf([{ image: true }, { image: true }]);
const ENCRYPTED = writePdf(layoutPages(REPORT_PARAGRAPHS), { encrypted: true });
const LEGACY_DOC = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);

/** The targets the reader finds in the report's plain text: what a PDF or .docx of it must give too. */
function targetsOfText(text: string): number {
  const [document] = readFileBytes(new TextEncoder().encode(text), { filename: "report.txt" });
  return document?.reports[0]?.targets.length ?? 0;
}

function upload(path: string, name: string, bytes: Uint8Array): Request {
  const body = new FormData();
  body.append("files", new Blob([Buffer.from(bytes)]), name);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers: bearer, body });
}

describe.each(PROVIDERS)("importing PDF and Word files on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    Object.assign(process.env, { DATABASE_URL: store.url, LUOSHI_API_TOKEN: TOKEN });
  });
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  it("previews a PDF's reports and headline targets, then imports them", async () => {
    const expected = targetsOfText(REPORT_TEXT);
    expect(expected).toBeGreaterThan(5);
    const preview = await previewRoute.POST(upload("/api/import/preview", "report.pdf", PDF), undefined);
    expect(preview.status).toBe(200);
    const read = ZImportPreview.parse(await preview.json());
    expect(read.failed).toEqual([]);
    expect(read.documents[0]?.reports.map((r) => [r.code, r.year, r.targets])).toEqual([["370202", 2024, expected]]);
    expect(read.documents[0]?.reports[0]?.headline).toContainEqual(
      expect.objectContaining({
        indicator: "地区生产总值",
        measure: "growth",
        qualifier: "about",
        value: 6,
        unit: "%",
      }),
    );

    const response = await importRoute.POST(upload("/api/import", "report.pdf", PDF), undefined);
    expect(response.status).toBe(201);
    const result = ZImportResult.parse(await response.json());
    const reportId = result.documents[0]?.reports[0]?.id;
    expect(result.documents[0]?.reports.map((r) => [r.code, r.year])).toEqual([["370202", 2024]]);
    expect(await store.db.target.count({ where: { reportId } })).toBe(expected);
    // The text read from the PDF is what is stored: a re-read needs no PDF library.
    const document = await store.db.document.findFirstOrThrow({ where: { sourceName: "report.pdf" } });
    expect(document.originalText).toBe(REPORT_TEXT);
  });

  it("imports a Word .docx with its targets", async () => {
    const expected = targetsOfText(NORTH_PARAGRAPHS.join("\n"));
    const response = await importRoute.POST(upload("/api/import", "report.docx", DOCX), undefined);
    expect(response.status).toBe(201);
    const result = ZImportResult.parse(await response.json());
    expect(result.documents[0]?.reports.map((r) => [r.code, r.year])).toEqual([["370203", 2024]]);
    const reportId = result.documents[0]?.reports[0]?.id;
    expect(await store.db.target.count({ where: { reportId } })).toBe(expected);
  });

  it("refuses a scanned PDF, a password-protected one and an old .doc by their codes, writing nothing", async () => {
    const before = await rowCounts(store.db);
    const scan = await importRoute.POST(upload("/api/import", "scan.pdf", SCAN), undefined);
    expect(scan.status).toBe(400);
    expect(ZImportResult.parse(await scan.json()).failed).toEqual([
      expect.objectContaining({ file: "scan.pdf", code: "no_text_layer", params: { pages: 2 } }),
    ]);
    const cases = [
      ["locked.pdf", ENCRYPTED, "encrypted"],
      ["old.doc", LEGACY_DOC, "legacy_format"],
    ] as const;
    for (const [name, bytes, code] of cases) {
      const preview = await previewRoute.POST(upload("/api/import/preview", name, bytes), undefined);
      expect(preview.status).toBe(200);
      const read = ZImportPreview.parse(await preview.json());
      expect(read.documents).toEqual([]);
      expect(read.failed.map((f) => [f.file, f.code])).toEqual([[name, code]]);
    }
    expect(await rowCounts(store.db)).toEqual(before);
  });
});

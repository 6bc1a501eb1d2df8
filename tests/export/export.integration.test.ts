/**
 * `GET /api/export` streamed from a real database holding the seeds and the national corpus, on SQLite and
 * PostgreSQL: the same bytes as rendering every row at once, pages that split a jurisdiction losing and repeating
 * nothing, an XLSX that reads back, and a 404 for a code no jurisdiction has.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/export/route";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { exportPages, exportRows } from "@/lib/db/queries/export";
import { readXlsx } from "@/lib/engine/reader/tables/xlsx";
import { FILE_COLUMNS } from "@/lib/export/columns";
import {
  csvLine,
  EXPORT_COLUMNS,
  type ExportRow,
  fileValues,
  headerOf,
  jsonObject,
  neutralised,
} from "@/lib/export/format";

/** The Chinese headers, the default language's. */
const ZH_HEADERS = FILE_COLUMNS.map((column) => headerOf(column, "zh-CN"));

import { renderExport } from "@/lib/export/stream";
import { NATIONAL, seedFiles } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const get = (query: string) => exportRoute.GET(new Request(`http://luoshi.test/api/export${query}`), undefined);
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe.each(PROVIDERS)("streamed export on %s", (provider) => {
  let store: TestStore;
  let all: ExportRow[];
  const saved = { ...process.env };

  beforeAll(async () => {
    store = await openTestStore(provider);
    process.env.DATABASE_URL = store.url;
    for (const file of [NATIONAL, ...seedFiles()]) {
      await importFile(store.db, { filename: file, bytes: new Uint8Array(readFileSync(file)) }, { tolerance: 0 });
    }
    // The rows as the export read them before it was paged: one query over everything.
    all = [];
    for await (const page of exportPages(store.db, {}, { pageSize: Number.MAX_SAFE_INTEGER })) all.push(...page);
  }, 600_000);
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  it("holds every target once, in the screens' order, as a plain query lists them", async () => {
    const targets = await store.db.target.findMany({
      select: { jurisdictionCode: true, planYear: true, reportId: true, text: true },
      orderBy: [{ jurisdictionCode: "asc" }, { planYear: "asc" }, { reportId: "asc" }, { position: "asc" }],
    });
    expect(targets.length).toBeGreaterThan(1000);
    expect(all.map((row) => [row.code, row.year, row.plan_report_id, row.target_text])).toEqual(
      targets.map((target) => [target.jurisdictionCode, target.planYear, target.reportId, target.text]),
    );
  });

  it("loses and repeats nothing when pages end in the middle of a jurisdiction and of a report", async () => {
    const pages: ExportRow[][] = [];
    for await (const page of exportPages(store.db, {}, { pageSize: 7 })) pages.push(page);
    expect(pages.flat()).toEqual(all);
    const splits = pages.slice(1).filter((page, i) => {
      const before = pages[i]?.at(-1);
      return before?.code === page[0]?.code && before?.plan_report_id === page[0]?.plan_report_id;
    });
    expect(splits.length).toBeGreaterThan(10);
    // A filter pages the same way.
    const code = all[Math.floor(all.length / 2)]?.code as string;
    const filtered: ExportRow[] = [];
    for await (const page of exportPages(store.db, { code }, { pageSize: 3 })) filtered.push(...page);
    expect(filtered).toEqual(all.filter((row) => row.code === code));
  });

  it("streams the CSV and JSON that rendering every row at once gives, byte for byte", async () => {
    const csv = await get("?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.body).toBeInstanceOf(ReadableStream);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      `attachment; filename="luoshi.csv"; filename*=UTF-8''luoshi.csv`,
    );
    const csvBytes = await bytesOf(csv);
    expect(Buffer.from(csvBytes).equals(Buffer.from(await renderExport(all, "csv")))).toBe(true);
    // The file as the whole-at-once writer laid it out, with text neutralised: built here, independently.
    const field = (value: unknown) => {
      if (value === null) return "";
      const text = typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    };
    const lines = [ZH_HEADERS.join(","), ...all.map((row) => fileValues(row, "zh-CN").map(field).join(","))];
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(csvBytes)).toBe(`\uFEFF${lines.join("\r\n")}\r\n`);
    expect(csvBytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));

    const json = await get("?format=json");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const text = new TextDecoder().decode(await bytesOf(json));
    const parsed = JSON.parse(text) as { rows: unknown[]; count: number; sha256: string };
    expect(parsed.rows).toEqual(all.map((row) => jsonObject(row, "zh-CN")));
    expect(parsed.count).toBe(all.length);
    expect(parsed.sha256).toBe(
      createHash("sha256")
        .update(all.map((row) => csvLine(row, "zh-CN")).join(""))
        .digest("hex"),
    );
  });

  it("filters by code and year as before", async () => {
    const response = await get("?code=370202&year=2019&format=json");
    expect(response.headers.get("content-disposition")).toContain(`filename="luoshi-370202-2019.json"`);
    const { rows } = (await response.json()) as { rows: unknown[] };
    expect(rows.length).toBeGreaterThan(0);
    const expected = all.filter((row) => row.code === "370202" && row.year === 2019);
    expect(rows).toEqual(expected.map((row) => jsonObject(row, "zh-CN")));
    expect(await exportRows(store.db, { code: "370202", year: 2019 })).toEqual(expected);
  });

  it("writes an XLSX that the app's reader reads back, row for row, text neutralised", async () => {
    const response = await get("?format=xlsx");
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = readXlsx(await bytesOf(response), {
      maxPartBytes: 512 * 1024 * 1024,
      maxRows: 1_000_000,
      maxColumns: 100,
    });
    expect(workbook.sheetNames).toEqual(["目标", "字段说明"]);
    const sheet = workbook.readSheet(0);
    expect(sheet.rows[0]?.cells).toEqual(ZH_HEADERS);
    expect(sheet.rows.length).toBe(all.length + 1);
    const expected = (row: ExportRow) =>
      fileValues(row, "zh-CN").map((value) => {
        if (value === null) return "";
        if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
        return typeof value === "string" ? neutralised(value) : value;
      });
    all.forEach((row, index) => {
      const cells = [...(sheet.rows[index + 1]?.cells ?? [])];
      while (cells.length < EXPORT_COLUMNS.length) cells.push("");
      expect(cells).toEqual(expected(row));
    });
  });

  it("answers 404 in JSON for a code no jurisdiction has, and an empty file for a year without targets", async () => {
    const unknown = await get("?code=999999&format=csv");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toMatch(/application\/json/);
    expect(await unknown.json()).toEqual({ error: "no jurisdiction has the code 999999" });
    expect((await get("?parent=999998&format=csv")).status).toBe(404);
    const empty = await get("?code=370202&year=1990&format=csv&lang=en");
    expect(empty.status).toBe(200);
    expect(await empty.text()).toBe(`${EXPORT_COLUMNS.join(",")}\r\n`);
    expect((await get("?code=37020&format=csv")).status).toBe(400);
  });

  it("stops reading when the client goes away", async () => {
    const response = await get("?format=json");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    // The database is still there for the next request.
    expect((await get("?code=370202&year=2019&format=csv")).status).toBe(200);
  });
});

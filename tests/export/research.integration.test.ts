/**
 * The research exports of the 31 provinces' 2026 reports and the State Council corpus, imported from
 * ../shared/corpus, through `GET /api/export` on SQLite and PostgreSQL: CSV with a byte-order mark and headers in
 * both languages, Parquet that reads back equal to the CSV, a Stata ZIP whose .do labels every column, citations
 * whose hash is the sha256 of the rows, the screens' filters, the public source URL of the CSV rows and .jsonl lines,
 * and 404 for codes no jurisdiction has.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/export/route";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { parseCsv } from "@/lib/engine/reader/tables/csv";
import { ZipArchive } from "@/lib/engine/reader/tables/zip";
import { EXPORT_COLUMNS, neutralised } from "@/lib/export/format";
import { NATIONAL, provinceFiles } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const get = (query: string) => exportRoute.GET(new Request(`http://luoshi.test/api/export?${query}`), undefined);
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const GDP_2026 = "level=province&parent=000000&year=2026&indicator=地区生产总值&measure=growth";

/** The CSV's text split at its header: the BOM, the header line and the data lines as written. */
function splitCsv(bytes: Uint8Array) {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const bom = text.startsWith("\uFEFF");
  const body = bom ? text.slice(1) : text;
  const headerEnd = body.indexOf("\r\n") + 2;
  const records = [...parseCsv(body)].map((record) => record.fields);
  return { bom, header: body.slice(0, headerEnd - 2), data: body.slice(headerEnd), records };
}

/** Stored ZIP entries inflated (the app's own reader of ZIPs). */
function unzip(bytes: Uint8Array): Map<string, string> {
  const zip = new ZipArchive(bytes);
  return new Map(
    [...zip.entries.keys()].map((name) => [
      name,
      new TextDecoder().decode(zip.read(name, 64 * 1024 * 1024) ?? new Uint8Array()),
    ]),
  );
}

describe.each(PROVIDERS)("research exports of the 2026 provinces on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };

  beforeAll(async () => {
    store = await openTestStore(provider);
    process.env.DATABASE_URL = store.url;
    for (const file of [...provinceFiles(), NATIONAL]) {
      await importFile(store.db, { filename: file, bytes: new Uint8Array(readFileSync(file)) }, { tolerance: 0 });
    }
  }, 600_000);
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  it("writes CSV with a byte-order mark, Chinese headers by default and English ones on request", async () => {
    const zh = splitCsv(await bytesOf(await get(`${GDP_2026}&format=csv`)));
    expect(zh.bom).toBe(true);
    expect(zh.header.split(",").slice(0, 6)).toEqual(["地区代码", "地区", "层级", "层级（文字）", "上级代码", "年份"]);
    const en = splitCsv(await bytesOf(await get(`${GDP_2026}&format=csv&lang=en`)));
    expect(en.bom).toBe(true);
    expect(en.header).toBe(EXPORT_COLUMNS.join(","));
    // The same rows; only the labels differ.
    const at = (name: string) => EXPORT_COLUMNS.indexOf(name);
    expect(en.records.slice(1).map((r) => r[at("code")])).toEqual(zh.records.slice(1).map((r) => r[at("code")]));
    expect(new Set(zh.records.slice(1).map((r) => r[at("verdict_label")]))).toEqual(new Set(["待回顾"]));
    expect(new Set(en.records.slice(1).map((r) => r[at("verdict_label")]))).toEqual(new Set(["Pending"]));
  });

  it("selects the provinces' 2026 GDP growth targets, as the database holds them", async () => {
    const response = await get(`${GDP_2026}&format=json&lang=en`);
    expect(response.headers.get("content-disposition")).toContain("luoshi-000000-province-2026");
    const { rows } = (await response.json()) as { rows: Record<string, unknown>[] };
    const codes = new Set(rows.map((row) => row.code));
    // Every province once or more (贵州's report also has a five-year figure the reader takes for a GDP target).
    expect(codes.size).toBe(31);
    expect([...codes].every((code) => /^\d{2}0000$/.test(String(code)) && code !== "000000")).toBe(true);
    const stored = await store.db.target.count({
      where: { planYear: 2026, measure: "growth", indicatorName: "地区生产总值", jurisdictionCode: { not: "000000" } },
    });
    expect(rows).toHaveLength(stored);
    expect(rows.every((row) => row.indicator_canonical === "地区生产总值" && row.parent_code === "000000")).toBe(true);
    // As the reports write them, checked by hand.
    const of = (code: string) => rows.find((row) => row.code === code && row.headline);
    expect(of("110000")).toMatchObject({ target_value: 5, qualifier: "about", wording: "左右", strength: "soft" });
    expect(of("130000")).toMatchObject({ target_value: 5, qualifier: "at_least", strength: "hard" });
    expect(of("120000")).toMatchObject({ target_value: 4.5, qualifier: "exact", strength: "none" });
    expect(of("140000")).toMatchObject({ target_min: 4.5, target_max: 5, qualifier: "range", strength: "none" });
    // No report reviews 2026 yet: pending, not failed, and the pending filter selects them all.
    expect(rows.every((row) => row.verdict === "pending")).toBe(true);
    const pending = (await (await get(`${GDP_2026}&verdict=pending&format=json`)).json()) as { rows: unknown[] };
    expect(pending.rows).toHaveLength(rows.length);
    const hard = (await (await get(`${GDP_2026}&strength=hard&format=json`)).json()) as {
      rows: { strength: string }[];
    };
    expect(hard.rows.length).toBe(rows.filter((row) => row.strength === "hard").length);
    expect(hard.rows.length).toBeGreaterThan(0);
    // The same filters without the parent, and with the level only, select the same rows.
    const level = (await (
      await get("level=province&year=2026&indicator=地区生产总值&measure=growth&format=json")
    ).json()) as {
      rows: unknown[];
    };
    expect(level.rows).toHaveLength(rows.length);
  });

  it("gives each row the public source URL of its CSV row and the file's name, never a server path", async () => {
    const response = await get("level=province&year=2026&format=json");
    const { rows } = (await response.json()) as { rows: Record<string, unknown>[] };
    expect(rows.length).toBeGreaterThan(500);
    const urls = new Map<string, string>();
    for (const file of provinceFiles()) {
      const [header, first] = [...parseCsv(readFileSync(file, "utf8").replace(/^\uFEFF/, ""))].map((r) => r.fields);
      urls.set(path.basename(file), String(first?.[header?.indexOf("source_url") ?? -1]));
    }
    for (const row of rows) {
      const file = String(row.source_file).replace(/:row \d+$/, "");
      expect(row.source_url).toBe(urls.get(file));
      expect(String(row.source_url)).toMatch(/^https?:\/\//);
      expect(String(row.source_file)).not.toMatch(/[\\/]|shared|corpus/);
      expect(String(row.publish_date)).toMatch(/^2026-\d\d-\d\d$/);
    }
    // A .jsonl line's `url` is its source too, for the plan and for the review that reports the outcome.
    const national = (await (await get("code=000000&year=2016&format=json")).json()) as {
      rows: Record<string, unknown>[];
    };
    expect(national.rows.length).toBeGreaterThan(0);
    expect(national.rows.every((row) => String(row.source_url).startsWith("https://zh.wikisource.org/"))).toBe(true);
    expect(national.rows.every((row) => String(row.source_file).startsWith("government_work_reports.jsonl:"))).toBe(
      true,
    );
    const reviewed = national.rows.filter((row) => row.outcome_report_id);
    expect(reviewed.length).toBeGreaterThan(0);
    expect(reviewed.every((row) => String(row.outcome_source_url).startsWith("https://zh.wikisource.org/"))).toBe(true);
    // Ratios and confidences are rounded, never 0.857142857…
    for (const row of national.rows) {
      for (const key of ["gap", "confidence"]) {
        const value = row[key];
        if (typeof value === "number") expect(Math.round(value * 1000) / 1000).toBe(value);
      }
    }
  });

  it("writes Parquet that reads back with hyparquet equal to the CSV rows, with the citation in its metadata", async () => {
    const csv = splitCsv(await bytesOf(await get(`level=province&year=2026&format=csv`)));
    const bytes = await bytesOf(await get(`level=province&year=2026&format=parquet`));
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = await parquetReadObjects({ file: buffer });
    expect(rows.length).toBe(csv.records.length - 1);
    const asCsv = (value: unknown) => {
      if (value === null || value === undefined) return "";
      return typeof value === "string" ? neutralised(value) : String(value);
    };
    rows.forEach((row, index) => {
      expect(EXPORT_COLUMNS.map((name) => asCsv(row[name]))).toEqual(csv.records[index + 1]);
    });
    const metadata = Object.fromEntries(
      (parquetMetadata(buffer).key_value_metadata ?? []).map(({ key, value }) => [key, value]),
    );
    expect(metadata["luoshi.sha256"]).toBe(sha256(csv.data));
    expect(metadata["luoshi.citation"]).toContain(`sha256:${sha256(csv.data)}`);
    expect(metadata["luoshi.rows"]).toBe(String(rows.length));
  });

  it("writes a Stata ZIP whose .do labels every column, and whose citation hashes its CSV's rows", async () => {
    const response = await get(`${GDP_2026}&format=stata`);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/\.zip"/);
    const files = unzip(await bytesOf(response));
    expect([...files.keys()]).toEqual(["luoshi.csv", "luoshi.do", "codebook.md", "CITATION.txt"]);
    const csv = splitCsv(new TextEncoder().encode(files.get("luoshi.csv")));
    expect(csv.bom).toBe(false);
    expect(csv.header).toBe(EXPORT_COLUMNS.join(","));
    const doFile = files.get("luoshi.do") ?? "";
    for (const name of EXPORT_COLUMNS) expect(doFile).toMatch(new RegExp(`^label variable ${name} \`".+"'$`, "m"));
    expect(doFile).toContain("label values verdict_n verdict_labels");
    const hash = sha256(csv.data);
    expect(files.get("CITATION.txt")).toContain(`sha256:${hash}`);
    expect(files.get("codebook.md")).toContain(hash);
    // The CSV download of the same filters and language has the same rows.
    const plain = splitCsv(await bytesOf(await get(`${GDP_2026}&format=csv`)));
    expect(plain.data).toBe(csv.data);
  });

  it("cites a plain CSV through the codebook answer, and an XLSX in its codebook sheet, hash recomputed from the rows", async () => {
    const csv = splitCsv(await bytesOf(await get(`${GDP_2026}&format=csv&lang=en`)));
    const codebook = await get(`${GDP_2026}&format=csv&lang=en&codebook=1`);
    expect(codebook.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const markdown = await codebook.text();
    expect(markdown).toContain(`sha256:${sha256(csv.data)}`);
    expect(markdown).toContain(`${csv.records.length - 1} rows`);
    for (const name of EXPORT_COLUMNS) expect(markdown).toContain(`| ${name} |`);

    const workbook = new ExcelJS.Workbook();
    const xlsx = await bytesOf(await get(`${GDP_2026}&format=xlsx`));
    await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    const zhCsv = splitCsv(await bytesOf(await get(`${GDP_2026}&format=csv`)));
    expect(workbook.getWorksheet("目标")?.rowCount).toBe(zhCsv.records.length);
    expect(workbook.getWorksheet("字段说明")?.getCell(5, 2).value).toBe(sha256(zhCsv.data));
  });

  it("answers 404 for a code or a parent no jurisdiction has, and 400 for a bad filter", async () => {
    for (const query of ["code=999999", "parent=999999", "code=999999&format=parquet"]) {
      const response = await get(query);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "no jurisdiction has the code 999999" });
    }
    expect((await get("level=village")).status).toBe(400);
    expect((await get("year=2026-2020")).status).toBe(400);
  });
});

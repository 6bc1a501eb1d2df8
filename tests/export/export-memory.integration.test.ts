/**
 * An export of a store of about 200 000 targets (SQLite, written with the bulk writer) through `luoshi export --out`,
 * as CSV, XLSX and Parquet, in a child process whose JavaScript heap is capped at 128 MB: reading every row first, as
 * the export once did, needs well over 1 GB there, so the export completing at all shows that memory does not grow
 * with the store. The test asserts only that the files are complete and well-formed; the child's peak RSS is
 * printed, not asserted.
 * `npm run bench export` measures the API route the same way.
 */
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { parquetMetadata } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/engine/reader/tables/csv";
import { ZipArchive } from "@/lib/engine/reader/tables/zip";
import { EXPORT_COLUMNS } from "@/lib/export/format";
import { runCli } from "../cli/run-cli";
import { openTestStore, type TestStore } from "../support/store";
import { writeSyntheticStore } from "./support/synthetic";

const SHAPE = { jurisdictions: 334, years: 10, targets: 60 };
const HEAP_CAP = "--max-old-space-size=128";

describe("an export of ~200 000 targets with a 128 MB heap", () => {
  let store: TestStore;
  let dir: string;
  let total: number;

  beforeAll(async () => {
    store = await openTestStore("sqlite");
    total = await writeSyntheticStore(store.db, "sqlite", SHAPE);
    dir = await mkdtemp(path.join(tmpdir(), "luoshi-export-memory-"));
  }, 300_000);
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const exportTo = async (format: string) => {
    const out = path.join(dir, `all.${format}`);
    const result = await runCli(["export", "--format", format, "--lang", "en", "--out", out], {
      env: { DATABASE_URL: store.url, NODE_OPTIONS: HEAP_CAP },
    });
    expect(result.stderr).toBe(`wrote ${total} rows to ${out}\n`);
    expect(result.code).toBe(0);
    const mb = statSync(out).size / 1048576;
    console.log(
      `export ${format}: ${total} rows, ${mb.toFixed(1)} MB, child peak RSS ${result.maxRssMb.toFixed(0)} MB`,
    );
    return { out, mb };
  };

  it("writes every row of the CSV, well-formed, negative numbers as numbers and formula-like text neutralised", async () => {
    expect(total).toBe(SHAPE.jurisdictions * SHAPE.years * SHAPE.targets);
    const { out, mb } = await exportTo("csv");
    expect(mb).toBeGreaterThan(50);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith(`\uFEFF${EXPORT_COLUMNS.join(",")}\r\n`)).toBe(true);
    const targetText = EXPORT_COLUMNS.indexOf("target_text");
    const targetValue = EXPORT_COLUMNS.indexOf("target_value");
    let records = 0;
    let neutralisedCount = 0;
    let negatives = 0;
    for (const record of parseCsv(text.slice(1))) {
      records += 1;
      expect(record.fields.length).toBe(EXPORT_COLUMNS.length);
      const field = record.fields[targetText] as string;
      expect(/^[=+\-@]/.test(field)).toBe(false);
      if (field.startsWith("'")) neutralisedCount += 1;
      if (record.fields[targetValue] === "-0.5") negatives += 1;
    }
    expect(records).toBe(total + 1);
    expect(neutralisedCount).toBe((total * 4) / 5);
    expect(negatives).toBeGreaterThan(0);
  }, 600_000);

  it("writes every row of the XLSX into a ZIP that inflates whole", async () => {
    const { out } = await exportTo("xlsx");
    const zip = new ZipArchive(new Uint8Array(readFileSync(out)));
    const sheet = zip.entries.get("xl/worksheets/sheet1.xml");
    expect(sheet).toBeDefined();
    // The sheet's XML is hundreds of MB: inflated as a stream and its rows counted, not held.
    const bytes = readFileSync(out);
    const at = sheet?.localHeaderOffset ?? 0;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    let rows = 0;
    let carry = "";
    let size = 0;
    for await (const chunk of Readable.from([bytes.subarray(start, start + (sheet?.compressedSize ?? 0))]).pipe(
      createInflateRaw(),
    ) as AsyncIterable<Buffer>) {
      size += chunk.length;
      const text = carry + chunk.toString("latin1");
      rows += text.split("</row>").length - 1;
      carry = text.slice(-5);
    }
    expect(size).toBe(sheet?.size);
    expect(rows).toBe(total + 1);
  }, 600_000);

  it("writes every row of the Parquet file, in row groups, with the row count and hash in its footer", async () => {
    const { out } = await exportTo("parquet");
    const bytes = readFileSync(out);
    const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(Number(metadata.num_rows)).toBe(total);
    expect(metadata.row_groups.length).toBeGreaterThan(10);
    const kv = Object.fromEntries((metadata.key_value_metadata ?? []).map(({ key, value }) => [key, value]));
    expect(kv["luoshi.rows"]).toBe(String(total));
    expect(kv["luoshi.sha256"]).toMatch(/^[0-9a-f]{64}$/);
  }, 600_000);
});

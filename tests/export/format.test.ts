/**
 * The export's writers on rows made here: CSV fields neutralised against formula injection and quoted per RFC 4180,
 * headers and labels in each language, JSON laid out as `JSON.stringify` would with its hash and citation after the
 * rows, and the streamed XLSX read back by the app's own reader and by ExcelJS.
 */
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "@/lib/engine/reader/tables/xlsx";
import { ZipArchive } from "@/lib/engine/reader/tables/zip";
import {
  csvCell,
  csvHeader,
  csvLine,
  DataTally,
  EXPORT_COLUMNS,
  type ExportRow,
  jsonObject,
  neutralised,
} from "@/lib/export/format";
import { exportChunks, readableStreamOf, renderExport } from "@/lib/export/stream";
import { xlsxChunks, xlsxText } from "@/lib/export/xlsx";

const row = (overrides: Partial<ExportRow> = {}): ExportRow => ({
  code: "370202",
  jurisdiction: "青岛市市南区",
  year: 2019,
  indicator: "地区生产总值",
  level: "county",
  parent_code: "370200",
  indicator_canonical: "地区生产总值",
  category: "经济发展",
  measure: "growth",
  qualifier: "about",
  wording: "左右",
  strength: "soft",
  target_value: 6.5,
  target_min: null,
  target_max: null,
  stretch: null,
  target_unit: "%",
  polarity: "higher_better",
  headline: true,
  target_text: "地区生产总值增长6.5%左右",
  verdict: "missed",
  confidence: 0.9,
  reason: "",
  gap: -0.5,
  gap_unit: "个百分点",
  manual: false,
  not_a_target: false,
  outcome_value: 6,
  outcome_unit: "%",
  outcome_text: "增长6%",
  estimated: false,
  outcome_report_id: "review1",
  outcome_source: "002.txt",
  outcome_source_url: null,
  reader_version: "test",
  source_url: "https://example.gov.cn/2019.html",
  source_file: "001.txt",
  publish_date: "2019-01-20",
  plan_report_id: "plan1",
  start: 10,
  end: 24,
  ...overrides,
});

async function* pagesOf(...pages: ExportRow[][]): AsyncGenerator<ExportRow[]> {
  for (const page of pages) yield page;
}

async function bytesOf(chunks: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(parts));
}

describe("CSV fields", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+cmd", "'+cmd"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", '"\'\r=1+1"'],
    ['=HYPERLINK("http://x","a,b")', `"'=HYPERLINK(""http://x"",""a,b"")"`],
  ])("neutralises text that a spreadsheet would run: %j", (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it("leaves numbers as numbers, negative ones included, and ordinary text alone", () => {
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(null)).toBe("");
    expect(csvCell("地区生产总值增长6.5%左右")).toBe("地区生产总值增长6.5%左右");
    expect(csvCell("2+3")).toBe("2+3");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("—3")).toBe("—3");
    expect(neutralised("")).toBe("");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("增长6%，高于5%")).toBe("增长6%，高于5%");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('他说"稳"')).toBe('"他说""稳"""');
    expect(csvCell("一行\n二行")).toBe('"一行\n二行"');
    expect(csvCell("一行\r\n二行")).toBe('"一行\r\n二行"');
    expect(csvCell('-"x",\n')).toBe(`"'-""x"",\n"`);
  });
});

describe("CSV export", () => {
  it("starts with a byte-order mark (unless told not to), a header, and a CRLF line per row", async () => {
    const rows = [row({ reason: "a,b" }), row({ target_text: "=1+1", gap: -0.5, outcome_text: "-2+3" })];
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await renderExport(rows, "csv", { lang: "en" }));
    expect(text.startsWith(`\uFEFF${EXPORT_COLUMNS.join(",")}\r\n`)).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    const cells = (lines[2] as string).split(",");
    expect(cells[EXPORT_COLUMNS.indexOf("target_text")]).toBe("'=1+1");
    expect(cells[EXPORT_COLUMNS.indexOf("gap")]).toBe("-0.5");
    expect(cells[EXPORT_COLUMNS.indexOf("outcome_text")]).toBe("'-2+3");
    expect(lines[1]).toContain(',"a,b",');
    const plain = new TextDecoder().decode(
      await bytesOf(exportChunks(pagesOf(rows), "csv", { bom: false, lang: "en" })),
    );
    expect(plain).toBe(text.slice(1));
  });

  it("heads its columns in Chinese by default and in English on request, labels beside the codes", async () => {
    const rows = [row()];
    const zh = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await renderExport(rows, "csv"));
    const [zhHeader, zhRow] = zh.slice(1).split("\r\n");
    const zhCells = (zhHeader as string).split(",");
    expect(zhCells.slice(0, 4)).toEqual(["地区代码", "地区", "层级", "层级（文字）"]);
    expect(zhCells).toContain("结论（文字）");
    const values = (zhRow as string).split(",");
    expect(values[EXPORT_COLUMNS.indexOf("verdict")]).toBe("missed");
    expect(values[EXPORT_COLUMNS.indexOf("verdict_label")]).toBe("未完成");
    expect(values[EXPORT_COLUMNS.indexOf("strength_label")]).toBe("软约束");
    expect(values[EXPORT_COLUMNS.indexOf("polarity_label")]).toBe("越高越好");
    const en = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await renderExport(rows, "csv", { lang: "en" }));
    const [enHeader, enRow] = en.slice(1).split("\r\n");
    expect(enHeader).toBe(EXPORT_COLUMNS.join(","));
    const enValues = (enRow as string).split(",");
    expect(enValues[EXPORT_COLUMNS.indexOf("verdict_label")]).toBe("Missed");
    expect(enValues[EXPORT_COLUMNS.indexOf("level_label")]).toBe("County");
    expect(enValues[EXPORT_COLUMNS.indexOf("gap_unit_label")]).toBe("Percentage points");
    expect(csvHeader("zh-CN").split(",")).toHaveLength(EXPORT_COLUMNS.length);
  });

  it("is the same whichever way the rows are paged", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => row({ position: i } as Partial<ExportRow>));
    const whole = await renderExport(rows, "csv");
    const paged = await bytesOf(exportChunks(pagesOf(rows.slice(0, 3), [], rows.slice(3)), "csv"));
    expect(Buffer.from(paged).equals(Buffer.from(whole))).toBe(true);
  });
});

describe("JSON export", () => {
  it.each([0, 1, 5])("lays %i rows out as JSON.stringify does, then their count, hash and citation", async (count) => {
    const rows = Array.from({ length: count }, (_, i) => row({ target_text: `第${i}项\n"引号"`, gap: -i }));
    const now = new Date("2026-03-01T00:00:00Z");
    const text = new TextDecoder().decode(await renderExport(rows, "json", { now, filters: "year=2019" }));
    const parsed = JSON.parse(text) as { citation: string; codebook: unknown };
    const sha256 = createHash("sha256")
      .update(rows.map((r) => csvLine(r, "zh-CN")).join(""))
      .digest("hex");
    const expected = { rows: rows.map((r) => jsonObject(r, "zh-CN")), count, sha256, citation: parsed.citation };
    expect(text).toBe(`${JSON.stringify({ ...expected, codebook: parsed.codebook }, null, 2)}\n`);
    expect(parsed.citation).toContain(`sha256:${sha256}`);
    expect(parsed.citation).toContain("year=2019");
    expect(parsed.citation).toContain("2026-03-01");
    const paged = await bytesOf(
      exportChunks(pagesOf(rows.slice(0, 2), [], rows.slice(2)), "json", { now, filters: "year=2019" }),
    );
    expect(new TextDecoder().decode(paged)).toBe(text);
  });
});

describe("XLSX export", () => {
  const limits = { maxPartBytes: 50 * 1024 * 1024, maxRows: 100_000, maxColumns: 100 };

  it("escapes what XML cannot hold and what OOXML would read as an escape", () => {
    expect(xlsxText('a<b>&"c"')).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
    expect(xlsxText("一\r\n二")).toBe("一_x000D_\n二");
    expect(xlsxText("\u0001\u000b")).toBe("_x0001__x000B_");
    expect(xlsxText("_x000D_")).toBe("_x005F_x000D_");
    expect(xlsxText("\uD800x")).toBe("\uFFFDx");
    expect(xlsxText("😀")).toBe("😀");
  });

  const citation = () => ({ line: "cite", sha256: "abc", filters: "", rows: 0 });
  const xlsxOf = (pages: AsyncIterable<ExportRow[]>, lang: "zh-CN" | "en" = "en", rowsPerSheet?: number) =>
    bytesOf(xlsxChunks(pages, new DataTally(lang), citation, { rowsPerSheet }));

  it("reads back through the app's reader: types kept, formulas neutralised, empty text left empty", async () => {
    const tricky = row({
      code: "000000",
      target_text: "=1+1",
      outcome_text: "一\r\n二 <&> _x000D_ \u0001",
      reason: " 前后有空格 ",
      gap: -0.5,
      target_value: null,
      outcome_source: "@SUM(A1)",
      outcome_report_id: null,
    });
    const rows = [row(), tricky, row({ jurisdiction: "-2+3", headline: false })];
    const workbook = readXlsx(await xlsxOf(pagesOf(rows.slice(0, 1), rows.slice(1))), limits);
    expect(workbook.sheetNames).toEqual(["targets", "codebook"]);
    const sheet = workbook.readSheet(0);
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(sheet.rows[0]?.cells).toEqual(EXPORT_COLUMNS);
    const cellsOf = (index: number) => {
      const cells = sheet.rows[index]?.cells ?? [];
      return Object.fromEntries(EXPORT_COLUMNS.map((column, i) => [column, cells[i] ?? ""]));
    };
    expect(cellsOf(1)).toMatchObject({ code: "370202", year: 2019, target_value: 6.5, headline: "TRUE", gap: -0.5 });
    expect(cellsOf(2)).toMatchObject({
      code: "000000",
      target_text: "'=1+1",
      outcome_text: "一\r\n二 <&> _x000D_ \u0001",
      reason: " 前后有空格 ",
      gap: -0.5,
      target_value: "",
      outcome_source: "'@SUM(A1)",
      outcome_report_id: "",
      verdict_label: "Missed",
    });
    expect(cellsOf(3)).toMatchObject({ jurisdiction: "'-2+3", headline: "FALSE" });
  });

  it("opens in ExcelJS with a bold header, text codes, typed cells and a codebook sheet", async () => {
    const rows = [row(), row({ code: "000000", parent_code: null, target_text: "+cmd", gap: -0.25 })];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderExport(rows, "xlsx")) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("目标");
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet?.getCell(1, 1).value).toBe("地区代码");
    expect(sheet?.getCell(3, 1).value).toBe("000000");
    expect(sheet?.getCell(3, 1).numFmt).toBe("@");
    const column = (name: string) => EXPORT_COLUMNS.indexOf(name) + 1;
    expect(sheet?.getCell(2, column("parent_code")).value).toBe("370200");
    expect(sheet?.getCell(3, column("target_text")).value).toBe("'+cmd");
    expect(sheet?.getCell(3, column("gap")).value).toBe(-0.25);
    expect(sheet?.getCell(2, column("headline")).value).toBe(true);
    expect(sheet?.getCell(2, column("verdict_label")).value).toBe("未完成");
    expect(sheet?.getCell(2, column("outcome_source_url")).value).toBeNull();
    const book = workbook.getWorksheet("字段说明");
    const sha256 = createHash("sha256")
      .update(rows.map((r) => csvLine(r, "zh-CN")).join(""))
      .digest("hex");
    expect(book?.getCell(5, 2).value).toBe(sha256);
    expect(String(book?.getCell(2, 2).value)).toContain(`sha256:${sha256}`);
    const documented = (book?.getColumn(1).values ?? []).slice(9);
    expect(documented).toEqual(EXPORT_COLUMNS);
  });

  it("continues on another sheet past the row limit, and has a header-only sheet when there are no rows", async () => {
    const rows = Array.from({ length: 5 }, (_, i) => row({ year: 2000 + i }));
    const workbook = readXlsx(await xlsxOf(pagesOf(rows.slice(0, 3), rows.slice(3)), "en", 2), limits);
    expect(workbook.sheetNames).toEqual(["targets", "targets 2", "targets 3", "codebook"]);
    const yearAt = EXPORT_COLUMNS.indexOf("year");
    const years = [0, 1, 2].map((i) => workbook.readSheet(i).rows.map((r) => r.cells[yearAt]));
    expect(years).toEqual([
      ["year", 2000, 2001],
      ["year", 2002, 2003],
      ["year", 2004],
    ]);
    const empty = readXlsx(await xlsxOf(pagesOf()), limits);
    expect(empty.sheetNames).toEqual(["targets", "codebook"]);
    expect(empty.readSheet(0).rows.map((r) => r.cells)).toEqual([EXPORT_COLUMNS]);
  });

  it("writes a ZIP whose every entry is deflated and listed in the central directory", async () => {
    const zip = new ZipArchive(await renderExport([row()], "xlsx"));
    expect([...zip.entries.keys()].sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/core.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    expect([...zip.entries.values()].every((entry) => entry.method === 8 && entry.size > 0)).toBe(true);
  });
});

describe("the response body", () => {
  it("reads a chunk only when the reader asks, and stops the source when the reader cancels", async () => {
    let produced = 0;
    let stopped = false;
    async function* source() {
      try {
        for (;;) {
          produced += 1;
          yield `chunk ${produced}\n`;
        }
      } finally {
        stopped = true;
      }
    }
    const stream = readableStreamOf(source());
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Two read, and at most one more fetched ahead (the queue holds one chunk).
    expect(produced).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(stopped).toBe(true);
  });

  it("errors the body when the source fails half-way, so that no truncated file looks complete", async () => {
    async function* source() {
      yield "first\n";
      throw new Error("database gone");
    }
    const errors: unknown[] = [];
    const reader = readableStreamOf(source(), (error) => errors.push(error)).getReader();
    expect((await reader.read()).done).toBe(false);
    await expect(reader.read()).rejects.toThrow("database gone");
    expect(errors).toHaveLength(1);
  });
});

/**
 * Report corpora kept as tables: the RFC 4180 parser on small fixtures of our own, CSV and XLSX files read into one
 * document per row with the row's columns as hints, the limits and refusals, and the 31 provincial 2026 CSVs as they
 * are. What the engine extracts from the provincial reports is tested elsewhere (provinces-2026.test.ts).
 */
import { readdir } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { CliIO } from "@/lib/cli/command";
import { main } from "@/lib/cli/main";
import {
  MAX_TABLE_ROWS,
  MAX_TEXT_CHARS,
  type ReadDocument,
  ReadError,
  readFileBytes,
  readPath,
} from "@/lib/engine/reader";
import { CsvSyntaxError, detectDelimiter, parseCsv } from "@/lib/engine/reader/tables/csv";
import { excelSerialToIso, parsePublishDate } from "@/lib/engine/reader/tables/rows";
import { ZipArchive, ZipError } from "@/lib/engine/reader/tables/zip";
import { ZExtractOutput } from "@/lib/schemas/extraction";
import { corpusPath } from "./corpus";

const PROVINCES_2026 = "provinces-2026";

/** A small report of our own wording: a review of Y−1 and the headline targets of Y, with a comma and quotes in it. */
function reportText(place: string, year: number): string {
  return [
    `${year}年${place}政府工作报告`,
    "各位代表：",
    `一、${year - 1}年工作回顾`,
    `过去一年，全省地区生产总值增长5.1%，城镇新增就业100万人。`,
    `二、${year}年工作安排`,
    `今年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业105万人以上，“稳中求进”，居民消费价格涨幅2%左右。`,
  ].join("\n");
}

/** One CSV field as RFC 4180 writes it: quoted, inner quotes doubled. */
const quote = (field: string | number) => `"${String(field).replace(/"/g, '""')}"`;
const csvLine = (fields: (string | number)[]) => fields.map(quote).join(",");
const utf8 = (text: string) => new TextEncoder().encode(text);

function readTable(bytes: Uint8Array, filename: string): { documents: ReadDocument[]; problems: ReadError[] } {
  const problems: ReadError[] = [];
  const documents = readFileBytes(bytes, { filename, onProblem: (problem) => problems.push(problem) });
  return { documents, problems };
}

function readError(run: () => unknown): ReadError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error("expected a ReadError");
}

describe("parseCsv", () => {
  const records = (text: string, delimiter?: string) =>
    [...parseCsv(text, delimiter ? { delimiter } : {})].map((r) => [r.row, r.fields]);

  it("splits quoted fields holding delimiters, doubled quotes and CR/LF, and numbers records as rows", () => {
    const text = 'a,b,c\r\n"x, y","he said ""go""",plain\n"line one\r\nline two",,"\n"\n';
    expect(records(text)).toEqual([
      [1, ["a", "b", "c"]],
      [2, ["x, y", 'he said "go"', "plain"]],
      [3, ["line one\r\nline two", "", "\n"]],
    ]);
  });

  it("skips a byte-order mark, takes LF, CRLF and lone CR, and needs no final line break", () => {
    expect(records("\uFEFFprovince,year\r山东省,2026\r\n江苏省,2026")).toEqual([
      [1, ["province", "year"]],
      [2, ["山东省", "2026"]],
      [3, ["江苏省", "2026"]],
    ]);
  });

  it("keeps blank lines as empty records (so row numbers match a spreadsheet) and a trailing delimiter's empty field", () => {
    expect(records("a,b\n\n1,\n")).toEqual([
      [1, ["a", "b"]],
      [2, [""]],
      [3, ["1", ""]],
    ]);
  });

  it("is lenient where spreadsheet programs are: a quote inside an unquoted field, text after a closing quote", () => {
    expect(records('5" screen,"a"b\n')).toEqual([[1, ['5" screen', "ab"]]]);
  });

  it("refuses an unclosed quote, naming the row where it opened", () => {
    const parse = () => records('a,b\n1,2\n"never closed,3\n4,5\n');
    expect(parse).toThrow(CsvSyntaxError);
    expect(parse).toThrow("opened in row 3");
  });

  it("stops at a row of more columns than allowed", () => {
    expect(() => [...parseCsv(`${",".repeat(50)}\n`, { maxFields: 10 })]).toThrow("more than 10 columns");
  });

  it("reads other delimiters, detected from the header line outside quotes", () => {
    expect(detectDelimiter("province;year;full_text\n")).toBe(";");
    expect(detectDelimiter("province\tyear\tfull_text\n")).toBe("\t");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(records("a;b\n1;2", ";")).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
    ]);
  });

  it("parses a large quoted field in one pass", () => {
    const big = "报告，".repeat(200_000);
    const [record] = [...parseCsv(`full_text\n${quote(big)}\n`)].slice(1);
    expect(record?.fields[0]).toBe(big);
  });
});

describe("hint values", () => {
  it("parses publish dates as researchers write them, and refuses dates that do not exist", () => {
    expect(parsePublishDate("2026-02-01")).toBe("2026-02-01");
    expect(parsePublishDate("2026/2/1 09:30")).toBe("2026-02-01");
    expect(parsePublishDate("2026年2月1日")).toBe("2026-02-01");
    expect(parsePublishDate("２０２６．０２．０１")).toBe("2026-02-01");
    expect(parsePublishDate("20260201")).toBe("2026-02-01");
    expect(parsePublishDate("2026-02-30")).toBeUndefined();
    expect(parsePublishDate("二月")).toBeUndefined();
  });

  it("turns workbook date serials into dates, in either date system", () => {
    expect(excelSerialToIso(46054)).toBe("2026-02-01");
    expect(excelSerialToIso(46054.75)).toBe("2026-02-01");
    expect(excelSerialToIso(44592, true)).toBe("2026-02-01");
    expect(excelSerialToIso(-3)).toBeUndefined();
  });
});

describe("CSV corpora", () => {
  const header = ["province", "year", "title", "source_url", "publish_date", "full_text"];

  it("reads one document per row, named by row, with the row's columns as hints", () => {
    const csv = [
      csvLine(header),
      csvLine([
        "山东省",
        2026,
        "2026年山东省政府工作报告",
        "https://example.org/sd",
        "2026-02-01",
        reportText("山东省", 2026),
      ]),
      "",
      csvLine(["江苏省", "2025", "", "", "2025年1月20日", reportText("江苏省", 2025)]),
    ].join("\r\n");
    const { documents, problems } = readTable(utf8(`\uFEFF${csv}\r\n`), "corpus.csv");
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.file, d.encoding, d.hints])).toEqual([
      [
        "corpus.csv:row 2",
        "utf-8",
        {
          jurisdiction: "山东省",
          year: 2026,
          title: "2026年山东省政府工作报告",
          url: "https://example.org/sd",
          publishDate: "2026-02-01",
        },
      ],
      ["corpus.csv:row 4", "utf-8", { jurisdiction: "江苏省", year: 2025, publishDate: "2025-01-20" }],
    ]);
    // The text of a row is kept as written: quotes undoubled, line breaks inside the field.
    expect(documents[0]?.originalText).toBe(reportText("山东省", 2026));
    expect(documents[0]?.reports[0]?.planYear).toBe(2026);
  });

  it("matches column names case-insensitively, with aliases, and prefers full_text to content to text", () => {
    const csv = [
      csvLine(["Name", "YEAR", "URL", "Text", "Full Text"]),
      csvLine(["山东省", "2026年", "https://example.org/x", "短文本", reportText("山东省", 2026)]),
    ].join("\n");
    const { documents } = readTable(utf8(csv), "aliases.csv");
    expect(documents[0]?.hints).toEqual({ jurisdiction: "山东省", year: 2026, url: "https://example.org/x" });
    expect(documents[0]?.originalText).toBe(reportText("山东省", 2026));
  });

  it("finds the header below a title row, and ignores hints that do not parse", () => {
    const csv = [
      "各省政府工作报告汇编",
      csvLine(["content", "year", "publish_date"]),
      csvLine([reportText("山东省", 2026), "二〇二六", "春节前"]),
    ].join("\n");
    const { documents } = readTable(utf8(csv), "titled.csv");
    expect(documents.map((d) => [d.file, d.hints])).toEqual([["titled.csv:row 3", {}]]);
  });

  it("reads a GB18030 CSV like its UTF-8 original", () => {
    const csv = [csvLine(header), csvLine(["山东省", 2026, "标题", "", "2026-02-01", reportText("山东省", 2026)])].join(
      "\n",
    );
    const fromGb = readTable(new Uint8Array(iconv.encode(csv, "gb18030")), "gb.csv").documents;
    const fromUtf8 = readTable(utf8(csv), "gb.csv").documents;
    expect(fromGb.map((d) => d.encoding)).toEqual(["gb18030"]);
    expect(fromGb.map((d) => [d.file, d.hints, d.originalText])).toEqual(
      fromUtf8.map((d) => [d.file, d.hints, d.originalText]),
    );
  });

  it("refuses a table without a text column, naming the columns it has", () => {
    const csv = [csvLine(["province", "year", "body_html"]), csvLine(["山东省", 2026, "<p>…</p>"])].join("\n");
    const error = readError(() => readTable(utf8(csv), "no-text.csv"));
    expect(error.code).toBe("bad_table");
    expect(error.message).toBe(
      "no-text.csv: no column holds the report text (one named “full_text”, “content”, “text”…); the table has the columns “province”, “year”, “body_html”",
    );
  });

  it("reports a row without text, and one whose text is too large, and still reads the others", () => {
    const csv = [
      csvLine(["province", "full_text"]),
      csvLine(["山东省", "   "]),
      csvLine(["江苏省", "报".repeat(MAX_TEXT_CHARS + 1)]),
      "河南省",
      csvLine(["浙江省", reportText("浙江省", 2026)]),
    ].join("\n");
    const { documents, problems } = readTable(utf8(csv), "rows.csv");
    expect(documents.map((d) => d.file)).toEqual(["rows.csv:row 5"]);
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ["empty", "rows.csv:row 2: the row's text cell is empty"],
      [
        "too_large",
        `rows.csv:row 3: the text cell holds ${MAX_TEXT_CHARS + 1} characters; the limit is ${MAX_TEXT_CHARS} per cell`,
      ],
      ["empty", "rows.csv:row 4: the row's text cell is empty"],
    ]);
  });

  it("reads the rows before an unclosed quote and reports the row where it opened", () => {
    const csv = [
      csvLine(["province", "full_text"]),
      csvLine(["山东省", reportText("山东省", 2026)]),
      `江苏省,"${reportText("江苏省", 2026)}`,
    ].join("\n");
    const { documents, problems } = readTable(utf8(csv), "open.csv");
    expect(documents.map((d) => d.file)).toEqual(["open.csv:row 2"]);
    expect(problems.map((p) => [p.code, p.file])).toEqual([["bad_table", "open.csv:row 3"]]);
  });

  it("caps the rows read from one table, with a message that says so", () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 5 }, () => "x");
    const problems: ReadError[] = [];
    const error = readError(() =>
      readFileBytes(utf8(["text", ...rows].join("\n")), { filename: "many.csv", onProblem: (p) => problems.push(p) }),
    );
    expect(error.code).toBe("not_a_report");
    expect(problems).toHaveLength(MAX_TABLE_ROWS + 1);
    expect(problems.at(-1)?.message).toBe(
      `many.csv: the table has more than ${MAX_TABLE_ROWS} rows; the first ${MAX_TABLE_ROWS} were read, the rest from row ${MAX_TABLE_ROWS + 2} on were not (split the file)`,
    );
  });

  it("refuses a hostile row of a million empty columns without building it", () => {
    const error = readError(() => readTable(utf8(`full_text${",".repeat(1_000_000)}\n`), "wide.csv"));
    expect(error.code).toBe("bad_table");
    expect(error.message).toContain("more than 1000 columns");
  });

  it("refuses binary data under a .csv name as binary", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(readError(() => readTable(png, "scan.csv")).code).toBe("binary");
  });

  it("applies a caller's hints (an import form) over a row's", () => {
    const csv = [csvLine(["province", "full_text"]), csvLine(["山东省", reportText("山东省", 2026)])].join("\n");
    const [document] = readFileBytes(utf8(csv), {
      filename: "override.csv",
      hints: { code: "370000", year: undefined },
    });
    expect(document?.hints).toEqual({ jurisdiction: "山东省", code: "370000" });
  });
});

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A ZIP archive of stored (or deflated) entries, for archives exceljs would not write. */
function zipOf(entries: { name: string; data: Uint8Array; deflate?: boolean }[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = entry.deflate ? deflateRawSync(entry.data) : Buffer.from(entry.data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(entry.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(entry.data.length, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    local.push(header, name, data);
    central.push(record, name);
    offset += header.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}

describe("XLSX corpora", () => {
  it("reads a workbook's rows with their hints: dates as dates, numbers as numbers, text with quotes and line breaks", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("报告");
      sheet.addRow(["Province", "Year", "Title", "Source_URL", "Publish_Date", "Full_Text"]);
      sheet.addRow([
        "山东省",
        2026,
        "2026年山东省政府工作报告",
        "https://example.org/sd?a=1&b=2",
        new Date(Date.UTC(2026, 1, 1)),
        reportText("山东省", 2026),
      ]);
      sheet.addRow([]);
      sheet.addRow(["江苏省", "2026", null, null, "2026-02-09", { richText: [{ text: reportText("江苏省", 2026) }] }]);
    });
    const { documents, problems } = readTable(bytes, "corpus.xlsx");
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.file, d.encoding, d.hints])).toEqual([
      [
        "corpus.xlsx:row 2",
        "utf-8",
        {
          jurisdiction: "山东省",
          year: 2026,
          title: "2026年山东省政府工作报告",
          url: "https://example.org/sd?a=1&b=2",
          publishDate: "2026-02-01",
        },
      ],
      ["corpus.xlsx:row 4", "utf-8", { jurisdiction: "江苏省", year: 2026, publishDate: "2026-02-09" }],
    ]);
    expect(documents.map((d) => d.originalText)).toEqual([reportText("山东省", 2026), reportText("江苏省", 2026)]);
  });

  it("skips a notes sheet without a text column and names rows of the sheet it reads", async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet("说明").addRow(["本表收录各省政府工作报告"]);
      const data = book.addWorksheet("数据");
      data.addRow(["content", "year"]);
      data.addRow([reportText("浙江省", 2026), 2026]);
    });
    expect(readTable(bytes, "book.xlsx").documents.map((d) => [d.file, d.hints])).toEqual([
      ["book.xlsx:数据:row 2", { year: 2026 }],
    ]);
  });

  it("refuses a workbook without a text column, naming its columns", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Sheet1");
      sheet.addRow(["province", "year"]);
      sheet.addRow(["山东省", 2026]);
    });
    const error = readError(() => readTable(bytes, "no-text.xlsx"));
    expect(error.code).toBe("bad_table");
    expect(error.message).toContain("the table has the columns “province”, “year”");
  });

  it("reads inline strings, prefixed elements, OOXML escapes and cells without references", () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row><x:c t="inlineStr"><x:is><x:t>text</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>year</x:t></x:is></x:c></x:row>
<x:row><x:c t="inlineStr"><x:is><x:r><x:t>${reportText("山东省", 2026).replace(/\n/g, "_x000D_\n")}</x:t></x:r><x:rPh><x:t>ふりがな</x:t></x:rPh></x:is></x:c><x:c><x:v>2026</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;
    const encode = (s: string) => utf8(s);
    const bytes = zipOf([
      {
        name: "xl/workbook.xml",
        data: encode(
          '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>',
        ),
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: encode(
          '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s.xml"/></Relationships>',
        ),
      },
      { name: "xl/worksheets/s.xml", data: encode(sheet), deflate: true },
    ]);
    const [document] = readTable(bytes, "inline.xlsx").documents;
    expect(document?.file).toBe("inline.xlsx:row 2");
    expect(document?.hints).toEqual({ year: 2026 });
    expect(document?.originalText).toBe(reportText("山东省", 2026).replace(/\n/g, "\r\n"));
  });

  it("refuses binary data that is not a workbook as binary", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(readError(() => readTable(png, "scan.xlsx")).code).toBe("binary");
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(readError(() => readTable(ole, "old.xlsx")).message).toContain(
      "legacy .xls or a password-protected workbook",
    );
    const docx = zipOf([{ name: "word/document.xml", data: utf8("<w:document/>") }]);
    const notWorkbook = readError(() => readTable(docx, "letter.xlsx"));
    expect([notWorkbook.code, notWorkbook.reason]).toEqual([
      "binary",
      "not a readable .xlsx workbook: the ZIP archive holds no xl/workbook.xml (is it a .docx or another format?)",
    ]);
    expect(readError(() => readTable(docx.subarray(0, 40), "cut.xlsx")).code).toBe("binary");
    expect(readError(() => readTable(utf8("province,full_text\n"), "renamed.xlsx")).code).toBe("binary");
  });

  it("stops inflating an entry past its limit (a zip bomb)", () => {
    const archive = new ZipArchive(zipOf([{ name: "big.xml", data: new Uint8Array(100_000), deflate: true }]));
    expect(archive.read("big.xml", 200_000)?.length).toBe(100_000);
    expect(() => archive.read("big.xml", 1_000)).toThrow(ZipError);
  });
});

describe("the provincial 2026 corpus (../shared/corpus/provinces-2026)", () => {
  it("reads each of the 31 CSVs as it is: one document, the row's province, year and publish date as hints", async () => {
    const files = (await readdir(corpusPath(PROVINCES_2026))).filter((name) => name.endsWith(".csv")).sort();
    expect(files).toHaveLength(31);
    for (const name of files) {
      const province = /^2026_(.+)_政府工作报告\.csv$/.exec(name)?.[1];
      const path = corpusPath(`${PROVINCES_2026}/${name}`);
      const problems: ReadError[] = [];
      const documents = await readPath(path, { onProblem: (p) => problems.push(p) });
      expect(problems, name).toEqual([]);
      expect(documents, name).toHaveLength(1);
      const [document] = documents;
      expect(document?.file).toBe(`${path}:row 2`);
      expect(document?.encoding).toBe("utf-8");
      expect(document?.hints).toMatchObject({ jurisdiction: province, year: 2026 });
      expect(document?.hints?.publishDate, name).toMatch(/^2026-0[12]-\d{2}$/);
      expect(document?.hints?.url, name).toMatch(/^https?:\/\//);
      expect(document?.originalText.length, name).toBeGreaterThan(5_000);
    }
  });

  it("goes through `luoshi extract --json` as one document per file", async () => {
    let stdout = "";
    let stderr = "";
    const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
    const files = ["2026_山东省_政府工作报告.csv", "2026_西藏自治区_政府工作报告.csv"].map((name) =>
      corpusPath(`${PROVINCES_2026}/${name}`),
    );
    const status = await main(["extract", ...files, "--json"], io);
    expect([status, stderr]).toEqual([0, ""]);
    const output = ZExtractOutput.parse(JSON.parse(stdout));
    expect(output.documents.map((d) => d.file)).toEqual(files.map((file) => `${file}:row 2`));
  });
});

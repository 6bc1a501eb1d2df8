/**
 * PDFs, generated at run time (pdf-writer.ts): the text layer laid out page by page (columns, running headers, page
 * numbers, lines broken mid-sentence), the same targets as the same report in .txt, and the PDFs that cannot be read
 * (a scan, a password, damage, too many pages) refused with their own codes.
 */
import { describe, expect, it } from "vitest";
import {
  ReadError,
  readDocument,
  readFileBytes,
  readFileBytesAsync,
  readStoredDocument,
  synchronouslyReadable,
  toExtractOutput,
} from "@/lib/engine/reader";
import { layoutText, type PdfRun } from "@/lib/engine/reader/formats/pdf-layout";
import { REPORT_PARAGRAPHS, REPORT_TEXT } from "./fixtures";
import { layoutPages, type PdfText, writePdf } from "./pdf-writer";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function readPdf(bytes: Uint8Array, filename = "report.pdf") {
  const [document] = await readFileBytesAsync(bytes, { filename });
  if (!document) throw new Error("no document");
  return document;
}

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadError);
  return error as ReadError;
}

/** What a comparison of two readings looks at: each target's and outcome's figure and clause. */
function figures(documents: Parameters<typeof toExtractOutput>[0]) {
  const [report] = toExtractOutput(documents).documents[0]?.reports ?? [];
  return {
    code: report?.code,
    year: report?.year,
    targets: report?.targets.map((t) => [t.indicator, t.measure, t.qualifier, t.value, t.unit, t.text]),
    outcomes: report?.outcomes.map((o) => [o.indicator, o.measure, o.value, o.unit, o.year, o.text]),
  };
}

describe("a report in PDF", () => {
  const pdf = writePdf(
    layoutPages(REPORT_PARAGRAPHS, { header: "政府工作报告（全文）", pageNumbers: true, linesPerPage: 9 }),
  );

  it("reads as the same text as the report it was set from: lines joined, headers and page numbers dropped", async () => {
    const document = await readPdf(pdf);
    expect(document.originalText).toBe(REPORT_TEXT);
    expect(document.originalText).not.toMatch(/— \d+ —|全文/);
  });

  it("reads from a Buffer (as files are read) and leaves the caller's bytes as they were", async () => {
    const buffer = Buffer.from(pdf);
    expect((await readPdf(buffer)).originalText).toBe(REPORT_TEXT);
    expect(buffer.equals(Buffer.from(pdf))).toBe(true);
  });

  it("reads a font that names the predefined Chinese encoding UniGB-UCS2-H instead of carrying a Unicode map", async () => {
    const predefined = writePdf(layoutPages(REPORT_PARAGRAPHS), { encoding: "UniGB-UCS2-H" });
    expect(Buffer.from(predefined).toString("latin1")).not.toContain("/ToUnicode");
    expect((await readPdf(predefined)).originalText).toBe(REPORT_TEXT);
  });

  it("yields the same targets and outcomes as the same report in .txt", async () => {
    const fromPdf = figures([await readPdf(pdf)]);
    const fromText = figures(readFileBytes(utf8(REPORT_TEXT), { filename: "report.txt" }));
    expect(fromPdf).toEqual(fromText);
    expect(fromPdf.code).toBe("370202");
    expect(fromPdf.year).toBe(2024);
    expect(fromPdf.targets).toContainEqual(["地区生产总值", "growth", "about", 6, "%", "地区生产总值增长6%左右"]);
  });

  it("is refused by the synchronous reader with a code that says to read it asynchronously", () => {
    expect(() => readFileBytes(pdf, { filename: "report.pdf" })).toThrow(
      expect.objectContaining({ code: "needs_async" }),
    );
    expect(() => readDocument(pdf, { filename: "report.pdf" })).toThrow(
      expect.objectContaining({ code: "needs_async" }),
    );
  });

  it("gives the synchronous reader its text layer, which reads as the PDF does, and re-reads from what is stored", async () => {
    const bytes = await synchronouslyReadable(pdf, { filename: "report.pdf" });
    const [synchronous] = readFileBytes(bytes, { filename: "report.pdf" });
    const document = await readPdf(pdf);
    expect(synchronous?.originalText).toBe(document.originalText);
    expect(synchronous?.encoding).toBe(document.encoding);
    const reread = readStoredDocument({
      file: document.file,
      encoding: document.encoding,
      originalText: document.originalText,
      hints: document.hints ?? {},
    });
    expect(figures([reread])).toEqual(figures([document]));
  });
});

describe("PDF layout", () => {
  it("joins a line broken mid-sentence and keeps the break after 。, ：, ； and a heading", async () => {
    // Justified lines of 20 characters (digits as wide as characters in the test font), a first line indented by two.
    const texts: PdfText[] = [
      { x: 72, y: 760, text: "一、工作回顾", size: 14 },
      { x: 100, y: 740, text: "全区地区生产总值增长6.5%，一般公", size: 14 },
      { x: 72, y: 720, text: "共预算收入完成12.3亿元，同比增长5%", size: 14 },
      { x: 72, y: 700, text: "，城乡居民收入稳步提高，主要预期目标是：", size: 14 },
      { x: 72, y: 680, text: "新增就业2万人以上，新建公园18处，改造", size: 14 },
      { x: 72, y: 660, text: "老旧小区120个，新建停车位2000个；", size: 14 },
      { x: 72, y: 640, text: "城区绿化覆盖率达到45%，空气质量优良天", size: 14 },
      { x: 72, y: 620, text: "数比例提高到85%。", size: 14 },
      { x: 100, y: 600, text: "二、今年安排", size: 14 },
    ];
    const next = { texts: [{ x: 100, y: 760, text: "续页内容在此。", size: 14 }] };
    const document = await readPdf(writePdf([{ texts }, next]));
    expect(document.originalText.split("\n")).toEqual([
      "一、工作回顾",
      "全区地区生产总值增长6.5%，一般公共预算收入完成12.3亿元，同比增长5%，城乡居民收入稳步提高，主要预期目标是：",
      "新增就业2万人以上，新建公园18处，改造老旧小区120个，新建停车位2000个；",
      "城区绿化覆盖率达到45%，空气质量优良天数比例提高到85%。",
      "二、今年安排",
      "续页内容在此。",
    ]);
  });

  it("reads a two-column page column by column, a full-width title first", () => {
    const column = (x: number, lines: string[], top: number): PdfRun[] =>
      lines.map((text, i) => ({ text, x, y: top - i * 16, width: text.length * 10, size: 10 }));
    const left = ["左栏第一行文字内容这里", "左栏第二行文字内容这里", "左栏第三行文字内容结束。"];
    const right = ["右栏第一行文字内容这里", "右栏第二行文字内容这里", "右栏第三行文字内容结束。"];
    const title = { text: "两栏排版的标题横跨整个版面宽度的一行", x: 60, y: 800, width: 190 * 2.5, size: 10 };
    const text = layoutText([
      { width: 595, height: 842, runs: [title, ...column(60, left, 760), ...column(330, right, 760)] },
    ]);
    expect(text.split("\n")).toEqual([
      title.text,
      "左栏第一行文字内容这里左栏第二行文字内容这里左栏第三行文字内容结束。",
      "右栏第一行文字内容这里右栏第二行文字内容这里右栏第三行文字内容结束。",
    ]);
  });

  it("reads two columns of a generated PDF in order", async () => {
    const leftLines = ["地区生产总值增长", "百分之六左右，一般", "公共预算收入增长五", "个百分点。"];
    const rightLines = ["城镇新增就业二万", "五千人以上，新建口", "袋公园十二处，改造", "小区四十个。"];
    const place =
      (x: number) =>
      (text: string, i: number): PdfText => ({ x, y: 700 - i * 20, text, size: 14 });
    const texts = [...leftLines.map(place(60)), ...rightLines.map(place(330))];
    const document = await readPdf(writePdf([{ texts }]));
    expect(document.originalText.split("\n")).toEqual([leftLines.join(""), rightLines.join("")]);
  });

  it("drops page numbers in their usual forms, and keeps a number inside the text", () => {
    const page = (number: string, body: string) => ({
      width: 595,
      height: 842,
      runs: [
        { text: body, x: 72, y: 400, width: body.length * 12, size: 12 },
        { text: number, x: 280, y: 40, width: number.length * 6, size: 10 },
      ],
    });
    const forms = ["— 1 —", "-2-", "第3页", "4/18", "5", "第 6 页 共 18 页"];
    const text = layoutText(forms.map((number, i) => page(number, `第${i + 1}页正文，新增就业${i + 1}万人。`)));
    expect(text.split("\n")).toEqual(forms.map((_, i) => `第${i + 1}页正文，新增就业${i + 1}万人。`));
  });

  it("reads Kangxi radicals that some fonts map characters to as the characters", () => {
    const body = "⼀般公共预算收⼊增长5%。";
    expect(layoutText([{ width: 595, height: 842, runs: [{ text: body, x: 72, y: 700, width: 144, size: 12 }] }])).toBe(
      "一般公共预算收入增长5%。",
    );
  });
});

describe("PDFs that cannot be read", () => {
  it("refuses a scan (pages that are images) as needing OCR", async () => {
    const error = await readError(
      readFileBytesAsync(writePdf([{ image: true }, { image: true }]), { filename: "scan.pdf" }),
    );
    expect(error.code).toBe("no_text_layer");
    expect(error.message).toMatch(/scan.*OCR/);
  });

  it("refuses a PDF with no text at all, and one with only page numbers", async () => {
    expect((await readError(readFileBytesAsync(writePdf([{}]), { filename: "blank.pdf" }))).code).toBe("no_text_layer");
    const numbered = writePdf(
      layoutPages([], { pageNumbers: true }).concat([{ image: true, texts: [{ x: 280, y: 40, text: "— 1 —" }] }]),
    );
    expect((await readError(readFileBytesAsync(numbered, { filename: "numbered.pdf" }))).code).toBe("no_text_layer");
  });

  it("refuses a password-protected PDF", async () => {
    const pdf = writePdf(layoutPages(REPORT_PARAGRAPHS), { encrypted: true });
    const error = await readError(readFileBytesAsync(pdf, { filename: "locked.pdf" }));
    expect(error.code).toBe("encrypted");
    expect(error.message).toMatch(/password/);
  });

  it("refuses damaged PDFs without a crash or a hang", async () => {
    const pdf = writePdf(layoutPages(REPORT_PARAGRAPHS));
    const cases = [
      utf8("%PDF-1.7\n"),
      utf8(`%PDF-1.4\n${"garbage ".repeat(1000)}`),
      pdf.subarray(0, 200),
      new Uint8Array([...utf8("%PDF-1.5\n"), ...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)]),
    ];
    for (const bytes of cases) {
      const error = await readError(readFileBytesAsync(bytes, { filename: "broken.pdf" }));
      expect(["damaged", "no_text_layer"]).toContain(error.code);
    }
  });

  it("refuses a PDF over the page limit before reading its pages", async () => {
    const pdf = writePdf(layoutPages(REPORT_PARAGRAPHS, { linesPerPage: 2 }));
    const error = await readError(readFileBytesAsync(pdf, { filename: "long.pdf", pdf: { maxPages: 3 } }));
    expect(error.code).toBe("too_large");
    expect(error.params.pages).toBeGreaterThan(3);
  });

  it("stops a read that takes longer than allowed", async () => {
    const pdf = writePdf(
      layoutPages(
        Array.from({ length: 40 }, () => REPORT_PARAGRAPHS.join("")),
        { linesPerPage: 5 },
      ),
    );
    const error = await readError(readFileBytesAsync(pdf, { filename: "slow.pdf", pdf: { timeoutMs: 1 } }));
    expect(error.code).toBe("timeout");
  });

  it("reads a text file named .pdf as the text it is", () => {
    const [document] = readFileBytes(utf8(REPORT_TEXT), { filename: "mislabelled.pdf" });
    expect(document?.reports[0]?.code).toBe("370202");
  });
});

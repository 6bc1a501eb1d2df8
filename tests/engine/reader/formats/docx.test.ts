/**
 * Word documents, built at run time (fixtures.ts): paragraphs become lines, runs of a paragraph join, deleted text
 * and text-box fallbacks stay out; the same targets as the report in .txt; a legacy .doc and damaged files refused.
 */
import { describe, expect, it } from "vitest";
import { ReadError, readDocument, readFileBytes, readStoredDocument, toExtractOutput } from "@/lib/engine/reader";
import { documentXmlText } from "@/lib/engine/reader/formats/docx";
import { REPORT_PARAGRAPHS, REPORT_TEXT, repeatedDeflate, writeDocx, writeZip } from "./fixtures";

const utf8 = (text: string) => new TextEncoder().encode(text);

function readError(read: () => unknown): ReadError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return error as ReadError;
  }
  throw new Error("expected a ReadError");
}

describe("a report in Word .docx", () => {
  it("reads one line per paragraph, a paragraph's runs joined", () => {
    const paragraphs = REPORT_PARAGRAPHS.map((p, i) => (i === 7 ? [p.slice(0, 20), p.slice(20, 41), p.slice(41)] : p));
    const [document] = readFileBytes(writeDocx(paragraphs), { filename: "report.docx" });
    expect(document?.originalText).toBe(REPORT_TEXT);
    expect(document?.encoding).toBe("utf-8");
  });

  it("yields the same targets and outcomes as the same report in .txt, and re-reads from what is stored", () => {
    const [fromWord] = toExtractOutput(
      readFileBytes(writeDocx(REPORT_PARAGRAPHS), { filename: "report.docx" }),
    ).documents;
    const [fromText] = toExtractOutput(readFileBytes(utf8(REPORT_TEXT), { filename: "report.txt" })).documents;
    expect(fromWord?.reports).toEqual(fromText?.reports);
    expect(fromWord?.reports[0]?.targets.length).toBeGreaterThanOrEqual(8);

    const document = readDocument(writeDocx(REPORT_PARAGRAPHS), { filename: "report.docx" });
    const reread = readStoredDocument({ ...document, hints: document.hints ?? {} });
    expect(toExtractOutput([reread]).documents[0]?.reports).toEqual(fromWord?.reports);
  });

  it("is told by its bytes whatever its name", () => {
    const [document] = readFileBytes(writeDocx(REPORT_PARAGRAPHS), { filename: "download" });
    expect(document?.originalText).toBe(REPORT_TEXT);
  });

  it("keeps tabs and line breaks, and leaves out deleted text, field codes and a text box's fallback copy", () => {
    const xml = `<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
      <w:p><w:r><w:t>新增就业</w:t></w:r><w:del><w:r><w:delText>3万人</w:delText></w:r></w:del><w:ins><w:r><w:t>2.5万人</w:t></w:r></w:ins></w:p>
      <w:p><w:r><w:t>指标</w:t><w:tab/><w:t>目标</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>
      <w:p><w:r><w:fldChar/><w:instrText> PAGE </w:instrText><w:t>第一段</w:t></w:r></w:p>
      <w:p><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice>
      <mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:p>
      <w:p><w:r><w:t xml:space="preserve">A &amp; B </w:t></w:r></w:p>
    </w:body></w:document>`;
    expect(documentXmlText(xml)).toBe("新增就业2.5万人\n指标\t目标\n下一行\n第一段\n文本框\nA & B");
  });
});

describe("Word files that cannot be read", () => {
  it("refuses a legacy .doc with advice to save it as .docx or PDF", () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const error = readError(() => readFileBytes(ole, { filename: "report.doc" }));
    expect(error.code).toBe("legacy_format");
    expect(error.message).toMatch(/\.docx or PDF/);
  });

  it("refuses a damaged .docx, an empty one and a ZIP that is not a Word document", () => {
    const docx = writeDocx(REPORT_PARAGRAPHS);
    expect(readError(() => readFileBytes(docx.subarray(0, docx.length - 30), { filename: "cut.docx" })).code).toMatch(
      /damaged|binary/,
    );
    expect(readError(() => readFileBytes(writeDocx([]), { filename: "empty.docx" })).code).toBe("empty");
    const zip = writeZip({ "notes.txt": "not a Word document" });
    expect(readError(() => readFileBytes(zip, { filename: "other.docx" })).code).toMatch(/damaged|binary/);
  });

  it("caps what the body may expand to, whatever size its header declares", () => {
    // 1 MB of empty paragraphs 300 times over: 300 MB from a few hundred kilobytes, declared as 1 KB.
    const deflated = repeatedDeflate("<w:p/>".repeat(174_763), 300);
    const bomb = writeZip({ "word/document.xml": { deflated, size: 1024, crc: 0 } });
    expect(bomb.length).toBeLessThan(2_000_000);
    expect(readError(() => readFileBytes(bomb, { filename: "bomb.docx" })).code).toBe("too_large");
    const declared = writeZip({ "word/document.xml": { deflated, size: 300 * 1024 * 1024, crc: 0 } });
    expect(readError(() => readFileBytes(declared, { filename: "declared.docx" })).code).toBe("too_large");
  });
});

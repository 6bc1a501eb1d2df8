/**
 * Encodings and bad input: the corpus variants read exactly like their UTF-8 originals, HTML pages like their text,
 * and each kind of unusable file is refused with its own code and a message naming it.
 */
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ReadDocument,
  ReadError,
  type ReadErrorCode,
  readDocument,
  readFileBytes,
  readPath,
  toExtractOutput,
} from "@/lib/engine/reader";
import { corpusPath, readCorpus } from "./corpus";

/** The extract JSON of documents without what may differ between encodings of the same text. */
function withoutFileAndEncoding(documents: ReadDocument[]) {
  return toExtractOutput(documents).documents.map(({ reports }) => reports);
}

describe("encoding variants", () => {
  it.each([
    ["variants/001_afcc151cafc2b4a6.gb18030.txt", "seeds/001_afcc151cafc2b4a6.txt", "gb18030"],
    ["variants/003_c60be1a80293fcb0.gb18030.txt", "seeds/003_c60be1a80293fcb0.txt", "gb18030"],
    ["variants/000_9e7a45089d25ec8e.utf16le-bom.txt", "seeds/000_9e7a45089d25ec8e.txt", "utf-16le"],
  ])("%s reads as its UTF-8 original", async (variant, original, encoding) => {
    const [fromVariant, fromOriginal] = await Promise.all([readCorpus(variant), readCorpus(original)]);
    expect(fromVariant.documents.map((d) => d.encoding)).toEqual(fromVariant.documents.map(() => encoding));
    expect(fromOriginal.documents.map((d) => d.encoding)).toEqual(fromOriginal.documents.map(() => "utf-8"));
    expect(withoutFileAndEncoding(fromVariant.documents)).toEqual(withoutFileAndEncoding(fromOriginal.documents));
  });

  it("reads UTF-16 big-endian with its byte-order mark", async () => {
    const text = await readFile(corpusPath("seeds/003_c60be1a80293fcb0.txt"), "utf8");
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[2 + 2 * i] = code >> 8;
      bytes[3 + 2 * i] = code & 0xff;
    }
    const document = readDocument(bytes, { filename: "003.utf16be.txt" });
    expect(document.encoding).toBe("utf-16be");
    const { documents } = await readCorpus("seeds/003_c60be1a80293fcb0.txt");
    expect(withoutFileAndEncoding([document])).toEqual(withoutFileAndEncoding(documents));
  });

  it("drops NUL characters, which no report holds and PostgreSQL cannot store, from text and .jsonl lines", async () => {
    const text = await readFile(corpusPath("seeds/001_afcc151cafc2b4a6.txt"), "utf8");
    const withNul = `${text.slice(0, 200)}\u0000${text.slice(200)}\u0000`;
    const document = readDocument(new TextEncoder().encode(withNul), { filename: "nul.txt" });
    expect(document.originalText).not.toContain("\u0000");
    const line = JSON.stringify({ title: "报告\u0000", content: withNul });
    const [fromLine] = readFileBytes(new TextEncoder().encode(line), { filename: "nul.jsonl" });
    expect(fromLine?.originalText).not.toContain("\u0000");
    expect(withoutFileAndEncoding([document])).toEqual(withoutFileAndEncoding(fromLine ? [fromLine] : []));
  });

  it.each(["utf-16le", "utf-16be"] as const)("reads %s saved without a byte-order mark", async (encoding) => {
    const text = await readFile(corpusPath("seeds/001_afcc151cafc2b4a6.txt"), "utf8");
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const [high, low] = [text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff];
      bytes[2 * i] = encoding === "utf-16le" ? low : high;
      bytes[2 * i + 1] = encoding === "utf-16le" ? high : low;
    }
    const document = readDocument(bytes, { filename: `001.${encoding}.txt` });
    expect(document.encoding).toBe(encoding);
    const { documents } = await readCorpus("seeds/001_afcc151cafc2b4a6.txt");
    expect(withoutFileAndEncoding([document])).toEqual(withoutFileAndEncoding(documents));
  });
});

describe("HTML pages", () => {
  const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  let html = "";
  let fromText: ReadDocument | undefined;
  let fromHtml: ReadDocument | undefined;

  beforeAll(async () => {
    const text = await readFile(corpusPath("seeds/003_c60be1a80293fcb0.txt"), "utf8");
    const paragraphs = text.split("\n").map((line) => `<p>${escapeHtml(line).replace(/，/g, "&#65292;")}</p>`);
    html = [
      "<!DOCTYPE html><html><head><meta charset='utf-8'><title>区政府工作报告</title>",
      "<script>var tracker = '2025年工作安排增长99%';</script><style>p { margin: 0 }</style></head><body>",
      "<nav>首页 &gt; 报告 &gt; 正文 新增100个栏目</nav>",
      ...paragraphs,
      "<footer>版权所有 新建2处网站</footer></body></html>",
    ].join("\n");
    fromText = (await readCorpus("seeds/003_c60be1a80293fcb0.txt")).documents[0];
    fromHtml = readDocument(new TextEncoder().encode(html), { filename: "report.html" });
  });

  it("reads the same targets from the page as from its text, ignoring scripts, navigation and footer", () => {
    const figures = (d?: ReadDocument) =>
      d?.reports[0]?.targets.map((t) => [t.indicator, t.value, t.unit, t.qualifier]);
    expect(fromHtml?.reports[0]?.targets.length).toBeGreaterThan(80);
    expect(figures(fromHtml)).toEqual(figures(fromText));
  });

  it("maps each target's offsets back into the HTML source, entities included", () => {
    const report = fromHtml?.reports[0];
    expect(fromHtml?.originalText).toBe(html);
    for (const target of report?.targets ?? []) {
      const source = html.slice(report?.toOriginalOffset(target.start), report?.toOriginalOffset(target.end));
      // As written, the page still holds tags, entities and footnote markers (`[11]`) the normalised text drops.
      const written = source
        .replace(/<[^>]*>|\n/g, "")
        .replace(/&#65292;/g, "，")
        .replace(/\[\d+\]/g, "");
      expect(written).toBe(target.text);
    }
  });
});

describe("files that are not readable reports", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "luoshi-reader-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function failure(name: string, content?: Uint8Array | string): Promise<ReadError> {
    const path = join(dir, name);
    if (content !== undefined) await writeFile(path, content);
    try {
      await readPath(path);
    } catch (error) {
      if (error instanceof ReadError) return error;
      throw error;
    }
    throw new Error(`${name} was read`);
  }

  const PNG = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  ]);

  it.each<{ name: string; content: Uint8Array | string; code: ReadErrorCode }>([
    { name: "empty.txt", content: "", code: "empty" },
    { name: "blank.txt", content: " \n\t\n　\n", code: "empty" },
    { name: "picture.png", content: PNG, code: "binary" },
    { name: "noise.txt", content: Uint8Array.from({ length: 256 }, (_, i) => (i * 37) % 256), code: "binary" },
    // NULs on one side of every pair, as UTF-16 has them, but what lies between is no text.
    {
      name: "pairs.txt",
      content: Uint8Array.from({ length: 512 }, (_, i) => (i % 2 ? 0 : 1 + ((i * 7) % 31))),
      code: "binary",
    },
    {
      name: "garbled.txt",
      content: Uint8Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 0x80 : 0xff)),
      code: "undecodable",
    },
    {
      name: "english.txt",
      content: "Minutes of the board meeting. Revenue grew by 5% last year.",
      code: "not_a_report",
    },
    { name: "diary.txt", content: "今天天气很好，我们一家人去公园散步，看到了很多花。", code: "not_a_report" },
  ])("$name is refused as $code, naming the file", async ({ name, content, code }) => {
    const error = await failure(name, content);
    expect(error.code).toBe(code);
    expect(error.message).toContain(join(dir, name));
  });

  it("refuses a missing file, a directory and a file over 50 MB before reading it", async () => {
    expect((await failure("missing.txt")).code).toBe("missing");
    await mkdir(join(dir, "folder"));
    expect((await failure("folder")).code).toBe("directory");
    const big = join(dir, "big.txt");
    await writeFile(big, "");
    await truncate(big, 50 * 1024 * 1024 + 1);
    expect((await failure("big.txt")).code).toBe("too_large");
  });

  it("reads the good lines of a .jsonl file and reports each bad line by its number", async () => {
    const national = (await readFile(corpusPath("national/government_work_reports.jsonl"), "utf8")).split("\n")[0];
    const path = join(dir, "mixed.jsonl");
    await writeFile(path, [national, "{not json", JSON.stringify({ title: "无正文" }), ""].join("\n"));
    const problems: ReadError[] = [];
    const documents = await readPath(path, { onProblem: (p) => problems.push(p) });
    expect(documents.map((d) => d.file)).toEqual([`${path}:1`]);
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      [`${path}:2`, "bad_line"],
      [`${path}:3`, "bad_line"],
    ]);
  });
});

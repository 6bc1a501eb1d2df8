/**
 * `luoshi extract` and `analyze` on web addresses and on PDF and Word files: the same JSON as for the report in .txt,
 * with the address as the document's name.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_PARAGRAPHS, REPORT_TEXT, writeDocx } from "../engine/reader/formats/fixtures";
import { layoutPages, writePdf } from "../engine/reader/formats/pdf-writer";
import { startServer, type TestServer } from "../net/server";
import { runCli } from "./run-cli";

const ALLOW = { LUOSHI_FETCH_ALLOW_PRIVATE: "1" };
let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startServer({
    "/report.pdf": (_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end(Buffer.from(writePdf(layoutPages(REPORT_PARAGRAPHS, { pageNumbers: true }))));
    },
  });
  dir = mkdtempSync(path.join(tmpdir(), "luoshi-formats-"));
  writeFileSync(path.join(dir, "report.txt"), REPORT_TEXT);
  writeFileSync(path.join(dir, "report.pdf"), writePdf(layoutPages(REPORT_PARAGRAPHS)));
  writeFileSync(path.join(dir, "report.docx"), writeDocx(REPORT_PARAGRAPHS));
  writeFileSync(path.join(dir, "scan.pdf"), writePdf([{ image: true }]));
  writeFileSync(path.join(dir, "old.doc"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Extracted = { documents: { file: string; encoding: string; reports: unknown[] }[] };

describe("luoshi extract on addresses, PDFs and Word documents", () => {
  it("reads a PDF at an address as the same report as the .txt", async () => {
    const url = server.url("/report.pdf");
    const { code, stdout, stderr } = await runCli(["extract", "--json", url, path.join(dir, "report.txt")], {
      env: ALLOW,
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [fromUrl, fromText] = (JSON.parse(stdout) as Extracted).documents;
    expect(fromUrl?.file).toBe(url);
    expect(fromUrl?.reports).toEqual(fromText?.reports);
  });

  it("reads PDF and Word files, and names a scan and a legacy .doc with what to do", async () => {
    const files = ["report.pdf", "report.docx", "scan.pdf", "old.doc"].map((name) => path.join(dir, name));
    const { code, stdout, stderr } = await runCli(["extract", "--json", ...files]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as Extracted;
    expect(output.documents.map((d) => path.basename(d.file))).toEqual(["report.pdf", "report.docx"]);
    expect(output.documents[0]?.reports).toEqual(output.documents[1]?.reports);
    expect(stderr).toContain(`luoshi extract: ${files[2]}: the PDF holds no text: it looks like a scan`);
    expect(stderr).toContain(`luoshi extract: ${files[3]}: this is an old binary Word .doc`);
  });

  it("analyzes a report at an address", async () => {
    const { code, stdout } = await runCli(["analyze", "--json", server.url("/report.pdf")], { env: ALLOW });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Extracted).documents[0]?.file).toBe(server.url("/report.pdf"));
  });

  it("refuses an address on this machine without the setting, and other schemes", async () => {
    const { code, stderr } = await runCli(["extract", server.url("/report.pdf"), "ftp://example.org/r.pdf"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/private, loopback or link-local address; set LUOSHI_FETCH_ALLOW_PRIVATE=1/);
    expect(stderr).toContain(
      "luoshi extract: ftp://example.org/r.pdf: only http:// and https:// addresses are fetched",
    );
  });
});

/**
 * `luoshi import <web address>` into a SQLite database: a GB18030 page and a PDF, fetched from a server on 127.0.0.1
 * (allowed with LUOSHI_FETCH_ALLOW_PRIVATE=1), are stored with their address as the document's source; without the
 * setting the address is refused and nothing is stored.
 */
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { REPORT_PARAGRAPHS } from "../engine/reader/formats/fixtures";
import { layoutPages, writePdf } from "../engine/reader/formats/pdf-writer";
import { startServer, type TestServer } from "../net/server";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { runCli } from "./run-cli";

/** The same report a year on (a plan for 2025), so that the PDF is a document of its own. */
const NEXT_YEAR = REPORT_PARAGRAPHS.map((p) => p.replaceAll("2024", "2025").replaceAll("2023", "2024"));

describe("luoshi import of web addresses", () => {
  let database: TestDatabase;
  let server: TestServer;
  const luoshi = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, { env: { DATABASE_URL: database.target.url, ...env } });
  const documents = async () => {
    const db = createDb(database.target);
    try {
      return await db.document.findMany({
        select: { sourceName: true, sourceUrl: true, encoding: true, reports: { select: { year: true } } },
        orderBy: { sourceName: "asc" },
      });
    } finally {
      await db.$disconnect();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    server = await startServer({
      "/report.html": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=gbk" });
        const html = `<!DOCTYPE html><html><body>${REPORT_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</body></html>`;
        res.end(iconv.encode(html, "gbk"));
      },
      "/files/2025.pdf": (_req, res) => {
        res.writeHead(200, { "content-type": "application/pdf" });
        res.end(Buffer.from(writePdf(layoutPages(NEXT_YEAR, { pageNumbers: true }))));
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it("refuses a loopback address unless LUOSHI_FETCH_ALLOW_PRIVATE allows it", async () => {
    const { code, stderr } = await luoshi(["import", server.url("/report.html")]);
    expect(code).toBe(1);
    expect(stderr).toContain(`luoshi import: ${server.url("/report.html")}: the address resolves to 127.0.0.1`);
    expect(await documents()).toEqual([]);
  });

  it("stores a page and a PDF with their addresses as their sources", async () => {
    const page = server.url("/report.html");
    const pdf = server.url("/files/2025.pdf");
    const { code, stdout, stderr } = await luoshi(["import", page, pdf], { LUOSHI_FETCH_ALLOW_PRIVATE: "1" });
    expect(stderr).not.toMatch(/luoshi import: .*(fail|refus|cannot)/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/documents: 2 new, 0 unchanged, 0 failed/);
    expect(await documents()).toEqual([
      { sourceName: pdf, sourceUrl: pdf, encoding: "utf-8", reports: [{ year: 2025 }] },
      { sourceName: page, sourceUrl: page, encoding: "gb18030", reports: [{ year: 2024 }] },
    ]);
  });

  it("changes nothing when the same address is imported again", async () => {
    const { code, stdout } = await luoshi(["import", server.url("/report.html")], { LUOSHI_FETCH_ALLOW_PRIVATE: "1" });
    expect(code).toBe(0);
    expect(stdout).toMatch(/documents: 0 new, 1 unchanged, 0 failed/);
  });

  it("names a 404 in one line and fails", async () => {
    const missing = server.url("/gone.html");
    const { code, stderr } = await luoshi(["import", missing], { LUOSHI_FETCH_ALLOW_PRIVATE: "1" });
    expect(code).toBe(1);
    expect(stderr).toContain(`luoshi import: ${missing}: the server answered 404 (no such page)`);
  });
});

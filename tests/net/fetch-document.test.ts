/**
 * Fetching reports over HTTP from a server on 127.0.0.1 (allowed here with `allowPrivate`): charsets from the header
 * and from `<meta>`, a PDF, redirects (five followed, a sixth refused), errors, a body over the limit stopped early,
 * a slow server timed out, and the addresses never fetched.
 */
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileBytesAsync, toExtractOutput } from "@/lib/engine/reader";
import { FetchError, fetchDocument, isWebAddress, metaCharset } from "@/lib/net/fetch-document";
import { REPORT_PARAGRAPHS, REPORT_TEXT, writeDocx } from "../engine/reader/formats/fixtures";
import { layoutPages, writePdf } from "../engine/reader/formats/pdf-writer";
import { startServer, type TestServer } from "./server";

const page = (charsetMeta: string) =>
  `<!DOCTYPE html><html><head>${charsetMeta}<title>${REPORT_PARAGRAPHS[0]}</title></head><body>${REPORT_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</body></html>`;
const gbk = (text: string) => iconv.encode(text, "gbk");

let server: TestServer;
/** Bytes the oversize route managed to write before the client hung up. */
let oversizeWritten = 0;
const OVERSIZE_TOTAL = 64 * 1024 * 1024;

beforeAll(async () => {
  server = await startServer({
    "/header-gb18030.html": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=GB18030" });
      res.end(gbk(page("")));
    },
    "/meta-gbk.html": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(gbk(page('<meta charset="gbk">')));
    },
    "/http-equiv": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')));
    },
    "/gzip.html": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
      res.end(gzipSync(Buffer.from(page(""), "utf8")));
    },
    "/report.pdf": (_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end(Buffer.from(writePdf(layoutPages(REPORT_PARAGRAPHS, { pageNumbers: true }))));
    },
    "/report.docx": (_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(Buffer.from(writeDocx(REPORT_PARAGRAPHS)));
    },
    "/image.png": (_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.alloc(100));
    },
    "/missing": (_req, res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<h1>404</h1>");
    },
    "/declared-huge": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(60 * 1024 * 1024) });
      res.write("<html>");
    },
    "/endless": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (oversizeWritten < OVERSIZE_TOTAL) {
          oversizeWritten += chunk.length;
          if (!res.write(chunk)) {
            res.once("drain", pump);
            return;
          }
        }
        res.end();
      };
      res.on("close", () => res.removeAllListeners("drain"));
      pump();
    },
    "/gzip-bomb": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x61)));
    },
    "/slow": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html>");
      // Never ends: the client's total timeout must.
    },
    ...Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [
        `/hop/${i}`,
        (_req: unknown, res: import("node:http").ServerResponse) => {
          res.writeHead(i === 6 ? 200 : 302, { location: `/hop/${i + 1}`, "content-type": "text/html; charset=gbk" });
          res.end(i === 6 ? gbk(page("")) : "");
        },
      ]),
    ),
  });
});

afterAll(async () => {
  await server?.close();
});

const local = { allowPrivate: true };

async function fetchError(url: string, options: Parameters<typeof fetchDocument>[1] = local): Promise<FetchError> {
  const error = await fetchDocument(url, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

async function readFetched(url: string) {
  const fetched = await fetchDocument(url, local);
  const documents = await readFileBytesAsync(fetched.bytes, {
    filename: fetched.url,
    hints: { url: fetched.url },
    charset: fetched.charset,
  });
  return { fetched, documents, report: toExtractOutput(documents).documents[0]?.reports[0] };
}

describe("fetching a report", () => {
  it("decodes a GB18030 page by the charset its header declares", async () => {
    const { fetched, documents, report } = await readFetched(server.url("/header-gb18030.html"));
    expect(fetched).toMatchObject({ format: "html", mediaType: "text/html", charset: "GB18030" });
    expect(documents[0]?.encoding).toBe("gb18030");
    expect(documents[0]?.hints?.url).toBe(server.url("/header-gb18030.html"));
    expect(report?.code).toBe("370202");
    expect(report?.targets.map((t) => t.text)).toContain("地区生产总值增长6%左右");
  });

  it("decodes a page by its <meta charset> or <meta http-equiv> when the header says none", async () => {
    for (const [path, charset] of [
      ["/meta-gbk.html", "gbk"],
      ["/http-equiv", "gb2312"],
    ] as const) {
      const { fetched, documents, report } = await readFetched(server.url(path));
      expect(fetched.charset).toBe(charset);
      expect(documents[0]?.encoding).toBe("gb18030");
      expect(report?.year).toBe(2024);
    }
    expect(
      metaCharset(
        new TextEncoder().encode('<html><head><meta content="text/html; charset=big5" http-equiv="Content-Type">'),
      ),
    ).toBe("big5");
  });

  it("decompresses a gzipped page", async () => {
    const { report } = await readFetched(server.url("/gzip.html"));
    expect(report?.code).toBe("370202");
  });

  it("reads a PDF and a Word document as their media type or bytes say", async () => {
    const pdf = await readFetched(server.url("/report.pdf"));
    expect(pdf.fetched.format).toBe("pdf");
    expect(pdf.documents[0]?.originalText).toBe(REPORT_TEXT);
    const docx = await readFetched(server.url("/report.docx"));
    expect(docx.fetched.format).toBe("docx");
    expect(docx.documents[0]?.originalText).toBe(REPORT_TEXT);
  });

  it("follows five redirects, each checked, and names the final address", async () => {
    const { fetched, documents } = await readFetched(server.url("/hop/1"));
    expect(fetched.requestedUrl).toBe(server.url("/hop/1"));
    expect(fetched.url).toBe(server.url("/hop/6"));
    expect(documents[0]?.hints?.url).toBe(server.url("/hop/6"));
  });

  it("refuses a sixth redirect", async () => {
    const error = await fetchError(server.url("/hop/0"));
    expect(error.code).toBe("redirects");
    expect(error.message).toMatch(/more than 5 redirects/);
  });
});

describe("what is not fetched", () => {
  it("says what a 404 is", async () => {
    const error = await fetchError(server.url("/missing"));
    expect(error).toMatchObject({ code: "http_status", params: { status: 404 } });
    expect(error.message).toBe("the server answered 404 (no such page)");
  });

  it("refuses a media type that is no report before reading it", async () => {
    expect((await fetchError(server.url("/image.png"))).code).toBe("unsupported_type");
  });

  it("refuses a body declared over the limit without reading it", async () => {
    const error = await fetchError(server.url("/declared-huge"));
    expect(error.code).toBe("too_large");
  });

  it("stops a body that passes the limit as it arrives, long before the server has sent it all", async () => {
    const error = await fetchError(server.url("/endless"), { ...local, maxBytes: 1024 * 1024 });
    expect(error.code).toBe("too_large");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(oversizeWritten).toBeLessThan(OVERSIZE_TOTAL / 2);
  });

  it("counts a compressed body as it expands", async () => {
    const error = await fetchError(server.url("/gzip-bomb"), { ...local, maxBytes: 1024 * 1024 });
    expect(error.code).toBe("too_large");
  });

  it("gives up on a server that does not finish in time", async () => {
    const started = Date.now();
    const error = await fetchError(server.url("/slow"), { ...local, timeoutMs: 300 });
    expect(error.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses loopback and private addresses unless allowed", async () => {
    for (const url of [server.url("/report.pdf"), "http://localhost:9/", "http://[::1]:9/", "http://10.0.0.1/"]) {
      const error = await fetchError(url, {});
      expect(error.code).toBe("private_address");
      expect(error.message).toMatch(/LUOSHI_FETCH_ALLOW_PRIVATE=1/);
    }
  });

  it("fetches http(s) only", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.org/report.pdf", "gopher://example.org/"]) {
      expect((await fetchError(url)).code).toBe("scheme");
    }
    expect((await fetchError("http://user:secret@example.org/")).code).toBe("bad_url");
    expect((await fetchError("http://")).code).toBe("bad_url");
    expect(isWebAddress("ftp://example.org/x")).toBe(true);
    expect(isWebAddress("reports/2024.txt")).toBe(false);
  });
});

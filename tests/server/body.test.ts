/**
 * The bounded body reader, attacked directly: endless chunked bodies, lying and honest Content-Length headers, a
 * multipart upload that never ends; and the query and 503 helpers of lib/server/api.ts.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isDatabaseDown, parseInput, queryOf, readJson, unavailablePage, unavailableUnlessUp } from "@/lib/server/api";
import { JSON_BODY_LIMIT, PayloadTooLargeError, readBody, readFormData } from "@/lib/server/body";
import { CHUNK, endlessBody, GIB, MB, streamingRequest } from "./endless-body";

const URL_ = "http://luoshi.test/api/x";

async function refusal(pending: Promise<unknown>): Promise<PayloadTooLargeError> {
  const error = await pending.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PayloadTooLargeError);
  return error as PayloadTooLargeError;
}

describe("readBody", () => {
  it("stops a 1 GiB chunked body just past the limit and cancels it", async () => {
    const body = endlessBody(GIB);
    const error = await refusal(readBody(streamingRequest(URL_, "POST", body), JSON_BODY_LIMIT));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/larger than 64 KB/);
    expect(body.pulled()).toBeLessThanOrEqual(JSON_BODY_LIMIT + CHUNK);
    expect(body.cancelled()).toBe(true);
  });

  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const body = endlessBody(GIB);
    const request = streamingRequest(URL_, "POST", body, { "content-length": String(GIB) });
    await refusal(readBody(request, JSON_BODY_LIMIT));
    expect(body.pulled()).toBe(0);
  });

  it("counts the bytes received, not the bytes a lying Content-Length declares", async () => {
    const body = endlessBody(GIB);
    await refusal(readBody(streamingRequest(URL_, "POST", body, { "content-length": "10" }), JSON_BODY_LIMIT));
    expect(body.pulled()).toBeLessThanOrEqual(JSON_BODY_LIMIT + CHUNK);
  });

  it("reads a body within the limit whole, across chunks, and an absent body as empty", async () => {
    const body = endlessBody(3 * CHUNK + 5, "{");
    const bytes = await readBody(streamingRequest(URL_, "POST", body), 4 * CHUNK);
    expect(bytes.byteLength).toBe(3 * CHUNK + 5);
    expect(bytes[0]).toBe("{".charCodeAt(0));
    expect(bytes.at(-1)).toBe(0x61);
    expect(await readBody(new Request(URL_), 10)).toEqual(new Uint8Array());
    // Exactly at the limit is within it.
    expect((await readBody(streamingRequest(URL_, "POST", endlessBody(CHUNK)), CHUNK)).byteLength).toBe(CHUNK);
  });
});

describe("readJson", () => {
  const post = (text: string) => new Request(URL_, { method: "POST", body: text });

  it("keeps the small default limit unless the route names another", async () => {
    await refusal(readJson(streamingRequest(URL_, "POST", endlessBody(GIB, '{"note":"'))));
    const big = JSON.stringify({ text: "字".repeat(100_000) });
    await refusal(readJson(post(big)));
    expect(await readJson(post(big), MB)).toEqual({ text: "字".repeat(100_000) });
  });

  it("answers 400 for what is not JSON, as before", async () => {
    for (const text of ["", "{nope", "\u0000"]) {
      await expect(readJson(post(text))).rejects.toMatchObject({ status: 400, message: /not valid JSON/ });
    }
    expect(await readJson(post('\uFEFF{"a":1}'))).toEqual({ a: 1 });
  });
});

describe("readFormData", () => {
  const boundary = "----luoshi-attack";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`;
  const type = { "content-type": `multipart/form-data; boundary=${boundary}` };

  it("stops a never-ending file part at the limit with a 413, not a parser error", async () => {
    const body = endlessBody(GIB, head);
    const error = await refusal(readFormData(streamingRequest(URL_, "POST", body, type), 4 * MB));
    expect(error.message).toMatch(/larger than 4 MB/);
    expect(body.pulled()).toBeLessThanOrEqual(4 * MB + CHUNK);
    expect(body.cancelled()).toBe(true);
  });

  it("parses a multipart body within the limit", async () => {
    const form = new FormData();
    form.append("files", new Blob(["地区生产总值增长7%"]), "a.txt");
    form.append("year", "2019");
    const request = new Request(URL_, { method: "POST", body: form });
    const parsed = await readFormData(request, MB);
    expect(parsed.get("year")).toBe("2019");
    expect(await (parsed.get("files") as File).text()).toBe("地区生产总值增长7%");
  });
});

describe("queryOf", () => {
  it("turns a repeated parameter into a list, which a one-value schema refuses", () => {
    const query = queryOf(new Request(`${URL_}?code=370202&code=abc&year=2019&j=1&j=2&k=3`), ["j", "k"]);
    expect(query).toEqual({ code: ["370202", "abc"], year: "2019", j: ["1", "2"], k: ["3"] });
    expect(() => parseInput(z.object({ code: z.string() }).strict(), { code: query.code })).toThrow(/invalid input/);
  });
});

describe("pages while the database is down", () => {
  const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

  it("recognises an unreachable database, and nothing else, as down", () => {
    expect(isDatabaseDown(down)).toBe(true);
    expect(isDatabaseDown(new Error("syntax error"))).toBe(false);
  });

  it("redirects a page's failed read to the 503 page, naming the page to retry", async () => {
    const error = (await unavailableUnlessUp(Promise.reject(down), "/j/370202/2019").catch(
      (reason: unknown) => reason,
    )) as { digest?: string };
    expect(error.digest).toMatch(/^NEXT_REDIRECT;.*;\/unavailable\?next=%2Fj%2F370202%2F2019;307;/);
    const other = new Error("a bug");
    await expect(unavailableUnlessUp(Promise.reject(other), "/")).rejects.toBe(other);
    await expect(unavailableUnlessUp(Promise.resolve(7), "/")).resolves.toBe(7);
  });

  it("answers the 503 page in the reader's language, with Retry-After, offering only this app's paths", async () => {
    const page = (query: string, cookie = "") =>
      unavailablePage(new Request(`http://luoshi.test/unavailable${query}`, { headers: { cookie } }));
    const zh = page("?next=%2Fj%2F370202%2F2019");
    expect(zh.status).toBe(503);
    expect(zh.headers.get("retry-after")).toBe("15");
    expect(zh.headers.get("content-type")).toMatch(/text\/html/);
    const html = await zh.text();
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toMatch(/数据库暂时不可用/);
    expect(html).toMatch(/href="\/j\/370202\/2019"/);
    expect(html).not.toMatch(/internal error|ECONNREFUSED/);
    expect(await page("", "luoshi_locale=en").text()).toMatch(/The database is unavailable/);
    for (const evil of ["//evil.example/x", "https://evil.example", '/"><script>alert(1)</script>']) {
      const text = await page(`?next=${encodeURIComponent(evil)}`).text();
      expect(text).not.toMatch(/evil\.example|<script>/);
    }
  });
});

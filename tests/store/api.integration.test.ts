/**
 * The HTTP API's route handlers, called as Next calls them (a Request in, a Response out), on a real database:
 * validation, authentication, origin checks, optimistic locking under concurrency, and no partial writes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/export/route";
import * as importJobRoute from "@/app/api/import/route";
import * as yearRoute from "@/app/api/jurisdictions/[code]/years/[year]/route";
import * as jurisdictionsRoute from "@/app/api/jurisdictions/route";
import * as reportRoute from "@/app/api/reports/[id]/route";
import * as sessionRoute from "@/app/api/session/route";
import * as matchRoute from "@/app/api/targets/[id]/match/route";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { ZScorecardYear } from "@/lib/schemas/store";
import { bytesOf, seedPath } from "../support/corpus";
import { runImport } from "../support/import-jobs";
import { openTestStore, rowCounts, type TestStore } from "../support/store";

/** `POST /api/import` with its job run to the end: the answer the import gives once done (tests/support/import-jobs.ts). */
const importRoute = {
  POST: (...args: Parameters<typeof importJobRoute.POST>) => runImport(importJobRoute.POST(...args)),
};

const ORIGIN = "http://luoshi.test";
const TOKEN = "api-test-token";
const PASSWORD = "api-test-password";
const bearer = { authorization: `Bearer ${TOKEN}` };

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const request = (path: string, init: RequestInit = {}) => new Request(`${ORIGIN}${path}`, init);
const json = (body: unknown, headers: Record<string, string> = bearer): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(PROVIDERS)("API on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    Object.assign(process.env, { DATABASE_URL: store.url, LUOSHI_API_TOKEN: TOKEN, LUOSHI_EDITOR_PASSWORD: PASSWORD });
  });
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  it("imports a file by multipart upload, and the same bytes again change nothing", async () => {
    const form = () => {
      const body = new FormData();
      body.append("files", new Blob([Buffer.from(bytesOf(seedPath("001")))]), "001.txt");
      return body;
    };
    const first = await importRoute.POST(
      request("/api/import", { method: "POST", headers: bearer, body: form() }),
      undefined,
    );
    expect(first.status).toBe(201);
    const created = (await first.json()) as {
      documents: { created: boolean; reports: { code: string; year: number }[] }[];
    };
    expect(created.documents[0]?.reports.map((r) => [r.code, r.year])).toEqual([
      ["370202", 2019],
      ["370202", 2020],
    ]);
    const again = await importRoute.POST(
      request("/api/import", { method: "POST", headers: bearer, body: form() }),
      undefined,
    );
    expect(again.status).toBe(200);
    expect(((await again.json()) as { documents: { created: boolean }[] }).documents[0]?.created).toBe(false);
  });

  it("imports a researcher's CSV corpus by multipart upload, one report per row, the row's columns as hints", async () => {
    // Two rows written for this test: a province's report and a row whose text names no place (the row says it).
    const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const csv = [
      "province,year,title,full_text",
      `山东省,2026,2026年山东省政府工作报告,${quote("全省经济社会发展主要预期目标是：地区生产总值增长5%以上，一般公共预算收入增长2%。")}`,
      `湖南省,2026,,${quote("主要预期目标是：\n地区生产总值增长5%左右，城镇调查失业率5.5%左右。")}`,
    ].join("\r\n");
    const body = new FormData();
    body.append("files", new Blob([Buffer.from(`\uFEFF${csv}`, "utf8")]), "corpus.csv");
    const response = await importRoute.POST(
      request("/api/import", { method: "POST", headers: bearer, body }),
      undefined,
    );
    expect(response.status).toBe(201);
    const imported = (await response.json()) as { documents: { reports: { code: string; year: number }[] }[] };
    expect(imported.documents.flatMap((d) => d.reports.map((r) => [r.code, r.year]))).toEqual([
      ["370000", 2026],
      ["430000", 2026],
    ]);
  });

  it("lists jurisdictions and serves a scorecard year in the documented shape", async () => {
    type List = { items: { code: string; years: number[] }[]; total: number; page: number; pageSize: number };
    const listAt = async (query: string) =>
      (await (await jurisdictionsRoute.GET(request(`/api/jurisdictions${query}`), undefined)).json()) as List;
    await importFile(store.db, { filename: seedPath("002"), bytes: bytesOf(seedPath("002")) }, { tolerance: 0 });
    const list = await listAt("");
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect(list.items).toContainEqual({ code: "370202", name: "青岛市市南区", years: [2019, 2020] });
    expect(list).toMatchObject({ total: list.items.length, page: 1, pageSize: 200 });
    // Pages of one walk the same list; a search narrows it by name or code prefix.
    const pages = [await listAt("?pageSize=1&page=1"), await listAt("?pageSize=1&page=2")];
    expect(pages.flatMap((p) => p.items)).toEqual(list.items.slice(0, 2));
    expect((await listAt(`?q=${encodeURIComponent("市南")}`)).items.map((i) => i.code)).toEqual(["370202"]);
    expect((await listAt("?q=3702")).items.map((i) => i.code)).toEqual(["370202"]);
    expect((await jurisdictionsRoute.GET(request("/api/jurisdictions?pageSize=5000"), undefined)).status).toBe(400);

    const response = await yearRoute.GET(
      request("/api/jurisdictions/370202/years/2019"),
      params({ code: "370202", year: "2019" }),
    );
    expect(response.status).toBe(200);
    const year = ZScorecardYear.parse(await response.json());
    expect(year.plan?.reportId).toBeTruthy();
    expect(year.review?.reportId).toBeTruthy();
    expect(year.summary.total).toBe(year.targets.length);
    const gdp = year.targets.find((t) => t.indicator === "地区生产总值" && t.measure === "growth" && t.headline);
    expect(gdp).toMatchObject({
      value: 7,
      unit: "%",
      qualifier: "about",
      match: { verdict: "missed", outcome: { value: 6 } },
    });

    const report = await reportRoute.GET(
      request(`/api/reports/${year.plan?.reportId}`),
      params({ id: year.plan?.reportId ?? "" }),
    );
    const body = (await report.json()) as { text: string; targets: { text: string; start: number; end: number }[] };
    for (const target of body.targets) expect(body.text.slice(target.start, target.end)).toBe(target.text);
  });

  it("answers unknown ids and bad parameters with 404 and 400", async () => {
    expect(
      (await yearRoute.GET(request("/api/jurisdictions/999999/years/2019"), params({ code: "999999", year: "2019" })))
        .status,
    ).toBe(404);
    expect(
      (await yearRoute.GET(request("/api/jurisdictions/abc/years/19"), params({ code: "abc", year: "19" }))).status,
    ).toBe(400);
    expect((await reportRoute.GET(request("/api/reports/nope"), params({ id: "nope" }))).status).toBe(404);
    const patch = await matchRoute.PATCH(
      request("/api/targets/nope/match", {
        method: "PATCH",
        headers: bearer,
        body: JSON.stringify({ action: "set_verdict", version: 1, note: "x", verdict: "met" }),
      }),
      params({ id: "nope" }),
    );
    expect(patch.status).toBe(404);
  });

  it("refuses bad input through every door with a clear message, writing nothing", async () => {
    const before = await rowCounts(store.db);
    const post = (init: RequestInit) => importRoute.POST(request("/api/import", init), undefined);
    const upload = (name: string, bytes: Uint8Array, headers: Record<string, string> = bearer) => {
      const body = new FormData();
      body.append("files", new Blob([Buffer.from(bytes)]), name);
      return post({ method: "POST", headers, body });
    };
    const cases: [string, Promise<Response>, number, RegExp][] = [
      ["empty text", post(json({ filename: "a.txt", text: "" })), 400, /invalid input/],
      [
        "malformed JSON",
        post({ method: "POST", headers: { ...bearer, "content-type": "application/json" }, body: "{nope" }),
        400,
        /not valid JSON/,
      ],
      ["wrong types", post(json({ filename: 7, text: ["x"], year: "soon" })), 400, /invalid input/],
      ["not a report", post(json({ filename: "note.txt", text: "今天天气晴朗，适合散步。" })), 400, /note\.txt/],
      ["empty file", upload("empty.txt", new Uint8Array()), 400, /empty\.txt/],
      [
        "binary file",
        upload("logo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])),
        400,
        /logo\.png/,
      ],
      ["60 MB file", upload("huge.txt", new Uint8Array(60 * 1024 * 1024).fill(0x41)), 400, /huge\.txt.*50 MB/],
      [
        "undecodable bytes",
        upload("bad.txt", new Uint8Array([0xe6, 0x94, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0])),
        400,
        /bad\.txt/,
      ],
      ["no credentials", upload("x.txt", bytesOf(seedPath("003")), {}), 401, /sign in/],
      ["wrong token", upload("x.txt", bytesOf(seedPath("003")), { authorization: "Bearer wrong" }), 401, /not valid/],
    ];
    for (const [label, pending, status, message] of cases) {
      const response = await pending;
      const body = (await response.json()) as { error: string; failed?: { error: string }[] };
      expect({ label, status: response.status }).toEqual({ label, status });
      expect(`${body.error ?? ""} ${body.failed?.map((f) => f.error).join(" ") ?? ""}`).toMatch(message);
    }
    expect(await rowCounts(store.db)).toEqual(before);
  });

  it("lets a signed-in editor edit from the app's origin, and refuses a cross-origin edit", async () => {
    const signIn = await sessionRoute.POST(
      request("/api/session", json({ name: "admin", password: PASSWORD }, {})),
      undefined,
    );
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(signIn.headers.get("set-cookie")).toMatch(/HttpOnly/);
    const wrong = await sessionRoute.POST(
      request("/api/session", json({ name: "x", password: "guess" }, {})),
      undefined,
    );
    expect(wrong.status).toBe(401);

    const target = await store.db.target.findFirstOrThrow({
      where: { planYear: 2019, jurisdictionCode: "370202" },
      include: { match: true },
    });
    const edit = (headers: Record<string, string>) =>
      matchRoute.PATCH(
        request(`/api/targets/${target.id}/match`, {
          method: "PATCH",
          headers: { cookie, host: "luoshi.test", "content-type": "application/json", ...headers },
          body: JSON.stringify({
            action: "set_verdict",
            version: target.match?.version,
            note: "复核",
            verdict: "needs_review",
          }),
        }),
        params({ id: target.id }),
      );
    const before = await rowCounts(store.db);
    const foreign = await edit({ origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await rowCounts(store.db)).toEqual(before);

    const own = await edit({ origin: ORIGIN });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      verdict: "needs_review",
      manual: true,
      version: (target.match?.version ?? 0) + 1,
    });
    expect(await store.db.edit.findFirst({ where: { editor: "admin" } })).not.toBeNull();
  });

  it("applies exactly one of 50 concurrent edits naming the same version; the rest get 409", async () => {
    const target = await store.db.target.findFirstOrThrow({
      where: { planYear: 2019, jurisdictionCode: "370202", indicatorName: "新增就业" },
      include: { match: true },
    });
    const version = target.match?.version ?? 0;
    const editsBefore = await store.db.edit.count();
    const verdicts = ["met", "missed", "needs_review"] as const;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        matchRoute.PATCH(
          request(`/api/targets/${target.id}/match`, {
            method: "PATCH",
            headers: { ...bearer, "content-type": "application/json" },
            body: JSON.stringify({ action: "set_verdict", version, note: `并发编辑 ${i}`, verdict: verdicts[i % 3] }),
          }),
          params({ id: target.id }),
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const conflict = (await responses.find((r) => r.status === 409)?.json()) as { error: string };
    expect(conflict.error).toMatch(/someone else changed this match/);
    expect(await store.db.edit.count()).toBe(editsBefore + 1);
    const after = await store.db.match.findUniqueOrThrow({
      where: { targetId: target.id },
      include: { edits: { orderBy: { createdAt: "desc" }, take: 1 } },
    });
    expect(after.version).toBe(version + 1);
    // The stored verdict is the one the single winning edit asked for.
    const winner = Number(/并发编辑 (\d+)/.exec(after.edits[0]?.note ?? "")?.[1]);
    expect(after.verdict).toBe(verdicts[winner % 3]);
  });

  it("validates edits: a missing note, no action, a bad verdict, the old shape, another action's field", async () => {
    const target = await store.db.target.findFirstOrThrow({
      where: { planYear: 2019, jurisdictionCode: "370202" },
      include: { match: true },
    });
    for (const body of [
      { action: "set_verdict", version: 1, verdict: "met" },
      { version: 1, note: "x" },
      { action: "set_verdict", version: 1, note: "x", verdict: "great" },
      { version: 1, note: "x", verdict: "met" },
      { action: "undo", version: 1, note: "x", verdict: "met" },
      { action: "link", version: 1, note: "x" },
    ]) {
      const response = await matchRoute.PATCH(
        request(`/api/targets/${target.id}/match`, { method: "PATCH", headers: bearer, body: JSON.stringify(body) }),
        params({ id: target.id }),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid input" });
    }
  });

  it("exports the long format as CSV with GB/T codes", async () => {
    const response = await exportRoute.GET(request("/api/export?code=370202&year=2019&format=csv&lang=en"), undefined);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(
      /^code,jurisdiction,level,level_label,parent_code,year,indicator,indicator_canonical,category/,
    );
    const rows = lines.slice(1);
    expect(rows.length).toBe(await store.db.target.count({ where: { jurisdictionCode: "370202", planYear: 2019 } }));
    expect(rows.every((row) => row.startsWith("370202,青岛市市南区,county,County,370200,2019,"))).toBe(true);
    expect((await exportRoute.GET(request("/api/export?format=pdf"), undefined)).status).toBe(400);
  });

  it("is read-only without LUOSHI_EDITOR_PASSWORD and LUOSHI_API_TOKEN, and says so", async () => {
    delete process.env.LUOSHI_API_TOKEN;
    delete process.env.LUOSHI_EDITOR_PASSWORD;
    try {
      const response = await importRoute.POST(
        request("/api/import", json({ filename: "a.txt", text: "x" }, bearer)),
        undefined,
      );
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(/read-only/);
    } finally {
      Object.assign(process.env, { LUOSHI_API_TOKEN: TOKEN, LUOSHI_EDITOR_PASSWORD: PASSWORD });
    }
  });
});

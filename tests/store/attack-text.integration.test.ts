/**
 * Attack: text PostgreSQL cannot hold, and parameters a route does not expect. U+0000 in every text input (query and
 * route parameters, notes, hand-entered outcomes, names) answers 400 on SQLite and PostgreSQL alike, never 500, with
 * nobody signed in where reading is open; a report text holding NUL is imported without it; an invalid, repeated or
 * unknown query parameter answers 400 on every GET route.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as compareRoute from "@/app/api/compare/route";
import * as exportRoute from "@/app/api/export/route";
import * as importJobRoute from "@/app/api/import/route";
import * as yearRoute from "@/app/api/jurisdictions/[code]/years/[year]/route";
import * as jurisdictionsRoute from "@/app/api/jurisdictions/route";
import * as outcomeTargetsRoute from "@/app/api/outcomes/[id]/targets/route";
import * as reportRoute from "@/app/api/reports/[id]/route";
import * as reviewRoute from "@/app/api/review/route";
import * as sessionRoute from "@/app/api/session/route";
import * as candidatesRoute from "@/app/api/targets/[id]/candidates/route";
import * as editsRoute from "@/app/api/targets/[id]/edits/route";
import * as matchRoute from "@/app/api/targets/[id]/match/route";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { getReport } from "@/lib/db/queries/reports";
import { ZCompareQuery, ZOverviewQuery, ZReviewQuery } from "@/lib/schemas/dashboard";
import { bytesOf, seedPath } from "../support/corpus";
import { runImport } from "../support/import-jobs";
import { openTestStore, rowCounts, type TestStore } from "../support/store";

/** `POST /api/import` with its job run to the end: the answer the import gives once done (tests/support/import-jobs.ts). */
const importRoute = {
  POST: (...args: Parameters<typeof importJobRoute.POST>) => runImport(importJobRoute.POST(...args)),
};

const ORIGIN = "http://luoshi.test";
const TOKEN = "attack-token";
const bearer = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const get = (path: string) => new Request(`${ORIGIN}${path}`);
const NUL = "\u0000";
const GDP = encodeURIComponent("地区生产总值");

async function expect400(label: string, pending: Promise<Response>, message: RegExp = /U\+0000/) {
  const response = await pending;
  const body = (await response.json()) as { error: string; fieldErrors?: Record<string, string[]> };
  expect({ label, status: response.status }).toEqual({ label, status: 400 });
  expect(`${body.error} ${JSON.stringify(body.fieldErrors ?? {})}`).toMatch(message);
}

describe.each(PROVIDERS)("NUL and stray parameters on %s", (provider) => {
  let store: TestStore;
  let targetId: string;
  let outcomeId: string;
  let reportId: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    Object.assign(process.env, { DATABASE_URL: store.url, LUOSHI_API_TOKEN: TOKEN, LUOSHI_EDITOR_PASSWORD: "pw" });
    await importFile(store.db, { filename: seedPath("001"), bytes: bytesOf(seedPath("001")) }, { tolerance: 0 });
    const target = await store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: "370202", planYear: 2019, match: { outcomeId: { not: null } } },
      include: { match: true },
    });
    targetId = target.id;
    outcomeId = target.match?.outcomeId ?? "";
    reportId = target.reportId;
  });
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  it("refuses NUL in every query and route parameter, signed in or not", async () => {
    const x = `x${NUL}`;
    const doors: [string, Promise<Response>][] = [
      ["jurisdictions q", jurisdictionsRoute.GET(get("/api/jurisdictions?q=a%00b"), undefined)],
      ["compare indicator", compareRoute.GET(get("/api/compare?indicator=%00&measure=growth&j=370202"), undefined)],
      ["compare j", compareRoute.GET(get(`/api/compare?indicator=${GDP}&measure=growth&j=370202%00`), undefined)],
      ["edits id", editsRoute.GET(get("/api/targets/x%00/edits"), params({ id: x }))],
      ["candidates id", candidatesRoute.GET(get("/api/targets/x%00/candidates"), params({ id: x }))],
      ["candidates q", candidatesRoute.GET(get(`/api/targets/${targetId}/candidates?q=%00`), params({ id: targetId }))],
      ["outcome targets id", outcomeTargetsRoute.GET(get("/api/outcomes/x%00/targets"), params({ id: x }))],
      [
        "outcome targets q",
        outcomeTargetsRoute.GET(get(`/api/outcomes/${outcomeId}/targets?q=a%00`), params({ id: outcomeId })),
      ],
      ["report id", reportRoute.GET(get("/api/reports/x%00"), params({ id: x }))],
      [
        "scorecard code",
        yearRoute.GET(get("/api/jurisdictions/37020%00/years/2019"), params({ code: `37020${NUL}`, year: "2019" })),
      ],
      [
        "scorecard year",
        yearRoute.GET(get("/api/jurisdictions/370202/years/2019%00"), params({ code: "370202", year: `2019${NUL}` })),
      ],
    ];
    for (const [label, pending] of doors) await expect400(label, pending, /U\+0000|invalid input/);
    // Where a parameter has a fixed form, NUL fails that form.
    await expect400("review code", reviewRoute.GET(get("/api/review?code=%00"), undefined), /6-digit/);
    await expect400("review reason", reviewRoute.GET(get("/api/review?reason=%00"), undefined), /invalid input/);
    await expect400("export code", exportRoute.GET(get("/api/export?code=%00"), undefined), /6-digit/);
  });

  it("refuses NUL in a note, a hand-entered outcome and a linked id, writing nothing", async () => {
    const target = await store.db.match.findUniqueOrThrow({ where: { targetId } });
    const manual = { value: 6, unit: "%", text: "增长6%", source: "统计公报" };
    const bodies: [string, unknown][] = [
      ["note", { action: "set_verdict", version: target.version, note: `复核${NUL}`, verdict: "met" }],
      [
        "manual text",
        {
          action: "manual_outcome",
          version: target.version,
          note: "复核",
          manualOutcome: { ...manual, text: `增长${NUL}6%` },
        },
      ],
      [
        "manual source",
        { action: "manual_outcome", version: target.version, note: "复核", manualOutcome: { ...manual, source: NUL } },
      ],
      [
        "manual unit",
        {
          action: "manual_outcome",
          version: target.version,
          note: "复核",
          manualOutcome: { ...manual, unit: `%${NUL}` },
        },
      ],
      ["outcome id", { action: "link", version: target.version, note: "复核", outcomeId: `${outcomeId}${NUL}` }],
    ];
    const before = await rowCounts(store.db);
    for (const [label, body] of bodies) {
      await expect400(
        label,
        matchRoute.PATCH(
          new Request(`${ORIGIN}/api/targets/${targetId}/match`, {
            method: "PATCH",
            headers: bearer,
            body: JSON.stringify(body),
          }),
          params({ id: targetId }),
        ),
      );
    }
    expect(await rowCounts(store.db)).toEqual(before);
  });

  it("refuses NUL in a file name and a sign-in name", async () => {
    const text = new TextDecoder().decode(bytesOf(seedPath("003")));
    const before = await rowCounts(store.db);
    await expect400(
      "JSON filename",
      importRoute.POST(
        new Request(`${ORIGIN}/api/import`, {
          method: "POST",
          headers: bearer,
          body: JSON.stringify({ filename: `a${NUL}.txt`, text }),
        }),
        undefined,
      ),
    );
    const form = new FormData();
    form.append("files", new Blob([text]), `b${NUL}.txt`);
    await expect400(
      "multipart filename",
      importRoute.POST(
        new Request(`${ORIGIN}/api/import`, {
          method: "POST",
          headers: { authorization: bearer.authorization },
          body: form,
        }),
        undefined,
      ),
    );
    expect(await rowCounts(store.db)).toEqual(before);
    const signIn = await sessionRoute.POST(
      new Request(`${ORIGIN}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `admin${NUL}`, password: "pw" }),
      }),
      undefined,
    );
    expect(signIn.status).toBe(400);
  });

  it("imports a report whose text holds NUL without it", async () => {
    const text = new TextDecoder().decode(bytesOf(seedPath("002"))).replace("\n", `\n${NUL}`);
    expect(text).toContain(NUL);
    const response = await importRoute.POST(
      new Request(`${ORIGIN}/api/import`, {
        method: "POST",
        headers: bearer,
        body: JSON.stringify({ filename: "nul.txt", text }),
      }),
      undefined,
    );
    expect(response.status).toBe(201);
    const document = await store.db.document.findFirstOrThrow({ where: { sourceName: "nul.txt" } });
    expect(document.originalText).not.toContain(NUL);
  });

  it("keeps pages from passing NUL to the database: their parameters fall back, a report id is not found", async () => {
    expect(ZOverviewQuery.parse({ q: `市南${NUL}` }).q).toBeUndefined();
    expect(ZCompareQuery.parse({ indicator: `GDP${NUL}`, measure: "growth", codes: ["370202"] }).indicator).toBe(
      "地区生产总值",
    );
    expect(ZReviewQuery.parse({ code: `370202${NUL}` }).code).toBeUndefined();
    expect(await getReport(store.db, `x${NUL}`)).toBeNull();
    expect(await getReport(store.db, reportId)).not.toBeNull();
  });

  it("answers an invalid, repeated or unknown query parameter with 400 on every GET route", async () => {
    const doors: [string, Promise<Response>][] = [
      ["review code=abc", reviewRoute.GET(get("/api/review?code=abc"), undefined)],
      ["review code twice", reviewRoute.GET(get("/api/review?code=370202&code=abc"), undefined)],
      ["review tab", reviewRoute.GET(get("/api/review?tab=all"), undefined)],
      ["review unknown", reviewRoute.GET(get("/api/review?cdoe=370202"), undefined)],
      ["jurisdictions unknown", jurisdictionsRoute.GET(get("/api/jurisdictions?query=市南"), undefined)],
      ["jurisdictions q twice", jurisdictionsRoute.GET(get("/api/jurisdictions?q=a&q=b"), undefined)],
      ["export unknown", exportRoute.GET(get("/api/export?yaer=2019"), undefined)],
      ["export year twice", exportRoute.GET(get("/api/export?year=2019&year=2020"), undefined)],
      [
        "compare unknown",
        compareRoute.GET(get(`/api/compare?indicator=${GDP}&measure=growth&j=370202&x=1`), undefined),
      ],
      ["compare measure", compareRoute.GET(get(`/api/compare?indicator=${GDP}&measure=speed&j=370202`), undefined)],
      [
        "scorecard unknown",
        yearRoute.GET(get("/api/jurisdictions/370202/years/2019?tab=x"), params({ code: "370202", year: "2019" })),
      ],
      ["report unknown", reportRoute.GET(get(`/api/reports/${reportId}?view=x`), params({ id: reportId }))],
      ["edits unknown", editsRoute.GET(get(`/api/targets/${targetId}/edits?all=1`), params({ id: targetId }))],
      [
        "candidates q twice",
        candidatesRoute.GET(get(`/api/targets/${targetId}/candidates?q=a&q=b`), params({ id: targetId })),
      ],
      [
        "outcome targets unknown",
        outcomeTargetsRoute.GET(get(`/api/outcomes/${outcomeId}/targets?page=2`), params({ id: outcomeId })),
      ],
    ];
    for (const [label, pending] of doors) await expect400(label, pending, /invalid input/);
    // The same routes, asked properly, answer.
    const fine: [string, Promise<Response>][] = [
      ["review", reviewRoute.GET(get("/api/review?code=370202&year=2019&page=1"), undefined)],
      [
        "compare, j as a list",
        compareRoute.GET(get(`/api/compare?indicator=${GDP}&measure=growth&j=370202,000000&j=110000`), undefined),
      ],
      ["jurisdictions", jurisdictionsRoute.GET(get(`/api/jurisdictions?q=${encodeURIComponent("市南")}`), undefined)],
    ];
    for (const [label, pending] of fine)
      expect({ label, status: (await pending).status }).toEqual({ label, status: 200 });
  });
});

/**
 * Attack: numbers that break arithmetic. 1e308, -1.79e308, 400-digit numbers, NaN and Infinity in every numeric input
 * of the API answer 400 and leave the scorecard readable; rows already holding such numbers (written before inputs
 * were bounded) read as "no figure" on every screen's query instead of failing them; a report whose text states an
 * absurd figure is imported and shown without it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as compareRoute from "@/app/api/compare/route";
import * as exportRoute from "@/app/api/export/route";
import * as previewRoute from "@/app/api/import/preview/route";
import * as importJobRoute from "@/app/api/import/route";
import * as yearRoute from "@/app/api/jurisdictions/[code]/years/[year]/route";
import * as jurisdictionsRoute from "@/app/api/jurisdictions/route";
import * as outcomeTargetsRoute from "@/app/api/outcomes/[id]/targets/route";
import * as reportRoute from "@/app/api/reports/[id]/route";
import * as reviewRoute from "@/app/api/review/route";
import * as candidatesRoute from "@/app/api/targets/[id]/candidates/route";
import * as editsRoute from "@/app/api/targets/[id]/edits/route";
import * as matchRoute from "@/app/api/targets/[id]/match/route";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { getTargetOutcomes } from "@/lib/db/queries/report-view";
import {
  ZCandidateList,
  ZComparison,
  ZEditHistory,
  ZImportPreview,
  ZReviewPage,
  ZTargetChoiceList,
} from "@/lib/schemas/dashboard";
import { ZReportDetail, ZScorecardYear, ZStoredMatch } from "@/lib/schemas/store";
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

/** JSON tokens that are not sane numbers, written into bodies as they are (not through JSON.stringify). */
const ABSURD_TOKENS = [
  "1e308",
  "-1.79e308",
  "1e16",
  "-1e16",
  `1${"0".repeat(400)}`,
  `-${"9".repeat(400)}`,
  "1e400",
  '"NaN"',
  '"Infinity"',
  '"-Infinity"',
  '"7"',
  "null",
  "true",
  "[7]",
];
/** The same in a query string or a form field. */
const ABSURD_PARAMS = ["1e400", "Infinity", "-Infinity", "NaN", "9".repeat(400), "1e308", "", "1.5", "-1", "7abc"];

describe.each(PROVIDERS)("absurd numbers on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    Object.assign(process.env, { DATABASE_URL: store.url, LUOSHI_API_TOKEN: TOKEN });
    for (const seed of ["001", "002"]) {
      await importFile(store.db, { filename: seedPath(seed), bytes: bytesOf(seedPath(seed)) }, { tolerance: 0 });
    }
  });
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  const gdpTarget = () =>
    store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: "370202", planYear: 2019, indicatorName: "地区生产总值", measure: "growth" },
      include: { match: true },
    });

  async function readable() {
    const year = await yearRoute.GET(
      get("/api/jurisdictions/370202/years/2019"),
      params({ code: "370202", year: "2019" }),
    );
    expect(year.status).toBe(200);
    const scorecard = ZScorecardYear.parse(await year.json());
    const target = await gdpTarget();
    const candidates = await candidatesRoute.GET(
      get(`/api/targets/${target.id}/candidates`),
      params({ id: target.id }),
    );
    expect(candidates.status).toBe(200);
    return { scorecard, candidates: ZCandidateList.parse(await candidates.json()) };
  }

  it("refuses an absurd hand-entered outcome on a 7% target, writing nothing", async () => {
    const target = await gdpTarget();
    expect(target.value).toBe(7);
    const before = await rowCounts(store.db);
    for (const token of ABSURD_TOKENS) {
      const body = `{"action":"manual_outcome","version":${target.match?.version},"note":"攻击","manualOutcome":{"value":${token},"unit":"%","text":"增长","source":"x"}}`;
      const response = await matchRoute.PATCH(
        new Request(`${ORIGIN}/api/targets/${target.id}/match`, { method: "PATCH", headers: bearer, body }),
        params({ id: target.id }),
      );
      expect({ token, status: response.status }).toEqual({ token, status: 400 });
      const answer = (await response.json()) as { error: string; fieldErrors?: Record<string, string[]> };
      expect(`${answer.error} ${JSON.stringify(answer.fieldErrors ?? {})}`).toMatch(/finite number|not valid JSON/);
    }
    expect(await rowCounts(store.db)).toEqual(before);
    await readable();
  });

  it("refuses an absurd version in an edit", async () => {
    const target = await gdpTarget();
    for (const token of ABSURD_TOKENS) {
      const body = `{"version":${token},"note":"攻击","verdict":"met"}`;
      const response = await matchRoute.PATCH(
        new Request(`${ORIGIN}/api/targets/${target.id}/match`, { method: "PATCH", headers: bearer, body }),
        params({ id: target.id }),
      );
      expect({ token, status: response.status }).toEqual({ token, status: 400 });
    }
    expect((await gdpTarget()).match?.version).toBe(target.match?.version);
  });

  it("refuses absurd numbers in every numeric query and path parameter with 400, never 500", async () => {
    const target = await gdpTarget();
    const doors: [string, () => Promise<Response>][] = ABSURD_PARAMS.flatMap((bad) => {
      const q = encodeURIComponent(bad);
      return [
        [`jurisdictions page=${bad}`, () => jurisdictionsRoute.GET(get(`/api/jurisdictions?page=${q}`), undefined)],
        [
          `jurisdictions pageSize=${bad}`,
          () => jurisdictionsRoute.GET(get(`/api/jurisdictions?pageSize=${q}`), undefined),
        ],
        [`review page=${bad}`, () => reviewRoute.GET(get(`/api/review?page=${q}`), undefined)],
        [`review pageSize=${bad}`, () => reviewRoute.GET(get(`/api/review?pageSize=${q}`), undefined)],
        [`review year=${bad}`, () => reviewRoute.GET(get(`/api/review?year=${q}`), undefined)],
        [`export year=${bad}`, () => exportRoute.GET(get(`/api/export?year=${q}`), undefined)],
        [
          `scorecard year ${bad}`,
          () => yearRoute.GET(get(`/api/jurisdictions/370202/years/${q}`), params({ code: "370202", year: bad })),
        ],
      ] as [string, () => Promise<Response>][];
    });
    doors.push([
      "candidates of a target, id as a number",
      () => candidatesRoute.GET(get("/api/targets/1e400/candidates"), params({ id: "1e400" })),
    ]);
    for (const [label, send] of doors) {
      const status = (await send()).status;
      expect({ label, status }).toEqual({ label, status: label.startsWith("candidates") ? 404 : 400 });
    }
    expect((await candidatesRoute.GET(get("/x"), params({ id: target.id }))).status).toBe(200);
  });

  it("refuses absurd years in an import, by JSON and by form field", async () => {
    const before = await rowCounts(store.db);
    const text = new TextDecoder().decode(bytesOf(seedPath("003")));
    for (const token of ABSURD_TOKENS) {
      const body = `{"filename":"a.txt","text":${JSON.stringify(text)},"year":${token}}`;
      const response = await importRoute.POST(
        new Request(`${ORIGIN}/api/import`, { method: "POST", headers: bearer, body }),
        undefined,
      );
      // `null` and `"7"`-like strings are not a year either; only the JSON parser's own refusals read differently.
      expect({ token, status: response.status }).toEqual({ token, status: 400 });
    }
    for (const bad of ABSURD_PARAMS.filter(Boolean)) {
      const form = new FormData();
      form.append("files", new Blob([text]), "a.txt");
      form.append("year", bad);
      const response = await importRoute.POST(
        new Request(`${ORIGIN}/api/import`, {
          method: "POST",
          headers: { authorization: bearer.authorization },
          body: form,
        }),
        undefined,
      );
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
    }
    expect(await rowCounts(store.db)).toEqual(before);
  });

  it("reads rows that already hold Infinity, NaN or 1e308 as no figure, on every read", async () => {
    const target = await gdpTarget();
    const others = await store.db.target.findMany({
      where: {
        jurisdictionCode: "370202",
        planYear: 2019,
        id: { not: target.id },
        match: { outcomeId: { not: null } },
      },
      include: { match: true },
      take: 3,
    });
    const [second, third, fourth] = others;
    if (!second?.match?.outcomeId || !third?.match?.outcomeId || !fourth)
      throw new Error("the seed has too few matches");
    const report = await store.db.report.findFirstOrThrow({ where: { jurisdictionCode: "370202", planYear: 2019 } });
    // An orphaned hand-entered outcome of the year, as a PATCH without bounds could leave one.
    const orphan = await store.db.outcome.create({
      data: {
        jurisdictionCode: "370202",
        year: 2019,
        indicatorName: "地区生产总值",
        measure: "growth",
        value: 0,
        unit: "%",
        polarity: "higher_better",
        estimated: false,
        text: "手工",
        source: "攻击",
        manual: true,
      },
    });
    const inf = provider === "postgresql" ? `'Infinity'::float8` : "9e999";
    const negInf = provider === "postgresql" ? `'-Infinity'::float8` : "-9e999";
    // SQLite stores NaN as NULL; PostgreSQL keeps it.
    const nan = provider === "postgresql" ? `'NaN'::float8` : "NULL";
    const sql = [
      `UPDATE "Match" SET "ratio" = ${inf} WHERE "targetId" = '${target.id}'`,
      `UPDATE "Match" SET "confidence" = ${nan === "NULL" ? inf : nan} WHERE "targetId" = '${second.id}'`,
      `UPDATE "Target" SET "value" = ${inf}, "min" = ${negInf} WHERE "id" = '${third.id}'`,
      `UPDATE "Target" SET "max" = 1e308 WHERE "id" = '${fourth.id}'`,
      `UPDATE "Outcome" SET "value" = ${negInf} WHERE "id" = '${orphan.id}'`,
      `UPDATE "Outcome" SET "value" = ${nan === "NULL" ? "1e308" : nan} WHERE "id" = '${second.match.outcomeId}'`,
      `UPDATE "Outcome" SET "value" = ${inf} WHERE "id" = '${third.match.outcomeId}'`,
      `UPDATE "Report" SET "confidence" = ${nan === "NULL" ? negInf : nan} WHERE "id" = '${report.id}'`,
    ];
    for (const statement of sql) await store.db.$executeRawUnsafe(statement);
    const stored = await store.db.outcome.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(stored.value).toBe(Number.NEGATIVE_INFINITY);

    const { scorecard, candidates } = await readable();
    const byId = new Map(scorecard.targets.map((t) => [t.id, t]));
    expect(byId.get(target.id)?.match?.ratio).toBeNull();
    expect(byId.get(second.id)?.match?.confidence).toBe(0);
    expect(byId.get(second.id)?.match?.outcome?.value).toBeNull();
    expect(byId.get(third.id)).toMatchObject({ value: null, min: null, match: { outcome: { value: null } } });
    expect(byId.get(fourth.id)?.max).toBeNull();
    expect(candidates.items.find((c) => c.id === orphan.id)?.value).toBeNull();

    const reads: [string, Promise<Response>, (json: unknown) => unknown][] = [
      ["report", reportRoute.GET(get(`/api/reports/${report.id}`), params({ id: report.id })), ZReportDetail.parse],
      ["review queue", reviewRoute.GET(get("/api/review?code=370202&year=2019"), undefined), ZReviewPage.parse],
      [
        "review figures",
        reviewRoute.GET(get("/api/review?code=370202&year=2019&tab=outcomes&context=1"), undefined),
        ZReviewPage.parse,
      ],
      [
        "compare",
        compareRoute.GET(
          get(`/api/compare?indicator=${encodeURIComponent("地区生产总值")}&measure=growth&j=370202`),
          undefined,
        ),
        ZComparison.parse,
      ],
      [
        "targets of the orphan",
        outcomeTargetsRoute.GET(get(`/api/outcomes/${orphan.id}/targets`), params({ id: orphan.id })),
        ZTargetChoiceList.parse,
      ],
      ["edits", editsRoute.GET(get(`/api/targets/${target.id}/edits`), params({ id: target.id })), ZEditHistory.parse],
      ["export json", exportRoute.GET(get("/api/export?code=370202&year=2019&format=json"), undefined), (v) => v],
    ];
    for (const [label, pending, parse] of reads) {
      const response = await pending;
      expect({ label, status: response.status }).toEqual({ label, status: 200 });
      parse(await response.json());
    }
    const csv = await (await exportRoute.GET(get("/api/export?code=370202&year=2019&format=csv"), undefined)).text();
    expect(csv).not.toMatch(/Infinity|NaN|1e\+308/);
    const views = await getTargetOutcomes(store.db, report.id);
    for (const view of views) {
      expect(Number.isFinite(view.confidence)).toBe(true);
      expect(view.ratio === null || Number.isFinite(view.ratio)).toBe(true);
      expect(view.outcome.value === null || Number.isFinite(view.outcome.value)).toBe(true);
    }

    // An edit re-judges the whole year, legacy rows included, and everything still reads.
    const fresh = await gdpTarget();
    const edit = await matchRoute.PATCH(
      new Request(`${ORIGIN}/api/targets/${fresh.id}/match`, {
        method: "PATCH",
        headers: bearer,
        body: JSON.stringify({
          action: "set_verdict",
          version: fresh.match?.version,
          note: "复核",
          verdict: "needs_review",
        }),
      }),
      params({ id: fresh.id }),
    );
    expect(edit.status).toBe(200);
    ZStoredMatch.parse(await edit.json());
    await readable();
  });

  it("imports and previews a report that states a 400-digit figure, and shows it without that figure", async () => {
    const text = `青岛市市北区人民政府工作报告\n2019年主要预期目标是：地区生产总值增长${"9".repeat(400)}%左右，一般公共预算收入增长8%。`;
    const body = JSON.stringify({ filename: "absurd.txt", text, jurisdiction: "370203", year: 2019 });
    const preview = await previewRoute.POST(
      new Request(`${ORIGIN}/api/import/preview`, { method: "POST", headers: bearer, body }),
      undefined,
    );
    expect(preview.status).toBe(200);
    const previewed = ZImportPreview.parse(await preview.json());
    for (const headline of previewed.documents.flatMap((d) => d.reports.flatMap((r) => r.headline))) {
      expect(headline.value === null || Math.abs(headline.value) <= 1e15).toBe(true);
    }
    const imported = await importRoute.POST(
      new Request(`${ORIGIN}/api/import`, { method: "POST", headers: bearer, body }),
      undefined,
    );
    expect(imported.status).toBe(201);
    const year = await yearRoute.GET(
      get("/api/jurisdictions/370203/years/2019"),
      params({ code: "370203", year: "2019" }),
    );
    expect(year.status).toBe(200);
    ZScorecardYear.parse(await year.json());
  });
});

/**
 * Peers and amplification on SQLite and PostgreSQL: a synthetic hierarchy whose targets and amplifications are known
 * (lib/synth, tree mode) read, stored and compared back; and the 31 provinces' 2026 reports as researchers would
 * count them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as peersRoute from "@/app/api/peers/route";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { getHierarchy, superiorTargetsOf } from "@/lib/db/queries/hierarchy";
import { getOverview } from "@/lib/db/queries/overview";
import { getPeers } from "@/lib/db/queries/peers";
import { decisiveValue } from "@/lib/engine/match";
import { divisionByCode } from "@/lib/engine/reader/document/divisions";
import { type TPeers, ZPeers, ZPeersQuery } from "@/lib/schemas/peers";
import {
  type SynthOptions,
  synthGdpLevel,
  synthGdpTarget,
  synthReports,
  synthSetsGdpTarget,
  treeDivisions,
} from "@/lib/synth/report";
import { bytesOf, provinceFiles } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

const TREE: SynthOptions = {
  jurisdictions: 0,
  years: 3,
  targets: 12,
  firstYear: 2018,
  seed: 11,
  filler: false,
  tree: { provinces: 2, cities: 3, counties: 3 },
};
const YEARS = [2018, 2019, 2020];
const round = (value: number) => Math.round(value * 10) / 10;

/** What the generator planned for a jurisdiction's GDP growth in a year: the figure, or null for "no target set". */
function planned(code: string, year: number): number | null {
  const division = divisionByCode(code);
  if (!division) throw new Error(`no division ${code}`);
  return synthSetsGdpTarget(division, year, TREE) ? synthGdpTarget(division, year, TREE) : null;
}

describe.each(PROVIDERS)("peers on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    Object.assign(process.env, { DATABASE_URL: store.url });
    for (const report of synthReports(TREE)) {
      const bytes = new TextEncoder().encode(report.text);
      await importFile(store.db, { filename: `${report.code}/${report.year}.txt`, bytes }, { tolerance: 0 });
    }
  }, 240_000);
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  it("place every synthetic jurisdiction under its superior, provinces under the State Council", async () => {
    const divisions = treeDivisions(TREE.tree as NonNullable<SynthOptions["tree"]>);
    const county = divisions.find((d) => d.level === "county");
    const hierarchy = await getHierarchy(store.db, county?.code ?? "");
    expect(hierarchy?.ancestors.map((a) => a.level)).toEqual(["national", "province", "city"]);
    expect(hierarchy?.superior?.code).toBe(county?.parent?.code);
    const province = divisions.find((d) => d.level === "province");
    const below = await getHierarchy(store.db, province?.code ?? "");
    expect(below?.subordinates.map((s) => s.level)).toEqual(["city", "city", "city"]);
    const overview = await getOverview(store.db, { level: "county", province: province?.code });
    expect(overview.total).toBe(9);
  });

  it("rank cities by their GDP target, with last year's, the change and the superior's, as the generator planned", async () => {
    const peers = ZPeers.parse(await getPeers(store.db, ZPeersQuery.parse({ level: "city", year: "2020" })));
    expect(peers.rows).toHaveLength(6);
    for (const row of peers.rows) {
      const own = planned(row.code, 2020);
      const before = planned(row.code, 2019);
      const superior = planned(row.superior?.code ?? "", 2020);
      expect(row.status, row.name).toBe(own === null ? "no_target_set" : "target");
      expect(row.target?.decisive ?? null, row.name).toBe(own);
      expect(row.previous.target?.decisive ?? null, row.name).toBe(before);
      if (own !== null && before !== null) expect(row.change?.by, row.name).toBeCloseTo(own - before, 6);
      expect(row.superior?.status, row.name).toBe(superior === null ? "no_target_set" : "target");
      if (own !== null && superior !== null) {
        const gap = round(own - superior);
        expect(row.amplification, row.name).toEqual({
          relation: gap > 0 ? "above" : gap < 0 ? "below" : "equal",
          gap,
        });
      } else expect(row.amplification, row.name).toBeNull();
      const division = divisionByCode(row.code);
      expect(row.gdp?.value, row.name).toBe(division && synthGdpLevel(division, 2019, TREE));
    }
    const ranked = peers.rows.filter((row) => row.rank !== null);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i]?.target?.decisive ?? 0).toBeLessThanOrEqual(ranked[i - 1]?.target?.decisive ?? 0);
  });

  it("count, every year, the counties above, equal to and below their city's target, and weigh them by GDP", async () => {
    const provinceCode = treeDivisions(TREE.tree as NonNullable<SynthOptions["tree"]>)[0]?.code ?? "";
    const peers = (await getPeers(store.db, ZPeersQuery.parse({ parent: provinceCode, level: "county" }))) as TPeers;
    expect(peers.years).toEqual(YEARS);
    const counties = treeDivisions(TREE.tree as NonNullable<SynthOptions["tree"]>).filter(
      (d) => d.level === "county" && d.code.startsWith(provinceCode.slice(0, 2)),
    );
    for (const year of YEARS) {
      const expected = { above: 0, equal: 0, below: 0, targets: 0, weight: 0, weighted: 0, sum: 0 };
      for (const county of counties) {
        const own = planned(county.code, year);
        if (own === null) continue;
        expected.targets++;
        const level = synthGdpLevel(county, year - 1, TREE);
        expected.weight += level;
        expected.weighted += own * level;
        const superior = planned(county.parent?.code ?? "", year);
        if (superior === null) continue;
        const gap = round(own - superior);
        if (gap > 0) expected.above++;
        else if (gap < 0) expected.below++;
        else expected.equal++;
      }
      const found = peers.amplification.find((y) => y.year === year);
      expect(found, String(year)).toMatchObject({
        year,
        targets: expected.targets,
        above: expected.above,
        equal: expected.equal,
        below: expected.below,
        weighted: expected.targets,
      });
      expect(found?.weightedMean ?? 0).toBeCloseTo(expected.weighted / expected.weight, 3);
      // The counties of several cities have several superiors: no single superior's figure.
      expect(found?.superior).toBeNull();
    }
    // Amplification is there to find: the generator raises more often than it lowers.
    const total = peers.amplification.reduce((sum, y) => ({ above: sum.above + y.above, below: sum.below + y.below }), {
      above: 0,
      below: 0,
    });
    expect(total.above).toBeGreaterThan(total.below);
  });

  it("give a scorecard its superior's targets of the year by canonical indicator, for the mark beside its own", async () => {
    const divisions = treeDivisions(TREE.tree as NonNullable<SynthOptions["tree"]>);
    for (const county of divisions.filter((d) => d.level === "county").slice(0, 4)) {
      const found = await superiorTargetsOf(store.db, county.code, 2019);
      expect(found?.superior.code).toBe(county.parent?.code);
      const gdp = found?.targets.get("地区生产总值:growth");
      const expected = planned(county.parent?.code ?? "", 2019);
      if (expected === null) expect(gdp).toBeUndefined();
      else expect(decisiveValue(gdp as NonNullable<typeof gdp>)).toBe(expected);
    }
    const province = divisions.find((d) => d.level === "province");
    // A province's superior, the State Council, has no plan here: nothing to show beside its targets.
    expect((await superiorTargetsOf(store.db, province?.code ?? "", 2019))?.targets.size).toBe(0);
  });

  it("answer the API as JSON and CSV, refuse a misspelt parameter and an unknown superior", async () => {
    const json = await peersRoute.GET(new Request("http://luoshi.test/api/peers?level=city&year=2020"), {});
    expect(json.status).toBe(200);
    expect(ZPeers.parse(await json.json()).rows).toHaveLength(6);
    const csv = await peersRoute.GET(new Request("http://luoshi.test/api/peers?level=city&year=2020&format=csv"), {});
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A UTF-8 byte-order mark first, for Excel (Response.text() would drop it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("排名,code,地区")).toBe(true);
    expect(text.trim().split("\r\n")).toHaveLength(7);
    expect((await peersRoute.GET(new Request("http://luoshi.test/api/peers?levl=city"), {})).status).toBe(400);
    expect((await peersRoute.GET(new Request("http://luoshi.test/api/peers?level=town"), {})).status).toBe(400);
    expect((await peersRoute.GET(new Request("http://luoshi.test/api/peers?parent=990999"), {})).status).toBe(404);
  });
});

describe.each(PROVIDERS)("the 31 provinces' 2026 GDP growth targets on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
    for (const file of provinceFiles()) {
      await importFile(store.db, { filename: file, bytes: bytesOf(file) }, { tolerance: 0 });
    }
  }, 240_000);
  afterAll(async () => store.close());

  it("rank all 31 with their targets as written, compared by the bound that decides", async () => {
    const peers = (await getPeers(store.db, ZPeersQuery.parse({ level: "province", year: "2026" }))) as TPeers;
    expect(peers.rows).toHaveLength(31);
    expect(peers.rows.every((row) => row.status === "target")).toBe(true);
    expect(peers.scope.superior).toMatchObject({ code: "000000" });
    const byName = new Map(peers.rows.map((row) => [row.name, row]));
    expect(byName.get("西藏自治区")).toMatchObject({
      rank: 1,
      target: { qualifier: "at_least", value: 7, wording: "以上" },
    });
    expect(byName.get("广东省")?.target).toMatchObject({ qualifier: "range", min: 4.5, max: 5, decisive: 4.5 });
    expect(byName.get("江苏省")?.target).toMatchObject({ value: 5, decisive: 5 });
    // Last year's actual comes from this year's review when last year's report is not imported.
    expect(byName.get("广东省")?.previous).toMatchObject({ status: "no_plan", actual: { value: 3.9, matched: false } });
    const decisive = peers.rows.map((row) => row.target?.decisive ?? 0);
    expect(decisive.filter((v) => v > 5)).toHaveLength(6);
    expect(peers.rows.filter((row) => row.target?.qualifier === "range")).toHaveLength(7);
    expect(peers.rows.filter((row) => row.target?.qualifier === "at_least")).toHaveLength(4);
    // Hard and soft as researchers code them: 以上 binds, 左右 aspires, a bare figure or a range is neither.
    const strength = (s: string) => peers.rows.filter((row) => row.target?.strength === s).map((row) => row.name);
    expect(strength("hard").sort()).toEqual(["重庆市", "山东省", "河北省", "西藏自治区"].sort());
    expect(strength("none")).toHaveLength(9);
    expect(strength("soft")).toHaveLength(18);
    // The State Council's 2026 report is not imported: its status says so, and nothing is compared with it.
    expect(peers.rows.every((row) => row.superior?.status === "no_plan" && row.amplification === null)).toBe(true);
  });
});

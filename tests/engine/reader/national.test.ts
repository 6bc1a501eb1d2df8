/**
 * The State Council's reports, 1954–2025: every report reads, is identified as 全国 for its year, and the headline
 * targets of 2005–2025 are found with their labelled figures. Reports without a target list yield no targets.
 */
import { describe, expect, it } from "vitest";
import { resolveIndicator } from "@/lib/engine/indicators";
import { nationalHeadlines } from "@/tests/labels/national-headlines";
import { corpusReports, NATIONAL, readCorpus } from "./corpus";
import { scorePlan, statedFields } from "./label-matching";

/** Lines of the corpus that are reports (the others are the congress's resolutions approving them). */
const REPORT_LINES = 52;
const RESOLUTION_LINES = 20;

async function nationalReport(year: number) {
  const report = (await corpusReports(NATIONAL)).find((r) => r.year === year);
  if (!report) throw new Error(`no national report for ${year}`);
  return report;
}

describe("the national corpus", () => {
  it("reads every report line as the State Council's report of that line's year", async () => {
    const { documents } = await readCorpus(NATIONAL);
    expect(documents).toHaveLength(REPORT_LINES);
    for (const document of documents) {
      expect(document.reports).toHaveLength(1);
      const [report] = document.reports;
      expect(report).toMatchObject({ kind: "work_report", jurisdiction: "全国", code: "000000" });
    }
    const years = documents.map((d) => d.reports[0]?.year);
    expect(new Set(years).size).toBe(REPORT_LINES);
    expect(years).not.toContain(2020);
    expect(Math.min(...(years as number[]))).toBe(1954);
    expect(Math.max(...(years as number[]))).toBe(2025);
  });

  it("rejects the resolutions approving a report, naming their line, and reads the lines around them", async () => {
    const { problems } = await readCorpus(NATIONAL);
    expect(problems).toHaveLength(RESOLUTION_LINES);
    for (const problem of problems) {
      expect(problem.code).toBe("not_a_report");
      expect(problem.message).toMatch(/government_work_reports\.jsonl:\d+: .*resolution/);
    }
  });

  it("gives no targets for reports that set no plan for the year (1954–1979, 1981–1997, 1999–2002)", async () => {
    const reports = await corpusReports(NATIONAL);
    const withoutList = reports
      .filter((r) => (r.year ?? 0) < 1998 && r.year !== 1980)
      .concat(reports.filter((r) => (r.year ?? 0) >= 1999 && (r.year ?? 0) <= 2002));
    expect(withoutList).toHaveLength(28);
    expect(withoutList.filter((r) => r.targets.length > 0).map((r) => r.year)).toEqual([]);
  });

  it("takes the 1980 report's plan for 1981 as written (`1981年国民经济计划的…主要指标`)", async () => {
    const report = await nationalReport(1980);
    expect(report.planYear).toBe(1981);
    expect(report.targets.find((t) => t.text === "农业总产值增长4%")).toMatchObject({
      measure: "growth",
      value: 4,
      unit: "%",
    });
  });
});

describe.each(nationalHeadlines.map((plan) => [plan.planYear, plan] as const))(
  "headline targets of %i",
  (year, plan) => {
    it("finds every labelled headline item, flagged headline, with its figure, unit and qualifier", async () => {
      const report = await nationalReport(year);
      const headline = report.targets.filter((t) => t.headline);
      const score = scorePlan(report, plan.targets, headline);
      expect(score.missed.map((l) => l.find)).toEqual([]);
      expect(score.extra.map((t) => t.text)).toEqual([]);
      const disagreements = score.matches
        .map(({ label, target }) => ({ find: label.find, got: statedFields(target), want: statedFields(label) }))
        .filter(({ got, want }) => JSON.stringify(got) !== JSON.stringify(want));
      expect(disagreements).toEqual([]);
      const numericNames = score.matches
        .filter(({ label }) => label.measure !== "qualitative")
        .map(({ label, target }) => [target.indicator, resolveIndicator(label.indicator).name]);
      expect(numericNames.filter(([got, want]) => got !== want)).toEqual([]);
    });
  },
);

const caveats = nationalHeadlines.flatMap((plan) =>
  plan.notTargets.map((snippet) => [plan.planYear, snippet] as const),
);
describe.each(caveats)("the %i headline caveat “%s”", (year, snippet) => {
  it("yields no target", async () => {
    const report = await nationalReport(year);
    const at = report.text.indexOf(snippet);
    expect(at).toBeGreaterThan(0);
    expect(report.targets.filter((t) => t.start < at + snippet.length && at < t.end)).toEqual([]);
  });
});

describe("figures the headline tests rely on", () => {
  it("reads 2014's growth target as 7.5% about, and 2012's `7.5％` (full-width sign) as exact 7.5%", async () => {
    expect(
      (await nationalReport(2014)).targets.find((t) => t.headline && t.indicator === "地区生产总值"),
    ).toMatchObject({
      qualifier: "about",
      value: 7.5,
      unit: "%",
    });
    expect(
      (await nationalReport(2012)).targets.find((t) => t.headline && t.indicator === "地区生产总值"),
    ).toMatchObject({
      qualifier: "exact",
      value: 7.5,
    });
  });

  it("lists no headline for 2002–2004, whose reports state no such list", async () => {
    for (const year of [2002, 2003, 2004])
      expect((await nationalReport(year)).targets.filter((t) => t.headline)).toEqual([]);
  });

  it("reads a rate after words that set a target (增长…预期目标为, 增长目标拟定为) as a growth, named without them", async () => {
    // 2003 and 2004 state the GDP target outside a list: `经济增长预期目标为7%左右`.
    for (const year of [2003, 2004]) {
      const gdp = (await nationalReport(year)).targets.filter((t) => t.indicator === "地区生产总值");
      expect(gdp.map((t) => [t.measure, t.qualifier, t.value, t.unit])).toEqual([["growth", "about", 7, "%"]]);
      expect(gdp[0]?.text).toContain("经济增长预期目标为7%左右");
    }
    // 2013: `广义货币M2预期增长目标拟定为13%左右`; 2014: `广义货币M2预期增长13%左右`.
    for (const [year, value] of [
      [2013, 13],
      [2014, 13],
    ] as const) {
      const money = (await nationalReport(year)).targets.filter((t) => t.text.includes("广义货币M2预期增长"));
      expect(money.map((t) => [t.indicator, t.measure, t.value])).toEqual([["广义货币", "growth", value]]);
    }
    // 2017: `…社会融资规模余额预期增长均为12%左右`: a growth (均为), not a share of 12%.
    const joint = (await nationalReport(2017)).targets.filter((t) => t.text.includes("预期增长均为12%"));
    expect(joint.map((t) => [t.measure, t.value])).toEqual([["growth", 12]]);
  });
});

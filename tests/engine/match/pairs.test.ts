import { describe, expect, it } from "vitest";
import {
  analyzeReports as analyzeCodes,
  NO_REVIEW_REASON,
  type PairableReport,
  type ReportInput,
} from "@/lib/engine/match";
import { ZPair } from "@/lib/schemas/extraction";
import { outcome, target } from "./build";
import { printed, zhReason } from "./printed";

const analyzeReports = (...args: Parameters<typeof analyzeCodes>) => printed(analyzeCodes(...args));

const strict = { tolerance: 0 };

const gdpTarget = target({ indicator: "全区生产总值", measure: "growth", qualifier: "about", value: 7, unit: "%" });
const jobsTarget = target({ indicator: "新增就业", value: 5.7, unit: "万人" });
const gdp2019 = outcome({ indicator: "全区生产总值", measure: "growth", value: 6, unit: "%", year: 2019 });
const gdp2018 = outcome({ indicator: "全区生产总值", measure: "growth", value: 7.5, unit: "%", year: 2018 });

function report(fields: Partial<PairableReport> & { year: number }): PairableReport {
  return {
    kind: "work_report",
    jurisdiction: "青岛市市南区",
    code: "370202",
    planYear: fields.year,
    reviewYear: fields.year - 1,
    targets: [],
    outcomes: [],
    ...fields,
  };
}

const input = (file: string, index: number, data: PairableReport): ReportInput => ({ file, report: index, data });

describe("analyzeReports: pairing", () => {
  const plan2019 = report({ year: 2019, targets: [gdpTarget, jobsTarget], outcomes: [gdp2018] });
  const report2020 = report({ year: 2020, targets: [gdpTarget], outcomes: [gdp2019] });

  it("pairs a plan with the next report's review inside one file", () => {
    const pairs = analyzeReports([input("001.txt", 0, plan2019), input("001.txt", 1, report2020)], strict);
    const pair2019 = pairs.find((p) => p.year === 2019);
    expect(pair2019).toMatchObject({
      code: "370202",
      jurisdiction: "青岛市市南区",
      plan: { file: "001.txt", report: 0 },
      review: { file: "001.txt", report: 1 },
    });
    expect(pair2019?.matches[0]).toMatchObject({ outcome: gdp2019, verdict: "missed" });
    // Outcomes of other years are not this pair's.
    expect(pair2019?.matches.some((m) => m.outcome === gdp2018)).toBe(false);
    for (const pair of pairs) expect(() => ZPair.parse(pair)).not.toThrow();
  });

  it("pairs across files, and leaves a plan without review with review null and pending", () => {
    const pairs = analyzeReports([input("b.txt", 0, report2020), input("a.txt", 0, plan2019)], strict);
    expect(pairs.map((p) => [p.year, p.plan.file, p.review?.file ?? null])).toEqual([
      [2019, "a.txt", "b.txt"],
      [2020, "b.txt", null],
    ]);
    const alone = pairs[1];
    expect(alone?.matches).toEqual([
      {
        target: gdpTarget,
        outcome: null,
        confidence: 1,
        verdict: "pending",
        reason: zhReason(NO_REVIEW_REASON),
        ratio: null,
        gap: null,
      },
    ]);
    expect(alone?.unmatchedOutcomes).toEqual([]);
  });

  it("keeps jurisdictions apart and makes no pair of a report without targets", () => {
    const laishan = report({ year: 2020, code: "370613", jurisdiction: "烟台市莱山区", outcomes: [gdp2019] });
    const pairs = analyzeReports([input("a.txt", 0, plan2019), input("c.txt", 0, laishan)], strict);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.review).toBeNull();
  });

  it("lists the review's outcomes that no target took", () => {
    const retail = outcome({ indicator: "社会消费品零售总额", value: 660, unit: "亿元", year: 2019 });
    const review = report({ year: 2020, outcomes: [gdp2019, retail] });
    const [pair] = analyzeReports([input("a.txt", 0, plan2019), input("a.txt", 1, review)], strict);
    expect(pair?.unmatchedOutcomes).toEqual([retail]);
  });

  it("fills what the review leaves open from other review sources, without overriding the review", () => {
    const news = report({
      year: 2019,
      kind: "review_source",
      planYear: null,
      reviewYear: 2019,
      outcomes: [
        outcome({ indicator: "新增就业", value: 10, unit: "万人", year: 2019 }),
        outcome({ indicator: "全区生产总值", measure: "growth", value: 7.1, unit: "%", year: 2019 }),
      ],
    });
    const pairs = analyzeReports(
      [input("news.txt", 0, news), input("a.txt", 0, plan2019), input("a.txt", 1, report2020)],
      strict,
    );
    const pair = pairs.find((p) => p.year === 2019);
    expect(pair?.reviewSources).toEqual([{ file: "news.txt", report: 0 }]);
    expect(pair?.matches.map((m) => [m.outcome?.value, m.verdict])).toEqual([
      [6, "missed"],
      [10, "met"],
    ]);
    expect(pair?.unmatchedOutcomes.map((o) => o.value)).toEqual([7.1]);
    expect(pair?.conflicts).toBeUndefined();
  });

  it("does not let a source's restatement of a used figure serve a second target", () => {
    // Two targets of one indicator; the review's one figure goes to the first, the news repeats that same figure.
    const parks = target({ indicator: "新建口袋公园", value: 10, unit: "处" });
    const moreParks = target({ indicator: "新改建口袋公园", value: 3, unit: "处" });
    const built = outcome({ indicator: "新增口袋公园", value: 10, unit: "处", year: 2019 });
    const plan = report({ year: 2019, targets: [parks, moreParks] });
    const review = report({ year: 2020, outcomes: [built] });
    const news = report({
      year: 2019,
      kind: "review_source",
      planYear: null,
      reviewYear: 2019,
      outcomes: [{ ...built }],
    });
    const [pair] = analyzeReports(
      [input("a.txt", 0, plan), input("a.txt", 1, review), input("n.txt", 0, news)],
      strict,
    );
    expect(pair?.matches.map((m) => m.verdict)).toEqual(["met", "no_outcome"]);
  });

  it("uses a review source when no work report reviews the year", () => {
    const news = report({ year: 2019, kind: "review_source", planYear: null, reviewYear: 2019, outcomes: [gdp2019] });
    const [pair] = analyzeReports([input("a.txt", 0, plan2019), input("news.txt", 0, news)], strict);
    expect(pair?.review).toBeNull();
    expect(pair?.reviewSources).toEqual([{ file: "news.txt", report: 0 }]);
    expect(pair?.matches[0]?.verdict).toBe("missed");
  });
});

describe("analyzeReports: conflicts", () => {
  const plan = report({ year: 2019, targets: [gdpTarget] });
  const review = report({ year: 2020, outcomes: [gdp2019] });
  const rivalReview = report({
    year: 2020,
    outcomes: [outcome({ indicator: "全区生产总值", measure: "growth", value: 7.2, unit: "%", year: 2019 })],
  });

  it("keeps two plans of one jurisdiction and year, each paired and flagged", () => {
    const pairs = analyzeReports(
      [input("utf8.txt", 0, plan), input("gb18030.txt", 0, plan), input("utf8.txt", 1, review)],
      strict,
    );
    const pairs2019 = pairs.filter((p) => p.year === 2019);
    expect(pairs2019.map((p) => p.plan.file)).toEqual(["utf8.txt", "gb18030.txt"]);
    for (const pair of pairs2019) {
      expect(pair.conflicts).toEqual([
        "青岛市市南区(370202)2019年的计划见于多份报告:" +
          `${pair.plan.file}#0、${pair.plan.file === "utf8.txt" ? "gb18030.txt" : "utf8.txt"}#0;各自成对评判,均保留`,
      ]);
      expect(pair.matches[0]?.outcome?.value).toBe(6);
    }
  });

  it("notes several review sources of one year, and uses them all", () => {
    const news = (value: number) =>
      report({
        year: 2019,
        kind: "review_source",
        planYear: null,
        reviewYear: 2019,
        outcomes: [outcome({ indicator: "全区生产总值", measure: "growth", value, unit: "%", year: 2019 })],
      });
    const [pair] = analyzeReports(
      [input("a.txt", 0, plan), input("news1.txt", 0, news(6.1)), input("news2.txt", 0, news(6.2))],
      strict,
    );
    expect(pair?.review).toBeNull();
    expect(pair?.conflicts).toEqual([
      "青岛市市南区(370202)2019年的其他回顾来源有多份:news1.txt#0、news2.txt#0;均作为补充来源",
    ]);
    // Equal sources: the figure nearer the 7% target is taken, the other stays listed.
    expect(pair?.matches[0]?.outcome?.value).toBe(6.2);
    expect(pair?.unmatchedOutcomes.map((o) => o.value)).toEqual([6.1]);
  });

  it("keeps two reviews of one year: the first decides, the other is a source, the conflict is noted", () => {
    const [pair] = analyzeReports(
      [input("a.txt", 0, plan), input("a.txt", 1, review), input("b.txt", 0, rivalReview)],
      strict,
    );
    expect(pair?.review).toEqual({ file: "a.txt", report: 1 });
    expect(pair?.reviewSources).toEqual([{ file: "b.txt", report: 0 }]);
    expect(pair?.conflicts).toEqual([
      "青岛市市南区(370202)2019年的回顾见于多份报告:a.txt#1、b.txt#0;以 a.txt#1 为主,b.txt#0 作为补充来源",
    ]);
    expect(pair?.matches[0]?.outcome?.value).toBe(6);
    // The rival review's figure is not silently merged into the verdict; it stays visible.
    expect(pair?.unmatchedOutcomes.map((o) => o.value)).toEqual([7.2]);
  });
});

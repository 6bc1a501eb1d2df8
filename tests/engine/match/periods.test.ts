/**
 * verdicts.md "Periods are not years": the figures of a multi-year review (`period` set, `year` null) are never
 * matched to a target of one year; when the review states nothing for the year itself, its targets are `no_outcome`
 * with the reason that it gives only period figures, and the period figures are listed beside them as context.
 * A report whose jurisdiction or year is unknown takes part in no pair (extraction.md §1 item 4).
 */
import { describe, expect, it } from "vitest";
import {
  analyzeReports as analyzeCodes,
  matchPair,
  NO_OUTCOME_REASON,
  type PairableReport,
  QUALITATIVE_REASON,
  type ReportInput,
  unpairedReports,
} from "@/lib/engine/match";
import { ZAnalyzeOutput, ZPair } from "@/lib/schemas/extraction";
import { outcome, target } from "./build";
import { printed, zhReason } from "./printed";

const strict = { tolerance: 0 };
const analyzeReports = (...args: Parameters<typeof analyzeCodes>) => printed(analyzeCodes(...args));

const gdpTarget = target({
  indicator: "地区生产总值",
  measure: "growth",
  qualifier: "about",
  value: 7,
  unit: "%",
  text: "地区生产总值增长7%左右",
});
const jobsTarget = target({ indicator: "城镇新增就业", value: 1100, unit: "万人", text: "城镇新增就业1100万人以上" });
/** `五年来…年均增长7.1%`: the average of 2013–2017, not a figure of 2017. */
const gdpAverage = outcome({
  indicator: "地区生产总值",
  measure: "growth",
  value: 7.1,
  unit: "%",
  year: null,
  period: [2013, 2017],
  text: "国内生产总值年均增长7.1%",
});
/** `五年城镇新增就业6600万人以上`: the sum of five years. */
const jobsTotal = outcome({
  indicator: "城镇新增就业",
  value: 6600,
  unit: "万人",
  year: null,
  period: [2013, 2017],
  text: "城镇新增就业6600万人以上",
});

function report(fields: Partial<PairableReport> & { year: number | null }): PairableReport {
  return {
    kind: "work_report",
    jurisdiction: "全国",
    code: "000000",
    planYear: fields.year,
    reviewYear: fields.year === null ? null : fields.year - 1,
    targets: [],
    outcomes: [],
    ...fields,
  };
}

const input = (file: string, index: number, data: PairableReport): ReportInput => ({ file, report: index, data });

describe("period outcomes", () => {
  const plan2017 = report({ year: 2017, targets: [gdpTarget, jobsTarget] });

  it("are never matched to a year's target, even when they are the only figures of the indicator", () => {
    const fiveYearReview = report({ year: 2018, outcomes: [gdpAverage, jobsTotal] });
    const [pair] = analyzeReports([input("2017.txt", 0, plan2017), input("2018.txt", 0, fiveYearReview)], strict);
    expect(pair?.review).toEqual({ file: "2018.txt", report: 0 });
    expect(pair?.matches.map((m) => [m.outcome, m.verdict])).toEqual([
      [null, "no_outcome"],
      [null, "no_outcome"],
    ]);
    expect(pair?.matches[0]?.reason).toBe("回顾只给出2013—2017年的多年期数字,未单列2017年的结果");
    // Shown beside the targets as context.
    expect(pair?.unmatchedOutcomes).toEqual([gdpAverage, jobsTotal]);
    expect(() => ZPair.parse(pair)).not.toThrow();
  });

  it("give no_outcome, not pending, when the year's only review is a five-year review; qualitative targets stay for a person", () => {
    const ecology = target({
      indicator: "生态环境质量",
      measure: "qualitative",
      qualifier: "none",
      polarity: "neutral",
      text: "生态环境质量持续改善",
    });
    const plan = report({ year: 2017, targets: [gdpTarget, ecology] });
    const fiveYearReview = report({ year: 2018, outcomes: [gdpAverage] });
    const [pair] = analyzeReports([input("2017.txt", 0, plan), input("2018.txt", 0, fiveYearReview)], strict);
    const reason = "回顾只给出2013—2017年的多年期数字,未单列2017年的结果";
    expect(pair?.matches.map((m) => [m.verdict, m.reason])).toEqual([
      ["no_outcome", reason],
      ["needs_review", `${zhReason(QUALITATIVE_REASON)};${reason}`],
    ]);
  });

  it("leave the year's own figures to decide, and stay listed as context", () => {
    const gdp2017 = outcome({ indicator: "地区生产总值", measure: "growth", value: 6.9, unit: "%", year: 2017 });
    const review = report({ year: 2018, outcomes: [gdpAverage, gdp2017, jobsTotal] });
    const [pair] = analyzeReports([input("2017.txt", 0, plan2017), input("2018.txt", 0, review)], strict);
    expect(pair?.matches.map((m) => [m.outcome?.value ?? null, m.verdict])).toEqual([
      [6.9, "missed"],
      [null, "no_outcome"],
    ]);
    // The year has a figure of its own: the ordinary reason.
    expect(pair?.matches[1]?.reason).toBe(zhReason(NO_OUTCOME_REASON));
    expect(pair?.unmatchedOutcomes).toEqual([gdpAverage, jobsTotal]);
  });

  it("are not context for a year outside their period", () => {
    const plan2019 = report({ year: 2019, targets: [gdpTarget] });
    const review = report({ year: 2020, outcomes: [gdpAverage] });
    const [pair] = analyzeReports([input("2019.txt", 0, plan2019), input("2020.txt", 0, review)], strict);
    expect(pair?.unmatchedOutcomes).toEqual([]);
    expect(pair?.matches[0]?.reason).toBe(zhReason(NO_OUTCOME_REASON));
  });

  it("are never matched even when a caller offers them directly, nor are figures the reader left unmarked", () => {
    const year = outcome({ indicator: "城镇新增就业", value: 1351, unit: "万人", year: 2017 });
    expect(matchPair([jobsTarget], [jobsTotal, year], strict).outcomeIndices).toEqual([1]);
    expect(matchPair([jobsTarget], [jobsTotal], strict).matches[0]?.verdict).toBe("no_outcome");
    // `五年全国新增城镇就业5100万人` read with the year of the review (2008 report): several years all the same.
    const unmarked = outcome({
      indicator: "城镇新增就业",
      value: 5100,
      unit: "万人",
      year: 2007,
      text: "五年全国新增城镇就业5100万人",
    });
    expect(matchPair([jobsTarget], [unmarked], strict).matches[0]?.verdict).toBe("no_outcome");
  });
});

describe("reports whose jurisdiction or year is unknown", () => {
  const plan2019 = report({
    year: 2019,
    code: "370202",
    jurisdiction: "青岛市市南区",
    targets: [gdpTarget],
  });
  const gdp2019 = outcome({ indicator: "地区生产总值", measure: "growth", value: 6, unit: "%", year: 2019 });
  const noCode = report({ year: 2020, code: null, jurisdiction: null, outcomes: [gdp2019] });
  const noYear = report({ year: null, code: "370202", jurisdiction: "青岛市市南区", targets: [gdpTarget] });

  it("take part in no pair and are listed as unpaired, naming what is missing", () => {
    const reports = [input("a.txt", 0, plan2019), input("news.txt", 0, noCode), input("b.txt", 0, noYear)];
    const pairs = analyzeReports(reports, strict);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.review).toBeNull();
    expect(pairs[0]?.matches[0]?.verdict).toBe("pending");
    const unpaired = unpairedReports(reports);
    expect(unpaired.map(({ file, report, missing }) => ({ file, report, missing }))).toEqual([
      { file: "news.txt", report: 0, missing: ["jurisdiction"] },
      { file: "b.txt", report: 0, missing: ["year"] },
    ]);
    expect(unpaired[0]?.note).toMatch(/--code/);
    expect(() => ZAnalyzeOutput.parse({ documents: [], pairs, unpaired })).not.toThrow();
  });
});

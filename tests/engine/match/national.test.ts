/**
 * The State Council's reports (national/government_work_reports.jsonl): for every plan year Y from 2003 whose next
 * report exists (2020 is missing from the corpus), the headline GDP growth, consumer price, new urban jobs and
 * unemployment targets against the review of Y in the report of Y+1. Every figure below was checked by reading both
 * reports; a `null` figure means the review states none for that year: with a verdict, the review says in words
 * whether the target was reached; without one, it says nothing usable (or gives a several-year figure only).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeReports as analyzeCodes, NO_REVIEW_REASON, reportInputs } from "@/lib/engine/match";
import { type ReadDocument, toExtractOutput } from "@/lib/engine/reader";
import type { TMatch, TPair, TVerdict } from "@/lib/schemas/extraction";
import { nationalVerdicts, type VerdictBasis } from "@/tests/labels/verdicts-national";
import { matchAt, readCorpus } from "./corpus";
import { printed, zhReason } from "./printed";

const analyzeReports = (...args: Parameters<typeof analyzeCodes>) => printed(analyzeCodes(...args));

const GDP = "地区生产总值";
const CPI = "居民消费价格";
const JOBS = "新增就业";
const REGISTERED = "城镇登记失业率";
const SURVEYED = "城镇调查失业率";

/** [plan year, indicator, the target's number (value, or min of a range), the review's figure, verdict at t = 0]. */
type Expectation = [number, string, number, number | null, TVerdict | null];

const EXPECTED: Expectation[] = [
  [2003, GDP, 7, 9.1, "met"],
  [2004, GDP, 7, 9.5, "met"],
  [2004, JOBS, 900, 980, "met"],
  [2005, GDP, 8, 9.9, "met"],
  [2005, CPI, 4, 1.8, "met"],
  [2005, JOBS, 900, 970, "met"],
  [2005, REGISTERED, 4.6, null, null],
  [2006, GDP, 8, 10.7, "met"],
  [2006, CPI, 3, 1.5, "met"],
  [2006, JOBS, 900, 1184, "met"],
  [2006, REGISTERED, 4.6, null, null],
  // The 2008 report gives 2007 only as averages over 2003–2007 (年均增长10.6%, 平均每年…1000多万人).
  [2007, GDP, 8, null, null],
  [2007, CPI, 3, 4.8, "missed"],
  [2007, JOBS, 900, null, null],
  [2007, REGISTERED, 4.6, null, null],
  [2008, GDP, 8, 9, "met"],
  // 物价总水平涨幅得到控制: words, no figure.
  [2008, CPI, 4.8, null, null],
  [2008, JOBS, 1000, 1113, "met"],
  [2008, REGISTERED, 4.5, null, null],
  [2009, GDP, 8, 8.7, "met"],
  [2009, CPI, 4, null, null],
  [2009, JOBS, 900, 1102, "met"],
  [2009, REGISTERED, 4.6, null, null],
  [2010, GDP, 8, 10.3, "met"],
  [2010, CPI, 3, 3.3, "missed"],
  [2010, JOBS, 900, 1168, "met"],
  [2010, REGISTERED, 4.6, null, null],
  [2011, GDP, 8, 9.2, "met"],
  // 节能减排、物价调控目标没有完成: the 2012 report says in words that the price target was missed.
  [2011, CPI, 4, null, "missed"],
  [2011, JOBS, 900, 1221, "met"],
  [2011, REGISTERED, 4.6, null, null],
  [2012, GDP, 7.5, 7.8, "met"],
  [2012, CPI, 4, 2.6, "met"],
  [2012, JOBS, 900, 1266, "met"],
  [2012, REGISTERED, 4.6, null, null],
  [2013, GDP, 7.5, 7.7, "met"],
  [2013, CPI, 3.5, 2.6, "met"],
  [2013, JOBS, 900, 1310, "met"],
  [2013, REGISTERED, 4.6, 4.1, "met"],
  [2014, GDP, 7.5, 7.4, "missed"],
  [2014, CPI, 3.5, 2, "met"],
  [2014, JOBS, 1000, 1322, "met"],
  [2014, REGISTERED, 4.6, null, null],
  [2015, GDP, 7, 6.9, "missed"],
  // 居民消费价格涨幅保持较低水平: words, no figure.
  [2015, CPI, 3, null, null],
  [2015, JOBS, 1000, 1312, "met"],
  [2015, REGISTERED, 4.5, null, null],
  [2016, GDP, 6.5, 6.7, "met"],
  [2016, CPI, 3, 2, "met"],
  [2016, JOBS, 1000, 1314, "met"],
  [2016, REGISTERED, 4.5, 4.02, "met"],
  [2017, GDP, 6.5, 6.9, "met"],
  // 居民消费价格年均上涨1.9% covers five years.
  [2017, CPI, 3, null, null],
  [2017, JOBS, 1100, 1351, "met"],
  [2017, REGISTERED, 4.5, null, null],
  [2018, GDP, 6.5, 6.6, "met"],
  [2018, CPI, 3, 2.1, "met"],
  [2018, JOBS, 1100, 1361, "met"],
  [2018, SURVEYED, 5.5, 5, "met"],
  [2018, REGISTERED, 4.5, null, null],
  [2021, GDP, 6, 8.1, "met"],
  [2021, CPI, 3, 0.9, "met"],
  [2021, JOBS, 1100, 1269, "met"],
  [2021, SURVEYED, 5.5, 5.1, "met"],
  [2022, GDP, 5.5, 3, "missed"],
  [2022, CPI, 3, 2, "met"],
  [2022, JOBS, 1100, 1206, "met"],
  [2022, SURVEYED, 5.5, 5.5, "met"],
  [2023, GDP, 5, 5.2, "met"],
  [2023, CPI, 3, 0.2, "met"],
  [2023, JOBS, 1200, 1244, "met"],
  [2023, SURVEYED, 5.5, 5.2, "met"],
  [2024, GDP, 5, 5, "met"],
  [2024, CPI, 3, 0.2, "met"],
  [2024, JOBS, 1200, 1256, "met"],
  [2024, SURVEYED, 5.5, 5.1, "met"],
];

/** A match with a confidence at or below this is a guess put to a person, not a judgement. */
const WEAK = 0.5;

const targetNumber = (match: TMatch) => match.target.value ?? match.target.min;

function find(pairs: TPair[], year: number, indicator: string, wanted: number): TMatch | undefined {
  const pair = pairs.find((p) => p.year === year && p.code === "000000");
  return pair?.matches.find((m) => m.target.indicator === indicator && targetNumber(m) === wanted);
}

describe("national corpus: headline targets against the next year's review", () => {
  let pairs: TPair[];
  let pairsWithTolerance: TPair[];
  let read: ReadDocument[];

  beforeAll(async () => {
    read = await readCorpus("national/government_work_reports.jsonl");
    const documents = toExtractOutput(read).documents;
    pairs = analyzeReports(reportInputs(documents), { tolerance: 0 });
    pairsWithTolerance = analyzeReports(reportInputs(documents), { tolerance: 0.5 });
  });

  it("pairs every plan year from 2003 with the review in the next report, when that report exists", () => {
    const years = pairs.filter((p) => p.code === "000000" && p.year >= 2003).map((p) => [p.year, p.review !== null]);
    const expected = [...Array.from({ length: 17 }, (_, i) => 2003 + i), 2021, 2022, 2023, 2024, 2025].map((year) => [
      year,
      year !== 2019 && year !== 2025,
    ]);
    expect(years).toEqual(expected);
  });

  it.each(EXPECTED)("%i %s %d: review figure %s → %s", (year, indicator, wanted, actual, verdict) => {
    const match = find(pairs, year, indicator, wanted);
    expect(match, "target found in the plan").toBeDefined();
    if (actual === null && verdict !== null) {
      // Stated in words: the sentence decides and is the reason.
      expect(match?.verdict).toBe(verdict);
      expect(match?.reason).toBe(`报告称:${match?.outcome?.text}`);
    } else if (actual === null) {
      // No annual figure in the review: no outcome, or at most a weak guess for a person to check.
      expect(match?.verdict === "no_outcome" || (match?.confidence ?? 1) <= WEAK).toBe(true);
    } else {
      expect(match?.outcome?.value).toBe(actual);
      expect(match?.verdict).toBe(verdict);
      expect(match?.confidence).toBeGreaterThan(WEAK);
    }
  });

  it("meets the State Council's 2014 GDP (7.4% against 7.5%左右) with a tolerance of 0.5, as its report claimed", () => {
    expect(find(pairs, 2014, GDP, 7.5)?.verdict).toBe("missed");
    expect(find(pairsWithTolerance, 2014, GDP, 7.5)).toMatchObject({
      verdict: "met",
      reason: "实际7.4% ≥ 目标7.5%(容差0.5)",
    });
    // Tolerance relaxes `about` only: 2012's bare 7.5% and 2021's 6%以上 are judged alike with or without it.
    expect(find(pairsWithTolerance, 2012, GDP, 7.5)?.reason).toBe(find(pairs, 2012, GDP, 7.5)?.reason);
  });

  it("judges 2019's and 2025's targets pending: no report reviews them (2020 is missing, 2026 not yet in)", () => {
    for (const year of [2019, 2025]) {
      const pair = pairs.find((p) => p.year === year && p.code === "000000");
      expect(pair?.review).toBeNull();
      expect(pair?.matches.every((m) => m.verdict === "pending" && m.reason === zhReason(NO_REVIEW_REASON))).toBe(true);
    }
  });
});

/** Verdict agreement on the hand labels, overall and by what decides the label (`tests/labels/verdicts-national.ts`). */
describe("national corpus: verdict agreement with the hand labels, 2003–2025", () => {
  it("agrees on ≥ 0.95 of the verdicts, and prints every figure", async () => {
    const read = await readCorpus("national/government_work_reports.jsonl");
    const pairs = analyzeReports(reportInputs(toExtractOutput(read).documents), { tolerance: 0 });
    const tally = new Map<VerdictBasis | "all", { agree: number; total: number }>();
    const count = (key: VerdictBasis | "all", agrees: boolean) => {
      const entry = tally.get(key) ?? { agree: 0, total: 0 };
      entry.total++;
      if (agrees) entry.agree++;
      tally.set(key, entry);
    };
    const differences: string[] = [];
    for (const { year, items } of nationalVerdicts) {
      const pair = pairs.find((p) => p.code === "000000" && p.year === year);
      const plan = read.flatMap((d) => d.reports).find((r) => r.code === "000000" && r.planYear === year);
      const section = plan?.sections.find((s) => s.kind === "plan");
      for (const label of items) {
        let at = plan?.text.indexOf(label.target, section?.start ?? 0) ?? -1;
        if (at < 0) at = plan?.text.indexOf(label.target) ?? -1;
        const match = pair && at >= 0 ? matchAt(pair, at, at + label.target.length) : undefined;
        const agrees = match?.verdict === label.verdict;
        count(label.basis, agrees);
        count("all", agrees);
        if (!agrees)
          differences.push(`${year} ${label.target}: ${match?.verdict ?? "no target"} (label ${label.verdict})`);
      }
    }
    const share = (key: VerdictBasis | "all") => {
      const { agree, total } = tally.get(key) ?? { agree: 0, total: 0 };
      return { agree, total, share: total === 0 ? 1 : agree / total };
    };
    const all = share("all");
    // `restated`: the review states the target's state for the year without a figure or verdict words
    // (`国际收支基本平衡。`), which the reader reads as a stated outcome; shown apart as the hardest basis.
    const seen = { agree: all.agree - share("restated").agree, total: all.total - share("restated").total };
    const seenShare = seen.agree / seen.total;
    const bases: VerdictBasis[] = ["figure", "none", "words", "person", "restated"];
    console.log(
      `State Council 2003–2025: verdict agreement ${all.agree}/${all.total} = ${all.share.toFixed(3)}; ` +
        `without the ${share("restated").total} labels decided by a restatement: ` +
        `${seen.agree}/${seen.total} = ${seenShare.toFixed(3)}\n  by basis: ` +
        bases.map((b) => `${b} ${share(b).agree}/${share(b).total}`).join(", ") +
        `\n  differences: ${differences.join("; ") || "none"}`,
    );
    expect(all.share).toBeGreaterThanOrEqual(0.95);
    expect(seenShare).toBeGreaterThanOrEqual(0.95);
  });
});

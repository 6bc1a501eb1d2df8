/**
 * 市南区 2019: the plan in the 2019 report against the review of 2019 in the 2020 report, both in seeds/001, read by
 * the real reader. Checked against verdicts.md's six examples and the hand-labelled pair (tests/labels).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeReports, matchPair, reportInputs } from "@/lib/engine/match";
import { type ReadDocument, type ReadReport, toExtractOutput } from "@/lib/engine/reader";
import type { TOutcome, TPair, TTarget } from "@/lib/schemas/extraction";
import { shinan2019Outcomes, shinan2019Pair } from "@/tests/labels/pair-shinan-2019";
import { shinan2019Plan } from "@/tests/labels/plan-shinan-2019";
import type { PairItemLabel } from "@/tests/labels/types";
import { matchAt, readCorpus } from "./corpus";
import { printed } from "./printed";

const SEED = "seeds/001_afcc151cafc2b4a6.txt";

function analyze(documents: ReadDocument[], tolerance = 0): TPair[] {
  return printed(analyzeReports(reportInputs(toExtractOutput(documents).documents), { tolerance }));
}

/** Offsets of a label's snippet in a section of a report (first occurrence from the section's start). */
function locate(report: ReadReport, kind: "plan" | "review", snippet: string): [number, number] {
  const section = report.sections.find((s) => s.kind === kind);
  const at = report.text.indexOf(snippet, section?.start ?? 0);
  return [at, at + snippet.length];
}

interface Agreement {
  verdicts: number;
  outcomes: number;
  /** Label items whose verdict is met or missed (the outcome agreement's denominator). */
  judged: number;
  differences: string[];
}

/** Compare a pair's matches with the hand labels, locating clauses by their snippets. */
function agreement(
  labels: PairItemLabel[],
  matchOf: (
    label: PairItemLabel,
  ) => { verdict: string; outcomeAt: (snippet: string) => boolean; hasOutcome: boolean } | null,
): Agreement {
  const result: Agreement = { verdicts: 0, outcomes: 0, judged: 0, differences: [] };
  for (const label of labels) {
    const match = matchOf(label);
    const verdictAgrees = match?.verdict === label.verdict;
    const outcomeAgrees =
      label.outcome === null ? match?.hasOutcome === false : (match?.outcomeAt(label.outcome) ?? false);
    if (verdictAgrees) result.verdicts++;
    if (label.verdict === "met" || label.verdict === "missed") {
      result.judged++;
      if (outcomeAgrees) result.outcomes++;
    }
    if (!verdictAgrees || !outcomeAgrees)
      result.differences.push(`${label.target}: ${match?.verdict ?? "no target"} (label ${label.verdict})`);
  }
  return result;
}

describe("市南区 2019 through the reader", () => {
  let documents: ReadDocument[];
  let plan: ReadReport;
  let review: ReadReport;
  let pair: TPair;

  beforeAll(async () => {
    documents = await readCorpus(SEED);
    const reports = documents[0]?.reports ?? [];
    plan = reports.find((r) => r.planYear === 2019) as ReadReport;
    review = reports.find((r) => r.reviewYear === 2019) as ReadReport;
    pair = analyze(documents).find((p) => p.year === 2019) as TPair;
  });

  it("pairs the 2019 plan with the 2020 report's review, inside the one file", () => {
    expect(pair).toMatchObject({ code: "370202", year: 2019, plan: { report: 0 }, review: { report: 1 } });
    expect(pair.plan.file).toBe(pair.review?.file);
  });

  it("judges the six examples of verdicts.md as written there", () => {
    const examples: [string, string][] = [
      ["全区生产总值增长7%", "实际6% < 目标7%"],
      ["一般公共预算收入增长6%", "实际1% < 目标6%"],
      ["新增就业5.7万人", "实际10.2万人 ≥ 目标5.7万人"],
      ["发明专利授权770件", "实际823件 ≥ 目标770件"],
      ["登记失业率控制在4%", "回顾中未找到对应结果"],
      ["社区健身设施450台", "单位不可比:目标台(套),实际处"],
    ];
    for (const [key, reason] of examples) {
      const label = shinan2019Pair.find((item) => item.target.includes(key)) as PairItemLabel;
      const match = matchAt(pair, ...locate(plan, "plan", label.target));
      expect(match?.verdict, key).toBe(label.verdict);
      expect(match?.reason, key).toBe(reason);
      if (label.outcome === null) {
        expect(match?.outcome, key).toBeNull();
      } else {
        const [start, end] = locate(review, "review", label.outcome);
        expect(match?.outcome?.start, key).toBeGreaterThanOrEqual(start);
        expect(match?.outcome?.end, key).toBeLessThanOrEqual(end);
      }
    }
  });

  it("gives the revenue growth target the 1% growth and leaves the 87.2亿元 level unmatched", () => {
    const label = shinan2019Pair.find((item) => item.target.includes("一般公共预算收入增长6%")) as PairItemLabel;
    const match = matchAt(pair, ...locate(plan, "plan", label.target));
    expect(match?.outcome).toMatchObject({ measure: "growth", value: 1, unit: "%" });
    expect(pair.unmatchedOutcomes).toContainEqual(
      expect.objectContaining({ value: 87.2, unit: "亿元", measure: "level" }),
    );
    // The review's retail sales figure answers no 2019 target: it is listed, not dropped.
    expect(pair.unmatchedOutcomes).toContainEqual(expect.objectContaining({ value: 660, unit: "亿元" }));
  });

  it("agrees with the hand-labelled pair (≥ 0.95 on verdicts and on outcomes of met/missed targets)", () => {
    const result = agreement(shinan2019Pair, (label) => {
      const match = matchAt(pair, ...locate(plan, "plan", label.target));
      if (!match) return null;
      return {
        verdict: match.verdict,
        hasOutcome: match.outcome !== null,
        outcomeAt: (snippet) => {
          const [start, end] = locate(review, "review", snippet);
          return match.outcome !== null && match.outcome.start < end && match.outcome.end > start;
        },
      };
    });
    const verdictShare = result.verdicts / shinan2019Pair.length;
    const outcomeShare = result.outcomes / result.judged;
    console.log(
      `市南区 2019 through the reader: verdict agreement ${result.verdicts}/${shinan2019Pair.length} = ` +
        `${verdictShare.toFixed(3)}, outcome agreement on met/missed ${result.outcomes}/${result.judged} = ` +
        `${outcomeShare.toFixed(3)}\n  differences: ${result.differences.join("; ") || "none"}`,
    );
    expect(verdictShare).toBeGreaterThanOrEqual(0.95);
    expect(outcomeShare).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps both copies of a report read twice, and says so", async () => {
    const twice = [...documents, ...(await readCorpus("variants/001_afcc151cafc2b4a6.gb18030.txt"))];
    const pairs2019 = analyze(twice).filter((p) => p.year === 2019);
    expect(pairs2019).toHaveLength(2);
    for (const each of pairs2019) {
      expect(each.conflicts).toHaveLength(2);
      expect(each.reviewSources).toHaveLength(1);
      expect(each.matches.map((m) => m.verdict)).toEqual(pair.matches.map((m) => m.verdict));
    }
  });

  it("leaves a plan with no review in the corpus unpaired: review null, every target pending", async () => {
    const pairs = analyze(await readCorpus("seeds/000_9e7a45089d25ec8e.txt", "seeds/004_3f6588de4f1c987f.txt"));
    expect(pairs.map((p) => [p.code, p.year, p.review])).toEqual([["370202", 2025, null]]);
    const only = pairs[0] as TPair;
    expect(only.matches.length).toBeGreaterThan(10);
    expect(new Set(only.matches.map((m) => m.verdict))).toEqual(new Set(["pending"]));
  });
});

describe("市南区 2019 on the hand-labelled clauses (matcher alone)", () => {
  it("agrees with the labelled pair when given the labelled targets and outcomes", () => {
    const targets: TTarget[] = shinan2019Plan.targets.map((label, i) => ({
      ...label,
      text: label.find,
      start: i,
      end: i + 1,
    }));
    const outcomes: TOutcome[] = shinan2019Outcomes.map((label, i) => ({
      ...label,
      polarity: "higher_better",
      year: 2019,
      text: label.find,
      start: i,
      end: i + 1,
    }));
    const { matches } = matchPair(targets, outcomes, { tolerance: 0 });
    const result = agreement(shinan2019Pair, (label) => {
      const match = matches.find((m) => m.target.text === label.target);
      if (!match) return null;
      return {
        verdict: match.verdict,
        hasOutcome: match.outcome !== null,
        outcomeAt: (s) => match.outcome?.text === s,
      };
    });
    console.log(
      `市南区 2019 on labelled clauses: verdict agreement ${(result.verdicts / shinan2019Pair.length).toFixed(3)}, ` +
        `outcome agreement ${(result.outcomes / result.judged).toFixed(3)}; differences: ${result.differences.join("; ")}`,
    );
    expect(result.verdicts / shinan2019Pair.length).toBeGreaterThanOrEqual(0.95);
    expect(result.outcomes / result.judged).toBeGreaterThanOrEqual(0.95);
  });
});

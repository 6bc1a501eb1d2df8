import { describe, expect, it } from "vitest";
import { type GapTarget, gapFor, gapOfMatch, gapSign, gapSortValue } from "@/lib/charts/gap";
import { countOf, trendNote, VERDICT_ORDER, verdictSegments, withPending } from "@/lib/charts/shares";
import { messages } from "@/lib/i18n";
import { formatGap, formatSigned } from "@/lib/i18n/numbers";

const pct = (over: Partial<GapTarget> = {}): GapTarget => ({
  measure: "growth",
  qualifier: "about",
  value: 7,
  min: null,
  max: null,
  unit: "%",
  polarity: "higher_better",
  ...over,
});

describe("gapFor (verdicts.md: the gap in the target's own terms, positive is better)", () => {
  it("gives percentage points for a growth target: GDP 6% against 7%左右 is −1", () => {
    expect(gapFor(pct(), { value: 6, unit: "%" })).toEqual({ value: -1, unit: "个百分点" });
  });
  it("turns a met inflation cap positive: CPI 1.6% under 3%左右 is +1.4 points, not 53%", () => {
    const cap = pct({ value: 3, polarity: "lower_better" });
    expect(gapFor(cap, { value: 1.6, unit: "%" })).toEqual({ value: 1.4, unit: "个百分点" });
    expect(gapFor(pct({ value: 4, qualifier: "at_most", polarity: null }), { value: 4.5, unit: "%" })).toEqual({
      value: -0.5,
      unit: "个百分点",
    });
  });
  it("measures a range against the bound that decides the verdict", () => {
    const range = pct({ qualifier: "range", value: null, min: 6, max: 6.5 });
    expect(gapFor(range, { value: 6.2, unit: "%" })).toEqual({ value: 0.2, unit: "个百分点" });
  });
  it("gives a ratio for levels: 新增就业10.2万人 against 5.7万人", () => {
    const jobs = pct({ measure: "level", value: 5.7, unit: "万人" });
    expect(gapFor(jobs, { value: 10.2, unit: "万人" })?.value).toBeCloseTo(1.7895, 4);
  });
  it("shows no ratio for lower_better levels, growth in other units, qualitative or neutral targets", () => {
    expect(
      gapFor(pct({ measure: "level", unit: "吨", polarity: "lower_better" }), { value: 5, unit: "吨" }),
    ).toBeNull();
    expect(gapFor(pct({ unit: "亿元" }), { value: 5, unit: "亿元" })).toBeNull();
    expect(gapFor(pct({ measure: "qualitative", value: null, unit: null }), { value: null, unit: null })).toBeNull();
    expect(gapFor(pct({ polarity: "neutral" }), { value: 5, unit: "%" })).toBeNull();
    expect(gapFor(pct({ measure: "level", unit: "万吨" }), { value: 1.2, unit: "万亿斤" })).toBeNull();
    expect(gapFor(pct(), null)).toBeNull();
  });
  it("prefers the engine's gap, even null, over deriving one", () => {
    const outcome = { value: 6, unit: "%" };
    expect(gapOfMatch({ gap: { value: 2, unit: "个百分点" }, outcome }, pct())).toEqual({ value: 2, unit: "个百分点" });
    expect(gapOfMatch({ gap: null, outcome }, pct())).toBeNull();
    expect(gapOfMatch({ outcome }, pct())).toEqual({ value: -1, unit: "个百分点" });
    expect(gapOfMatch(null, pct())).toBeNull();
  });
  it("sorts and signs ratios around 1", () => {
    expect(gapSortValue({ value: 1.5, unit: "ratio" })).toBeCloseTo(50);
    expect(gapSign({ value: 0.8, unit: "ratio" })).toBe(-1);
    expect(gapSign({ value: 0, unit: "个百分点" })).toBe(0);
    expect(gapSortValue(null)).toBeUndefined();
  });
});

describe("formatGap", () => {
  const zh = messages("zh-CN");
  const en = messages("en");
  it("prints points with a sign and the unit", () => {
    expect(formatGap({ value: 1.4, unit: "个百分点" }, zh, "zh-CN")).toBe("+1.4 个百分点");
    expect(formatGap({ value: -1, unit: "个百分点" }, zh, "zh-CN")).toBe("−1 个百分点");
    expect(formatGap({ value: 0, unit: "个百分点" }, zh, "zh-CN")).toBe("0 个百分点");
    expect(formatGap({ value: 1.4, unit: "个百分点" }, en, "en")).toBe("+1.4 pp");
  });
  it("prints a ratio as a share of the target", () => {
    expect(formatGap({ value: 1.7895, unit: "ratio" }, zh, "zh-CN")).toBe("目标的 179%");
    expect(formatGap({ value: 0.5, unit: "ratio" }, en, "en")).toBe("50% of target");
  });
  it("prints a dash for none", () => {
    expect(formatGap(null, zh, "zh-CN")).toBe("—");
    expect(formatSigned(-0.001, "zh-CN")).toBe("0");
  });
});

describe("pending apart from no_outcome", () => {
  it("moves every target of a year without review to pending where counts predate it", () => {
    const counts = { total: 52, met: 0, missed: 0, needs_review: 0, no_outcome: 52 };
    expect(withPending(counts, false)).toMatchObject({ pending: 52, no_outcome: 0 });
    expect(withPending(counts, true)).toMatchObject({ pending: 0, no_outcome: 52 });
    expect(withPending({ ...counts, no_outcome: 2, pending: 50 }, false)).toMatchObject({ pending: 50, no_outcome: 2 });
  });
  it("draws pending as its own segment, last", () => {
    const segments = verdictSegments({ met: 5, missed: 1, needs_review: 0, no_outcome: 2, pending: 2 });
    expect(segments.map((s) => s.verdict)).toEqual(["met", "missed", "no_outcome", "pending"]);
    expect(VERDICT_ORDER.at(-1)).toBe("pending");
    expect(countOf({ met: 1, missed: 0, needs_review: 0, no_outcome: 0 }, "pending")).toBe(0);
  });
  it("says what the trend's share leaves out", () => {
    expect(trendNote({ met: 5, missed: 0, needs_review: 1, no_outcome: 12, pending: 3 })).toEqual({
      share: 1,
      met: 5,
      judged: 5,
      pending: 3,
      noOutcome: 12,
      needsReview: 1,
    });
    expect(trendNote({ met: 0, missed: 0, needs_review: 0, no_outcome: 0, pending: 4 }).share).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { gapOfMatch, gapSign, gapSortValue } from "@/lib/charts/gap";
import { countOf, trendNote, VERDICT_ORDER, verdictSegments, withPending } from "@/lib/charts/shares";
import { messages } from "@/lib/i18n";
import { formatGap, formatSigned } from "@/lib/i18n/numbers";

describe("the gap as the dashboard shows it (the engine computes it: tests/engine/match/verdict.test.ts)", () => {
  it("is the match's own, or none", () => {
    expect(gapOfMatch({ gap: { value: 2, unit: "个百分点" } })).toEqual({ value: 2, unit: "个百分点" });
    expect(gapOfMatch({ gap: null })).toBeNull();
    expect(gapOfMatch({})).toBeNull();
    expect(gapOfMatch(null)).toBeNull();
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

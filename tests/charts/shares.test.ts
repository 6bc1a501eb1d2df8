import { describe, expect, it } from "vitest";
import { metShare, VERDICT_ORDER, verdictSegments, wholePercentages } from "@/lib/charts/shares";

describe("wholePercentages", () => {
  it("adds up to exactly 100 by largest remainder", () => {
    // 市南区 2019 as judged: 25 met, 3 missed, 3 needs review, 24 no outcome.
    const percents = wholePercentages({ met: 25, missed: 3, needs_review: 3, no_outcome: 24 }, VERDICT_ORDER);
    expect(Object.values(percents).reduce((a, b) => a + b, 0)).toBe(100);
    expect(percents).toEqual({ met: 46, missed: 5, needs_review: 5, no_outcome: 44, pending: 0 });
  });
  it("splits thirds without losing a point", () => {
    const percents = wholePercentages({ a: 1, b: 1, c: 1 }, ["a", "b", "c"]);
    expect(percents.a + percents.b + percents.c).toBe(100);
  });
  it("gives zeros for an empty total", () => {
    expect(wholePercentages({ met: 0, missed: 0, needs_review: 0, no_outcome: 0 }, VERDICT_ORDER).met).toBe(0);
  });
});

describe("verdictSegments", () => {
  it("lays non-empty segments left to right in verdict order", () => {
    const segments = verdictSegments({ met: 2, missed: 0, needs_review: 1, no_outcome: 1 });
    expect(segments.map((s) => s.verdict)).toEqual(["met", "needs_review", "no_outcome"]);
    expect(segments[0]).toMatchObject({ offset: 0, width: 0.5, percent: 50 });
    expect(segments[1]?.offset).toBe(0.5);
    expect(segments.reduce((sum, s) => sum + s.width, 0)).toBeCloseTo(1);
  });
  it("draws nothing for no targets", () => {
    expect(verdictSegments({ met: 0, missed: 0, needs_review: 0, no_outcome: 0 })).toEqual([]);
  });
});

describe("metShare", () => {
  it("is met over judged, null when nothing was judged", () => {
    expect(metShare({ met: 3, missed: 1 })).toBe(0.75);
    expect(metShare({ met: 0, missed: 0 })).toBeNull();
  });
});

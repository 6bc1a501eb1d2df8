/** The peers chart's data: ranges as [floor, cap], single figures as points, and the distribution past the limit. */
import { describe, expect, it } from "vitest";
import { peerBars, peerDistribution } from "@/lib/charts/peers";
import type { TPeerRow } from "@/lib/schemas/peers";

function row(code: string, target: Partial<NonNullable<TPeerRow["target"]>> | null, superior: number | null = null) {
  const full = target && {
    id: code,
    reportId: "r",
    qualifier: "about" as const,
    value: null,
    min: null,
    max: null,
    unit: "%",
    wording: null,
    strength: "none" as const,
    stretch: null,
    headline: true,
    text: "",
    decisive: null,
    ...target,
  };
  return {
    code,
    name: code,
    level: "province",
    rank: null,
    status: full ? "target" : "no_target_set",
    target: full,
    previous: { status: "no_plan", target: null, verdict: null, actual: null },
    change: null,
    superior:
      superior === null
        ? null
        : { code: "000000", name: "全国", status: "target", target: { ...full, decisive: superior } },
    amplification: null,
    gdp: null,
  } as TPeerRow;
}

describe("the peers chart", () => {
  it("draws a range from its floor to its cap and a single figure as a point, skipping jurisdictions without one", () => {
    const bars = peerBars([
      row("440000", { qualifier: "range", min: 4.5, max: 5, decisive: 4.5 }, 5),
      row("540000", { qualifier: "at_least", value: 7, decisive: 7 }),
      row("110000", null),
    ]);
    expect(bars).toEqual([
      { code: "440000", name: "440000", range: [4.5, 5], point: null, superior: 5 },
      { code: "540000", name: "540000", range: null, point: 7, superior: null },
    ]);
  });

  it("counts jurisdictions per target value to the tenth", () => {
    const rows = [5, 5, 5.5, 4.5, 5.04, 6].map((v, i) => row(String(i), { value: v, decisive: v }));
    expect(peerDistribution(rows)).toEqual([
      { value: 4.5, count: 1 },
      { value: 5, count: 3 },
      { value: 5.5, count: 1 },
      { value: 6, count: 1 },
    ]);
  });
});

/** Stored columns are parsed with the shared schemas when read, never cast (lib/db/columns.ts). */
import { describe, expect, it } from "vitest";
import {
  matchStateColumn,
  measureColumn,
  StoredRowError,
  sectionsColumn,
  statedColumn,
  verdictColumn,
} from "@/lib/db/columns";

describe("stored columns", () => {
  it("reads the codes and shapes the writers store", () => {
    expect(measureColumn("growth")).toBe("growth");
    expect(verdictColumn("pending")).toBe("pending");
    expect(statedColumn("met")).toBe("met");
    expect(sectionsColumn([{ kind: "plan", title: "二、2025年工作安排", start: 0, end: 10 }])).toHaveLength(1);
    const state = {
      outcomeId: null,
      verdict: "met",
      reason: "人工：核对",
      confidence: 1,
      ratio: null,
      manual: true,
      notATarget: false,
      flagged: false,
    };
    expect(matchStateColumn(state)).toEqual(state);
  });

  it("refuses a corrupted value, naming the column and the row", () => {
    expect(() => verdictColumn("achieved", "m1")).toThrow(StoredRowError);
    expect(() => verdictColumn("achieved", "m1")).toThrow('the stored verdict of row m1 is not valid: "achieved"');
    expect(() => measureColumn("")).toThrow(/stored measure/);
    expect(() => sectionsColumn({ kind: "plan" })).toThrow(/stored sections/);
    expect(() => matchStateColumn({ verdict: "met" }, "e1")).toThrow(/match state of an edit of row e1/);
  });
});

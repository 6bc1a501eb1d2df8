/** Stored columns are parsed with the shared schemas when read, never cast (lib/db/columns.ts). */
import { describe, expect, it } from "vitest";
import {
  matchStateColumn,
  measureColumn,
  reasonsColumn,
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
      reason: [{ code: "manual_note", note: "核对" }],
      confidence: 1,
      ratio: null,
      manual: true,
      notATarget: false,
      flagged: false,
    };
    expect(matchStateColumn(state)).toEqual(state);
    expect(
      reasonsColumn(
        '[{"code":"below_target","actual":{"low":6,"high":6,"unit":"%"},"target":{"bound":"value","value":7,"unit":"%"}}]',
      ),
    ).toEqual([
      {
        code: "below_target",
        actual: { low: 6, high: 6, unit: "%" },
        target: { bound: "value", value: 7, unit: "%" },
      },
    ]);
  });

  it("reads an edit recorded before reasons were codes, its sentence as a legacy_text reason", () => {
    const before = { outcomeId: null, verdict: "met", reason: "人工：核对", confidence: 1, ratio: null };
    const state = matchStateColumn({ ...before, manual: true, notATarget: false, flagged: false }, "e1");
    expect(state.reason).toEqual([{ code: "legacy_text", text: "人工：核对" }]);
  });

  it("refuses a corrupted value, naming the column and the row", () => {
    expect(() => verdictColumn("achieved", "m1")).toThrow(StoredRowError);
    expect(() => verdictColumn("achieved", "m1")).toThrow('the stored verdict of row m1 is not valid: "achieved"');
    expect(() => measureColumn("")).toThrow(/stored measure/);
    expect(() => sectionsColumn({ kind: "plan" })).toThrow(/stored sections/);
    expect(() => matchStateColumn({ verdict: "met" }, "e1")).toThrow(/match state of an edit of row e1/);
    expect(() => reasonsColumn("实际6% < 目标7%", "m1")).toThrow(
      'the stored reason of row m1 is not valid: "实际6% < 目标7%"',
    );
    expect(() => reasonsColumn('[{"code":"below_target"}]', "m2")).toThrow(/stored reason of row m2/);
    expect(() => reasonsColumn('[{"code":"no_such_reason"}]', "m3")).toThrow(/stored reason of row m3/);
  });
});

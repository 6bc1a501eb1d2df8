/**
 * The one table of units: well formed, complete for the units extraction.md and the labels name, and the same table
 * for the reader and the matcher.
 */
import { describe, expect, it } from "vitest";
import { parseUnit } from "@/lib/engine/match";
import { findQuantities } from "@/lib/engine/reader/extract/quantity";
import { canonicalSpelling, MAGNITUDES, READ_SPELLINGS, UNITS, unitEntry } from "@/lib/engine/units";

/** The units of extraction.md §2 and of the task that brought the table in, magnitudes included. */
const REQUIRED = [
  "%",
  "‰",
  "个百分点",
  "万人",
  "人",
  "家",
  "个",
  "件",
  "处",
  "座",
  "部",
  "套",
  "台(套)",
  "平方米",
  "万平方米",
  "亿元",
  "万元",
  "元",
  "亿美元",
  "户",
  "批次",
  "场",
  "万亿斤",
  "亿斤",
  "万担",
  "万标箱",
  "标箱",
  "万千瓦",
  "千瓦时",
  "万吨",
  "微克/立方米",
  "天",
  "岁",
  "宗",
  "万亩",
  "平方公里",
  "公里",
];

describe("the table of units", () => {
  it("lists each spelling once, and each dimension has its reference unit", () => {
    const spellings = UNITS.flatMap((entry) => [entry.unit, ...(entry.aliases ?? [])]);
    expect(new Set(spellings).size).toBe(spellings.length);
    const dimensions = new Set(UNITS.map((entry) => entry.dimension));
    for (const dimension of dimensions) {
      expect(
        UNITS.some((entry) => entry.dimension === dimension && entry.factor === 1),
        dimension,
      ).toBe(true);
    }
  });

  it("marks counting words, and only them, as of dimension count", () => {
    for (const entry of UNITS) expect(entry.dimension === "count", entry.unit).toBe(entry.counter === true);
  });

  it("lists magnitudes once each, with their factors", () => {
    const words = MAGNITUDES.map((m) => m.word);
    expect(new Set(words).size).toBe(words.length);
    expect(MAGNITUDES.find((m) => m.word === "万亿")?.factor).toBe(1e12);
  });

  it.each(REQUIRED)("knows %s, and the matcher reads it as a known unit", (unit) => {
    expect(parseUnit(unit).dimension.startsWith("unit:"), unit).toBe(false);
  });

  it.each(REQUIRED)("the reader reads `12%s`, as the same unit", (unit) => {
    const text = `新增12${unit}。`;
    expect(findQuantities(text).map((q) => [q.value, q.unit])).toEqual([[12, unit]]);
  });

  it("gives an alias as its entry's spelling", () => {
    expect(unitEntry("微克每立方米")?.unit).toBe("微克/立方米");
    expect(canonicalSpelling("百分点")).toBe("个百分点");
    expect(canonicalSpelling("万吨标准煤")).toBe("万吨标准煤");
  });

  it("looks for the longest spelling first", () => {
    const lengths = READ_SPELLINGS.map((s) => s.text.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(READ_SPELLINGS.some((s) => s.text === "度")).toBe(false);
  });
});

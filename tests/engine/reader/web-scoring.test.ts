/** The web-set scorer's own pieces, on strings written here: normalising spans, overlap, pairing, rounding. */
import { describe, expect, it } from "vitest";
import { fixed2, type Item, makeNorm, pairItems, textOverlap } from "./web-scoring";

/** A few traditional characters, as the shared t2s.json maps them. */
const norm = makeNorm({ 區: "区", 產: "产", 總: "总", 長: "长" });

const item = (text: string, value: number | null, extra: Partial<Item> = {}): Item => ({
  text,
  indicator: "测试指标",
  measure: "growth",
  qualifier: "about",
  value,
  unit: "%",
  ...extra,
});

describe("web-set scoring", () => {
  it("normalises pinyin, footnotes, full-width forms, traditional characters, spaces and punctuation", () => {
    expect(norm("地區(qū)生產(chǎn)總值 增長[3]７．５％,左右。")).toBe("地区生产总值增长7.5%左右");
    expect(norm("指标〔12〕达到3。2 GDP")).toBe("指标达到3.2gdp");
  });

  it("scores containment above a common run, and unrelated texts zero", () => {
    expect(textOverlap(norm, "生产总值增长8%", "全县生产总值增长8%左右")).toBeGreaterThan(1);
    expect(textOverlap(norm, "甲乙丙丁戊己庚", "子丑甲乙丙丁戊寅")).toBeCloseTo(5 / 8);
    expect(textOverlap(norm, "粮食产量稳定", "外贸进出口增长")).toBe(0);
  });

  it("pairs one to one, best score first", () => {
    const gold = [item("收入增长8%左右", 8), item("收入增长9%左右", 9)];
    const got = [item("收入增长9%左右", 9), item("收入增长8%左右", 8), item("收入增长", null)];
    expect([...pairItems(norm, gold, got, true)]).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("rounds to two decimals as Python does", () => {
    expect([0.125, 0.375, 0.625, 0.875, 2 / 3, 0.995].map(fixed2)).toEqual([
      "0.12",
      "0.38",
      "0.62",
      "0.88",
      "0.67",
      "0.99",
    ]);
  });
});

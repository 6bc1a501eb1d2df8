import { describe, expect, it } from "vitest";
import { convertValue, parseUnit, unitRelation } from "@/lib/engine/match";

describe("unit compatibility", () => {
  it("scales multipliers of one base", () => {
    expect(unitRelation("万人", "人")).toBe("scaled");
    expect(convertValue(5.7, "万人", "人")).toBeCloseTo(57_000);
    expect(convertValue(87.2, "亿元", "万元")).toBeCloseTo(872_000);
    expect(convertValue(1.55, "万户", "户")).toBeCloseTo(15_500);
    expect(convertValue(200, "万平方米", "平方米")).toBeCloseTo(2_000_000);
  });

  it("converts bases of one dimension", () => {
    // 1.3万亿斤 of grain is 6.5亿吨.
    expect(convertValue(1.3, "万亿斤", "亿吨")).toBeCloseTo(6.5);
    expect(unitRelation("千米", "公里")).toBe("scaled");
  });

  it("keeps counting words apart unless one is an alternative of the other", () => {
    expect(unitRelation("台(套)", "处")).toBe("incompatible");
    expect(unitRelation("家", "处")).toBe("incompatible");
    expect(unitRelation("台(套)", "台")).toBe("same");
    expect(unitRelation("家(次)", "家次")).toBe("same");
    expect(unitRelation("场(次)", "场")).toBe("same");
    expect(unitRelation("万家", "家")).toBe("scaled");
    expect(convertValue(1.2, "万家", "家")).toBeCloseTo(12_000);
    expect(convertValue(450, "台(套)", "处")).toBeNull();
  });

  it("lets the generic 个 meet any counting word, loosely", () => {
    expect(unitRelation("个", "家")).toBe("loose");
    expect(unitRelation("个", "人")).toBe("incompatible");
  });

  it("never mixes currencies, rates and points", () => {
    expect(unitRelation("亿元", "亿美元")).toBe("incompatible");
    expect(unitRelation("%", "个百分点")).toBe("incompatible");
    expect(unitRelation("%", "%")).toBe("same");
    expect(unitRelation("%", "％")).toBe("same");
    expect(unitRelation("万人次", "人")).toBe("incompatible");
    expect(unitRelation("人(次)", "人次")).toBe("scaled");
  });

  it("reads a bare multiplier as a count of what the indicator names", () => {
    // 农村贫困人口减少1000万以上 against 减少1386万人.
    expect(unitRelation("万", "万人")).toBe("loose");
    expect(convertValue(1000, "万", "人")).toBeCloseTo(10_000_000);
    expect(unitRelation("万", "%")).toBe("incompatible");
  });

  it("treats a missing unit as comparable only with another missing unit", () => {
    expect(unitRelation(null, null)).toBe("same");
    expect(unitRelation(null, "%")).toBe("incompatible");
  });

  it("keeps unknown units opaque", () => {
    expect(parseUnit("万吨标准煤").dimension).toBe("unit:万吨标准煤");
    expect(unitRelation("万吨标准煤", "万吨标准煤")).toBe("same");
    expect(unitRelation("万吨标准煤", "万吨")).toBe("incompatible");
  });

  it("converts per mille into percent and reads the spellings of one unit as one", () => {
    expect(unitRelation("‰", "%")).toBe("scaled");
    expect(convertValue(5, "‰", "%")).toBeCloseTo(0.5);
    expect(unitRelation("‰", "个百分点")).toBe("incompatible");
    expect(unitRelation("微克/立方米", "微克每立方米")).toBe("scaled");
    expect(convertValue(35, "微克每立方米", "微克/立方米")).toBeCloseTo(35);
    expect(unitRelation("百分点", "个百分点")).toBe("scaled");
  });

  it("knows the units of the report tables: 担, 标箱, 千瓦, 千瓦时, 兆瓦, 千伏", () => {
    // 1 担 = 100 斤: 2万担 of tobacco is 200万斤.
    expect(convertValue(2, "万担", "万斤")).toBeCloseTo(200);
    expect(convertValue(1030, "万标箱", "标箱")).toBeCloseTo(10_300_000);
    expect(convertValue(120, "万千瓦", "千瓦")).toBeCloseTo(1_200_000);
    expect(convertValue(3, "兆瓦", "千瓦")).toBeCloseTo(3000);
    expect(convertValue(50, "亿千瓦时", "亿度")).toBeCloseTo(50);
    expect(unitRelation("千伏", "千瓦")).toBe("incompatible");
    expect(unitRelation("万千瓦", "万千瓦时")).toBe("incompatible");
  });

  it("keeps days, ages and counts apart; 宗 and 起 are counting words", () => {
    expect(unitRelation("天", "岁")).toBe("incompatible");
    expect(unitRelation("天", "个")).toBe("incompatible");
    expect(unitRelation("宗", "个")).toBe("loose");
    expect(unitRelation("起", "宗")).toBe("incompatible");
    expect(unitRelation("台套", "台(套)")).toBe("same");
  });
});

/**
 * Figures, targets and gaps in both locales (lib/i18n/numbers.ts, lib/i18n/quantities.ts): Chinese as the reports
 * write them, English with English scales and units. The examples are targets of the State Council's reports.
 */
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n";
import {
  formatCompareGap,
  formatGap,
  formatQuantity,
  formatTarget,
  formatWording,
  type TargetFigure,
} from "@/lib/i18n/numbers";
import { englishQuantity, englishUnitName } from "@/lib/i18n/quantities";

const zh = messages("zh-CN");
const en = messages("en");

function target(
  qualifier: TargetFigure["qualifier"],
  value: number | null,
  unit: string | null,
  range?: [number, number],
) {
  return { qualifier, value, unit, min: range?.[0] ?? null, max: range?.[1] ?? null };
}

describe("formatQuantity", () => {
  it.each([
    [1100, "万人", "1100万人", "11 million people"],
    [1351, "万人", "1351万人", "13.51 million people"],
    [5.67, "万亿元", "5.67万亿元", "5.67 trillion yuan"],
    [32765, "亿元", "32765亿元", "3.28 trillion yuan"],
    [2000, "亿斤", "2000亿斤", "200 billion jin"],
    [1.3, "万亿斤", "1.3万亿斤", "1.3 trillion jin"],
    [500, "万千瓦", "500万千瓦", "5 million kW"],
    [5.7, "万人", "5.7万人", "57,000 people"],
    [87.2, "亿元", "87.2亿元", "8.72 billion yuan"],
    [7, "%", "7%", "7%"],
    [0.5, "个百分点", "0.5个百分点", "0.5 percentage points"],
    [1626, "套", "1626套", "1,626 sets"],
    [12, "台(套)", "12台(套)", "12 units"],
    [300, "家", "300家", "300"],
    [1, "户", "1户", "1 household"],
    [1000, "万", "1000万", "10 million"],
    [30, "微克/立方米", "30微克/立方米", "30 μg/m³"],
    [1500, "万标箱", "1500万标箱", "15 million TEU"],
    [80.3, "岁", "80.3岁", "80.3 years"],
  ])("%d %s", (value, unit, chinese, english) => {
    expect(formatQuantity(value, unit, "zh-CN")).toBe(chinese);
    expect(formatQuantity(value, unit, "en")).toBe(english);
  });

  it("leaves a unit the table does not know as written, the figure unscaled", () => {
    expect(formatQuantity(12, "万辆次", "en")).toBe("12万辆次");
    expect(formatQuantity(3, "亿吨公里", "en")).toBe("3亿吨公里");
  });

  it("keeps every significant digit up to ten in reasons", () => {
    expect(englishQuantity(32765, "亿元", "exact")).toBe("3.2765 trillion yuan");
    expect(englishQuantity(5.67, "万亿元", "exact")).toBe("5.67 trillion yuan");
    expect(englishQuantity(0.1 + 0.2, "%", "exact")).toBe("0.3%");
  });

  it("names a unit on its own", () => {
    expect(englishUnitName("万人")).toBe("ten thousand people");
    expect(englishUnitName("亿元")).toBe("hundred million yuan");
    expect(englishUnitName("%")).toBe("percent");
    expect(englishUnitName("万担")).toBe("ten thousand dan");
    expect(englishUnitName("辆次")).toBe("辆次");
  });
});

describe("formatTarget", () => {
  it.each([
    [target("at_least", 7, "%"), "7%以上", "at least 7%"],
    [target("range", null, "%", [5, 5.5]), "5%–5.5%", "5–5.5%"],
    [target("about", 3, "%"), "3%左右", "about 3%"],
    [target("at_most", 3, "%"), "3%以内", "at most 3%"],
    [target("about", 1100, "万人"), "1100万人左右", "about 11 million people"],
    [target("at_least", 2000, "亿斤"), "2000亿斤以上", "at least 200 billion jin"],
    [target("range", null, "万人", [1000, 1100]), "1000万人–1100万人", "10–11 million people"],
    [target("range", null, "万人", [90, 110]), "90万人–110万人", "0.9–1.1 million people"],
    [target("exact", 500, "万千瓦"), "500万千瓦", "5 million kW"],
    [target("none", null, null), "定性目标", "qualitative"],
  ])("%j", (figure, chinese, english) => {
    expect(formatTarget(figure, zh, "zh-CN")).toBe(chinese);
    expect(formatTarget(figure, en, "en")).toBe(english);
  });
});

describe("gaps", () => {
  it("write percentage points and ratios in each locale's words", () => {
    expect(formatGap({ value: 0.1, unit: "个百分点" }, zh, "zh-CN")).toBe("+0.1 个百分点");
    expect(formatGap({ value: 0.1, unit: "个百分点" }, en, "en")).toBe("+0.1 pp");
    expect(formatGap({ value: 1.79, unit: "ratio" }, en, "en")).toBe("179% of target");
  });

  it("write a compare gap of a level in the target's unit, in English words in English", () => {
    expect(formatCompareGap({ value: 4.5, unit: "万人", tone: "better" }, zh, "zh-CN")).toBe("+4.5万人");
    expect(formatCompareGap({ value: 4.5, unit: "万人", tone: "better" }, en, "en")).toBe("+45,000 people");
    expect(formatCompareGap({ value: -251, unit: "万人", tone: "better" }, en, "en")).toBe("−2.51 million people");
    expect(formatCompareGap({ value: 0.2, unit: "pp", tone: "better" }, en, "en")).toBe("+0.2 pp");
  });
});

describe("formatWording", () => {
  it("glosses the commitment words in English, keeps them as written in Chinese and where it has no gloss", () => {
    expect(formatWording("力争…以上", "zh-CN")).toBe("力争…以上");
    expect(formatWording("力争…以上", "en")).toBe("strive for … or more");
    expect(formatWording("控制在…左右", "en")).toBe("keep within … about");
    expect(formatWording("左右", "en")).toBe("about");
    expect(formatWording("大约", "en")).toBe("大约");
    expect(formatWording(null, "en")).toBeNull();
  });
});

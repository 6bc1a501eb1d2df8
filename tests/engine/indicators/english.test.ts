import { describe, expect, it } from "vitest";
import { englishIndicatorName, INDICATOR_ENGLISH, LEXICON } from "@/lib/engine/indicators";
import { indicatorLabel } from "@/lib/i18n/indicators";

const CJK = /[\u3400-\u9fff]/;

describe("English names of the lexicon's indicators", () => {
  it("gives every canonical indicator an English name, in English", () => {
    const missing = LEXICON.filter((entry) => !INDICATOR_ENGLISH[entry.name]).map((entry) => entry.name);
    expect(missing).toEqual([]);
    for (const entry of LEXICON) expect(INDICATOR_ENGLISH[entry.name]).not.toMatch(CJK);
  });
  it("names no indicator the lexicon lacks", () => {
    const canonical = new Set(LEXICON.map((entry) => entry.name));
    expect(Object.keys(INDICATOR_ENGLISH).filter((name) => !canonical.has(name))).toEqual([]);
  });
  it("names an indicator by any of its names, and leaves one the lexicon does not know as written", () => {
    expect(englishIndicatorName("国内生产总值")).toBe("GDP");
    expect(englishIndicatorName("城区登记失业率")).toBe("Registered urban unemployment rate");
    expect(indicatorLabel("全区生产总值", "en")).toBe("GDP");
    expect(indicatorLabel("全区生产总值", "zh-CN")).toBe("全区生产总值");
    expect(indicatorLabel("海绵城市建设面积", "en")).toBe("海绵城市建设面积");
  });
});

import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  indicatorCore,
  indicatorSimilarity,
  LEXICON,
  resolveIndicator,
  textSimilarity,
} from "@/lib/engine/indicators";
import { MIN_SIMILARITY } from "@/lib/engine/match";

describe("the indicator lexicon", () => {
  it("covers what the reports track, each with a known category", () => {
    expect(LEXICON.length).toBeGreaterThanOrEqual(80);
    for (const entry of LEXICON) expect(CATEGORIES).toContain(entry.category);
    for (const name of ["固定资产投资", "社会消费品零售总额", "进出口总额", "实际利用外资", "居民人均可支配收入"]) {
      expect(resolveIndicator(name).known, name).toBe(true);
    }
    for (const name of ["单位GDP能耗", "粮食产量", "城镇化率", "研发投入", "高新技术企业", "棚户区改造", "充电桩"]) {
      expect(resolveIndicator(name).known, name).toBe(true);
    }
  });

  it("maps every name and synonym to exactly one entry", () => {
    const owner = new Map<string, string>();
    for (const entry of LEXICON) {
      for (const name of [entry.name, ...entry.synonyms]) {
        const core = indicatorCore(name);
        const previous = owner.get(core);
        expect(previous === undefined || previous === entry.name, `${name} → ${previous} and ${entry.name}`).toBe(true);
        owner.set(core, entry.name);
        expect(resolveIndicator(name).name).toBe(entry.name);
      }
    }
  });

  it("resolves synonyms, scope words and longer names to the canonical indicator", () => {
    for (const name of ["全区生产总值", "GDP", "国内生产总值", "预计全区生产总值", "区属地区生产总值"]) {
      expect(resolveIndicator(name).name, name).toBe("地区生产总值");
    }
    expect(resolveIndicator("城镇新增就业").name).toBe("新增就业");
    expect(resolveIndicator("区级一般公共预算收入").name).toBe("一般公共预算收入");
    expect(resolveIndicator("新建、更新社区健身设施").name).toBe("全民健身设施");
    expect(resolveIndicator("新增停车泊位").name).toBe("停车位");
  });

  it("does not take a longer indicator for the one it begins with", () => {
    expect(resolveIndicator("单位国内生产总值能耗").name).toBe("单位地区生产总值能耗");
    expect(resolveIndicator("农村居民人均可支配收入").name).toBe("农村居民人均可支配收入");
    expect(resolveIndicator("服务业增加值占国内生产总值比重").known).toBe(false);
  });

  it("gives polarity and category", () => {
    expect(resolveIndicator("城区登记失业率")).toMatchObject({ polarity: "lower_better", category: "就业与收入" });
    expect(resolveIndicator("居民消费价格涨幅")).toMatchObject({ polarity: "lower_better", category: "经济发展" });
    expect(resolveIndicator("赤字率").polarity).toBe("neutral");
    expect(resolveIndicator("口袋公园").category).toBe("城市建设");
  });

  it("normalises names it does not know", () => {
    expect(resolveIndicator("预计全年文旅项目签约额")).toEqual({
      name: "文旅项目签约额",
      polarity: "higher_better",
      category: "其他",
      known: false,
    });
    expect(resolveIndicator("道路交通事故").polarity).toBe("lower_better");
  });
});

describe("indicator similarity", () => {
  it("is 1 within a lexicon entry and 0 across entries, however alike the names read", () => {
    expect(indicatorSimilarity("全区生产总值", "国内生产总值")).toBe(1);
    expect(indicatorSimilarity("新增城镇就业", "城镇新增就业")).toBe(1);
    expect(indicatorSimilarity("新建口袋公园", "新增口袋公园")).toBe(1);
    expect(indicatorSimilarity("城镇登记失业率", "城镇调查失业率")).toBe(0);
    expect(indicatorSimilarity("注册商标", "马德里国际注册商标")).toBe(0);
  });

  it("compares unknown names by bigrams and containment, past action words", () => {
    expect(indicatorSimilarity("新建更新社区文化空间", "新建和升级社区文化空间")).toBe(1);
    expect(indicatorSimilarity("新招引落地文旅项目", "文旅项目")).toBeGreaterThan(MIN_SIMILARITY);
    expect(textSimilarity("海洋产业增加值", "海洋产业")).toBeCloseTo(8 / 11);
    expect(textSimilarity("安置房主体封顶", "安置房主体完工")).toBeCloseTo(2 / 3);
    // Words a reader leaves before the name (`…等项目共`) lower the score without hiding the likeness.
    expect(indicatorSimilarity("安置房主体封顶", "项目共安置房主体完工")).toBeGreaterThanOrEqual(MIN_SIMILARITY);
  });

  it("keeps unrelated names apart", () => {
    expect(indicatorSimilarity("走访企业", "软件园动漫园新注册企业")).toBeLessThan(MIN_SIMILARITY);
    expect(indicatorSimilarity("食品安全快速检测", "食品安全定性定量检测")).toBe(0);
    expect(indicatorSimilarity("招商推介活动", "群众性文化活动")).toBeLessThan(MIN_SIMILARITY);
    expect(textSimilarity("企业", "走访企业")).toBeLessThan(MIN_SIMILARITY);
  });
});

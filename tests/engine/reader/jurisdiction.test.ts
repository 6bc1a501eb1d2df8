/**
 * Whose report: the government that delivers it, at its level, on sentences written for these tests (in the way
 * reports and news about them are written), with the traps that must not decide it and texts that must not identify
 * anyone.
 */
import { describe, expect, it } from "vitest";
import { guessJurisdiction } from "@/lib/engine/reader/document/jurisdiction";

/** The code read from a text, or null when the guess is too weak for the caller to keep (below 0.5). */
function codeOf(body: string, title = "", hints = {}): string | null {
  const guess = guessJurisdiction(title, body, hints);
  return guess && guess.confidence >= 0.5 ? guess.code : null;
}

describe("the delivering government, at its level", () => {
  it.each([
    [
      "a province, whose report names its cities more often than itself",
      "——2025年1月20日在山东省第十四届人民代表大会第三次会议上\n各位代表：现在，我代表省人民政府向大会报告工作。过去一年，全省经济稳中向好。青岛港吞吐量创新高，青岛、烟台、潍坊三市增长6%，济南起步区建设提速，青岛西海岸新区扩容，全省新增就业110万人。",
      "370000",
    ],
    [
      "a province without its session line: 全省 outweighs the cities",
      "过去一年，全省经济稳中向好，山东制造业增加值增长7%。青岛、烟台、潍坊、济南、青岛西海岸、青岛蓝谷齐头并进，全省上下团结奋斗，我省发展迈上新台阶。",
      "370000",
    ],
    [
      "a municipality: 全市 with districts below it, and a word that holds a county-level city",
      "过去一年，全市上下主动适应城市发展新要求，上海国际金融中心能级提升，浦东新区、临港新片区建设加快。全市生产总值增长5%，我市在全国率先推行一网通办。",
      "310000",
    ],
    [
      "a prefecture city that names its districts and counties",
      "——在潍坊市第十八届人民代表大会第四次会议上\n各位代表：全市经济运行稳中有进。奎文区、寿光市、青州市增速领先，全市新增就业8万人。",
      "370700",
    ],
    [
      "a district of a municipality, which names the municipality too",
      "——在北京市通州区第六届人民代表大会第五次会议上\n各位代表：过去一年，全区紧紧围绕北京城市副中心建设，区委、区政府统筹推进，全区地区生产总值增长6%。",
      "110112",
    ],
    [
      "an autonomous region, whose 全区 is the region's",
      "各位代表：现在，我代表自治区人民政府向大会报告工作。过去一年，全区经济回升向好，内蒙古能源保供有力，呼和浩特、包头、鄂尔多斯增长较快，包头市青山区装备制造集聚发展。全区新增就业18万人。",
      "150000",
    ],
    [
      "a district inside an autonomous region, whose 全区 is the district's",
      "——在包头市青山区第十八届人民代表大会第三次会议上\n各位代表：在自治区党委、市委和区委的坚强领导下，全区上下砥砺奋进，青山装备制造园区产值增长9%，全区地区生产总值增长6%。",
      "150204",
    ],
    [
      "a banner",
      "——在正镶白旗第十五届人民代表大会第三次会议上\n各位代表：现在，我代表旗人民政府向大会报告工作。在盟委、行署和旗委的坚强领导下，全旗经济平稳运行。",
      "152529",
    ],
    [
      "a mayor named with the city (`重庆市长`)",
      "重庆市长在报告中说，全市地区生产总值增长6%，全市新增就业70万人。",
      "500000",
    ],
    [
      "a district whose name starts where its municipality's ends (`重庆市长寿区`, not the mayor)",
      "——在重庆市长寿区第十八届人民代表大会第四次会议上\n各位代表：全区经济稳中向好，区委、区政府统筹推进，全区新增就业1万人。",
      "500115",
    ],
    [
      "a province named by its variant spelling (`陜西`)",
      "陜西省第十四届人民代表大会第三次会议开幕，陜西省省长作政府工作报告。全省地区生产总值增长5.5%。",
      "610000",
    ],
    [
      "a province named by its one-character name in a headline",
      "粤十四届人大三次会议开幕\n省长作政府工作报告时表示，全省经济回升向好，全省地区生产总值增长5%。",
      "440000",
    ],
  ])("%s", (_case, body, code) => {
    expect(codeOf(body)).toBe(code);
  });
});

describe("the State Council", () => {
  it.each([
    ["its premier delivering the report", "各位代表：现在，我代表国务院，向大会报告政府工作，请予审议。"],
    [
      "a news item on the NPC session, datelined in Beijing",
      "新华社北京3月5日电 国务院总理在十四届全国人大一次会议上作政府工作报告，今年发展主要预期目标是：国内生产总值增长5%左右。",
    ],
  ])("%s", (_case, body) => {
    expect(codeOf(body)).toBe("000000");
  });
});

describe("places that do not say whose report it is", () => {
  it("takes the session's province, not a dateline's city nor the venue", () => {
    const body =
      "新华社北京1月20日电 山东省第十四届人民代表大会第三次会议20日在济南隆重开幕，省长作政府工作报告。全省地区生产总值增长5%左右。";
    expect(codeOf(body)).toBe("370000");
  });

  it("takes the session's province, not the newspaper's city", () => {
    const body = "青岛晚报讯 山东省第十四届人民代表大会第三次会议开幕。省长作政府工作报告，全省新增就业110万人。";
    expect(codeOf(body)).toBe("370000");
  });

  it("takes the district from the body when the headline names its city", () => {
    const body =
      "深圳两会观察：新区发展再提速\n4月20日，坪山区二届人大三次会议开幕。区政府工作报告提出，全区地区生产总值增长6%，坪山将加快建设创新高地，增速排名全市第一。";
    expect(codeOf(body)).toBe("440310");
  });

  it("reads a city's rankings against the province as rankings, not as its level", () => {
    const body =
      "各位代表：现在，我代表市人民政府向大会报告工作。过去一年，全市上下奋发进取，邯郸钢铁产量居全省首位，增速全省第二，邯郸陶瓷、邯郸文旅持续壮大，地区生产总值高于全省平均。";
    expect(codeOf(body)).toBe("130400");
  });
});

describe("texts that identify no jurisdiction", () => {
  it.each([
    [
      "a county that never names itself",
      "各位代表：现在，我代表县人民政府向大会报告工作。全县经济平稳运行，全县新增就业3000人。",
    ],
    [
      "ordinary words that hold division names (`适应城市`, `沿海城市`, `城区`, `新区`, `开发区`)",
      "过去一年，全市主动适应城市发展新要求，对标沿海城市，城区面貌焕然一新，开发区和新区建设提速，全市新增就业2万人。",
    ],
    [
      "two-character county names inside words (`省市和县委`, `振兴县域`)",
      "全县上下认真贯彻省市和县委决策部署，振兴县域经济，全县地区生产总值增长6%。",
    ],
    ["a dateline alone", "新华社北京3月5日电 记者从有关方面获悉，今年经济增长预期目标为5%左右。"],
    [
      "a redacted template, whatever place it mentions in passing",
      "——在XX市第十五届人民代表大会第一次会议上\n各位代表：过去一年，某市发展取得新成效，对接成都、重庆两地，全市生产总值增长X.X%。",
    ],
  ])("%s", (_case, body) => {
    expect(codeOf(body)).toBeNull();
  });
});

describe("hints", () => {
  const cityText = "——在潍坊市第十八届人民代表大会第四次会议上\n各位代表：全市经济运行稳中有进。";

  it.each([
    ["山东省", "370000"],
    ["山东", "370000"],
    ["内蒙古自治区", "150000"],
    ["青岛市市南区", "370202"],
    ["全国", "000000"],
  ])("resolves the name %s at the level it names, over the text", (jurisdiction, code) => {
    const guess = guessJurisdiction("", cityText, { jurisdiction });
    expect(guess).toMatchObject({ code });
    expect(guess?.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it("takes a code over everything", () => {
    expect(guessJurisdiction("", cityText, { code: "370705", jurisdiction: "山东省" })).toMatchObject({
      code: "370705",
      jurisdiction: "潍坊市奎文区",
      confidence: 1,
    });
  });

  it("resolves a name several divisions share by the text, less surely", () => {
    const guess = guessJurisdiction("", "福州市鼓楼区第十八届人民代表大会开幕，全区经济稳中向好。", {
      jurisdiction: "鼓楼区",
    });
    expect(guess?.code).toBe("350102");
    expect(guess?.confidence).toBeLessThan(0.95);
  });

  it("falls back to the text when the name is no division", () => {
    expect(guessJurisdiction("", cityText, { jurisdiction: "某县" })).toMatchObject({ code: "370700" });
  });
});

describe("confidence", () => {
  it("is high for a delivering government, lower for a body that only names its place", () => {
    const delivered = guessJurisdiction("", "——在潍坊市第十八届人民代表大会第四次会议上\n全市经济稳中有进。", {});
    const named = guessJurisdiction("", "全市经济稳中有进，潍坊制造业提质增效，全市新增就业8万人，潍坊港扩能。", {});
    expect(delivered?.confidence).toBeGreaterThanOrEqual(0.95);
    expect(named?.code).toBe("370700");
    expect(named?.confidence).toBeLessThan(delivered?.confidence ?? 0);
  });
});

import { describe, expect, it } from "vitest";
import {
  clauseKey,
  likelySuccessors,
  pairSuccessors,
  type ReadingRow,
  textSimilarity,
} from "@/lib/engine/reread/successors";

const row = (text: string, indicator: string, start: number, measure = "growth"): ReadingRow => ({
  text,
  indicator,
  measure,
  start,
});

describe("successors of a re-read", () => {
  it("keys a clause without blanks and punctuation, so re-spacing or re-punctuating keeps the key", () => {
    expect(clauseKey("地区生产总值增长 6.5%左右，")).toBe(clauseKey("地区生产总值增长6.5%左右"));
    expect(clauseKey("增长6.5%")).not.toBe(clauseKey("增长6%"));
  });

  it("pairs the same clause, indicator and measure in reading order, even when rows moved", () => {
    const earlier = [row("地区生产总值增长7%", "地区生产总值", 10), row("居民收入增长7%", "居民人均可支配收入", 40)];
    const next = [
      row("新增就业1万人", "城镇新增就业", 5, "level"),
      row("地区生产总值增长7%", "地区生产总值", 30),
      row("居民收入增长7%", "居民人均可支配收入", 60),
    ];
    const pairing = pairSuccessors(earlier, next, 100);
    expect(pairing.pairs).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(pairing.unpairedNew).toEqual([0]);
    expect(pairing.unpairedEarlier).toEqual([]);
  });

  it("pairs two identical clauses one to one, in order", () => {
    const same = row("粮食产量稳定", "粮食产量", 0, "qualitative");
    const pairing = pairSuccessors([same, { ...same, start: 50 }], [same, { ...same, start: 50 }], 100);
    expect(pairing.pairs).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it("pairs a clause the new reader cut or named differently by similarity, and leaves a vanished one unpaired", () => {
    const earlier = [
      row("规模以上工业增加值增长8%左右，固定资产投资增长10%", "规模以上工业增加值", 100),
      row("全年完成虚构工程100项", "虚构工程", 300, "level"),
    ];
    const next = [
      row("规模以上工业增加值增长8%左右", "工业增加值", 100),
      row("固定资产投资增长10%", "固定资产投资", 130),
    ];
    const pairing = pairSuccessors(earlier, next, 400);
    expect(pairing.pairs).toEqual([[0, 0]]);
    expect(pairing.unpairedEarlier).toEqual([1]);
    expect(pairing.unpairedNew).toEqual([1]);
  });

  it("never pairs figures of different years", () => {
    const a = { ...row("地区生产总值增长6%", "地区生产总值", 0), year: 2019 };
    const b = { ...a, year: 2020 };
    expect(pairSuccessors([a], [b], 100).pairs).toEqual([]);
  });

  it("ranks likely successors best first and leaves out unrelated clauses", () => {
    const gone = row("城镇新增就业1.2万人以上", "城镇新增就业", 200, "level");
    const next = [
      row("一般公共预算收入增长5%", "一般公共预算收入", 100),
      row("城镇新增就业1万人", "城镇新增就业", 210, "level"),
      row("新增就业岗位1.2万个", "新增就业岗位", 220, "level"),
    ];
    const likely = likelySuccessors(gone, next, 1000);
    expect(likely.map((c) => c.index)).toEqual([1, 2]);
    expect(likely[0]?.similarity).toBeGreaterThan(likely[1]?.similarity ?? 1);
  });

  it("measures text similarity as a Dice coefficient of character bigrams", () => {
    expect(textSimilarity("增长7%", "增长7%")).toBe(1);
    expect(textSimilarity("增长7%", "下降")).toBe(0);
    expect(textSimilarity("", "")).toBe(0);
  });
});

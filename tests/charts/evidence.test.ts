import { describe, expect, it } from "vitest";
import { sentenceAround } from "@/lib/charts/evidence";

describe("sentenceAround", () => {
  const text =
    "过去一年，我们主要做了以下工作。预计全区生产总值同比增长6%左右，完成区级一般公共预算收入87.2亿元，同比增长1%。新增就业10.2万人。";
  it("returns the sentence around a clause with the clause marked", () => {
    const start = text.indexOf("预计全区生产总值");
    const end = start + "预计全区生产总值同比增长6%左右".length;
    const snippet = sentenceAround(text, start, end);
    expect(snippet.before).toBe("");
    expect(snippet.clause).toBe("预计全区生产总值同比增长6%左右");
    expect(snippet.after).toBe("，完成区级一般公共预算收入87.2亿元，同比增长1%。");
  });
  it("keeps the start of the sentence before a clause in its middle", () => {
    const start = text.indexOf("同比增长1%");
    const snippet = sentenceAround(text, start, start + 6);
    expect(snippet.before.startsWith("预计全区生产总值")).toBe(true);
    expect(snippet.after).toBe("。");
  });
  it("cuts long context with an ellipsis", () => {
    const long = `${"很".repeat(200)}增长7%${"好".repeat(200)}`;
    const snippet = sentenceAround(long, 200, 204, 10);
    expect(snippet.before).toBe(`…${"很".repeat(10)}`);
    expect(snippet.after).toBe(`${"好".repeat(10)}…`);
  });
  it("survives offsets outside the text", () => {
    expect(sentenceAround("短句。", 10, 20).clause).toBe("");
  });
});

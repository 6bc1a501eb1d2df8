import { describe, expect, it } from "vitest";
import { type Highlight, paragraphs } from "@/lib/charts/highlights";

const text =
  "一、2019年工作回顾\n预计全区生产总值同比增长6%左右，新增就业10.2万人。\n\n二、2020年工作安排\n全区生产总值增长7%左右。";
const span = (id: string, kind: Highlight["kind"], clause: string): Highlight => {
  const start = text.indexOf(clause);
  return { id, kind, start, end: start + clause.length };
};

describe("paragraphs", () => {
  it("splits at line breaks, drops empty lines and keeps offsets", () => {
    const result = paragraphs(text, []);
    expect(result).toHaveLength(4);
    expect(result[1]?.start).toBe(text.indexOf("预计"));
  });
  it("marks targets and outcomes where they are", () => {
    const result = paragraphs(text, [
      span("o1", "outcome", "预计全区生产总值同比增长6%左右"),
      span("t1", "target", "全区生产总值增长7%左右"),
    ]);
    const second = result[1]?.pieces ?? [];
    expect(second[0]).toMatchObject({ text: "预计全区生产总值同比增长6%左右", highlight: { id: "o1" } });
    expect(second[1]).toEqual({ text: "，新增就业10.2万人。" });
    expect(result[3]?.pieces[0]).toMatchObject({ highlight: { id: "t1", kind: "target" } });
  });
  it("keeps the first of two overlapping spans", () => {
    const result = paragraphs(text, [span("a", "outcome", "新增就业10.2万人"), span("b", "outcome", "10.2万人。")]);
    const ids = result.flatMap((p) => p.pieces.flatMap((piece) => ("highlight" in piece ? [piece.highlight.id] : [])));
    expect(ids).toEqual(["a"]);
  });
  it("ignores spans outside the text", () => {
    expect(paragraphs("短", [{ id: "x", kind: "target", start: 3, end: 9 }])[0]?.pieces).toEqual([{ text: "短" }]);
  });
  it("rebuilds the text exactly from its pieces", () => {
    const result = paragraphs(text, [span("t1", "target", "全区生产总值增长7%左右")]);
    const rebuilt = result.map((p) => p.pieces.map((piece) => piece.text).join("")).join("|");
    expect(rebuilt).toBe(
      text
        .split("\n")
        .filter((line) => line.trim())
        .join("|"),
    );
  });
});

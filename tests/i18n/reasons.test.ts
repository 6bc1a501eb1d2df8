/** Every reason code in words, in both locales (lib/i18n/reasons.ts); the Chinese is the CLI's text (extraction.md). */
import { describe, expect, it } from "vitest";
import { renderReason, renderReasons } from "@/lib/i18n/reasons";
import { type TReason, type TReasonCode, ZReason, ZReasons, ZStoredReasons } from "@/lib/schemas/reasons";

const actual = { low: 6, high: 6, unit: "%" };
const target = { bound: "value" as const, value: 7, unit: "%" };

/** One of each code, with the Chinese and English it reads as. */
const CASES: [TReason, string, string][] = [
  [
    {
      code: "at_or_above_target",
      actual: { low: 10.2, high: 10.2, unit: "万人" },
      target: { ...target, value: 5.7, unit: "万人" },
    },
    "实际10.2万人 ≥ 目标5.7万人",
    "Actual 102,000 people ≥ target 57,000 people",
  ],
  [{ code: "below_target", actual, target }, "实际6% < 目标7%", "Actual 6% < target 7%"],
  [
    {
      code: "at_or_below_target",
      actual: { low: 4.02, high: 4.02, unit: "%" },
      target: { bound: "cap", value: 4.5, unit: "%" },
    },
    "实际4.02% ≤ 目标上限4.5%",
    "Actual 4.02% ≤ target cap 4.5%",
  ],
  [
    {
      code: "above_target",
      actual: { low: 3.3, high: 3.3, unit: "%" },
      target: { ...target, value: 3 },
      reported: "met",
    },
    "实际3.3% > 目标3%(报告称已完成)",
    "Actual 3.3% > target 3% (the report says it was met)",
  ],
  [
    { code: "straddles_target", actual: { low: 6.5, high: 7.5, unit: "%" }, target },
    "实际6.5–7.5%跨越目标7%",
    "Actual 6.5–7.5% straddles target 7%",
  ],
  [{ code: "stated", sentence: "外贸目标没有完成" }, "报告称:外贸目标没有完成", "The report says: “外贸目标没有完成”"],
  [{ code: "no_outcome" }, "回顾中未找到对应结果", "No matching outcome in the review"],
  [
    { code: "qualitative_unstated" },
    "定性目标,回顾未明确说明是否完成,需人工判断",
    "Qualitative target; the review does not say whether it was met: judge by hand",
  ],
  [{ code: "no_target_figure" }, "目标无数值", "The target states no figure"],
  [{ code: "qualitative" }, "定性目标,需人工判断", "Qualitative target: judge by hand"],
  [
    { code: "no_polarity" },
    "指标无优劣方向,需人工判断",
    "The indicator is neither better higher nor lower: judge by hand",
  ],
  [{ code: "no_outcome_figure" }, "回顾未给出数值", "The review gives no figure"],
  [
    { code: "measure_mismatch", target: "growth", actual: "level" },
    "口径不同:目标为增速,实际为总量",
    "Different measures: the target is a growth rate, the outcome a level",
  ],
  [
    { code: "unit_mismatch", target: "台(套)", actual: null },
    "单位不可比:目标台(套),实际无单位",
    "Units not comparable: target in units, outcome in no unit",
  ],
  [
    { code: "unrelated_link", outcomeIndicator: "粮食产量", targetIndicator: "钢铁产量" },
    "人工关联的结果“粮食产量”与目标“钢铁产量”不是同一指标，请确认判定",
    "The hand-linked outcome “Grain output” is not the same indicator as the target “钢铁产量”: confirm the verdict",
  ],
  [{ code: "no_review" }, "未导入回顾该年度的报告", "No report reviewing this year has been imported"],
  [
    {
      code: "period_only",
      year: 2017,
      periods: [
        [2013, 2017],
        [2016, 2020],
      ],
    },
    "回顾只给出2013—2017年、2016—2020年的多年期数字,未单列2017年的结果",
    "The review gives only multi-year figures for 2013–2017, 2016–2020, none for 2017 alone",
  ],
  [{ code: "manual_note", note: "不是指标" }, "人工：不是指标", "By hand: 不是指标"],
  [
    { code: "manual_verdict", note: "核对原文", checked: { code: "below_target", actual, target } },
    "人工：核对原文（引擎核对：实际6% < 目标7%）",
    "By hand: 核对原文 (engine check: Actual 6% < target 7%)",
  ],
  [
    { code: "manual_link", note: "同一指标", checked: { code: "no_outcome_figure" } },
    "回顾未给出数值（人工关联：同一指标）",
    "The review gives no figure (linked by hand: 同一指标)",
  ],
  [{ code: "legacy_text", text: "实际6% < 目标7%" }, "实际6% < 目标7%", "实际6% < 目标7%"],
];

describe("renderReason", () => {
  it.each(CASES)("%j", (reason, zh, en) => {
    expect(ZReason.parse(reason)).toEqual(reason);
    expect(renderReason(reason, "zh-CN")).toBe(zh);
    expect(renderReason(reason, "en")).toBe(en);
  });

  it("has a case for every code", () => {
    const codes = new Set(CASES.map(([reason]) => reason.code));
    const all = ZReason.options.map((option) => option.shape.code.value as TReasonCode);
    expect([...codes].sort()).toEqual([...all].sort());
  });

  it("writes tolerances as the CLI does: points, or a share of the target without float noise", () => {
    const about = { ...target, value: 7.5, tolerance: { value: 0.5, relative: false } };
    expect(
      renderReason({ code: "at_or_above_target", actual: { low: 7.4, high: 7.4, unit: "%" }, target: about }, "zh-CN"),
    ).toBe("实际7.4% ≥ 目标7.5%(容差0.5)");
    const share = { bound: "value" as const, value: 1.4, unit: "万亿斤", tolerance: { value: 0.05, relative: true } };
    const harvest = { low: 1.37, high: 1.37, unit: "万亿斤" };
    expect(renderReason({ code: "at_or_above_target", actual: harvest, target: share }, "zh-CN")).toBe(
      "实际1.37万亿斤 ≥ 目标1.4万亿斤(容差5%)",
    );
    expect(renderReason({ code: "at_or_above_target", actual: harvest, target: share }, "en")).toBe(
      "Actual 1.37 trillion jin ≥ target 1.4 trillion jin (tolerance 5%)",
    );
  });

  it("writes numbers with every significant digit, in English scaled and with English units", () => {
    const big = {
      code: "at_or_above_target" as const,
      actual: { low: 102000, high: 102000, unit: "人" },
      target: { ...target, value: 5.7, unit: "万人" },
    };
    expect(renderReason(big, "zh-CN")).toBe("实际102000人 ≥ 目标5.7万人");
    expect(renderReason(big, "en")).toBe("Actual 102,000 people ≥ target 57,000 people");
    const noise = { ...big, actual: { low: 0.1 + 0.2, high: 0.1 + 0.2, unit: "%" } };
    expect(renderReason(noise, "zh-CN")).toBe("实际0.3% ≥ 目标5.7万人");
  });
});

describe("renderReasons", () => {
  it("joins a compound reason the locale's way", () => {
    const reasons: TReason[] = [
      { code: "qualitative_unstated" },
      { code: "period_only", year: 2017, periods: [[2013, 2017]] },
    ];
    expect(renderReasons(reasons, "zh-CN")).toBe(
      "定性目标,回顾未明确说明是否完成,需人工判断;回顾只给出2013—2017年的多年期数字,未单列2017年的结果",
    );
    expect(renderReasons(reasons, "en")).toBe(
      "Qualitative target; the review does not say whether it was met: judge by hand; The review gives only multi-year figures for 2013–2017, none for 2017 alone",
    );
    expect(renderReasons([], "en")).toBe("");
  });
});

describe("stored reasons", () => {
  it("read a sentence stored before reasons were codes as legacy text", () => {
    expect(ZStoredReasons.parse("人工：核对")).toEqual([{ code: "legacy_text", text: "人工：核对" }]);
    expect(ZStoredReasons.parse([{ code: "no_review" }])).toEqual([{ code: "no_review" }]);
  });

  it("refuse unknown codes and missing parameters", () => {
    expect(ZReasons.safeParse([{ code: "achieved" }]).success).toBe(false);
    expect(ZReasons.safeParse([{ code: "below_target", actual }]).success).toBe(false);
    expect(ZReasons.safeParse([{ code: "manual_link", note: "x", checked: { code: "no_review" } }]).success).toBe(
      false,
    );
  });
});

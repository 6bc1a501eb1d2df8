/** Numbers as the dashboard prints them: tabular, units as the reports write them, qualifiers from the dictionary. */
import type { CompareGap } from "@/lib/charts/compare-series";
import type { TGap, TQualifier } from "@/lib/schemas/extraction";
import { format, type Locale, type Messages } from "./index";
import { englishQuantity, englishRange } from "./quantities";

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let found = formatters.get(key);
  if (!found) {
    // Reports write 1626套, not 1,626套: Chinese figures stay as written; English ones are grouped.
    found = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: locale === "en" });
    formatters.set(key, found);
  }
  return found;
}

/** A number with up to `digits` decimals (2 by default), grouped the locale's way. */
export function formatNumber(value: number, locale: Locale, digits = 2): string {
  return formatter(locale, digits).format(value);
}

/**
 * A figure with its unit: as written in Chinese (`7%`, `5.7万人`, `87.2亿元`), in English words and scales in English
 * (`7%`, `57,000 people`, `8.72 billion yuan`; the rule is in ./quantities.ts).
 */
export function formatQuantity(value: number | null, unit: string | null, locale: Locale): string {
  if (value === null) return "—";
  if (locale === "en") return englishQuantity(value, unit);
  return `${formatNumber(value, locale)}${unit ?? ""}`;
}

export interface TargetFigure {
  qualifier: TQualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
}

/**
 * A target as the plan states it: `7%左右`, `5.5%以上`, `6%–6.5%`; in English `about 7%`, `at least 5.5%`, `6–6.5%`
 * (the unit once); qualitative targets say so.
 */
export function formatTarget(target: TargetFigure, t: Messages, locale: Locale): string {
  if (target.qualifier === "range" && target.min !== null && target.max !== null) {
    if (locale === "en") {
      const { low, high } = englishRange(target.min, target.max, target.unit);
      return format(t.qualifier.range, { min: low, max: high });
    }
    return format(t.qualifier.range, {
      min: formatQuantity(target.min, target.unit, locale),
      max: formatQuantity(target.max, target.unit, locale),
    });
  }
  if (target.value === null) return t.qualifier.none;
  const template =
    t.qualifier[target.qualifier === "range" || target.qualifier === "none" ? "exact" : target.qualifier];
  return format(template, { value: formatQuantity(target.value, target.unit, locale) });
}

/** A signed figure: `+1.4`, `−0.5` (a true minus sign), `0`. */
export function formatSigned(value: number, locale: Locale, digits = 2): string {
  const text = formatNumber(Math.abs(value), locale, digits);
  if (text === formatNumber(0, locale, digits)) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/**
 * The gap of verdicts.md, oriented so that positive is better: `+1.4 个百分点` for percentage targets, `目标的 179%`
 * for levels (actual ÷ target); `—` where there is none.
 */
export function formatGap(gap: TGap | null | undefined, t: Messages, locale: Locale): string {
  if (!gap || !Number.isFinite(gap.value)) return "—";
  if (gap.unit === "个百分点") return format(t.gap.points, { value: formatSigned(gap.value, locale) });
  return format(t.gap.ratio, { value: `${formatNumber(gap.value * 100, locale, 0)}%` });
}

/** A completion ratio (actual ÷ target) as a percentage: `86%`. Superseded by `formatGap` on screen. */
export function formatRatio(ratio: number | null, locale: Locale): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  return `${formatNumber(ratio * 100, locale, 0)}%`;
}

/** A confidence in [0, 1] as a two-digit figure. */
export function formatConfidence(confidence: number, locale: Locale): string {
  return formatNumber(confidence, locale, 2);
}

/**
 * A number as the matcher writes it in a reason: every significant digit up to ten (`6.25`, `1.4`, never `1.40` nor
 * float noise like `5.000000000000001`), grouped in English. The Chinese form is the CLI's (extraction.md).
 */
export function formatExact(value: number, locale: Locale): string {
  const exact = Number(value.toPrecision(10));
  return locale === "en" ? formatter(locale, 10).format(exact) : String(exact);
}

/**
 * A compare gap with its unit, signed so that + is better than the target: `+0.2 个百分点` / `+0.2 pp` for rates,
 * `+4.5万人` / `+45,000 people` for levels (the target's unit); `—` where there is none.
 */
export function formatCompareGap(gap: CompareGap | null | undefined, t: Messages, locale: Locale): string {
  if (!gap || !Number.isFinite(gap.value)) return "—";
  const value = formatSigned(gap.value, locale);
  if (gap.unit === "pp") return format(t.gap.points, { value });
  if (locale === "en") {
    const magnitude = englishQuantity(Math.abs(gap.value), gap.unit);
    return gap.value > 0 ? `+${magnitude}` : gap.value < 0 ? `−${magnitude}` : magnitude;
  }
  return `${value}${gap.unit ?? ""}`;
}

/**
 * The commitment words of a target in English, word by word (`力争…以上` → `strive for … or more`); words with no
 * English gloss stay as written. Chinese shows them as the report wrote them.
 */
const WORDING_ENGLISH: Readonly<Record<string, string>> = {
  确保: "ensure",
  力争: "strive for",
  争取: "aim for",
  努力: "endeavour to",
  控制在: "keep within",
  不超过: "not exceed",
  不高于: "no higher than",
  不低于: "no lower than",
  不少于: "no fewer than",
  保持在: "hold at",
  稳定在: "stabilise at",
  突破: "break through",
  超过: "exceed",
  达到: "reach",
  按: "plan on",
  安排: "(budgeted)",
  左右: "about",
  以上: "or more",
  以内: "or less",
  以下: "or less",
  上下: "about",
};

export function formatWording(wording: string | null, locale: Locale): string | null {
  if (wording === null || locale !== "en") return wording;
  return wording
    .split("…")
    .map((word) => WORDING_ENGLISH[word] ?? word)
    .join(" … ");
}

/** Indicator names per locale: English names for the lexicon's indicators; a name it does not know stays as written. */
import { englishIndicatorName } from "@/lib/engine/indicators";
import type { Locale } from "./index";

export function indicatorLabel(name: string, locale: Locale): string {
  return locale === "en" ? (englishIndicatorName(name) ?? name) : name;
}

/**
 * The language of an indicator's name as shown: `zh-CN` where an English page keeps a name the lexicon has no English
 * for (set as the element's `lang`, so that a screen reader reads it as Chinese), else undefined.
 */
export function indicatorLang(name: string, locale: Locale): "zh-CN" | undefined {
  return locale === "en" && !englishIndicatorName(name) ? "zh-CN" : undefined;
}

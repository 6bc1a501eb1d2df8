/** Indicator names per locale: English names for the lexicon's indicators; a name it does not know stays as written. */
import { englishIndicatorName } from "@/lib/engine/indicators";
import type { Locale } from "./index";

export function indicatorLabel(name: string, locale: Locale): string {
  return locale === "en" ? (englishIndicatorName(name) ?? name) : name;
}

/**
 * The indicator picker's filtering: what a reader types is looked for in the canonical Chinese name, the lexicon's
 * synonyms (`国内生产总值`, `GDP`) and the English name, ignoring case and spaces. Matches at the start of a name come
 * first, then the more frequent. Pure, unit-tested in tests/charts/indicator-filter.test.ts.
 */
import type { TIndicatorOption } from "@/lib/schemas/dashboard";

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, "");

/** How well an option answers a query: 2 a name starts with it, 1 a name contains it, 0 not at all. */
export function indicatorMatch(option: TIndicatorOption, query: string, measureLabel = ""): 0 | 1 | 2 {
  const wanted = fold(query);
  if (!wanted) return 1;
  const names = [option.indicator, ...option.synonyms, option.english ?? ""].map(fold).filter(Boolean);
  if (names.some((name) => name.startsWith(wanted))) return 2;
  const label = fold(`${option.indicator}${measureLabel}${option.english ?? ""}`);
  return names.some((name) => name.includes(wanted)) || label.includes(wanted) ? 1 : 0;
}

/** The options a query keeps, best first (stable on the given order, which is most frequent first). */
export function filterIndicatorOptions(
  options: readonly TIndicatorOption[],
  query: string,
  measureLabel: (option: TIndicatorOption) => string = () => "",
): TIndicatorOption[] {
  return options
    .map((option, index) => ({ option, index, score: indicatorMatch(option, query, measureLabel(option)) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.option);
}

/** Resolving indicator names as extracted to the lexicon's canonical indicators. */
import type { TPolarity } from "@/lib/schemas/extraction";
import { ACTION_PREFIXES, LOWER_BETTER_MARKERS, NOISE_PREFIXES, RATIO_MARKERS, TRAILING_WORDS } from "./affixes";
import { type Category, type IndicatorEntry, LEXICON } from "./lexicon";

export interface ResolvedIndicator {
  /** Canonical name when the lexicon knows it, else the normalised raw name. */
  name: string;
  polarity: TPolarity;
  category: Category;
  /** Whether the lexicon knows the indicator (unknown ones are matched by similarity). */
  known: boolean;
}

/** Shortest lexicon name matched as the tail of a longer one (`区属` + `地区生产总值`); shorter tails are too vague. */
const MIN_SUFFIX_MATCH = 3;

/** Whitespace, quotes and full-width brackets are not part of a name. */
function cleanName(raw: string): string {
  return raw
    .replace(/[\s“”‘’"'「」《》]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")");
}

function stripPrefixes(name: string, prefixes: readonly string[]): string {
  let rest = name;
  for (;;) {
    const prefix = prefixes.find((p) => rest.startsWith(p) && rest.length - p.length >= 2);
    if (!prefix) return rest;
    rest = rest.slice(prefix.length);
  }
}

function stripSuffixes(name: string): string {
  let rest = name;
  for (;;) {
    const suffix = TRAILING_WORDS.find((s) => rest.endsWith(s) && rest.length - s.length >= 2);
    if (!suffix) return rest;
    rest = rest.slice(0, -suffix.length);
  }
}

/** The name as shown for an indicator the lexicon does not know: no hedges, scope or time words. */
export function normaliseIndicatorName(raw: string): string {
  return stripPrefixes(cleanName(raw), NOISE_PREFIXES);
}

/**
 * The comparison form of a name: also without actions and measure words, so that `新建口袋公园`, `新增口袋公园` and
 * `口袋公园` compare equal.
 */
export function indicatorCore(raw: string): string {
  const all = [...NOISE_PREFIXES, ...ACTION_PREFIXES];
  return stripSuffixes(stripPrefixes(cleanName(raw), all));
}

const byName = new Map<string, IndicatorEntry>();
const byCore = new Map<string, IndicatorEntry>();
for (const entry of LEXICON) {
  for (const name of [entry.name, ...entry.synonyms]) {
    if (!byName.has(name)) byName.set(name, entry);
    const core = indicatorCore(name);
    if (!byCore.has(core)) byCore.set(core, entry);
  }
}

/**
 * The lexicon entry for a name: exact, then after dropping affixes, then by its longest known tail (the head noun of
 * a Chinese name comes last: `区属地区生产总值`), unless the name states a ratio to that tail.
 */
export function lexiconEntry(raw: string): IndicatorEntry | null {
  const exact = byName.get(cleanName(raw));
  if (exact) return exact;
  const core = indicatorCore(raw);
  const whole = byCore.get(core);
  if (whole) return whole;
  for (let start = 1; core.length - start >= MIN_SUFFIX_MATCH; start++) {
    const head = core.slice(0, start);
    if (RATIO_MARKERS.some((marker) => head.includes(marker))) break;
    const tail = byCore.get(core.slice(start));
    if (tail) return tail;
  }
  return null;
}

/** Map an indicator name as extracted to its canonical lexicon entry. */
export function resolveIndicator(raw: string): ResolvedIndicator {
  const entry = lexiconEntry(raw);
  if (entry) return { name: entry.name, polarity: entry.polarity, category: entry.category, known: true };
  const name = normaliseIndicatorName(raw);
  const lowerBetter = LOWER_BETTER_MARKERS.some((marker) => name.includes(marker));
  return { name, polarity: lowerBetter ? "lower_better" : "higher_better", category: "其他", known: false };
}

/**
 * Look-ups on the one table of units (./table.ts): by spelling, for the matcher, and the spellings the reader looks
 * for after a number.
 */
import { MAGNITUDES, UNITS, type UnitEntry } from "./table";

export {
  BRACKETED_ALTERNATIVES,
  type Dimension,
  MAGNITUDES,
  type Magnitude,
  UNITS,
  type UnitEntry,
} from "./table";

const BY_SPELLING = new Map<string, UnitEntry>();
for (const entry of UNITS) {
  for (const spelling of [entry.unit, ...(entry.aliases ?? [])]) {
    if (BY_SPELLING.has(spelling)) throw new Error(`unit spelling listed twice: ${spelling}`);
    BY_SPELLING.set(spelling, entry);
  }
}

/** The entry a spelling stands for (`微克每立方米` → `微克/立方米`), magnitudes not included. */
export function unitEntry(spelling: string): UnitEntry | undefined {
  return BY_SPELLING.get(spelling);
}

/** The unit as the reader gives it: an alias becomes its entry's spelling; anything else stays as written. */
export function canonicalSpelling(spelling: string): string {
  return BY_SPELLING.get(spelling)?.unit ?? spelling;
}

/** A spelling the reader looks for after a number, and the entry it belongs to. */
export interface Spelling {
  text: string;
  entry: UnitEntry;
}

/** Every spelling the reader looks for after a number, longest first (a regex alternation takes the first match). */
export const READ_SPELLINGS: readonly Spelling[] = [...BY_SPELLING]
  .filter(([, entry]) => !entry.matchOnly)
  .map(([text, entry]) => ({ text, entry }))
  .sort((a, b) => b.text.length - a.text.length);

/** Units written around their number (`每立方米60微克`). */
export const AROUND_UNITS: readonly UnitEntry[] = UNITS.filter((entry) => entry.around);

/** Magnitude words, longest first. */
export const MAGNITUDE_WORDS: readonly string[] = MAGNITUDES.map((m) => m.word).sort((a, b) => b.length - a.length);

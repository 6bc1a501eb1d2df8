/**
 * What time a statement speaks of: the years it names as its own (not the baselines it compares with) and parts of a
 * year. Targets and outcomes of a year are read only from statements about that year.
 */

/** Part of a year: a quarter, a half, a run of months (`一季度`, `上半年`, `1-11月`). */
export const PART_OF_YEAR = /(?:[一二三四]|前三|第[一二三四])季度|[上下]半年|\d{1,2}[-—~至]\d{1,2}月/;

const NAMED_YEAR = /(\d{4})年/g;
/** A year after these words is a baseline (`比2012年`, `由2010年的…`), not the statement's time. */
const BASELINE_BEFORE = /(?:比|较|由|从|是|相当于|同)$/;
/** A year before these words is a baseline too (`是2012年的1.2倍`, `2012年底的水平`). */
const BASELINE_AFTER = /^(?:的|底的|末的|水平|基础)/;

/** The years `text` names as its time, in order, with where each is named. */
export function yearsNamedAt(text: string): { year: number; at: number }[] {
  const years: { year: number; at: number }[] = [];
  for (const m of text.matchAll(NAMED_YEAR)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (!BASELINE_BEFORE.test(before) && !BASELINE_AFTER.test(after)) years.push({ year: Number(m[1]), at: m.index });
  }
  return years;
}

/** The years `text` names as its time, in order. */
export function yearsNamed(text: string): number[] {
  return yearsNamedAt(text).map((named) => named.year);
}

/**
 * A quantity mention read as a target: its indicator and polarity from the lexicon, its figure and qualifier from the
 * quantity, and `wording`, the commitment words as written (`确保`, `力争…以上`, `控制在…以内`, `按…安排`), which
 * researchers code as hard or soft targets.
 */
import type { TTarget } from "@/lib/schemas/extraction";
import { cleanSubject, isMeaningfulName, nameIndicator } from "./indicator";
import type { Mention } from "./mentions";
import { COMMITMENT_WORDS } from "./vocabulary";

/** The commitment words of a target's clause, in the order written: `力争…以上`, `控制在…左右`, `按…安排`. */
function wordingOf(text: string, mention: Mention): string | null {
  const before =
    text.slice(mention.start, mention.quantity.start) + text.slice(mention.quantity.start, mention.quantity.end);
  const words: string[] = [];
  for (const m of before.matchAll(COMMITMENT_WORDS)) if (!words.includes(m[0])) words.push(m[0]);
  const q = mention.quantity;
  if (q.prefix && !words.includes(q.prefix) && q.prefix.length >= 2) words.push(q.prefix);
  const after = text.slice(mention.quantity.end, mention.quantity.end + 4);
  if (/^安排/.test(after) && words.includes("按")) words.push("安排");
  if (q.suffix) words.push(q.suffix);
  return words.length > 0 ? words.join("…") : null;
}

export function mentionTarget(text: string, mention: Mention, headline: boolean): TTarget | null {
  const subject = cleanSubject(mention.subject, mention.measure);
  if (!isMeaningfulName(subject)) return null;
  const { name, polarity } = nameIndicator(subject, mention.measure, mention.reduction);
  const q = mention.quantity;
  return {
    indicator: name,
    measure: mention.measure,
    qualifier: q.qualifier,
    value: q.value,
    min: q.min,
    max: q.max,
    unit: q.unit,
    polarity,
    headline,
    wording: wordingOf(text, mention),
    stretch: null,
    text: text.slice(mention.start, mention.end),
    start: mention.start,
    end: mention.end,
  };
}

/** `力争`, `争取` or `努力` right before a second figure of the same indicator: the aspiration of a compound target. */
const ASPIRATION_BETWEEN = /^[、，,\s]*(?:力争|争取|努力(?:实现)?|并力争|力争达到|争取达到)$/;

/**
 * `7%以上、力争8%`: the second figure is the first target's stretch, not a target of its own. Targets must be in text
 * order.
 */
export function foldStretches(text: string, targets: TTarget[]): TTarget[] {
  const kept: TTarget[] = [];
  for (const target of targets) {
    const previous = kept[kept.length - 1];
    if (
      previous &&
      previous.measure === target.measure &&
      previous.unit === target.unit &&
      previous.value !== null &&
      target.value !== null &&
      target.start >= previous.end - 1 &&
      ASPIRATION_BETWEEN.test(text.slice(previous.end, textFigureStart(text, target)))
    ) {
      previous.stretch = target.value;
      previous.end = Math.max(previous.end, target.end);
      previous.text = text.slice(previous.start, previous.end);
      continue;
    }
    kept.push(target);
  }
  return kept;
}

/** Where a target's figure begins (its evidence may start with the aspiration word). */
function textFigureStart(text: string, target: TTarget): number {
  const digit = text.slice(target.start, target.end).search(/\d/);
  return digit < 0 ? target.start : target.start + digit;
}

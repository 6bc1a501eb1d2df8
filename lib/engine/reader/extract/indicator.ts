/**
 * From the words before (or around) a number to an indicator's name: drop quotation marks, asides, examples
 * (`云霄路等`), hedges and the verb of change, then let the lexicon give the canonical name and polarity.
 */
import { lexiconEntry, resolveIndicator } from "@/lib/engine/indicators";
import type { TMeasure, TPolarity } from "@/lib/schemas/extraction";
import { GROWTH_VERB, LEADING_FILLERS, leadingVerb, TARGET_SETTING_WORDS, TRAILING_FILLERS } from "./vocabulary";

export interface NamedIndicator {
  name: string;
  polarity: TPolarity;
}

const QUOTE_MARKS = /[“”"‘’《》「」]/g;
const ASIDE = /[（(][^（()）]{0,16}[）)]/g;
/** Names longer than this carry a clause's worth of context: only their end is kept. */
const MAX_NAME_LENGTH = 24;

/** Drop a list of examples (`展诚科技等头部企业` → `头部企业`), keeping the verb that opens the phrase. */
function dropExamples(phrase: string): string {
  const lastEtc = phrase.lastIndexOf("等");
  if (lastEtc < 0 || phrase.startsWith("等", lastEtc + 1)) return phrase;
  const verb = leadingVerb(phrase) ?? "";
  return `${verb}${phrase.slice(lastEtc + 1)}`;
}

function stripRepeatedly(phrase: string, pattern: RegExp): string {
  let rest = phrase;
  for (;;) {
    const stripped = rest.replace(pattern, "");
    if (stripped === rest || stripped.length < 2) return rest;
    rest = stripped;
  }
}

/** The cleaned phrase an indicator is named from (before the lexicon). */
export function cleanSubject(subject: string, measure: TMeasure): string {
  let phrase = subject
    .replace(QUOTE_MARKS, "")
    .replace(ASIDE, "")
    .replace(/[\s,，、:：]+$/g, "")
    .replace(/^[\s,，、和及与并]+/, "");
  phrase = dropExamples(phrase);
  phrase = stripRepeatedly(phrase, TRAILING_FILLERS);
  if (measure === "growth" || measure === "share") {
    // `预期增长目标拟定`: target words and the verb of change interleave; neither is part of the name. A name the
    // lexicon knows stops it (`经济增长预期目标` is GDP; without `增长` it would be `经济`).
    for (let before = ""; before !== phrase && !lexiconEntry(phrase); ) {
      before = phrase;
      phrase = stripRepeatedly(stripRepeatedly(phrase, TARGET_SETTING_WORDS), GROWTH_VERB);
    }
  }
  phrase = stripRepeatedly(phrase, TRAILING_FILLERS);
  phrase = stripRepeatedly(phrase, LEADING_FILLERS);
  if (phrase.length > MAX_NAME_LENGTH) phrase = phrase.slice(-MAX_NAME_LENGTH);
  return phrase;
}

/** Whether a cleaned name says anything (not just `增长`, a lone verb or punctuation). */
export function isMeaningfulName(name: string): boolean {
  return name.length >= 2 && !/^[\d.%]+$/.test(name);
}

/**
 * Name and polarity. A reduction stated as its size (`能耗降低3%`) is higher-better whatever the indicator; without
 * a lexicon entry, polarity comes from the resolver's markers.
 */
export function nameIndicator(subject: string, measure: TMeasure, reduction: boolean): NamedIndicator {
  const resolved = resolveIndicator(subject);
  const polarity: TPolarity = reduction && measure === "growth" ? "higher_better" : resolved.polarity;
  return { name: resolved.name, polarity };
}

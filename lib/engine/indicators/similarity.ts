/**
 * How alike two indicator names are, in [0, 1]. Names the lexicon knows compare by entry (same entry 1, different
 * entries 0: `城镇调查失业率` is not `城镇登记失业率` however alike they read). Other names compare by their
 * comparison forms (see `indicatorCore`): character-bigram Dice, or the share of characters when one name contains
 * the other (`海洋产业增加值` / `海洋产业`).
 */
import type { IndicatorEntry } from "./lexicon";
import { indicatorCore, lexiconEntry } from "./resolve";

/** A comparison form with its character bigrams, computed once. */
interface Form {
  text: string;
  /** Distinct bigrams of `text`. */
  grams: readonly string[];
  gramSet: ReadonlySet<string>;
}

export interface NameProfile {
  entry: IndicatorEntry | null;
  /** Comparison forms: the name's own, or for a known entry those of its name and every synonym. */
  forms: readonly Form[];
}

/** Shortest form compared by bigrams and containment; shorter ones (`企业`, `人才`) sit inside too many names. */
const MIN_COMPARED = 3;
/** Names repeat across a report and across reports; profiles are cached, with a bound for long-running servers. */
const PROFILE_CACHE_LIMIT = 20_000;
const profiles = new Map<string, NameProfile>();
const entryForms = new Map<IndicatorEntry, Form[]>();

function form(text: string): Form {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) grams.add(text.slice(i, i + 2));
  return { text, grams: [...grams], gramSet: grams };
}

function formsOfEntry(entry: IndicatorEntry): Form[] {
  let forms = entryForms.get(entry);
  if (!forms) {
    forms = [...new Set([entry.name, ...entry.synonyms].map(indicatorCore))].map(form);
    entryForms.set(entry, forms);
  }
  return forms;
}

/** The lexicon entry and comparison forms of a name (cached). */
export function nameProfile(name: string): NameProfile {
  let found = profiles.get(name);
  if (!found) {
    const entry = lexiconEntry(name);
    found = { entry, forms: entry ? formsOfEntry(entry) : [form(indicatorCore(name))] };
    if (profiles.size >= PROFILE_CACHE_LIMIT) profiles.clear();
    profiles.set(name, found);
  }
  return found;
}

function formSimilarity(a: Form, b: Form): number {
  if (a.text === b.text) return 1;
  // A two-character form (`企业`, `人才`) has a single bigram: sharing it says too little, only equality counts.
  if (a.text.length < MIN_COMPARED || b.text.length < MIN_COMPARED) return 0;
  const [shorter, longer] = a.text.length <= b.text.length ? [a.text, b.text] : [b.text, a.text];
  const containment = longer.includes(shorter) ? (2 * shorter.length) / (a.text.length + b.text.length) : 0;
  let shared = 0;
  for (const gram of a.grams) if (b.gramSet.has(gram)) shared++;
  return Math.max((2 * shared) / (a.grams.length + b.grams.length), containment);
}

/** Similarity of two comparison forms: bigram Dice, or the containment share when one holds the other. */
export function textSimilarity(a: string, b: string): number {
  return formSimilarity(form(a), form(b));
}

export function profileSimilarity(a: NameProfile, b: NameProfile): number {
  if (a.entry && b.entry) return a.entry === b.entry ? 1 : 0;
  let best = 0;
  for (const fa of a.forms) {
    for (const fb of b.forms) best = Math.max(best, formSimilarity(fa, fb));
  }
  return best;
}

export function indicatorSimilarity(a: string, b: string): number {
  return profileSimilarity(nameProfile(a), nameProfile(b));
}

/**
 * Keys under which a profile can meet another with a similarity above 0: its lexicon entry, its forms' bigrams
 * and (for one-character forms, which have no bigram) the form itself. Two profiles sharing no key are at 0.
 */
export function similarityKeys(profile: NameProfile): (string | IndicatorEntry)[] {
  const keys: (string | IndicatorEntry)[] = profile.entry ? [profile.entry] : [];
  for (const f of profile.forms) {
    if (f.grams.length === 0) keys.push(`=${f.text}`);
    else keys.push(...f.grams);
  }
  return keys;
}

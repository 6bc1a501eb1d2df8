/**
 * Scoring the reader on the hand-labelled web set (../shared/corpus/web, README "The labels"): the project's own
 * implementation of the figures that ../shared/tools/score-extraction prints, on the same labels and with the same
 * definitions, so that both give the same numbers. Each document is read in-process and turned into the JSON the CLI
 * prints (`toExtractOutput`), then:
 *
 * - code: every report read carries the labelled code (documents with `code` and `code_from_text`);
 * - years: a report has the labelled plan year and one the labelled review year (documents with `year_from_text`);
 * - an extracted item stands for a label of the same measure when their normalised texts overlap, or else when their
 *   indicators are equal and the numbers agree; pairing is one-to-one, best score first;
 * - borderline labels count neither way; ignore spans are not false positives; negatives must yield no target.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ReadError, readPath, toExtractOutput } from "@/lib/engine/reader";
import type { TExtractedReport, TOutcome, TTarget } from "@/lib/schemas/extraction";
import { CORPUS } from "@/tests/support/corpus";

export const WEB_SET = path.join(CORPUS, "web");
/** The traditional→simplified map the Python scorer uses (a subset of opencc's): the same map keeps the same numbers. */
export const T2S_FILE = path.resolve(CORPUS, "../tools/t2s.json");

// ── labels.json ───────────────────────────────────────────────────────────────────────────────────────────────────

const ZSpan = z.object({ text: z.string().min(1), start: z.number().int().nonnegative(), end: z.number().int() });
const ZTier = z.enum(["core", "borderline"]);
const ZMeasure = z.enum(["growth", "level", "share", "qualitative"]);

export const ZLabelTarget = ZSpan.extend({
  indicator: z.string(),
  measure: ZMeasure,
  qualifier: z.enum(["about", "at_least", "at_most", "range", "exact", "none"]),
  value: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
  polarity: z.enum(["higher_better", "lower_better", "neutral"]),
  headline: z.boolean(),
  tier: ZTier,
});
export type TLabelTarget = z.infer<typeof ZLabelTarget>;

export const ZLabelOutcome = ZSpan.extend({
  indicator: z.string(),
  measure: ZMeasure,
  value: z.number().nullable(),
  unit: z.string().nullable(),
  estimated: z.boolean(),
  tier: ZTier,
  /** A reduction (energy per unit of GDP, emissions): either sign of the value is accepted. */
  sign_free: z.boolean().optional(),
});
export type TLabelOutcome = z.infer<typeof ZLabelOutcome>;

/** A span where an extracted target is neither right nor wrong; `allow: "qualitative"` only excuses qualitative ones. */
export const ZIgnoreSpan = ZSpan.extend({ allow: z.string().optional() });

export const ZLabelDoc = z.object({
  jurisdiction: z.string(),
  code: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  code_from_text: z.boolean(),
  level: z.enum(["national", "province", "city", "county"]),
  plan_year: z.number().int().nullable(),
  review_year: z.number().int().nullable(),
  report_year: z.number().int().nullable(),
  year_from_text: z.boolean(),
  negative: z.boolean(),
  noise: z.array(z.string()),
  notes: z.string(),
  targets: z.array(ZLabelTarget),
  outcomes: z.array(ZLabelOutcome),
  ignore: z.array(ZIgnoreSpan),
});
export type TLabelDoc = z.infer<typeof ZLabelDoc>;

export const ZLabels = z.object({ docs: z.record(z.string().regex(/^\d{3}$/), ZLabelDoc) });
export type TLabels = z.infer<typeof ZLabels>;

export const ZT2S = z.record(z.string().length(1), z.string());
export type TT2S = z.infer<typeof ZT2S>;

export function loadLabels(set: string = WEB_SET): TLabels {
  return ZLabels.parse(JSON.parse(readFileSync(path.join(set, "labels.json"), "utf8")));
}

export function loadT2S(file: string = T2S_FILE): TT2S {
  return ZT2S.parse(JSON.parse(readFileSync(file, "utf8")));
}

export const docPath = (key: string, set: string = WEB_SET): string => path.join(set, "docs", `${key}.txt`);

// ── text normalisation ────────────────────────────────────────────────────────────────────────────────────────────

/** Converter pinyin after a character: `區(qū)`. */
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+ ?\)/g;
/** `[13]`, `〔1〕` (any decimal digits, as Python's `\d`). */
const FOOTNOTE = /\[\p{Nd}{1,3}\]|〔\p{Nd}{1,3}〕/gu;
const FULL_WIDTH = /[０-９％．]/g;
const DECIMAL_MARK = /(?<=\p{Nd})[。．](?=\p{Nd})/gu;
const ALNUM = /^[\p{L}\p{N}]$/u;

export type Norm = (text: string | null | undefined) => string;

const toHalfWidth = (text: string): string =>
  text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const simplify = (text: string, t2s: TT2S): string => Array.from(text, (c) => t2s[c] ?? c).join("");

/** Letters and digits of any script, `%‰.`, and the CJK unified ideographs survive; the rest is dropped. */
const isKept = (c: string): boolean => ALNUM.test(c) || "%‰.".includes(c) || (c >= "\u4e00" && c <= "\u9fff");

/** Normalise a span for comparison: pinyin, footnotes, full-width forms, traditional characters, case, and every
 * character but letters, digits and `%‰.` dropped. */
export function makeNorm(t2s: TT2S): Norm {
  const cache = new Map<string, string>();
  return (text) => {
    const input = text ?? "";
    let out = cache.get(input);
    if (out === undefined) {
      const simplified = simplify(toHalfWidth(input.replace(PINYIN, "").replace(FOOTNOTE, "")), t2s);
      const lowered = simplified.replace(DECIMAL_MARK, ".").replace(/\s+/gu, "").toLowerCase();
      out = Array.from(lowered).filter(isKept).join("");
      cache.set(input, out);
    }
    return out;
  };
}

// ── comparing texts, indicators, numbers ──────────────────────────────────────────────────────────────────────────

const charCount = (text: string): number => Array.from(text).length;

/** Length of the longest common substring (in characters). */
export function longestCommonRun(a: string, b: string): number {
  const xs = Array.from(a);
  const ys = Array.from(b);
  let best = 0;
  let prev = new Array<number>(ys.length + 1).fill(0);
  for (const x of xs) {
    const cur = new Array<number>(ys.length + 1).fill(0);
    ys.forEach((y, j) => {
      if (x === y) {
        cur[j + 1] = (prev[j] ?? 0) + 1;
        best = Math.max(best, cur[j + 1] ?? 0);
      }
    });
    prev = cur;
  }
  return best;
}

/** > 1 for containment (tighter is higher), (0, 1] for a long common run, 0 for unrelated texts. */
export function textOverlap(norm: Norm, first: string, second: string): number {
  const a = norm(first);
  const b = norm(second);
  if (!a || !b) return 0;
  const [short, long] = charCount(a) <= charCount(b) ? [a, b] : [b, a];
  const shortLength = charCount(short);
  const longLength = charCount(long);
  if (shortLength >= 3 && long.includes(short)) return shortLength / longLength + 1;
  const run = longestCommonRun(a, b);
  return run >= 5 && run >= 0.7 * shortLength ? run / longLength : 0;
}

const INDICATOR_PREFIX = /^(全区|全市|全县|全省|全旗|区属|本市|全国|全社会|我市|我县|我区)/;
const INDICATOR_SYNONYMS: Record<string, string> = {
  gdp: "地区生产总值",
  国内生产总值: "地区生产总值",
  生产总值: "地区生产总值",
};

export function normIndicator(norm: Norm, indicator: string | null | undefined): string {
  const bare = norm(indicator).replace(INDICATOR_PREFIX, "");
  return INDICATOR_SYNONYMS[bare] ?? bare;
}

export function normUnit(norm: Norm, unit: string | null | undefined): string | null {
  const u = norm(unit).replace("人民币", "").replace("千分之", "‰");
  if (u === "") return null;
  return u === "台套" ? "台(套)" : u;
}

/** The numbers of a label or an extracted item, as far as comparing them needs. */
export interface Figure {
  measure?: string | null;
  qualifier?: string | null;
  value: number | null;
  min?: number | null;
  max?: number | null;
  unit: string | null;
  sign_free?: boolean;
}

export function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return Math.abs(a - b) < 1e-6;
}

export function numbersAgree(gold: Figure, got: Figure): boolean {
  if (gold.qualifier === "range") return sameNumber(gold.min, got.min) && sameNumber(gold.max, got.max);
  if (gold.sign_free && gold.value != null && got.value != null) {
    return Math.abs(Math.abs(gold.value) - Math.abs(got.value)) < 1e-9;
  }
  return sameNumber(gold.value, got.value);
}

export const valueAgrees = (norm: Norm, gold: Figure, got: Figure): boolean =>
  numbersAgree(gold, got) && normUnit(norm, gold.unit) === normUnit(norm, got.unit);

const qualifierOf = (item: Figure): string => item.qualifier || "none";

// ── pairing ───────────────────────────────────────────────────────────────────────────────────────────────────────

export interface Item extends Figure {
  text: string;
  indicator: string;
}

/** How well `got` stands for `gold`, or null when it cannot: same measure, and overlapping texts or else equal
 * indicators with agreeing numbers; then agreeing numbers, unit and (targets) qualifier weigh in. */
export function pairScore(norm: Norm, gold: Item, got: Item, isTarget: boolean): number | null {
  if ((gold.measure || "") !== (got.measure || "")) return null;
  let overlap = textOverlap(norm, gold.text, got.text);
  if (overlap <= 0) {
    const indicator = normIndicator(norm, gold.indicator);
    const sameIndicator = indicator !== "" && indicator === normIndicator(norm, got.indicator);
    if (!(sameIndicator && gold.measure !== "qualitative" && numbersAgree(gold, got))) return null;
    overlap = 0.01;
  }
  let score = overlap;
  if (gold.measure !== "qualitative") {
    score += 4 * Number(numbersAgree(gold, got)) + Number(normUnit(norm, gold.unit) === normUnit(norm, got.unit));
    if (isTarget) score += 2 * Number(qualifierOf(gold) === qualifierOf(got));
  }
  return score;
}

/** One-to-one pairing, best score first (ties: earlier label, then earlier item). Returns gold index → item index. */
export function pairItems(norm: Norm, gold: Item[], got: Item[], isTarget: boolean): Map<number, number> {
  const candidates: { score: number; gi: number; ei: number }[] = [];
  gold.forEach((g, gi) => {
    got.forEach((e, ei) => {
      const score = pairScore(norm, g, e, isTarget);
      if (score !== null) candidates.push({ score, gi, ei });
    });
  });
  candidates.sort((x, y) => y.score - x.score);
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  for (const { gi, ei } of candidates) {
    if (pairs.has(gi) || taken.has(ei)) continue;
    pairs.set(gi, ei);
    taken.add(ei);
  }
  return pairs;
}

/** Overlap that only counts when the extracted text is about as local as the snippet (not a whole paragraph). */
export function localOverlap(norm: Norm, snippet: string, got: { text: string }): boolean {
  const n = charCount(norm(snippet));
  const m = charCount(norm(got.text));
  return m <= Math.max(2.5 * n, n + 20) && textOverlap(norm, snippet, got.text) > 0;
}

function isIgnored(norm: Norm, doc: TLabelDoc, got: TTarget): boolean {
  const qualitative = got.measure === "qualitative";
  return doc.ignore.some(
    (span) => !(span.allow === "qualitative" && !qualitative) && localOverlap(norm, span.text, got),
  );
}

// ── one document ──────────────────────────────────────────────────────────────────────────────────────────────────

export const COUNTERS = [
  "gold_t",
  "found_t",
  "num_t",
  "qual_ok",
  "val_ok",
  "extracted",
  "fp",
  "gold_o",
  "found_o",
  "oval_ok",
  "ext_o",
  "fp_o",
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

const zeroCounts = (): Counts => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;

/** A check that holds for some items: `[right, counted]`. */
export type Tally = [number, number];

export interface DocScore {
  key: string;
  groups: string[];
  read: boolean;
  counts: Counts;
  /** null when the document is left out of the figure. */
  codeOk: boolean | null;
  yearOk: boolean | null;
  negativeClean: boolean | null;
  polarity: Tally;
  headline: Tally;
  estimated: Tally;
  problems: string[];
}

function show(item: Figure): string {
  const value = item.qualifier === "range" ? `${item.min}-${item.max}` : `${item.value}`;
  return `${item.measure}/${item.qualifier ? `${item.qualifier}/` : ""}${value}${item.unit ?? ""}`;
}

const clip = (text: string, n: number): string => JSON.stringify(Array.from(text).slice(0, n).join(""));

export function yearsAgree(doc: TLabelDoc, reports: TExtractedReport[]): boolean {
  const { plan_year: plan, review_year: review } = doc;
  const planOk = plan === null || reports.some((r) => r.planYear === plan || (r.planYear === null && r.year === plan));
  const reviewOk =
    review === null ||
    reports.some((r) => r.reviewYear === review || (r.reviewYear === null && r.year !== null && r.year - 1 === review));
  return planOk && reviewOk;
}

function codeAgrees(doc: TLabelDoc, reports: TExtractedReport[]): boolean {
  const codes = new Set(reports.map((r) => r.code));
  return reports.length > 0 && codes.size === 1 && codes.has(doc.code);
}

function newScore(key: string, doc: TLabelDoc, reports: TExtractedReport[]): DocScore {
  const groups = ["all", `level:${doc.level}`, ...doc.noise.map((n) => `noise:${n}`)];
  if (reports.length > 0) groups.push("read");
  return {
    key,
    groups,
    read: reports.length > 0,
    counts: zeroCounts(),
    codeOk: null,
    yearOk: null,
    negativeClean: null,
    polarity: [0, 0],
    headline: [0, 0],
    estimated: [0, 0],
    problems: [],
  };
}

const tally = (t: Tally, ok: boolean): void => {
  t[0] += Number(ok);
  t[1] += 1;
};

/** A negative must give no target; outcomes read from it count as false outcomes but do not make it unclean. */
function scoreNegative(norm: Norm, doc: TLabelDoc, score: DocScore, targets: TTarget[], outcomes: TOutcome[]): void {
  score.negativeClean = targets.length === 0;
  const first = targets[0];
  if (first) score.problems.push(`negative: ${targets.length} target(s) extracted, e.g. ${clip(first.text, 24)}`);
  score.counts.fp += targets.length;
  score.counts.extracted += targets.length;
  const bogus = outcomes.filter((o) => !doc.outcomes.some((g) => localOverlap(norm, g.text, o)));
  score.counts.ext_o += bogus.length;
  score.counts.fp_o += bogus.length;
  if (bogus[0]) score.problems.push(`negative: ${bogus.length} outcome(s) read, e.g. ${clip(bogus[0].text, 24)}`);
}

function scoreIdentity(doc: TLabelDoc, score: DocScore, reports: TExtractedReport[]): void {
  if (doc.code && doc.code_from_text) {
    score.codeOk = codeAgrees(doc, reports);
    if (!score.codeOk) {
      const got = reports.map((r) => `${r.code} ${r.jurisdiction}`).join(", ") || "none";
      score.problems.push(`code: got ${got}, want ${doc.code} ${doc.jurisdiction}`);
    }
  }
  if (doc.year_from_text && (doc.plan_year || doc.review_year)) {
    score.yearOk = yearsAgree(doc, reports);
    if (!score.yearOk) {
      const got = reports.map((r) => `(${r.year}, plan ${r.planYear}, review ${r.reviewYear})`).join(" ");
      score.problems.push(`years: got ${got || "none"}, want plan ${doc.plan_year} review ${doc.review_year}`);
    }
  }
}

function scoreFoundTarget(norm: Norm, score: DocScore, gold: TLabelTarget, got: TTarget): void {
  score.counts.found_t += 1;
  tally(score.headline, got.headline === gold.headline);
  if (gold.measure === "qualitative") return;
  score.counts.num_t += 1;
  const qualifierOk = qualifierOf(gold) === qualifierOf(got);
  const valueOk = valueAgrees(norm, gold, got);
  score.counts.qual_ok += Number(qualifierOk);
  score.counts.val_ok += Number(valueOk);
  tally(score.polarity, got.polarity === gold.polarity);
  if (!(qualifierOk && valueOk)) {
    score.problems.push(`target ${clip(norm(gold.text), 24)}: got ${show(got)}, want ${show(gold)}`);
  }
}

/** Target recall over core labels; precision over extracted targets not excused (borderline, ignore spans). */
function scoreTargets(norm: Norm, doc: TLabelDoc, score: DocScore, targets: TTarget[]): void {
  const gold = doc.targets;
  const pairs = pairItems(norm, gold, targets, true);
  gold.forEach((g, gi) => {
    if (g.tier !== "core") return;
    score.counts.gold_t += 1;
    const got = targets[pairs.get(gi) ?? -1];
    if (got) scoreFoundTarget(norm, score, g, got);
    else score.problems.push(`target missed: ${clip(norm(g.text), 30)} [${show(g)}]`);
  });
  const paired = new Set(pairs.values());
  const onBorderline = new Set([...pairs].filter(([gi]) => gold[gi]?.tier !== "core").map(([, ei]) => ei));
  targets.forEach((e, ei) => {
    if (onBorderline.has(ei)) return;
    if (!paired.has(ei)) {
      const excused = isIgnored(norm, doc, e) || gold.some((g) => g.tier !== "core" && localOverlap(norm, g.text, e));
      if (excused) return;
      score.counts.fp += 1;
      score.problems.push(`not a target: ${clip(e.text, 30)} [${show(e)}]`);
    }
    score.counts.extracted += 1;
  });
}

/** Outcome recall and value over core labels; outcome precision over extracted outcomes not on borderline labels. */
function scoreOutcomes(norm: Norm, doc: TLabelDoc, score: DocScore, outcomes: TOutcome[]): void {
  const gold = doc.outcomes;
  const pairs = pairItems(norm, gold, outcomes, false);
  gold.forEach((g, gi) => {
    if (g.tier !== "core") return;
    score.counts.gold_o += 1;
    const got = outcomes[pairs.get(gi) ?? -1];
    if (!got) {
      score.problems.push(`outcome missed: ${clip(norm(g.text), 30)} [${show(g)}]`);
      return;
    }
    score.counts.found_o += 1;
    const valueOk = valueAgrees(norm, g, got);
    score.counts.oval_ok += Number(valueOk);
    tally(score.estimated, got.estimated === g.estimated);
    if (!valueOk) score.problems.push(`outcome ${clip(norm(g.text), 24)}: got ${show(got)}, want ${show(g)}`);
  });
  const tierOf = new Map([...pairs].map(([gi, ei]) => [ei, gold[gi]?.tier]));
  outcomes.forEach((e, ei) => {
    if (tierOf.get(ei) !== "core") {
      if (tierOf.has(ei) || gold.some((g) => g.tier !== "core" && localOverlap(norm, g.text, e))) return;
      if (doc.targets.some((g) => localOverlap(norm, g.text, e))) {
        score.problems.push(`target read as an outcome: ${clip(e.text, 30)}`);
      }
      score.counts.fp_o += 1;
    }
    score.counts.ext_o += 1;
  });
}

/** Score one document's extracted reports (the CLI's JSON shape) against its labels. */
export function scoreDocument(norm: Norm, key: string, doc: TLabelDoc, reports: TExtractedReport[]): DocScore {
  const score = newScore(key, doc, reports);
  const targets = reports.flatMap((r) => r.targets);
  const outcomes = reports.flatMap((r) => r.outcomes);
  if (doc.negative) {
    scoreNegative(norm, doc, score, targets, outcomes);
    return score;
  }
  if (!score.read) score.problems.push("no report read from this document");
  scoreIdentity(doc, score, reports);
  scoreTargets(norm, doc, score, targets);
  scoreOutcomes(norm, doc, score, outcomes);
  return score;
}

// ── reading ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** What `luoshi extract --json` prints for this file: its reports, or none when the reader refuses the file. */
export async function extractReports(file: string): Promise<TExtractedReport[]> {
  try {
    const output = toExtractOutput(await readPath(file, { onProblem: () => {} }));
    const mine = output.documents.find(
      (d) => path.resolve(d.file) === path.resolve(file) || d.file.endsWith(`${path.sep}${path.basename(file)}`),
    );
    return mine?.reports ?? [];
  } catch (error) {
    if (error instanceof ReadError) return [];
    throw error;
  }
}

// ── the whole set ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface Figures {
  code: number;
  year: number;
  recall: number;
  precision: number;
  qualifier: number;
  value: number;
  outcomeRecall: number;
  outcomeValue: number;
  outcomePrecision: number;
  negativesClean: number;
}

export interface SetScore {
  name: string;
  docs: DocScore[];
  groups: Map<string, Counts>;
  code: Tally;
  year: Tally;
  negatives: Tally;
  polarity: Tally;
  headline: Tally;
  estimated: Tally;
  figures: Figures;
}

export const rate = (right: number, of: number): number => (of ? right / of : 0);
const rateOf = ([right, of]: Tally): number => rate(right, of);

function sumTally(docs: DocScore[], pick: (d: DocScore) => boolean | null): Tally {
  const counted = docs.map(pick).filter((ok): ok is boolean => ok !== null);
  return [counted.filter(Boolean).length, counted.length];
}

function sumTallies(tallies: Tally[]): Tally {
  return tallies.reduce<Tally>(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
}

function groupCounts(docs: DocScore[]): Map<string, Counts> {
  const groups = new Map<string, Counts>();
  for (const doc of docs) {
    for (const name of doc.groups) {
      const counts = groups.get(name) ?? zeroCounts();
      for (const c of COUNTERS) counts[c] += doc.counts[c];
      groups.set(name, counts);
    }
  }
  return groups;
}

function figuresOf(all: Counts, code: Tally, year: Tally, negatives: Tally): Figures {
  const truePositives = all.extracted - all.fp;
  return {
    code: rateOf(code),
    year: rateOf(year),
    recall: rate(all.found_t, all.gold_t),
    precision: rate(truePositives, all.extracted),
    qualifier: rate(all.qual_ok, all.num_t),
    value: rate(all.val_ok, all.num_t),
    outcomeRecall: rate(all.found_o, all.gold_o),
    outcomeValue: rate(all.oval_ok, all.found_o),
    outcomePrecision: rate(all.ext_o - all.fp_o, all.ext_o),
    negativesClean: rateOf(negatives),
  };
}

export function summarise(name: string, docs: DocScore[]): SetScore {
  const groups = groupCounts(docs);
  const code = sumTally(docs, (d) => d.codeOk);
  const year = sumTally(docs, (d) => d.yearOk);
  const negatives = sumTally(docs, (d) => d.negativeClean);
  return {
    name,
    docs,
    groups,
    code,
    year,
    negatives,
    polarity: sumTallies(docs.map((d) => d.polarity)),
    headline: sumTallies(docs.map((d) => d.headline)),
    estimated: sumTallies(docs.map((d) => d.estimated)),
    figures: figuresOf(groups.get("all") ?? zeroCounts(), code, year, negatives),
  };
}

/** Read every labelled document of `set` in-process and score it. */
export async function scoreWebSet(set: string = WEB_SET): Promise<SetScore> {
  const labels = loadLabels(set);
  const norm = makeNorm(loadT2S());
  const docs: DocScore[] = [];
  for (const key of Object.keys(labels.docs).sort()) {
    const doc = labels.docs[key] as TLabelDoc;
    docs.push(scoreDocument(norm, key, doc, await extractReports(docPath(key, set))));
  }
  return summarise(path.basename(set), docs);
}

// ── printing, in the Python script's format ───────────────────────────────────────────────────────────────────────

/** `x` to 2 decimals as Python's `:.2f` (exact ties such as 0.125 go to the even digit, where toFixed goes up). */
export function fixed2(x: number): string {
  const eighths = x * 8;
  if (Number.isInteger(eighths) && eighths % 2 !== 0) {
    const hundredths = x * 100;
    const down = Math.floor(hundredths);
    return ((down % 2 === 0 ? down : down + 1) / 100).toFixed(2);
  }
  return x.toFixed(2);
}

const fmt = (right: number, of: number): string => (of ? fixed2(right / of) : "  – ");

/** `all` first, then the levels, then the rest (noise kinds, `read`), each by name. */
function groupOrder(a: string, b: string): number {
  const rank = (s: string): number => (s === "all" ? 0 : s.startsWith("level:") ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function breakdownLines(score: SetScore): string[] {
  const lines = ["breakdown (target recall / precision / value; outcome recall / value):"];
  for (const name of [...score.groups.keys()].sort(groupOrder)) {
    const a = score.groups.get(name) ?? zeroCounts();
    if (!(a.gold_t || a.gold_o || a.extracted)) continue;
    const tp = a.extracted - a.fp;
    lines.push(
      `  ${name.padEnd(22)} targets ${fmt(a.found_t, a.gold_t)} (${a.found_t}/${a.gold_t}) ` +
        `prec ${fmt(tp, a.extracted)} (${tp}/${a.extracted}) val ${fmt(a.val_ok, a.num_t)}; ` +
        `outcomes ${fmt(a.found_o, a.gold_o)} (${a.found_o}/${a.gold_o}) val ${fmt(a.oval_ok, a.found_o)}`,
    );
  }
  return lines;
}

export function readLine(score: SetScore): string {
  const unread = score.docs.filter((d) => !d.read).map((d) => d.key);
  return `documents read: ${score.docs.length - unread.length}/${score.docs.length}; no report from ${unread.join(" ") || "none"}`;
}

export function alsoLine(score: SetScore): string {
  const all = score.groups.get("all") ?? zeroCounts();
  const right = all.ext_o - all.fp_o;
  return (
    `also: outcome precision ${fixed2(score.figures.outcomePrecision)} (${right}/${all.ext_o}), ` +
    `polarity ${fixed2(rateOf(score.polarity))}, headline flag ${fixed2(rateOf(score.headline))}, ` +
    `outcome estimated flag ${fixed2(rateOf(score.estimated))}`
  );
}

/** The figures as the script's last line prints them. */
export function figuresLine(score: SetScore): string {
  const f = score.figures;
  const all = score.groups.get("all") ?? zeroCounts();
  return (
    `score-extraction ${score.name}: code ${score.code[0]}/${score.code[1]}, year ${score.year[0]}/${score.year[1]}, ` +
    `targets recall ${fixed2(f.recall)} (${all.found_t}/${all.gold_t}), precision ${fixed2(f.precision)}, ` +
    `qualifier ${fixed2(f.qualifier)}, value ${fixed2(f.value)}; outcomes recall ${fixed2(f.outcomeRecall)}, ` +
    `value ${fixed2(f.outcomeValue)}; negatives clean ${score.negatives[0]}/${score.negatives[1]}`
  );
}

export function problemLines(score: SetScore): string[] {
  return score.docs.flatMap((d) => d.problems.map((p) => `${d.key}: ${p}`));
}

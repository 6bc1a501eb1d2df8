/**
 * Outcomes of a review section: what was achieved in the review year, hedged (`预计`, `左右`, `约`) or not, and the
 * statements that say in words whether a target was reached (`物价调控目标没有完成`, `超过全年预期目标`).
 */
import type { TMeasure, TOutcome } from "@/lib/schemas/extraction";
import { cleanSubject, isMeaningfulName, nameIndicator } from "./indicator";
import { findMentions, type Mention, sentencesOf } from "./mentions";

/** Hedges that make a figure an estimate. */
const ESTIMATE = /预计|初步核算|估计/;
/** A multi-year total or average is not the review year's outcome (`五年来…`, `年均增长`). */
const CUMULATIVE = /历年|五年来|年均/;
/** A change measured from an earlier base year (`比2002年增长65.5%`) spans several years unless the base is last year. */
const BASE_YEAR = /比(\d{4})年/;

function isMultiYear(clause: string, year: number | null): boolean {
  if (CUMULATIVE.test(clause)) return true;
  const base = BASE_YEAR.exec(clause);
  return base !== null && year !== null && Number(base[1]) < year - 1;
}

type Stated = "met" | "missed";

/** Words saying a target was reached or not, and what they decide. */
const VERDICT_WORDS: { pattern: RegExp; stated: Stated }[] = [
  { pattern: /没有完成|未能完成|未完成|没有实现|未能实现|未实现|没有达到|未达到|低于预期/g, stated: "missed" },
  {
    pattern:
      /超过(?:全年)?预期目标|超额完成|完成(?:了)?全年(?:目标任务|目标|任务)|达到(?:了)?预期目标|实现(?:了)?(?:全年)?(?:主要)?预期目标|目标任务(?:全面|顺利|圆满|较好)?完成|好于预期|如期完成/g,
    stated: "met",
  },
];
/** `没有实现年初确定的…的目标`: the targets named after the verdict words. */
const TARGETS_AFTER_VERDICT = /^(?:年初确定的|既定的|预期的)?([^，,；;。]{2,60}?)的?(?:预期)?目标/;
/** Words closing a subject named before the verdict: `物价调控目标`, `主要目标任务`. */
const SUBJECT_TRAILER =
  /(?:的)?(?:规划确定的)?(?:主要)?(?:年度|全年)?(?:预期)?(?:增长)?(?:调控)?(?:目标任务|目标|任务)?$/;
/** Where the predicate of a clause before a verdict begins (`进出口总额出现下降`). */
const CLAUSE_PREDICATE = /出现|下降|增长|减少|提高|有所|继续/;
const LEADING_SCOPE = /^(?:去年|上年|我国|全国|全省|全市|全区)+/;
/** A restated target names its figure then its measure word; the subject is what precedes the figure. */
const FIGURE_START = /(?:增长|下降|降低|减少|提高|控制在|涨幅)?[\d.]/;

interface Verdict {
  stated: Stated;
  start: number;
  end: number;
}

function verdictsIn(sentence: string): Verdict[] {
  const found: Verdict[] = [];
  for (const { pattern, stated } of VERDICT_WORDS) {
    for (const m of sentence.matchAll(pattern)) found.push({ stated, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

const CLAUSE_END = /[，,；;：:]/;

function clauseStart(sentence: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (CLAUSE_END.test(sentence[i] as string)) return i + 1;
  return 0;
}

/** The `；`-part of a sentence around `index`: a verdict speaks only of figures in its own part. */
function partOf(sentence: string, index: number): { start: number; end: number } {
  const start = Math.max(sentence.lastIndexOf("；", index - 1), sentence.lastIndexOf(";", index - 1)) + 1;
  const ends = [sentence.indexOf("；", index), sentence.indexOf(";", index)].filter((i) => i >= 0);
  return { start, end: ends.length > 0 ? Math.min(...ends) : sentence.length };
}

function outcome(
  fields: { indicator: string; measure: TMeasure; polarity: TOutcome["polarity"] },
  text: string,
  span: { start: number; end: number },
  rest: Pick<TOutcome, "value" | "min" | "max" | "unit" | "estimated" | "year" | "stated">,
): TOutcome {
  return {
    indicator: fields.indicator,
    measure: fields.measure,
    value: rest.value,
    min: rest.min,
    max: rest.max,
    unit: rest.unit,
    polarity: fields.polarity,
    estimated: rest.estimated,
    year: rest.year,
    stated: rest.stated,
    text: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
  };
}

function qualitative(
  subject: string,
  stated: Stated,
  year: number | null,
  text: string,
  span: { start: number; end: number },
): TOutcome | null {
  const name = cleanSubject(subject, "qualitative");
  if (!isMeaningfulName(name)) return null;
  const fields = {
    indicator: nameIndicator(name, "qualitative", false).name,
    measure: "qualitative" as const,
    polarity: "higher_better" as const,
  };
  return outcome(fields, text, span, { value: null, min: null, max: null, unit: null, estimated: false, year, stated });
}

export function extractOutcomes(text: string, from: number, to: number, year: number | null): TOutcome[] {
  const outcomes: TOutcome[] = [];
  const bySentence = new Map<number, Mention[]>();
  for (const m of findMentions(text, from, to))
    bySentence.set(m.sentence.start, [...(bySentence.get(m.sentence.start) ?? []), m]);
  for (const sentence of sentencesOf(text, from, to)) {
    const s = text.slice(sentence.start, sentence.end);
    const inSentence = bySentence.get(sentence.start) ?? [];
    const verdicts = verdictsIn(s);
    const restated = new Set<Mention>();
    const judged = new Map<Mention, Stated>();

    for (const verdict of verdicts) {
      const part = partOf(s, verdict.start);
      const after = TARGETS_AFTER_VERDICT.exec(s.slice(verdict.end));
      if (verdict.stated === "missed" && after?.[1]) {
        // `没有实现年初确定的…能耗降低4%左右、…的目标`: the figures are the targets, not outcomes.
        const listStart = sentence.start + verdict.end + after[0].indexOf(after[1]);
        for (const m of inSentence)
          if (m.quantity.start >= listStart && m.quantity.end <= listStart + after[1].length) restated.add(m);
        let itemStart = listStart;
        for (const item of after[1].split("、")) {
          const figureAt = item.search(FIGURE_START);
          const subject = figureAt > 0 ? item.slice(0, figureAt) : item;
          const found = qualitative(subject, verdict.stated, year, text, {
            start: itemStart,
            end: itemStart + item.length,
          });
          if (found) outcomes.push(found);
          itemStart += item.length + 1;
        }
        continue;
      }
      // The figure this verdict speaks of: the last one before it in its part (`城镇新增就业1312万人，超过…`).
      const figure = [...inSentence]
        .reverse()
        .find(
          (m) => m.quantity.end - sentence.start <= verdict.start && m.quantity.start - sentence.start >= part.start,
        );
      if (figure) {
        judged.set(figure, verdict.stated);
        continue;
      }
      // No figure: the words before the verdict name what was (not) reached, `、` separating several.
      const start = clauseStart(s, verdict.start);
      let subject = s.slice(start, verdict.start).replace(SUBJECT_TRAILER, "");
      if (subject === "" && start > 0) {
        // `…总额出现下降，预期增长目标未能实现`: the clause before names it.
        const previous = s.slice(clauseStart(s, start - 1), start - 1).replace(LEADING_SCOPE, "");
        const predicate = previous.search(CLAUSE_PREDICATE);
        subject = predicate > 0 ? previous.slice(0, predicate) : previous;
      }
      const span = { start: sentence.start + start, end: sentence.start + verdict.end };
      for (const item of subject.split("、")) {
        const found = qualitative(item.replace(SUBJECT_TRAILER, ""), verdict.stated, year, text, span);
        if (found) outcomes.push(found);
      }
    }

    for (const mention of inSentence) {
      if (restated.has(mention)) continue;
      const clause = s.slice(
        clauseStart(s, mention.quantity.start - sentence.start),
        mention.quantity.start - sentence.start,
      );
      if (isMultiYear(clause, year)) continue;
      const subject = cleanSubject(mention.subject, mention.measure);
      if (!isMeaningfulName(subject)) continue;
      const { name, polarity } = nameIndicator(subject, mention.measure, mention.reduction);
      const q = mention.quantity;
      const estimated = ESTIMATE.test(s.slice(0, q.start - sentence.start)) || q.qualifier === "about";
      outcomes.push(
        outcome({ indicator: name, measure: mention.measure, polarity }, text, mention, {
          value: q.value,
          min: q.min,
          max: q.max,
          unit: q.unit,
          estimated,
          year,
          stated: judged.get(mention) ?? null,
        }),
      );
    }
  }
  return outcomes.sort((a, b) => a.start - b.start);
}

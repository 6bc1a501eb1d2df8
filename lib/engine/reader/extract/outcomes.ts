/**
 * Outcomes of a review section: what was achieved in the review year, hedged (`预计`, `左右`, `约`) or not, and the
 * statements that say in words whether a target was reached (`物价调控目标没有完成`, `超过全年预期目标`).
 */
import type { TMeasure, TOutcome } from "@/lib/schemas/extraction";
import type { Explanation } from "../explain";
import { clauseStart as boundedClauseStart } from "./context";
import { PART_OF_YEAR, yearsNamedAt } from "./dating";
import { cleanSubject, isMeaningfulName, nameIndicator } from "./indicator";
import { findMentions, type Mention, sentencesOf } from "./mentions";

/** Hedges that make a figure an estimate (a `预计` covers every figure after it until the sentence ends). */
const ESTIMATE = /预计|预测|初步核算|估计/;
/** A multi-year total or average is not the review year's outcome (`五年来…`, `年均增长`, `累计减贫`). */
const CUMULATIVE = /历年|(?:五|四|三|十)年来|年均|(?:五|四|三|十)年(?:累计|共|新增)/;
/** A change measured from an earlier base year (`比2002年增长65.5%`) spans several years unless the base is last year. */
const BASE_YEAR = /(?:比|较|是|相当于)(\d{4})年/;
/** A clause about part of a year (`一季度`, `1-11月`, `上半年`, `6月末`): not the year's outcome. */
const PART_OF_YEAR_CLAUSE = new RegExp(`${PART_OF_YEAR.source}|(?<!\\d{4}年)\\d{1,2}月份?(?:以来|末|底)?[，,]?$`);
/** The level reached at the end of a period (`由1.24万亿元提高到1.95万亿元`): an outcome of its last year. */
const END_LEVEL = /(?:提高|增加|增长|扩大|提升|上升|跃升|达)(?:到|至)$/;
/** Words that put a figure of a multi-year review in last year alone (`去年…`, `比上年上涨4.8%`). */
const ONE_YEAR = /去年|上年|过去一年|刚刚过去的一年|一年来/;
/** Statements that commit rather than report (`今年要…`, `力争…`): no outcome in them, unless they also report. */
const COMMITS =
  /(?:今年|明年)[^。]{0,12}?(?:要|将|力争|确保|争取|计划)|(?:要|将)(?:继续|进一步|大力|着力|加快|全面|确保|努力)|力争|确保|争取|预期目标|目标(?:是|为)|计划(?:实现|完成|新增|建成)/;
const REPORTS =
  /预计|完成|实现了|(?:低于|高于|超过|超出|好于|实现|达到)(?:了)?(?:年初)?预期|同比|比上年|较上年|去年|上年|过去一年|取得|达到了|增长了|初步核算|全年/;
/** Indicators that governments set as reductions: their outcomes, like their targets, state the size of the cut. */
const SET_AS_REDUCTION =
  /能耗|水耗|用水量|排放|化学需氧量|二氧化硫|二氧化碳|氨氮|氮氧化物|碳强度|事故|死亡|亡人|下降率|问题|投诉|案件|警情|犯罪|发案|隐患|污染/;

/** A stretch of review text; `period` is set when it is a multi-year review's passage. */
export interface ReviewStretch {
  start: number;
  end: number;
  period: [number, number] | null;
}

/** The year or period a figure reports on, or why it reports on neither the review year nor a period. */
type Dating = { year: number | null; period: [number, number] | null } | { rejected: string };

/** What a sentence says of its time, read once for all its figures (a sentence may hold thousands). */
interface SentenceTime {
  years: { year: number; at: number }[];
  /** Where `去年`, `比上年`… first put the sentence in last year, or Infinity. */
  oneYearAt: number;
  /** Where a hedge (`预计`) first stands, or Infinity: it covers every figure after it. */
  estimateAt: number;
}

/** The last year named before `at` (the list is in text order): a binary search. */
function lastYearBefore(years: { year: number; at: number }[], at: number): number | null {
  let low = 0;
  let high = years.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((years[middle] as { at: number }).at < at) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? (years[low - 1] as { year: number }).year : null;
}

function firstIndex(sentence: string, pattern: RegExp): number {
  const at = sentence.search(pattern);
  return at < 0 ? Number.POSITIVE_INFINITY : at;
}

function sentenceTime(sentence: string): SentenceTime {
  return {
    years: yearsNamedAt(sentence),
    oneYearAt: firstIndex(sentence, ONE_YEAR),
    estimateAt: firstIndex(sentence, ESTIMATE),
  };
}

function dateFigure(time: SentenceTime, at: number, clause: string, year: number | null, zone: ReviewStretch): Dating {
  if (PART_OF_YEAR_CLAUSE.test(clause)) return { rejected: "a figure of part of the year (a quarter, a half, months)" };
  const named = lastYearBefore(time.years, at);
  if (named !== null && year !== null && named !== year) return { rejected: `a figure of ${named}, not of ${year}` };
  const base = BASE_YEAR.exec(clause);
  const baseYear = base ? Number(base[1]) : null;
  if (CUMULATIVE.test(clause) || (baseYear !== null && year !== null && baseYear < year - 1)) {
    if (zone.period) return { year: null, period: zone.period };
    if (baseYear !== null && year !== null) return { year: null, period: [baseYear + 1, year] };
    return { rejected: "a multi-year total or average whose period is not told" };
  }
  const oneYear = time.oneYearAt < at;
  if (zone.period && named === null && !oneYear && !END_LEVEL.test(clause.replace(/(?:约|近|超过|突破)$/, ""))) {
    return { year: null, period: zone.period };
  }
  return { year, period: null };
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

/** Every verdict phrase holds one of these words: sentences without them (most) are not searched further. */
const VERDICT_WORD = /完成|实现|达到|预期/;

function verdictsIn(sentence: string): Verdict[] {
  const found: Verdict[] = [];
  if (!VERDICT_WORD.test(sentence)) return found;
  for (const { pattern, stated } of VERDICT_WORDS) {
    for (const m of sentence.matchAll(pattern)) found.push({ stated, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function clauseStart(sentence: string, index: number): number {
  return boundedClauseStart(sentence, index, 0);
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

/**
 * A review clause that restates how a qualitative target went, without a figure (`国际收支基本平衡`,
 * `生态环境质量持续改善`; `国际收支不平衡矛盾加剧`): the subject, then a predicate of the state reached. The plans'
 * qualitative items are written the same way, so the matcher can pair them.
 */
const STATE_REACHED =
  /^([\u4e00-\u9fff]{2,16}?)(?:保持|继续|持续|进一步|明显|稳定|基本|稳步|稳中|有新|有所|总体|趋于|趋向)*(?:基本平衡|平衡|改善|增强|稳定|下降|同步|向好|提质|好于预期)$/;
const STATE_MISSED = /^([\u4e00-\u9fff]{2,16}?)(?:不平衡矛盾|矛盾|压力)?(?:进一步|继续|有所)?(?:加剧|恶化|扩大|下滑)$/;
/** Subjects a state can be told of: what plans set as qualitative targets, not any noun (`作风`, `我们`). */
const STATE_SUBJECT = /国际收支|生态环境|环境质量|污染物|排放|杠杆率|协调性|居民收入|物价|进出口|外贸|外资|结构|能耗/;

function statedState(clause: string): { subject: string; stated: Stated } | null {
  const missed = STATE_MISSED.exec(clause);
  const reached = missed ? null : STATE_REACHED.exec(clause);
  const match = missed ?? reached;
  if (!match?.[1] || !STATE_SUBJECT.test(match[1])) return null;
  return { subject: match[1], stated: missed ? "missed" : "met" };
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

/** Outcomes of the review stretch `zone`, for the review year `year` (null when unknown). */
export function extractOutcomes(
  text: string,
  zone: ReviewStretch,
  year: number | null,
  trace?: Explanation,
): TOutcome[] {
  const { start: from, end: to } = zone;
  const outcomes: TOutcome[] = [];
  const bySentence = new Map<number, Mention[]>();
  for (const m of findMentions(text, from, to, trace)) {
    const list = bySentence.get(m.sentence.start);
    if (list) list.push(m);
    else bySentence.set(m.sentence.start, [m]);
  }
  for (const sentence of sentencesOf(text, from, to)) {
    const s = text.slice(sentence.start, sentence.end);
    const inSentence = bySentence.get(sentence.start) ?? [];
    const verdicts = verdictsIn(s);
    const restated = new Set<Mention>();
    const judged = new Map<Mention, Stated>();

    if (inSentence.length === 0 && STATE_SUBJECT.test(s) && !/\d/.test(s)) {
      // Clauses without a figure that restate a qualitative target's state.
      let clauseFrom = 0;
      for (const clause of s.split(/[，,；;。]/)) {
        const found = statedState(clause.trim().replace(/^[—－\-·•●]+/, ""));
        const at = sentence.start + clauseFrom + (clause.length - clause.trimStart().length);
        clauseFrom += clause.length + 1;
        if (!found) continue;
        const span = { start: at, end: at + clause.trim().length };
        const restated = qualitative(found.subject, found.stated, year, text, span);
        if (restated) outcomes.push(restated);
      }
    }
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

    const commits = COMMITS.test(s) && !REPORTS.test(s);
    let time: SentenceTime | null = null;
    for (const mention of inSentence) {
      if (restated.has(mention) || commits) {
        const why = commits ? "its sentence commits (`力争`, `确保`, `今年要…`)" : "a target named in a verdict";
        trace?.note(mention.quantity, "outcome", "dropped", why);
        continue;
      }
      const at = mention.quantity.start - sentence.start;
      const clause = s.slice(clauseStart(s, at), at);
      time ??= sentenceTime(s);
      const dating = dateFigure(time, at, clause, year, zone);
      if ("rejected" in dating) {
        trace?.note(mention.quantity, "outcome", "dropped", dating.rejected);
        continue;
      }
      const subject = cleanSubject(mention.subject, mention.measure);
      if (!isMeaningfulName(subject)) {
        trace?.note(mention.quantity, "outcome", "dropped", "no subject names what it measures");
        continue;
      }
      const { name, polarity } = nameIndicator(subject, mention.measure, mention.reduction);
      const q = mention.quantity;
      const estimated = time.estimateAt < at || q.qualifier === "about";
      // A decline is a negative growth, except for what governments set as reductions (`能耗下降3.5%` → 3.5).
      const negative = mention.measure === "growth" && mention.reduction && !SET_AS_REDUCTION.test(`${subject}${name}`);
      const flip = (v: number | null) => (v !== null && negative ? -v : v);
      const found = outcome({ indicator: name, measure: mention.measure, polarity }, text, mention, {
        value: flip(q.value),
        min: negative ? flip(q.max) : q.min,
        max: negative ? flip(q.min) : q.max,
        unit: q.unit,
        estimated,
        year: dating.year,
        stated: judged.get(mention) ?? null,
      });
      if (dating.period) found.period = dating.period;
      trace?.note(
        mention.quantity,
        "outcome",
        "kept",
        dating.period
          ? `a figure of the period ${dating.period[0]}–${dating.period[1]} (${name})`
          : `an outcome of ${year ?? "the review year"} (${name})`,
      );
      outcomes.push(found);
    }
  }
  return outcomes.sort((a, b) => a.start - b.start);
}

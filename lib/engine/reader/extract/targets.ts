/**
 * Targets of a report: the headline items of its 主要预期目标 lists (numeric or qualitative, see headline.ts) and
 * the quantified commitments of its plan parts. History told inside a plan (`30年来…`, `从6家增长到131家`) and
 * restatements of the headline targets (`经济增长预期目标为5%左右，既是…`) are not targets.
 */
import type { TTarget } from "@/lib/schemas/extraction";
import type { Explanation } from "../explain";
import { clauseStart, Paragraphs, textAfter, textBefore } from "./context";
import { PART_OF_YEAR, yearsNamed } from "./dating";
import { type HeadlineList, headlineTargets, opensPlan } from "./headline";
import { findMentions, type Mention } from "./mentions";
import { foldStretches, mentionTarget } from "./target-of";

/** A paragraph opening with a span of years (`30年来`, `四十年…`) tells history; so does one counted from a founding. */
const HISTORY_PARAGRAPH =
  /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})年(?!度|内|底|末|初|中|前|后|[，,])|\d+年来[，,]我们/;
const HISTORY_SENTENCE =
  /年来|以来|之初|先后|已经|已(?:达|有|超过|突破)|如今|历届|建(?:区|市|县|省|州)(?:时|之初|以来)|从[^，,。]{0,16}(?:增长|增加|提高|扩展|发展|扩大)到|(?:完成|实现|突破|达到|超过|建成|办成|解决|取得|增长|提高|增加|形成|培育|引进)了/;
/** A sentence that reports rather than commits: last year's figures quoted inside a plan or a news item. */
const REPORTING_SENTENCE =
  /初步预计|初步核算|据统计|同比|(?<!比)去年|(?<![比较])上年|过去一年|刚刚过去|一年来|实现了|完成了|取得了|增长了|达到了/;
/** A paragraph on part of a year (`2022年一季度，…`): its figures are results so far, not targets. */
const PART_OF_YEAR_OPENING = new RegExp(`^(?:\\d{4}年)?(?:${PART_OF_YEAR.source})`);
/** Sentences explaining the headline targets restate them. */
const RESTATEMENT = /预期目标|目标定在|目标设定|着重说明|提出上述/;

/** Whether mentions lie in history, judged once per sentence and paragraph (a page may run a section on one line). */
function historyJudge(text: string, paragraphs: Paragraphs): (mention: Mention) => boolean {
  const judgedParagraphs = new Map<number, boolean>();
  const sentences = new Map<number, boolean>();
  return (mention) => {
    let sentence = sentences.get(mention.sentence.start);
    if (sentence === undefined) {
      sentence = HISTORY_SENTENCE.test(text.slice(mention.sentence.start, mention.sentence.end));
      sentences.set(mention.sentence.start, sentence);
    }
    if (sentence) return true;
    const start = paragraphs.startOf(mention.start);
    let paragraph = judgedParagraphs.get(start);
    if (paragraph === undefined) {
      // The history cues open a paragraph: its beginning is enough.
      paragraph = HISTORY_PARAGRAPH.test(textAfter(text, start));
      judgedParagraphs.set(start, paragraph);
    }
    return paragraph;
  };
}

function sameTarget(a: TTarget, b: TTarget): boolean {
  return (
    a.indicator === b.indicator &&
    a.measure === b.measure &&
    a.value === b.value &&
    a.min === b.min &&
    a.unit === b.unit
  );
}

/** A sentence about another year than the plan's (`2022年郑州…`, `到2025年…`) sets no target for it. */
function namesAnotherYear(sentence: string, planYear: number | null): boolean {
  if (planYear === null) return false;
  return yearsNamed(sentence).some((year) => year !== planYear);
}

interface Span {
  start: number;
  end: number;
}

/** Words in a figure's own clause by which it is committed to (`经济增长预期7%左右`, `力争…`, `目标定在6.5%以上`). */
const CLAUSE_COMMITMENT =
  /力争|确保|(?<!控制在|低于|高于|超过|实现|完成|好于|达到|超出)预期(?:目标)?(?:为|是|定为|定在|确定为)?|目标(?:为|是|定为|定在|确定为|设定为)|挑战|计划(?:实现|完成|新增)|将(?:实现|达到|突破|增长)|要(?:实现|达到|确保|突破)/;
/** A sentence about the five-year plan's goals (`“十四五”时期…`, `到2025年`): not the year's targets. */
const PERIOD_GOAL =
  /十[一二三四五六七八九]?五|五年|期间|时期|今后|(?<![谈说提达做看想得受])到(?:\d{4}|[二〇零一三四五六七八九0]{4})年/;
/** The year a statement commits for, named before it in its paragraph (`今年，…`, `对于今年的…`). */
const THIS_YEAR = /今年|明年|本年度/;
/** Words by which a clause reports instead (`去年`, `预计`, `今年以来`, `上半年`). */
const REPORT_CUE =
  /去年|上年|过去|一年来|同比|预计|实现了|完成了|增长了|达到了|今年以来|季度|[上下]半年|\d{1,2}月(?:份|末|底|以来)?|提出的|(?:控制在|低于|高于|超过|实现|完成|好于|超出)(?:了)?(?:年初)?预期/;
/** A paragraph opening `今年：` commits for every figure in it (`今年：…力争到位国内省外资金5000亿元`). */
const THIS_YEAR_PARAGRAPH = /^(?:今年|\d{4}年)[:：]/;

/** Why a figure outside any plan part is not a stated target, or null when its statement commits to it. */
function statementRejection(
  text: string,
  mention: Mention,
  planYear: number | null,
  paragraphs: Paragraphs,
): string | null {
  const at = mention.quantity.start;
  const start = clauseStart(text, at, mention.sentence.start);
  const clause = text.slice(start, mention.quantity.end);
  const before = textBefore(text, mention.sentence.start, at);
  const paragraph = textBefore(text, paragraphs.startOf(mention.start), mention.start);
  if (REPORT_CUE.test(clause)) return "its clause reports (`去年`, `预计`, `今年以来`, a comparison with the plan)";
  if (namesAnotherYear(before, planYear)) return "its sentence names another year than the plan's";
  if (PERIOD_GOAL.test(paragraph)) return "its paragraph is about a five-year period";
  const clauseBefore = text.slice(start, at);
  const commits =
    CLAUSE_COMMITMENT.test(clauseBefore) || THIS_YEAR.test(paragraph) || THIS_YEAR_PARAGRAPH.test(paragraph);
  return commits ? null : "nothing commits to it (no `力争`, `预期`, `目标为`, no `今年` before it)";
}

/**
 * Targets stated one by one where a text has no plan part (a news item: `今年，南京市地区生产总值增长12%`,
 * `经济增长预期7%左右`): a figure whose own clause, or its sentence before it, commits and does not report.
 */
export function statementTargets(
  text: string,
  spans: Span[],
  skipped: Span[],
  planYear: number | null,
  trace?: Explanation,
): TTarget[] {
  const targets: TTarget[] = [];
  const paragraphs = new Paragraphs(text);
  for (const span of spans) {
    for (const mention of findMentions(text, span.start, span.end, trace)) {
      if (skipped.some((s) => mention.quantity.start >= s.start && mention.quantity.end <= s.end)) continue;
      const rejection = statementRejection(text, mention, planYear, paragraphs);
      const target = rejection
        ? null
        : mentionTarget(
            text,
            mention,
            /预期|目标/.test(textBefore(text, mention.sentence.start, mention.quantity.start)),
          );
      trace?.note(
        mention.quantity,
        "statement",
        target ? "kept" : "noted",
        target
          ? `a target stated in a news item (${target.indicator})`
          : `not a stated target: ${rejection ?? "no subject"}`,
      );
      if (target) targets.push(target);
    }
  }
  return foldStretches(text, targets);
}

interface BodyContext {
  lists: HeadlineList[];
  skipped: Span[];
  planYear: number | null;
  isHistory: (m: Mention) => boolean;
  paragraphs: Paragraphs;
  /** What each sentence says of itself, judged once per sentence (a sentence may hold thousands of figures). */
  sentences: Map<number, string | null>;
}

/** Why a sentence of a plan part sets no target, or null. */
function sentenceRejection(sentence: string, context: BodyContext): string | null {
  if (context.lists.length > 0 && RESTATEMENT.test(sentence)) return "its sentence restates or explains the targets";
  if (REPORTING_SENTENCE.test(sentence) || PART_OF_YEAR.test(sentence))
    return "its sentence reports (`同比`, `去年`, `一季度`…)";
  if (namesAnotherYear(sentence, context.planYear)) return "its sentence names another year than the plan's";
  return null;
}

/** Why a figure of a plan part is not a target, or null when it is a commitment for the plan year. */
function bodyRejection(text: string, mention: Mention, context: BodyContext): string | null {
  const inside = (q: Span, span: Span) => q.start >= span.start && q.end <= span.end;
  if (context.lists.some((list) => inside(mention.quantity, list))) return "read as an item of the headline list";
  if (context.skipped.some((passage) => inside(mention.quantity, passage)))
    return "in a passage that looks back on last year, or in another government's list";
  if (context.isHistory(mention)) return "its sentence or paragraph tells history (`年来`, `已经`, `…了`)";
  let judged = context.sentences.get(mention.sentence.start);
  if (judged === undefined) {
    judged = sentenceRejection(text.slice(mention.sentence.start, mention.sentence.end), context);
    context.sentences.set(mention.sentence.start, judged);
  }
  if (judged) return judged;
  const paragraphStart = context.paragraphs.startOf(mention.start);
  if (PART_OF_YEAR_OPENING.test(text.slice(paragraphStart, Math.min(mention.start, paragraphStart + 40))))
    return "its paragraph is about part of the year";
  return null;
}

/**
 * Targets of a report: the items of its headline lists, and the quantified commitments of its plan parts, leaving
 * out `skipped` passages (inside the plan, passages that report last year, and other governments' lists).
 */
export function extractTargets(
  text: string,
  lists: HeadlineList[],
  plans: Span[],
  skipped: Span[] = [],
  planYear: number | null = null,
  trace?: Explanation,
): TTarget[] {
  // A headline repeating one item of the list below it (`今年预期目标:地区生产总值增7.5%-8%`) adds no target.
  const byList = lists.map((list) => headlineTargets(text, list, trace));
  const headline = byList.flatMap((targets, i) =>
    targets.filter(
      (target) =>
        opensPlan(lists[i] as HeadlineList) ||
        !byList.some((other, j) => j !== i && other.some((o) => sameTarget(o, target))),
    ),
  );
  const body: TTarget[] = [];
  const paragraphs = new Paragraphs(text);
  const context: BodyContext = {
    lists,
    skipped,
    planYear,
    isHistory: historyJudge(text, paragraphs),
    paragraphs,
    sentences: new Map(),
  };
  for (const plan of plans) {
    for (const mention of findMentions(text, plan.start, plan.end, trace)) {
      const rejection = bodyRejection(text, mention, context);
      if (rejection) {
        if (!lists.some((list) => mention.quantity.start >= list.start && mention.quantity.end <= list.end))
          trace?.note(mention.quantity, "plan", "dropped", rejection);
        continue;
      }
      const target = mentionTarget(text, mention, false);
      if (!target || headline.some((h) => sameTarget(h, target))) {
        trace?.note(mention.quantity, "plan", "dropped", target ? "repeats a headline target" : "no subject names it");
        continue;
      }
      trace?.note(mention.quantity, "plan", "kept", `a commitment of the plan part (${target.indicator})`);
      body.push(target);
    }
  }
  return foldStretches(
    text,
    [...headline, ...body].sort((a, b) => a.start - b.start),
  );
}

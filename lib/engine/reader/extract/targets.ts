/**
 * Targets of a plan section: the headline items of the 主要预期目标 sentence (numeric or qualitative) and the body's
 * quantified commitments. History told inside a plan (`30年来…`, `从6家增长到131家`) and restatements of the
 * headline targets (`经济增长预期目标为5%左右，既是…`) are not targets.
 */
import type { TSection, TTarget } from "@/lib/schemas/extraction";
import { cleanSubject, isMeaningfulName, nameIndicator } from "./indicator";
import { findMentions, type Mention } from "./mentions";
import { HEADLINE_LEAD } from "./vocabulary";

/**
 * A following sentence of the same paragraph that continues the headline list: `同时，要在…取得新进展…` (2012), or
 * more figures (2016: `…同步。单位…能耗下降3.4%以上，…`) rather than their explanation.
 */
const CONTINUATION_START = /^同时[，,]/;
const EXPLANATION = /上述|说明|考虑|加强对|这里|体现|提出|为了|目的|实现这些/;
const ITEM_DELIMITER = /[；;，,]/;

/** Headline items that are conditions or caveats, not targets. */
const NOT_AN_ITEM = /^在|规划期|不纳入|统筹考核|留有适当弹性|加强对/;
/** Balance and stability of the economy are neither better high nor low. */
const NEUTRAL_ITEM = /(?<!不)平衡|杠杆率|物价总水平|价格总水平/;
/** Where the subject of a qualitative item ends and its predicate begins. */
const QUALITATIVE_PREDICATE =
  /(?:保持|基本|持续|进一步|继续|稳中|稳定|稳步|有效|有序|明显|不断|得到|取得|有所|逐步|回稳|促稳|保稳|量稳质升|稳提质|不平衡|状况|实际增长|增长(?:和|与)|(?:和|与)(?:经济|GDP|国内生产总值)|同步|改善|优化|提高|下降|减少|增强|平衡|防控|提质|向好)/;
const QUALITATIVE_LEADING_VERB =
  /^(?:要在|在|努力实现|全面完成|确保完成|完成|实现|重点控制|控制|推动|确保)(?:上级下达的|年度)?/;
/** `完成…目标任务`: the object of a completion verb names the target whole. */
const COMPLETION_ITEM = /^(?:全面完成|确保完成|完成)/;
const QUALITATIVE_TRAILING_NOUN = /(?:等)?(?:约束性指标(?:任务)?|目标任务|目标|任务|指标|方面)$/;

/** History inside a plan section: a retrospective paragraph or sentence. */
const HISTORY_PARAGRAPH = /^\d+年来|^\d+年(?:栉风沐雨|春华秋实)|\d+年来[，,]我们/;
const HISTORY_SENTENCE =
  /年来|以来|之初|先后|已经|已(?:达|有|超过|突破)|如今|历届|达到建区时|从[^，,。]{0,16}(?:增长|增加|提高|扩展|发展|扩大)到|(?:完成|实现|突破|达到|超过|建成|办成|解决|取得|增长|提高|增加|形成|培育|引进)了/;
/** Sentences explaining the headline targets restate them. */
const RESTATEMENT = /预期目标|目标定在|目标设定|着重说明|提出上述/;

interface HeadlineList {
  start: number;
  end: number;
}

/** The span of the headline list in a plan section, if the plan has one. */
function findHeadlineList(text: string, plan: TSection): HeadlineList | null {
  const pattern = new RegExp(HEADLINE_LEAD.source, "g");
  pattern.lastIndex = plan.start;
  const lead = pattern.exec(text);
  if (!lead || lead.index >= plan.end) return null;
  const start = lead.index + lead[0].length;
  let end = text.indexOf("。", start);
  if (end < 0 || end > plan.end) end = plan.end;
  for (;;) {
    const lineEnd = text.indexOf("\n", end);
    const next = text.indexOf("。", end + 1);
    if (next < 0 || next > plan.end || (lineEnd >= 0 && lineEnd < next)) break;
    const sentence = text.slice(end + 1, next);
    const continues = CONTINUATION_START.test(sentence) || (/\d%/.test(sentence) && !EXPLANATION.test(sentence));
    if (!continues) break;
    end = next;
  }
  return { start, end };
}

function qualitativeIndicator(item: string): string {
  let phrase = item.replace(QUALITATIVE_LEADING_VERB, "");
  const predicate = COMPLETION_ITEM.test(item) ? null : QUALITATIVE_PREDICATE.exec(phrase);
  if (predicate && predicate.index >= 2) phrase = phrase.slice(0, predicate.index);
  phrase = phrase.replace(QUALITATIVE_TRAILING_NOUN, "");
  return phrase.length >= 2 ? phrase : item;
}

function toTarget(text: string, mention: Mention, headline: boolean): TTarget | null {
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
    text: text.slice(mention.start, mention.end),
    start: mention.start,
    end: mention.end,
  };
}

function headlineTargets(text: string, list: HeadlineList): TTarget[] {
  const targets: TTarget[] = [];
  const numeric = findMentions(text, list.start, list.end);
  let itemStart = list.start;
  for (let i = list.start; i <= list.end; i++) {
    const ch = text[i] ?? "。";
    if (i < list.end && !ITEM_DELIMITER.test(ch) && ch !== "。" && ch !== "\n") continue;
    const raw = text.slice(itemStart, i);
    const lead = raw.length - raw.trimStart().length;
    const itemText = raw.trim();
    const start = itemStart + lead;
    const end = start + itemText.length;
    itemStart = i + 1;
    if (itemText.length < 3) continue;
    const inItem = numeric.filter((m) => m.quantity.start >= start && m.quantity.end <= end);
    if (inItem.length > 0) {
      for (const m of inItem) {
        const target = toTarget(text, m, true);
        if (target) targets.push(target);
      }
      continue;
    }
    if (NOT_AN_ITEM.test(itemText)) continue;
    const indicator = nameIndicator(qualitativeIndicator(itemText), "qualitative", false).name;
    targets.push({
      indicator,
      measure: "qualitative",
      qualifier: "none",
      value: null,
      min: null,
      max: null,
      unit: null,
      polarity: NEUTRAL_ITEM.test(itemText) ? "neutral" : "higher_better",
      headline: true,
      text: itemText,
      start,
      end,
    });
  }
  return targets;
}

/** Whether mentions lie in history, judged once per sentence and paragraph (a page may run a section on one line). */
function historyJudge(text: string): (mention: Mention) => boolean {
  const paragraphs = new Map<number, boolean>();
  const sentences = new Map<number, boolean>();
  return (mention) => {
    let sentence = sentences.get(mention.sentence.start);
    if (sentence === undefined) {
      sentence = HISTORY_SENTENCE.test(text.slice(mention.sentence.start, mention.sentence.end));
      sentences.set(mention.sentence.start, sentence);
    }
    if (sentence) return true;
    const start = text.lastIndexOf("\n", mention.start) + 1;
    let paragraph = paragraphs.get(start);
    if (paragraph === undefined) {
      const end = text.indexOf("\n", mention.start);
      paragraph = HISTORY_PARAGRAPH.test(text.slice(start, end < 0 ? text.length : end));
      paragraphs.set(start, paragraph);
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

/**
 * Targets of the plan section, leaving out `lookBacks`: passages inside the plan that report last year (their
 * figures are outcomes).
 */
export function extractTargets(
  text: string,
  plan: TSection,
  lookBacks: { start: number; end: number }[] = [],
): TTarget[] {
  const list = findHeadlineList(text, plan);
  const headline = list ? headlineTargets(text, list) : [];
  const body: TTarget[] = [];
  const isHistory = historyJudge(text);
  const inside = (q: { start: number; end: number }, span: { start: number; end: number }) =>
    q.start >= span.start && q.end <= span.end;
  for (const mention of findMentions(text, plan.start, plan.end)) {
    if (list && inside(mention.quantity, list)) continue;
    if (lookBacks.some((passage) => inside(mention.quantity, passage))) continue;
    if (isHistory(mention)) continue;
    const sentence = text.slice(mention.sentence.start, mention.sentence.end);
    if (list && RESTATEMENT.test(sentence)) continue;
    const target = toTarget(text, mention, false);
    if (!target || headline.some((h) => sameTarget(h, target))) continue;
    body.push(target);
  }
  return [...headline, ...body].sort((a, b) => a.start - b.start);
}

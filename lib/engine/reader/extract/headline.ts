/**
 * The headline targets: the items of the 主要预期目标 sentence, however it is worded and wherever it stands (the plan
 * part of a report, a news summary's paragraph, a heading line followed by one item per line). A list runs from its
 * cue through the sentences that read as items, across lines and paragraphs, and stops at the first sentence that
 * explains, restates or turns to the year's work.
 */
import type { TTarget } from "@/lib/schemas/extraction";
import type { Explanation } from "../explain";
import { nameIndicator } from "./indicator";
import { findMentions } from "./mentions";
import { mentionTarget } from "./target-of";

export interface HeadlineList {
  /** Offset of the cue (`主要预期目标是：`). */
  cue: number;
  /** The list itself, after the cue. */
  start: number;
  end: number;
  /** A year the cue names (`2016年主要预期目标是`), if any. */
  year: number | null;
}

/**
 * Cues that open a list, in the words reports and news items use: `主要预期目标是：`, `主要预期目标为：`, `预期目标：`,
 * `主要预期目标建议为…`, `主要预期目标——…`, `主要预期目标包括…`, `…发展的主要目标是：`, and a heading line `主要目标`.
 */
const LIST_CUE = new RegExp(
  [
    // `主要预期目标是：`, `主要预期目标建议为地区生产总值…`, `主要预期目标——…`, `主要预期目标包括…`
    "主要预期(?:目标|指标)(?:建议|确定|初步确定|拟定|安排)?(?:是|为|包括|如下)?(?:[ \\t]*[:：]|[ \\t]*——|[ \\t]*—|[ \\t]*\\n|(?=[\\u4e00-\\u9fffA-Za-z]))",
    // `预期目标：`, `预期目标是：`, a heading line `预期目标`
    "预期(?:目标|指标)(?:建议|确定)?(?:是|为|如下)?(?:[ \\t]*[:：]|[ \\t]*——|[ \\t]*\\n)",
    // `今年经济社会发展的主要目标是：`, `2013年工作的总体要求、主要目标…` is not one (no 是/为 before a colon)
    "(?:今年|\\d{4}年|发展|经济)[^。：:，,；;\\n]{0,16}?(?:主要目标|发展目标|主要指标)(?:是|为)(?:[ \\t]*[:：]|(?=[\\u4e00-\\u9fff]))",
    // a heading line `主要目标`
    "(?<=^|\\n)[ \\t]*主要(?:预期)?目标[ \\t]*\\n",
  ].join("|"),
  "g",
);
/** Words right before a cue that make it a review of targets (`完成了…确定的主要目标任务`) or another period's goals. */
const NOT_A_LIST_BEFORE =
  /(?:完成|实现|超过|超出|达到|确定的|年初|去年|上年|今后五年|五年|“?十[一二三四五六七八九]?五”?(?:时期|期间|规划)?|到\d{4}年|介绍|围绕|对照|按照|提出上述|实现今年|实现上述|调整|各年度视情提出)[^。；;]{0,24}$/;
/** What follows a cue that is not a list: the end of a sentence, or `任务` closing `主要目标任务`. */
const NOT_A_LIST_AFTER = /^(?:[。，,、；;]|任务|全面|提前|顺利|如期|圆满|基本|完成|实现|的|和|与|、)/;
/** Sentences that end a list: explanations, restatements, the year's work, a numbered part. */
const LIST_STOP =
  /^(?:为实现|为此|实现上述|实现今年|实现这些|上述|这些|这是|这里|主要考虑|综合考虑|考虑|提出上述|提出这些|我们|要|必须|今年要|今年将|今年政府|全年工作|围绕|做好|全面做好|着力|重点|同时要|各位代表|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十]|\d+[.、．])|(?:目标(?:定为|确定为|设定为|设定在|定在)|预期目标|是稳中求进|考虑了|主要考虑|总的考虑|兼顾了|通观全局|必须把握|原则|(?<![谈说提达做看想得受])到\d{4}年|十[一二三四五六七八九]?五”?(?:时期|期间|末)|今后五年)/;
/** A sentence of items: a figure of a target, or a short clause saying how something should go. */
const TARGET_FIGURE =
  /(?:增长|增速|增幅|涨幅|上涨|下降|降低|减少|提高|达到|控制在|保持在|稳定在|力争|以上|以内|左右)[^。；;]{0,12}?\d|\d[\d.]*(?:%|‰|个百分点|万人|亿元|万吨|亿斤|万亩|微克)/;
const QUALITATIVE_CLAUSE =
  /保持|同步|稳定|改善|平衡|持续|继续|基本|优化|完成[^。]{0,20}(?:目标|任务|指标)|下降|降低|提高|提升|增强|向好|提质|促稳|稳中|高于|快于|不低于/;
const MAX_LIST_LENGTH = 1600;
/** A list this long (two items at least) opens a plan part where no heading does; a headline restating one target
 * (`今年预期目标:地区生产总值增7.5%-8%`) opens nothing. */
const MIN_OPENING_LIST = 30;

export function opensPlan(list: HeadlineList): boolean {
  return list.end - list.start >= MIN_OPENING_LIST;
}
const MAX_QUALITATIVE_SENTENCE = 90;
/** Items of the list that are conditions, caveats or a preamble, not targets. */
const NOT_AN_ITEM =
  /规划期|不纳入|统筹考核|留有适当弹性|^(?:在实际工作中|实际工作中|在实际工作|努力争取|力争(?:取得)?更好|争取更好|力争好于|锚定|坚持|统筹|围绕|按照|综合考虑|规划期|不纳入|统筹考核|留有适当弹性|加强对|在[^，,。；;]{0,30}(?:基础上|前提下|情况下|条件下|过程中|工作中))|(?:更好(?:的)?结果|最好(?:的)?结果|更好成效)$/;
/** Where the subject of a qualitative item ends and its predicate begins. */
const QUALITATIVE_PREDICATE =
  /(?:保持|基本|持续|进一步|继续|稳中|稳定|稳步|有效|有序|明显|不断|得到|取得|有所|逐步|回稳|促稳|保稳|量稳质升|稳提质|不平衡|状况|实际增长|增长(?:和|与)|增速(?:和|与)|(?:和|与)(?:经济|GDP|国内生产总值)|同步|改善|优化|提高|下降|减少|增强|平衡|防控|提质|向好|高于|快于|超出|完成)/;
const QUALITATIVE_LEADING_VERB =
  /^(?:要在|在|努力实现|全面完成|确保完成|完成|实现|重点控制|控制|推动|确保|力争|争创)(?:上级下达的|年度)?/;
/** `完成…目标任务`: the object of a completion verb names the target whole. */
const COMPLETION_ITEM = /^(?:全面完成|确保完成|完成)/;
const QUALITATIVE_TRAILING_NOUN = /(?:等)?(?:约束性指标(?:任务)?|目标任务|目标|任务|指标|方面)$/;
const ITEM_DELIMITER = /[；;，,。\n]/;
const BULLET = /^[●•·○◆■▪\-—*\s]+/;
const YEAR_IN_CUE = /(\d{4})年/g;

interface Sentence {
  start: number;
  end: number;
  /** Whether a line break (not a full stop) ends it. */
  lineEnd: boolean;
}

/** The sentence (up to `。` or a line end) starting at `from`. */
function sentenceAt(text: string, from: number, to: number): Sentence {
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === "。" || ch === "！" || ch === "？") return { start: from, end: i + 1, lineEnd: false };
    if (ch === "\n") return { start: from, end: i, lineEnd: true };
  }
  return { start: from, end: to, lineEnd: false };
}

/** Verbs of the year's work (`坚持…`, `开展…`, `推进…`): a sentence of them describes work, not targets. */
const WORK_VERB = /我们|将要|要把|坚持|开展|推进|加强|实施|深化|贡献|围绕|着力|聚焦/;

function readsAsItems(sentence: string): boolean {
  const s = sentence.replace(BULLET, "").trim();
  if (s === "" || LIST_STOP.test(s)) return false;
  if (TARGET_FIGURE.test(s)) return true;
  return s.length <= MAX_QUALITATIVE_SENTENCE && QUALITATIVE_CLAUSE.test(s) && !WORK_VERB.test(s);
}

/** The end of the list that starts at `start`: its first sentence, then every following sentence of items. */
function listEnd(text: string, start: number, to: number, cueEndsLine: boolean): number {
  const limit = Math.min(to, start + MAX_LIST_LENGTH);
  let cursor = start;
  let end = start;
  let first = !cueEndsLine;
  while (cursor < limit) {
    while (cursor < limit && /\s/.test(text[cursor] as string)) cursor++;
    if (cursor >= limit) break;
    const sentence = sentenceAt(text, cursor, limit);
    const body = text.slice(sentence.start, sentence.end);
    if (!first && !readsAsItems(body)) break;
    first = false;
    end = sentence.end;
    cursor = sentence.end;
  }
  return end;
}

/** Every headline list between `from` and `to`. */
/** Every cue names a target or an indicator: finding these words first spares the cue pattern most of the text. */
const CUE_WORD = /目标|指标/g;
/** How far before `目标` a cue may begin (`今年经济社会发展的主要目标是`). */
const CUE_REACH = 26;

/** Cues of lists between `from` and `to`, as matches with offsets in `text`. */
function* cuesIn(text: string, from: number, to: number): Generator<{ index: number; text: string }> {
  const cue = new RegExp(LIST_CUE.source, "g");
  let after = from;
  CUE_WORD.lastIndex = from;
  for (let word = CUE_WORD.exec(text); word && word.index < to; word = CUE_WORD.exec(text)) {
    const reach = Math.max(after, word.index - CUE_REACH);
    const lineStart = reach + text.slice(reach, word.index).lastIndexOf("\n") + 1;
    const windowStart = Math.max(reach, lineStart);
    const window = text.slice(windowStart, Math.min(text.length, word.index + CUE_REACH));
    cue.lastIndex = 0;
    for (let m = cue.exec(window); m; m = cue.exec(window)) {
      const index = windowStart + m.index;
      if (index <= word.index && index + m[0].length > word.index) {
        yield { index, text: m[0] };
        after = index + m[0].length;
        break;
      }
    }
  }
}

/** Every headline list between `from` and `to`. */
export function findHeadlineLists(text: string, from: number, to: number): HeadlineList[] {
  const lists: HeadlineList[] = [];
  for (const m of cuesIn(text, from, to)) {
    const cueEnd = m.index + m.text.length;
    if (lists.some((list) => m.index < list.end)) continue;
    const sentenceStart = Math.max(text.lastIndexOf("。", m.index), text.lastIndexOf("\n", m.index)) + 1;
    if (NOT_A_LIST_BEFORE.test(text.slice(sentenceStart, m.index))) continue;
    const after = text.slice(cueEnd, cueEnd + 80).replace(/^\s+/, "");
    if (after === "" || NOT_A_LIST_AFTER.test(after)) continue;
    const cueEndsLine = /\n$/.test(m.text) || /^[ \t]*\n/.test(text.slice(cueEnd, cueEnd + 4));
    const end = listEnd(text, cueEnd, to, cueEndsLine);
    if (end <= cueEnd) continue;
    const named = [...text.slice(sentenceStart, cueEnd).matchAll(YEAR_IN_CUE)].pop();
    lists.push({ cue: m.index, start: cueEnd, end, year: named ? Number(named[1]) : null });
  }
  return lists;
}

function qualitativeIndicator(item: string): string {
  let phrase = item.replace(QUALITATIVE_LEADING_VERB, "");
  const predicate = COMPLETION_ITEM.test(item) ? null : QUALITATIVE_PREDICATE.exec(phrase);
  if (predicate && predicate.index >= 2) phrase = phrase.slice(0, predicate.index);
  phrase = phrase.replace(QUALITATIVE_TRAILING_NOUN, "");
  return phrase.length >= 2 ? phrase : item;
}

/** The items of a headline list: each figure as a target, each item without one as a qualitative target. */
export function headlineTargets(text: string, list: HeadlineList, trace?: Explanation): TTarget[] {
  const targets: TTarget[] = [];
  const numeric = findMentions(text, list.start, list.end, trace);
  let itemStart = list.start;
  for (let i = list.start; i <= list.end; i++) {
    const ch = text[i] ?? "。";
    if (i < list.end && !ITEM_DELIMITER.test(ch)) continue;
    const raw = text.slice(itemStart, i);
    const bullet = raw.length - raw.replace(BULLET, "").length;
    const lead = bullet + (raw.slice(bullet).length - raw.slice(bullet).trimStart().length);
    const itemText = raw.slice(lead).trim();
    const start = itemStart + lead;
    const end = start + itemText.length;
    itemStart = i + 1;
    if (itemText.length < 3) continue;
    const inItem = numeric.filter((m) => m.quantity.start >= start && m.quantity.end <= end);
    if (inItem.length > 0) {
      for (const m of inItem) {
        const target = mentionTarget(text, m, true);
        trace?.note(
          m.quantity,
          "headline",
          target ? "kept" : "dropped",
          target
            ? `an item of the headline list (${target.indicator})`
            : "an item of the headline list without a subject",
        );
        if (target) targets.push(target);
      }
      continue;
    }
    if (NOT_AN_ITEM.test(itemText) || /\d/.test(itemText)) continue;
    const indicator = nameIndicator(qualitativeIndicator(itemText), "qualitative", false).name;
    targets.push({
      indicator,
      measure: "qualitative",
      qualifier: "none",
      value: null,
      min: null,
      max: null,
      unit: null,
      polarity: "neutral",
      headline: true,
      wording: null,
      stretch: null,
      text: itemText,
      start,
      end,
    });
  }
  return targets;
}

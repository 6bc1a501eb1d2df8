/**
 * Quantities in context: for each number worth reading in a stretch of report text, the clause it belongs to, the
 * words that name what it counts, and whether it is a rate of change, a share or an amount. Targets (plan) and
 * outcomes (review) are both built from these mentions.
 *
 * Refiners drop what only looks like a quantity: numbers in quotation marks or titles (`“十四五”`, `“1+6+1”`,
 * `“53证合一”`), ordinals (`第十八届`), numbers glued to codes, descriptions of something existing
 * (`总投资732.3亿元的40个重点项目`, `占全市80%的任务`), durations (`3个工作日`) and comparisons (`高于全市16.7个百分点`).
 */
import type { TMeasure } from "@/lib/schemas/extraction";
import type { Explanation } from "../explain";
import { findQuantities, type Quantity, shifted } from "./quantity";
import {
  COMPARISON_BEFORE,
  DESCRIPTIVE_BEFORE,
  DURATION_AFTER,
  endsWithVerb,
  GROWTH_VERB,
  LEADING_FILLERS,
  LIST_ITEM_SHORT_FORMS,
  leadingVerb,
  PAIRED_PREFIXES,
  PARTS_AFTER,
  REDUCTION_VERB,
} from "./vocabulary";

export interface Mention {
  /** The quantity, with offsets in the report text. */
  quantity: Quantity;
  /** Evidence: the clause from its start (or the previous quantity) to the end of the quantity or counted noun. */
  start: number;
  end: number;
  /** Words naming what is counted, as written (cleaned later). */
  subject: string;
  measure: TMeasure;
  /** The verb before a percentage reduces (`降低`, `下降`): the number is the size of a cut. */
  reduction: boolean;
  sentence: { start: number; end: number };
}

const SENTENCE_END = /[。！？!?\n]/g;
const QUOTED = /“[^“”]*”|《[^《》]*》|"[^"\n]*"|「[^「」]*」|【[^【】]*】/g;
/** A number glued to letters, other digits or signs is part of a name or code (`C919`, `1+6+1`, `6·13`). */
const CODE_NEIGHBOUR = /[A-Za-z0-9+·\-/#＋.]/;
const CONNECTORS_AT_START = /^[、和及与并且以及，,；;]+/;
const CONNECTORS_AT_END = /[、和及与并且以及]+$/;
/** `同比分别增长12.8%、14.8%`: the rates belong to the amounts listed just before, in order. */
const RESPECTIVELY = /分别/;

export function sentencesOf(text: string, from: number, to: number): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < to; m = SENTENCE_END.exec(text)) {
    if (m.index > start) sentences.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  if (start < to) sentences.push({ start, end: to });
  return sentences;
}

/** Whether [start, end) lies inside one of `ranges` (in order, not overlapping): a binary search. */
function insideAny(ranges: [number, number][], start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [a, b] = ranges[middle] as [number, number];
    if (start < a) high = middle - 1;
    else if (start >= b) low = middle + 1;
    else return end <= b;
  }
  return false;
}

function quotedRanges(sentence: string): [number, number][] {
  return [...sentence.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length]);
}

/** Words after an amount that go on with the figure (`25948元和12437元`, `87亿元，增长5%`), not name a class of things. */
const FIGURE_CONTINUES = /^(?:规模|的|和|及|与|、|分别|同比|增长|下降|比|较|左右|以上|以内|大关|关口)/;

/** `增加到2015年的1.8万亿元`: the level of a year, not a described thing. */
const YEAR_OF = /\d{4}年(?:底|末)?的$/;

/** Characters that end a clause: `，,；;：:`. */
const CLAUSE_DELIMITERS = new Set([0xff0c, 0x2c, 0xff1b, 0x3b, 0xff1a, 0x3a]);

function isClauseDelimiter(text: string, i: number): boolean {
  return CLAUSE_DELIMITERS.has(text.charCodeAt(i));
}

/**
 * The longest stretch read as one clause. Prose never runs this far without a comma; a pasted list of thousands of
 * items does, and reading it clause by clause from each figure would cost the square of its length.
 */
const MAX_CLAUSE_LENGTH = 200;
/** How much of the text after a figure the refiners look at (all of them test its beginning). */
const AFTER_LENGTH = 40;

function clauseStartBefore(sentence: string, position: number): number {
  const limit = Math.max(0, position - MAX_CLAUSE_LENGTH);
  for (let i = position - 1; i >= limit; i--) if (isClauseDelimiter(sentence, i)) return i + 1;
  return limit;
}

function clauseEndAfter(sentence: string, position: number): number {
  const limit = Math.min(sentence.length, position + MAX_CLAUSE_LENGTH);
  for (let i = position; i < limit; i++) if (isClauseDelimiter(sentence, i) || sentence[i] === "。") return i;
  return limit;
}

/** What a refiner sees of a quantity: its sentence, the clause text before it, and what follows. */
interface QuantityContext {
  sentence: string;
  q: Quantity;
  /** Clause text before the quantity (its qualifier word excluded). */
  before: string;
  /** Sentence text right after the quantity. */
  after: string;
  quotes: [number, number][];
  /** Whether another number precedes this one in the same clause. */
  followsAnotherNumber: boolean;
}

/** Units of capacity: right before a noun they specify one facility (`600吨大型垃圾转运站`, `220千伏吉庆变电站`). */
const SPECIFICATION_UNIT = /^(?:吨|千伏|千瓦|兆瓦|千瓦时)$/;
/** Verbs after which a Chinese numeral is a count (`新建两所`); elsewhere such numerals name things (`实现三个更加`). */
const COUNTING_VERB =
  /(?:新增|新建|新开工|新招引|新认定|新培育|新引进|建设|建成|引进|培育|打造|增设|设立|组建|举办|承办|改造|建立|开展|招引|认定)$/;

/**
 * Refiners: each rejects what only looks like a quantity, in the order of the module comment. A quantity is read
 * when no refiner rejects it.
 */
const REFINERS: { why: string; rejects: (c: QuantityContext) => boolean }[] = [
  { why: "in quotation marks or a title", rejects: (c) => insideAny(c.quotes, c.q.start, c.q.end) },
  {
    why: "glued to a code or an ordinal",
    rejects: (c) => {
      const prior = c.sentence[c.q.start - 1] ?? "";
      return CODE_NEIGHBOUR.test(prior) || CODE_NEIGHBOUR.test(c.after[0] ?? "") || prior === "第";
    },
  },
  { why: "a grade or class (`百亿级`, `千万量级`)", rejects: (c) => /^(?:量)?级/.test(c.after) },
  { why: "a threshold inside a name (`过亿元项目`, `投资过十亿元`)", rejects: (c) => c.q.prefix === "过" },
  {
    // …but `稳定在5%左右的较低水平` is the figure itself, and `…4%左右的目标` a target named in a review.
    why: "describes something (`…亿元的`)",
    rejects: (c) => /^(?:的(?!目标|预期目标|(?:较低|较高|合理|正常)?水平)|之)/.test(c.after),
  },
  {
    why: "a count of a described portfolio (`总投资…的40个`) or a baseline (`由2300元`)",
    rejects: (c) =>
      (c.before.endsWith("的") && c.followsAnotherNumber && !YEAR_OF.test(c.before)) || c.before.endsWith("由"),
  },
  {
    why: "a description or a comparison",
    rejects: (c) => DESCRIPTIVE_BEFORE.test(c.before) || COMPARISON_BEFORE.test(c.before),
  },
  { why: "a duration", rejects: (c) => c.q.unit === "个" && DURATION_AFTER.test(c.after) },
  { why: "a count of parts of the text (`10个方面`)", rejects: (c) => c.q.unit === "个" && PARTS_AFTER.test(c.after) },
  {
    why: "a money threshold naming a class of things (`千万元以上签约落地项目`), unless it is the scale itself",
    rejects: (c) => c.q.unit.endsWith("元") && /^[\u3400-\u9fff]/.test(c.after) && !FIGURE_CONTINUES.test(c.after),
  },
  {
    why: "a specification of one facility",
    rejects: (c) =>
      SPECIFICATION_UNIT.test(c.q.unit) && /^[\u3400-\u9fff]/.test(c.after) && !/^(?:以上|左右|以内)/.test(c.after),
  },
  {
    why: "advancing an existing set of projects (`加快推进9个亿元以上文旅项目建设`)",
    rejects: (c) => /推进[^，,；;]{0,12}$/.test(c.before) && /^[^，,；;。]{0,12}项目/.test(c.after),
  },
  {
    // Counted after a counting verb (`新建两所`), or after a qualifier word unless a noun follows (`突破百亿`,
    // `保持万亿以上规模`, but not `过亿元项目`).
    why: "a Chinese numeral or bare magnitude naming a threshold or a set (`过亿元项目`, `三张清单`)",
    rejects: (c) => {
      if (!c.q.chineseNumeral || COUNTING_VERB.test(c.before)) return false;
      const qualified = c.q.prefix !== "" && (c.q.suffix !== "" || !/^[\u3400-\u9fff]/.test(c.after));
      return !qualified;
    },
  },
];

/** The context of `all[index]`: quantities are in text order, so the one before it is `all[index - 1]`. */
function contextOf(sentence: string, all: Quantity[], index: number, quotes: [number, number][]): QuantityContext {
  const q = all[index] as Quantity;
  const clauseStart = clauseStartBefore(sentence, q.start);
  const previous = all[index - 1];
  return {
    sentence,
    q,
    before: sentence.slice(clauseStart, q.start),
    after: sentence.slice(q.end, q.end + AFTER_LENGTH),
    quotes,
    followsAnotherNumber: previous !== undefined && previous.end <= q.start && previous.start >= clauseStart,
  };
}

/** `提升审批服务效率30%以上`: a verb of change before the subject makes the percentage the size of the change. */
const CHANGE_VERB_FIRST = /^(?:提升|提高|增加|降低|减少|压减|压缩)(?!.*[至到])/;
const REDUCTION_FIRST = /^(?:降低|减少|压减|压缩)/;

/**
 * A verb of change a few words before a rate, with only words about the target between (`增长的预期目标为8%`,
 * `增长挑战10%`, `GDP增长目标定在6.5%`, `增长目标拟定为13%`): the rate is a growth rate.
 */
const GROWTH_BEFORE_TARGET_WORDS =
  /(?:增长|增速|增幅|涨幅|上涨)(?:的)?(?:预期目标|预期|目标|挑战|目标定为|目标定在|目标为|目标是|定为|定在)(?:为|是|定为|定在|确定为|拟定为?|设定为?|确定)?$/;

function measureOf(q: Quantity, before: string): { measure: TMeasure; reduction: boolean } {
  if (q.unit === "个百分点") return { measure: "growth", reduction: REDUCTION_VERB.test(before) };
  if (q.unit !== "%" && q.unit !== "‰") return { measure: "level", reduction: false };
  if (GROWTH_VERB.test(before)) return { measure: "growth", reduction: REDUCTION_VERB.test(before) };
  if (GROWTH_BEFORE_TARGET_WORDS.test(before)) return { measure: "growth", reduction: false };
  if (CHANGE_VERB_FIRST.test(before)) return { measure: "growth", reduction: REDUCTION_FIRST.test(before) };
  return { measure: "share", reduction: false };
}

/** Words before a number after which the counted noun follows the number (`新建2所…`, `…等5个项目`, `对6所学校`). */
function opensCountedNoun(before: string): boolean {
  const words = before.replace(LEADING_FILLERS, "");
  return words === "" || endsWithVerb(words) || /(?:等|对|为|向|给|将|把|共|各)$/.test(words);
}

/** `新建音乐主题空间、文化院落各5处`: one quantity for each listed item. */
function splitEach(mention: Mention): Mention[] {
  const match = /^(.*?)各$/.exec(mention.subject);
  if (!match?.[1]?.includes("、")) return [mention];
  const items = match[1].split("、").filter((item) => item !== "");
  const verb = leadingVerb(items[0] ?? "") ?? "";
  return items.map((item, i) => ({ ...mention, subject: i === 0 || leadingVerb(item) ? item : `${verb}${item}` }));
}

/** The counted noun after a number (`新建2所公办幼儿园`), up to the clause end or the next number. */
function nounAfter(sentence: string, from: number, to: number): string {
  let noun = sentence.slice(from, to).replace(CONNECTORS_AT_END, "");
  const lastOf = noun.lastIndexOf("的");
  if (lastOf >= 0) noun = noun.slice(lastOf + 1);
  return /^[\u3400-\u9fff“]/.test(noun) ? noun : "";
}

function describeQuantity(q: Quantity): string {
  const figure = q.qualifier === "range" ? `${q.min}–${q.max}` : `${q.value}`;
  return `${figure}${q.unit} (${q.qualifier}${q.qualifierStated ? "" : ", implied"})`;
}

export function findMentions(text: string, from: number, to: number, trace?: Explanation): Mention[] {
  const mentions: Mention[] = [];
  // One scan of the whole stretch (quantities never cross a sentence end), then sentence by sentence.
  const found = findQuantities(text.slice(from, to));
  let next = 0;
  for (const sentence of sentencesOf(text, from, to)) {
    const all: Quantity[] = [];
    for (; next < found.length && (found[next] as Quantity).start + from < sentence.end; next++) {
      all.push(shifted(found[next] as Quantity, from - sentence.start));
    }
    if (all.length === 0) continue;
    const s = text.slice(sentence.start, sentence.end);
    const quotes = quotedRanges(s);
    // The quantity after each kept one, found by walking `all` alongside (kept is in the same order).
    const nextStart = new Map<Quantity, number>();
    for (const [i, q] of all.entries()) nextStart.set(q, all[i + 1]?.start ?? s.length);
    const kept = all.filter((q, index) => {
      const context = contextOf(s, all, index, quotes);
      const rejecting = REFINERS.find((refiner) => refiner.rejects(context));
      if (trace) {
        const span = { start: q.start + sentence.start, end: q.end + sentence.start };
        trace.note(span, "parser", "noted", `read as ${describeQuantity(q)}`);
        if (rejecting) trace.note(span, "refiner", "dropped", rejecting.why);
      }
      return !rejecting;
    });
    const inSentence: Mention[] = [];
    let previousEnd = 0;
    let previousClause = -1;

    for (const q of kept) {
      const clauseStart = clauseStartBefore(s, q.start);
      const sameClause = clauseStart === previousClause;
      const segmentStart = sameClause ? Math.max(clauseStart, previousEnd) : clauseStart;
      const rawBefore = s.slice(segmentStart, q.start);
      const before = rawBefore.replace(CONNECTORS_AT_START, "");
      const start = segmentStart + (rawBefore.length - before.length);
      const nextQuantity = nextStart.get(q) ?? s.length;
      const clauseEnd = Math.min(clauseEndAfter(s, q.end), nextQuantity);
      const noun = nounAfter(s, q.end, clauseEnd);
      const previous = inSentence[inSentence.length - 1];
      // `同比分别下降27.2%、19.7%`: a bare figure after a rate in the same clause is another rate.
      const { measure, reduction } =
        before === "" && sameClause && previous && previous.quantity.unit === q.unit ? previous : measureOf(q, before);

      let subject = before;
      let end = q.end;
      if (noun && opensCountedNoun(before)) {
        subject = `${before}${noun}`;
        end = s.indexOf(noun, q.end) + noun.length;
      }
      // `新建停车位2000个、充电桩310个`: the second item shares the first one's verb.
      if (previous && sameClause && !leadingVerb(subject) && subject !== "") {
        const verb = leadingVerb(previous.subject);
        if (verb && /^[、和及与]/.test(rawBefore)) subject = `${verb}${subject}`;
      }
      const mention: Mention = {
        quantity: shifted(q, sentence.start),
        start: start + sentence.start,
        end: end + sentence.start,
        subject,
        measure,
        reduction,
        sentence,
      };
      inSentence.push(...splitEach(mention));
      previousEnd = end;
      previousClause = clauseStart;
    }
    // Appended one by one: spreading a sentence of 100 000 figures into push() overflows the call stack.
    for (const mention of inheritSubjects(inSentence, text)) mentions.push(mention);
  }
  return mentions;
}

/** Items of a subject listed before `分别` (`一产、二产、三产增加值`, `城镇和农村居民人均可支配收入`). */
const LIST_ITEM_SEPARATOR = /[、和及与]/;
/** The words of a subject before `分别`: what the list names, without the verb of change after it. */
const BEFORE_RESPECTIVELY =
  /^(.*?)(?:同比|比上年|较上年)?(?:分别|均(?=增长|下降|提高|降低|达到|为|超过|突破|控制|保持))/;
function startsWithPairedWord(subject: string): boolean {
  return Object.keys(PAIRED_PREFIXES).some((prefix) => subject.startsWith(prefix));
}

/** A subject that lists several items for its figures: before `分别`, before `均增长`, or a paired word (`城乡`). */
function listsItems(subject: string, figures: number): boolean {
  return BEFORE_RESPECTIVELY.test(subject) || (figures === 2 && startsWithPairedWord(subject));
}

/**
 * The subjects a `分别` list names, in order, each with the noun they share (`一产、二产、三产增加值` → 一产增加值,
 * 二产增加值, 三产增加值; `城、乡居民人均可支配收入` → 城镇…, 农村…). Null when the words do not list `count` items.
 */
function listedSubjects(words: string, count: number): string[] | null {
  const pair = Object.keys(PAIRED_PREFIXES).find((prefix) => words.startsWith(prefix));
  if (pair && count === 2 && !LIST_ITEM_SEPARATOR.test(words)) {
    // `城乡居民人均可支配收入分别增长6%、9%`: one word for both halves.
    const rest = words.slice(pair.length);
    return (PAIRED_PREFIXES[pair] as [string, string]).map((half) => `${half}${rest}`);
  }
  const items = words.split(LIST_ITEM_SEPARATOR).filter((item) => item !== "");
  if (items.length !== count || count < 2) return null;
  const last = items[items.length - 1] as string;
  const shortest = Math.max(...items.slice(0, -1).map((item) => item.length));
  // Short leading items share the last item's noun: `一产、二产、三产增加值`, `常住和户籍人口城镇化率`.
  const shared = shortest <= 3 && last.length > shortest + 1 ? last.slice(shortest) : "";
  return items.map((item, i) => {
    const own = i === items.length - 1 && shared ? last.slice(0, shortest) : item;
    return `${LIST_ITEM_SHORT_FORMS[own] ?? own}${shared}`;
  });
}

/**
 * `一产、二产、三产增加值分别增长5%左右、5%以上、5%左右`: one mention per listed subject, each figure its own qualifier
 * (a `控制在` before the list governs every figure); `化学需氧量、氨氮排放量分别下降2%`: one figure for each subject.
 */
function distributeRespectively(run: Mention[]): Mention[] | null {
  const first = run[0] as Mention;
  // `城乡居民人均可支配收入28250元和8975元`: a paired word with two figures and no `分别`.
  const words = BEFORE_RESPECTIVELY.exec(first.subject) ?? [first.subject, first.subject];
  if (!words[1]) return null;
  const verb = first.subject.slice(words[0].length);
  const single = run.length === 1;
  const items = words[1].split(LIST_ITEM_SEPARATOR).filter((item) => item !== "").length;
  const subjects = listedSubjects(words[1], single ? items : run.length);
  if (!subjects) return null;
  const governing = first.quantity.prefix === "控制在" ? first.quantity.qualifier : null;
  const figures = single ? subjects.map(() => first) : run;
  return figures.map((m, i) => {
    const quantity =
      governing && i > 0 && !m.quantity.qualifierStated ? { ...m.quantity, qualifier: governing } : m.quantity;
    const start = single || i === 0 ? first.start : m.start;
    return { ...m, quantity, subject: `${subjects[i]}${verb}`, start, end: m.end };
  });
}

/**
 * A figure without its own subject belongs to the one before it (`…收入87.2亿元,同比增长1%`,
 * `提高到5000元、6000元`);
 * with `分别`, the rates belong in order to the amounts listed before (`830件、3684件，同比分别增长12.8%、14.8%`), or
 * to the subjects listed before `分别` (`城镇和农村居民人均可支配收入分别增长8%和8.5%`).
 */
function inheritSubjects(inSentence: Mention[], text: string): Mention[] {
  // Only hedges, a verb of change or a measure word (`同比增长`, `总量`): the subject is the figure before.
  const bareSubject = (m: Mention) =>
    m.subject
      .replace(/^(?:同比|(?:比|较)(?:\d{4}年|上年|去年)|年均|分别|均|全年|预计)+/, "")
      .replace(GROWTH_VERB, "")
      .replace(/^(?:总量|规模|总额|增速|占比|比重)$/, "") === "";
  const result: Mention[] = [];
  // Mentions with a subject of their own, in order: the donors of the bare ones after them.
  const named: Mention[] = [];
  const runEndFrom = (i: number) => {
    let runEnd = i;
    while (runEnd + 1 < inSentence.length && bareSubject(inSentence[runEnd + 1] as Mention)) runEnd++;
    return runEnd;
  };
  for (let i = 0; i < inSentence.length; i++) {
    const m = inSentence[i] as Mention;
    const bare = bareSubject(m);
    if (!bare && (BEFORE_RESPECTIVELY.test(m.subject) || startsWithPairedWord(m.subject))) {
      // A subject listing several items (before `分别`, `均`, or a paired word), and the bare figures after it.
      const runEnd = runEndFrom(i);
      const distributed = listsItems(m.subject, runEnd - i + 1)
        ? distributeRespectively(inSentence.slice(i, runEnd + 1))
        : null;
      if (distributed) {
        for (const mention of distributed) {
          result.push(mention);
          named.push(mention);
        }
        i = runEnd;
        continue;
      }
    }
    if (!bare) {
      result.push(m);
      named.push(m);
      continue;
    }
    if (
      RESPECTIVELY.test(text.slice(Math.max(m.sentence.start, m.quantity.start - MAX_CLAUSE_LENGTH), m.quantity.start))
    ) {
      // The run of subjectless rates starting here, matched to as many named mentions before it.
      const runEnd = runEndFrom(i);
      const run = inSentence.slice(i, runEnd + 1);
      const donors = named.slice(-run.length);
      if (donors.length === run.length)
        run.forEach((rate, k) => {
          rate.subject = (donors[k] as Mention).subject + rate.subject;
        });
      for (const mention of run) result.push(mention);
      i = runEnd;
      continue;
    }
    const donor = named[named.length - 1];
    if (donor) m.subject = donor.subject + m.subject;
    result.push(m);
  }
  return result;
}

/**
 * The parts of a work report: the review of last year, the plan for this year, and what is neither (a five-year
 * plan's period targets, the government's own conduct, closing words, annexes). Headings are found by their
 * numbering (`一、`, `二、`) at a line or sentence start, since some pages run a whole report on one line.
 */
import type { TSection } from "@/lib/schemas/extraction";
import { findHeadlineLists, opensPlan } from "../extract/headline";

export interface SectionLayout {
  sections: TSection[];
  /** Passages inside the plan that look back on last year (`过去一年，…增长10.3%…`): review text, not plan. */
  lookBacks: { start: number; end: number }[];
  /** Year named by the review heading (`一、2018年工作回顾`), if any. */
  reviewHeadingYear: number | null;
  /** Year named by the plan heading (`二、2019年工作安排`, `二、聚势而上的2025…`), if any. */
  planHeadingYear: number | null;
}

/** A part's number (`二、`); it starts a heading at the text start, on a new line, or right after a sentence. */
const NUMBERED_HEADING = /([一二三四五六七八九十]{1,2})、(?![一二三四五六七八九十]{1,2}、)/g;
const BEFORE_HEADING = /[\n。！!？?]/;
/** Heading text ends with one of these words when the page runs the heading into the next sentence. */
const HEADING_END =
  /^.{0,36}?(?:回顾(?:和\d{4}年工作的(?:总体要求|基本方针))?|工作安排|重点工作任务|重点工作|主要任务|政府工作任务|工作任务|总体部署|政策取向|工作的建议|的工作|政府自身(?:改革和)?建设|和平统一大业|外交工作|外交政策)/;
const MAX_HEADING_LENGTH = 60;

/** A review part's heading; spun copies write `回忆` for `回顾`. */
const REVIEW_TITLE =
  /回顾|回忆|总结|成就|成绩|成效|目标(?:提前|胜利|圆满|全面|顺利)?(?:实现|完成)|过去(?:一|五)年|一年来|关于过去五年|取得伟大成就的五年/;
/** The five-year plan's period (`“十三五”时期主要目标任务`): targets for the period, not for the plan year. */
const FIVE_YEAR_TITLE = /十[一二三四五六七八九]?五”?(?:时期|期间|规划|计划)|五年规划|五年计划|纲要/;
/** A part for one year's work, even beside a five-year plan (`二、“十五五”时期目标任务和2026年工作安排`). */
const YEAR_PLAN_TITLE = /\d{4}年(?:的)?(?:政府)?(?:工作安排|重点工作|工作任务|主要任务|工作)/;
const PLAN_TITLE =
  /(?:19|20)\d{2}(?!\d)|今年|本年|明年|工作安排|重点工作|主要任务|工作任务|总体部署|政府工作的建议|的工作$/;
/** Parts after the plan: the government's own conduct, foreign affairs, unification. */
const AFTER_PLAN_TITLE = /政府自身|自身建设|政风建设|行政能力建设|从严治政|外交|和平统一|国际形势/;
/** A state budget part (`二、1956年的国家预算`) is not a work plan. */
const BUDGET_TITLE = /预算|决算/;
/** Annexes and closing words, at a line or sentence start. */
const ANNEX = /(?<=^|[\n。！!？?])(?:附件[:：]?|附：|名词解释|(?:政府工作报告)?有关事项说明|结束语)/g;
const YEAR_IN_TITLE = /((?:19|20)\d{2})(?:年)?/;
/** A sentence opening a look back; the passage runs to its paragraph's end or to a sentence about this year. */
const LOOK_BACK_START = /(?:过去一年|去年|一年来)[，,]?/g;
const THIS_YEAR = /今年|明年/;

interface Heading {
  start: number;
  titleEnd: number;
  title: string;
  number: string;
}

function headingTitle(text: string, afterNumber: number): string {
  const window = text.slice(afterNumber, afterNumber + MAX_HEADING_LENGTH + 1);
  const lineEnd = window.search(/[\n。]/);
  const ownLine = lineEnd >= 0 && text[afterNumber + lineEnd] === "\n";
  if (ownLine) return window.slice(0, lineEnd);
  const keyword = HEADING_END.exec(window);
  if (keyword) return keyword[0];
  const clauseEnd = window.search(/[，,：:；;。\n]/);
  return window.slice(0, clauseEnd >= 0 ? clauseEnd : Math.min(window.length, 30));
}

function findHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  for (const match of text.matchAll(NUMBERED_HEADING)) {
    if (match.index > 0 && !BEFORE_HEADING.test(text[match.index - 1] as string)) continue;
    const number = match[1] as string;
    const afterNumber = match.index + match[0].length;
    const title = headingTitle(text, afterNumber);
    // A heading names a part; a figure (`一、二、三产业增加值分别增长4.2%`) makes it a sentence.
    if (title.length < 2 || /\d%/.test(title)) continue;
    headings.push({ start: match.index, titleEnd: afterNumber + title.length, title: `${number}、${title}`, number });
  }
  return headings;
}

function yearIn(title: string): number | null {
  const match = YEAR_IN_TITLE.exec(title);
  return match ? Number(match[1]) : null;
}

/** Where the annexes (or closing words) begin, or the text's end, and the word that opens them. */
function findAnnex(text: string, after: number): { start: number; title: string } {
  for (const match of text.matchAll(ANNEX)) {
    if (match.index > after) return { start: match.index, title: match[0].replace(/[:：]$/, "") };
  }
  return { start: text.length, title: "" };
}

function annexStart(text: string, after: number): number {
  return findAnnex(text, after).start;
}

export function findSections(text: string): SectionLayout {
  const headings = findHeadings(text);
  const sections: TSection[] = [];
  let reviewHeadingYear: number | null = null;
  let planHeadingYear: number | null = null;

  const review = headings.find((h) => REVIEW_TITLE.test(h.title));
  const afterReview = headings.filter((h) => !review || h.start > review.start);
  const firstPlanIndex = afterReview.findIndex(
    (h) =>
      PLAN_TITLE.test(h.title) &&
      ![REVIEW_TITLE, AFTER_PLAN_TITLE, BUDGET_TITLE].some((other) => other.test(h.title)) &&
      (!FIVE_YEAR_TITLE.test(h.title) || YEAR_PLAN_TITLE.test(h.title)),
  );
  const plan = afterReview[firstPlanIndex];
  const afterPlan = plan
    ? afterReview.slice(firstPlanIndex + 1).find((h) => AFTER_PLAN_TITLE.test(h.title) || FIVE_YEAR_TITLE.test(h.title))
    : undefined;

  // A five-year plan part between review and plan (`二、“十三五”时期主要目标任务…`) is kept apart.
  const fiveYear: TSection[] = afterReview
    .filter((h) => FIVE_YEAR_TITLE.test(h.title) && h !== plan && (!plan || h.start < plan.start))
    .map((h) => {
      const next = headings.find((other) => other.start > h.start);
      return { kind: "other", title: h.title, start: h.start, end: next?.start ?? annexStart(text, h.start) };
    });

  let planStart = plan?.start ?? null;
  let planTitle = plan?.title ?? "";
  if (planStart === null) {
    // No heading announces the plan: it starts with the paragraph that lists the headline targets (unless that
    // paragraph sets a five-year plan's targets).
    const lead = findHeadlineLists(text, review?.start ?? 0, text.length).find(
      (list) => opensPlan(list) && !fiveYear.some((part) => list.cue >= part.start && list.cue < part.end),
    );
    if (lead) {
      planStart = text.lastIndexOf("\n", lead.cue) + 1;
      planTitle = "";
    }
  }

  if (review) {
    reviewHeadingYear = yearIn(review.title);
    const nextPart = afterReview.find((h) => h.start > review.start && !REVIEW_TITLE.test(h.title))?.start;
    const reviewEnd = Math.min(planStart ?? Number.POSITIVE_INFINITY, nextPart ?? annexStart(text, review.start));
    sections.push({ kind: "review", title: review.title, start: review.start, end: reviewEnd });
  }

  sections.push(...fiveYear);

  if (planStart !== null) {
    planHeadingYear = plan ? yearIn(plan.title) : null;
    const { start: annex, title: annexTitle } = findAnnex(text, planStart);
    const planEnd = Math.min(afterPlan?.start ?? text.length, annex);
    sections.push({ kind: "plan", title: planTitle, start: planStart, end: planEnd });
    if (afterPlan && afterPlan.start < annex) {
      sections.push({ kind: "other", title: afterPlan.title, start: afterPlan.start, end: annex });
    }
    if (annex < text.length) {
      sections.push({ kind: "other", title: annexTitle, start: annex, end: text.length });
    }
  }

  sections.sort((a, b) => a.start - b.start);
  const planSection = sections.find((section) => section.kind === "plan");
  return {
    sections,
    lookBacks: planSection ? findLookBacks(text, planSection) : [],
    reviewHeadingYear,
    planHeadingYear,
  };
}

function findLookBacks(text: string, plan: TSection): { start: number; end: number }[] {
  const passages: { start: number; end: number }[] = [];
  LOOK_BACK_START.lastIndex = plan.start;
  for (let m = LOOK_BACK_START.exec(text); m && m.index < plan.end; m = LOOK_BACK_START.exec(text)) {
    if (m.index > plan.start && !/[\n。]/.test(text[m.index - 1] as string)) continue;
    const lineEnd = text.indexOf("\n", m.index);
    const paragraphEnd = Math.min(lineEnd < 0 ? text.length : lineEnd, plan.end);
    let end = m.index;
    while (end < paragraphEnd) {
      const sentenceEnd = text.indexOf("。", end);
      const next = sentenceEnd < 0 || sentenceEnd > paragraphEnd ? paragraphEnd : sentenceEnd + 1;
      if (end > m.index && THIS_YEAR.test(text.slice(end, next))) break;
      end = next;
    }
    passages.push({ start: m.index, end });
    LOOK_BACK_START.lastIndex = end;
  }
  return passages;
}

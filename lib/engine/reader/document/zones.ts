/**
 * Where a report's targets and outcomes are read: its parts by their headings where it has them (sections.ts), its
 * headline lists wherever they stand, and, where there are no parts (a news summary, an excerpt), each statement by
 * its own words. Multi-year reviews (`过去五年`, `“十三五”时期`) are marked so that their period figures are never taken
 * for one year's outcomes.
 */
import type { TSection } from "@/lib/schemas/extraction";
import { findHeadlineLists, type HeadlineList, opensPlan } from "../extract/headline";
import type { SectionLayout } from "./sections";

export interface Span {
  start: number;
  end: number;
}

/** A stretch of review text; `period` is set for a multi-year review's passage (`过去五年`, `五年来`). */
export interface ReviewZone extends Span {
  period: [number, number] | null;
}

export interface Zones {
  lists: HeadlineList[];
  plans: Span[];
  reviews: ReviewZone[];
  /** Text in no part at all (a news item, an excerpt): its statements are judged one by one. */
  free: Span[];
  sections: TSection[];
}

/** Openings of a multi-year review, at a heading or a paragraph start. */
const MULTI_YEAR_OPENING =
  /(?:过去(?:的)?(?:五|四|三|十)年|(?:五|四|三|十)年来|本届政府(?:任期)?|“?十([一二三四五六七八九]?)五”?(?:时期|期间|以来))/;
/** A paragraph that returns to last year alone ends a multi-year passage. */
const ONE_YEAR_OPENING = /^(?:过去一年|去年|一年来|刚刚过去的|即将过去的|(?:\d{4})年(?:[，,是]|以来|全年|我们))/;
const SPAN_YEARS: Record<string, number> = { 三: 3, 四: 4, 五: 5, 十: 10 };
/** First year of each five-year plan (`十一五` 2006–2010 …). */
const FIVE_YEAR_PLAN_START: Record<string, number> = {
  一: 2006,
  二: 2011,
  三: 2016,
  四: 2021,
  五: 2026,
  六: 2031,
  七: 1986,
  八: 1991,
  九: 1996,
  "": 2001,
};

/** The years a multi-year opening spans, ending with the review year. */
function periodOf(opening: RegExpExecArray, reviewYear: number | null): [number, number] | null {
  const plan = opening[1];
  if (plan !== undefined) {
    const start = FIVE_YEAR_PLAN_START[plan];
    return start === undefined ? null : [start, start + 4];
  }
  if (reviewYear === null) return null;
  const count = SPAN_YEARS[/(五|四|三|十)年/.exec(opening[0])?.[1] ?? "五"] ?? 5;
  return [reviewYear - count + 1, reviewYear];
}

function paragraphStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1;
}

/**
 * Multi-year passages inside a review: from a paragraph that opens with a multi-year cue (or from the start of a part
 * headed as one, `一、过去五年工作回顾`) through the paragraphs that follow, until one turns to a single year
 * (`刚刚过去的2017年…`, `去年…`) or a new numbered part begins.
 */
function multiYearPassages(text: string, review: Span, reviewYear: number | null, headingTitle: string): ReviewZone[] {
  const zones: ReviewZone[] = [];
  const headed = MULTI_YEAR_OPENING.exec(headingTitle);
  let open: { start: number; period: [number, number] | null } | null =
    headed && !/一年/.test(headingTitle.slice(0, headed.index))
      ? { start: review.start, period: periodOf(headed, reviewYear) }
      : null;
  let cursor = review.start;
  while (cursor < review.end) {
    const lineEnd = text.indexOf("\n", cursor);
    const end = lineEnd < 0 || lineEnd > review.end ? review.end : lineEnd;
    const head = text.slice(cursor, Math.min(end, cursor + 16));
    const opening = MULTI_YEAR_OPENING.exec(head.slice(0, 12));
    const closes = ONE_YEAR_OPENING.test(head) || (cursor > review.start && /^[一二三四五六七八九十]+、/.test(head));
    if (open && (closes || opening)) {
      if (cursor > open.start) zones.push({ start: open.start, end: cursor, period: open.period });
      open = null;
    }
    if (!open && opening && opening.index === 0) open = { start: cursor, period: periodOf(opening, reviewYear) };
    cursor = end + 1;
  }
  if (open && review.end > open.start) zones.push({ start: open.start, end: review.end, period: open.period });
  return zones;
}

/** Split a review span into its one-year stretches and its multi-year passages. */
function reviewZones(text: string, review: Span, reviewYear: number | null, title: string): ReviewZone[] {
  const passages = multiYearPassages(text, review, reviewYear, title);
  const zones: ReviewZone[] = [];
  let cursor = review.start;
  for (const passage of passages) {
    if (passage.start > cursor) zones.push({ start: cursor, end: passage.start, period: null });
    zones.push(passage);
    cursor = passage.end;
  }
  if (cursor < review.end) zones.push({ start: cursor, end: review.end, period: null });
  return zones;
}

/** Lay out where targets and outcomes are read, for a report planning `planYear` (null when unknown). */
export function findZones(text: string, layout: SectionLayout, planYear: number | null): Zones {
  const others = layout.sections.filter((s) => s.kind === "other");
  const headedReviews = layout.sections.filter((s) => s.kind === "review");
  let plans: Span[] = layout.sections.filter((s) => s.kind === "plan");
  const lists = findHeadlineLists(text, 0, text.length).filter(
    (list) =>
      (list.year === null || planYear === null || list.year === planYear) &&
      !others.some((part) => list.cue >= part.start && list.cue < part.end) &&
      !(
        list.year === null &&
        headedReviews.some((part) => list.cue >= part.start && list.cue < part.end) &&
        plans.length > 0
      ),
  );
  const sections = [...layout.sections];
  const opening = lists.find(opensPlan);
  if (plans.length === 0 && opening) {
    // No heading announces the plan: it starts with the paragraph of the first full headline list (a headline
    // restating one target, `今年预期目标:地区生产总值增7.5%-8%`, opens nothing).
    const plan = { kind: "plan" as const, title: "", start: paragraphStart(text, opening.cue), end: text.length };
    plans = [plan];
    sections.push(plan);
  }
  const reviewYear = planYear === null ? null : planYear - 1;
  const reviews: ReviewZone[] = [];
  const free: Span[] = [];
  for (const review of headedReviews) reviews.push(...reviewZones(text, review, reviewYear, review.title));
  if (headedReviews.length === 0) {
    // Without a review heading, whatever is neither plan nor another part may report last year: its statements are
    // judged one by one when outcomes are read.
    const taken = [...plans, ...others].sort((a, b) => a.start - b.start);
    let cursor = 0;
    for (const part of taken) {
      if (part.start > cursor) free.push({ start: cursor, end: part.start });
      cursor = Math.max(cursor, part.end);
    }
    if (cursor < text.length) free.push({ start: cursor, end: text.length });
    for (const span of free) reviews.push(...reviewZones(text, span, reviewYear, ""));
    if (free.length > 0 && !sections.some((s) => s.kind === "review")) {
      const first = free[0] as Span;
      sections.push({ kind: "review", title: "", start: first.start, end: first.end });
    }
  }
  return {
    lists,
    plans,
    reviews,
    free,
    sections: sections.sort((a, b) => a.start - b.start),
  };
}

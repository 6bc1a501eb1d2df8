/**
 * Whose report is this, for which year, and is it a work report at all? Evidence is weighed from the title (the
 * file's title line or a hint), the opening lines, and the body: names of divisions, the level the text speaks for
 * (`全区`, `区委` → a district), years in headings (`二、2019年工作安排`) and year sentences (`2025年是…收官之年`).
 */

import type { TExtractedReport } from "@/lib/schemas/extraction";
import { guessJurisdiction } from "./jurisdiction";
import type { SectionLayout } from "./sections";
import { guessPlanYear, yearEvidence } from "./years";

export { NATIONAL } from "./jurisdiction";

export interface IdentityHints {
  jurisdiction?: string;
  code?: string;
  year?: number;
  title?: string;
  /** ISO date a corpus row says the report was published. */
  publishDate?: string;
}

export interface Identity {
  kind: TExtractedReport["kind"];
  /** Null when the text does not say whose report it is: import asks the user. */
  jurisdiction: string | null;
  code: string | null;
  /** Null when no year can be told from the text or the hints. */
  year: number | null;
  reviewYear: number | null;
  planYear: number | null;
  confidence: number;
  /** A work report by its own words (a title or the phrases of a report), of a known government and year: read even
   * when it sets no quantified target (the State Council's reports before 1998). */
  known: boolean;
  /** The text is a report's own (not a news item or digest about it). */
  itself: boolean;
}

/** Why a text is not identified as a report, in plain words. */
export class NotAReport extends Error {}

const OPENING_LENGTH = 400;

/** Phrases every work report uses; two of them make a text a work report even without a title. */
const WORK_REPORT_MARKERS = [
  /各位代表/,
  /向大会(?:作)?报告(?:政府)?工作|报告政府工作/,
  /(?:工作回顾|过去一年|一年来)/,
  /(?:工作安排|重点工作|主要任务|政府工作任务)/,
  /主要预期目标|预期目标是/,
  /政府自身(?:改革和)?建设/,
];
const RESOLUTION = /决议|决定批准这个报告/;
/** A dated web article: `2019-01-08`, `2019年1月8日` near the top. */
const PUBLICATION_DATE = /((?:19|20)\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})/;
const YEAR_MENTION = /((?:19|20)\d{2})年/g;

interface YearGuess {
  year: number;
  confidence: number;
}

function guessReportYear(title: string, body: string, hints: IdentityHints, layout: SectionLayout): YearGuess | null {
  if (hints.year) return { year: hints.year, confidence: 0.95 };
  const evidence = yearEvidence(title, body);
  const published = hints.publishDate ? /^(\d{4})-(\d{2})/.exec(hints.publishDate) : null;
  if (published) {
    // A corpus row's publication date dates the delivery: `今年` is that year, or the next for a December report.
    const month = Number(published[2]);
    evidence.push({ year: Number(published[1]) + (month >= 11 ? 1 : 0), role: "delivery", weight: 3, at: 0 });
  }
  if (layout.planHeadingYear) evidence.push({ year: layout.planHeadingYear, role: "plan", weight: 4, at: 0 });
  if (layout.reviewHeadingYear) evidence.push({ year: layout.reviewHeadingYear, role: "review", weight: 4, at: 0 });
  const guess = guessPlanYear(evidence);
  return guess ? { year: guess.planYear, confidence: guess.confidence } : null;
}

/** A text about a work report (a news summary, an excerpt) names it or its session. */
const ABOUT_A_REPORT = /政府工作报告|作(?:政府)?工作报告|(?:人大|人民代表大会)[^。\n]{0,12}?会议[^。\n]{0,6}?开幕/;

/** A report's own text: its title says so, or it speaks as a report does. */
function isReportItself(title: string, body: string): boolean {
  if (RESOLUTION.test(title)) return false;
  return /政府工作报告/.test(title) || WORK_REPORT_MARKERS.filter((marker) => marker.test(body)).length >= 2;
}

/** A headline list marks a report's plan, quoted or in place. */
const HEADLINE_CUE = /主要预期目标|预期目标(?:是|为)?[:：]/;

function isWorkReport(title: string, body: string): boolean {
  return (
    isReportItself(title, body) || (!RESOLUTION.test(title) && (ABOUT_A_REPORT.test(body) || HEADLINE_CUE.test(body)))
  );
}

/** The year an article reviews: the year it names most, before its publication year when it is dated. */
function reviewedYear(body: string): number | null {
  const published = PUBLICATION_DATE.exec(body.slice(0, OPENING_LENGTH));
  const publicationYear = published ? Number(published[1]) : null;
  const counts = new Map<number, number>();
  for (const match of body.matchAll(YEAR_MENTION)) {
    const year = Number(match[1]);
    if (publicationYear !== null && year >= publicationYear) continue;
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 3 ? best[0] : null;
}

export function identifyReport(title: string, body: string, hints: IdentityHints, layout: SectionLayout): Identity {
  if (RESOLUTION.test(title) || (body.length < 3000 && /会议听取和审议了/.test(body))) {
    throw new NotAReport("a resolution approving a work report, not the report itself");
  }
  const jurisdiction = guessJurisdiction(title, body, hints);
  const unknown = { jurisdiction: null, code: null, confidence: 0.3 };
  const who = jurisdiction && jurisdiction.confidence >= 0.5 ? jurisdiction : unknown;
  const year = guessReportYear(title, body, hints, layout);
  if (isWorkReport(title, body)) {
    const hasReview = layout.sections.some((s) => s.kind === "review");
    return {
      kind: "work_report",
      jurisdiction: who.jurisdiction,
      code: who.code,
      year: year?.year ?? null,
      // A plan may be for another year than the report's (the 1980 report sets `1981年国民经济计划`).
      planYear: layout.planHeadingYear ?? year?.year ?? null,
      reviewYear: hasReview && year ? year.year - 1 : null,
      confidence: round2(Math.min(who.confidence, year?.confidence ?? 0.3)),
      known: who.code !== null && year !== null && isReportItself(title, body),
      itself: isReportItself(title, body),
    };
  }
  // Another document reviewing a year (a news item on last year's results): its year is the one it reviews.
  const reviewed = hints.year ?? (year && year.confidence >= 0.6 ? year.year - 1 : reviewedYear(body));
  return {
    kind: "review_source",
    jurisdiction: who.jurisdiction,
    code: who.code,
    year: reviewed,
    planYear: null,
    reviewYear: reviewed,
    confidence: round2(Math.min(who.confidence, reviewed === null ? 0.3 : 0.85)),
    known: false,
    itself: false,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

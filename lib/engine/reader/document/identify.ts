/**
 * Whose report is this, for which year, and is it a work report at all? Evidence is weighed from the title (the
 * file's title line or a hint), the opening lines, and the body: names of divisions, the level the text speaks for
 * (`全区`, `区委` → a district), years in headings (`二、2019年工作安排`) and year sentences (`2025年是…收官之年`).
 */

import type { TExtractedReport } from "@/lib/schemas/extraction";
import { type Division, divisionByCode, divisionsNamed, findDivisionNames } from "./divisions";
import type { SectionLayout } from "./sections";

export const NATIONAL = { jurisdiction: "全国", code: "000000" } as const;

export interface IdentityHints {
  jurisdiction?: string;
  code?: string;
  year?: number;
  title?: string;
}

export interface Identity {
  kind: TExtractedReport["kind"];
  jurisdiction: string;
  code: string;
  year: number;
  reviewYear: number | null;
  planYear: number | null;
  confidence: number;
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
const STATE_COUNCIL = /国务院|中华人民共和国政府工作报告|全国人民代表大会/;
const STATE_COUNCIL_OPENING = /我代表国务院|受国务院的委托|我代表中央人民政府|国务院总理/;

/** The level a report speaks for, by the suffix of its government's name. */
type SelfLevel = "区" | "县" | "市" | "旗";

/** Self-references that show the level a text speaks for: `全区`, `区委` in a district's report. */
const LEVEL_MARKERS: { level: SelfLevel; pattern: RegExp }[] = [
  { level: "区", pattern: /全区|区委|区政府|区人大|区政协|区长/g },
  { level: "县", pattern: /全县|县委|县政府|县人大|县政协|县长/g },
  { level: "旗", pattern: /全旗|旗委|旗政府/g },
];
const CITY_LEVEL_MARKERS = /全市|市委|市政府|市人大|市政协/g;

const TITLE_YEAR = /((?:19|20)\d{2})年/;
/** The date line under a title: `——2019年1月9日在…人民代表大会`. */
const MEETING_DATE = /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日在/;
/** `2025年是“十四五”规划收官之年`: the sentence opening a plan names its year. */
const YEAR_IS_SENTENCE = /((?:19|20)\d{2})年是[^。]{2,60}?(?:之年|一年)/;
/** A dated web article: `2019-01-08`, `2019年1月8日` near the top. */
const PUBLICATION_DATE = /((?:19|20)\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})/;
const YEAR_MENTION = /((?:19|20)\d{2})年/g;

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

function levelOfText(text: string): SelfLevel | null {
  let best: { level: SelfLevel; count: number } | null = null;
  for (const { level, pattern } of LEVEL_MARKERS) {
    const count = countMatches(text, pattern);
    if (count >= 2 && (!best || count > best.count)) best = { level, count };
  }
  if (best) return best.level;
  return countMatches(text, CITY_LEVEL_MARKERS) >= 2 ? "市" : null;
}

interface Candidate {
  division: Division;
  score: number;
  inTitle: boolean;
  cityEvidence: boolean;
}

/**
 * Score the county-level and city-level divisions the text names. Names in the title count most; in the opening
 * lines (`——2019年1月9日在青岛市市南区…`) only full names count, since a short name there may be a word (`新建`).
 */
function scoreDivisions(title: string, opening: string, body: string): Candidate[] {
  const counts = new Map<string, number>();
  for (const mention of findDivisionNames(body)) counts.set(mention.name, (counts.get(mention.name) ?? 0) + 1);
  const titleNames = new Set(findDivisionNames(title).map((m) => m.name));
  for (const { name } of findDivisionNames(opening))
    if (name.length >= 3 && divisionsNamed(name).some((d) => d.name === name)) titleNames.add(name);
  const count = (name: string | null | undefined) => (name ? (counts.get(name) ?? 0) : 0);

  const seen = new Set<Division>();
  for (const name of [...counts.keys(), ...titleNames]) for (const d of divisionsNamed(name)) seen.add(d);

  const candidates: Candidate[] = [];
  for (const division of seen) {
    if (division.level === "province") continue;
    const parent = division.parent;
    const inTitle =
      titleNames.has(division.name) || (division.shortName !== null && titleNames.has(division.shortName));
    const full = division.name.length >= 3 ? count(division.name) : 0;
    const short = count(division.shortName);
    const parentMentions = count(parent?.name) + count(parent?.shortName);
    const cityEvidence = parentMentions > 0 || (parent !== null && titleNames.has(parent.name));
    // A bare short name (`平安`, `光明`) is an everyday word unless something else points at the same place.
    const supported = inTitle || full > 0 || cityEvidence;
    let score = (inTitle ? 20 : 0) + 3 * Math.min(full, 20) + (supported ? Math.min(short, 20) : 0);
    if (score > 0) score += 0.5 * Math.min(parentMentions, 10);
    if (score > 0) candidates.push({ division, score, inTitle, cityEvidence });
  }
  return candidates.sort((a, b) => b.score - a.score);
}

function suffixLevel(division: Division): SelfLevel | null {
  const last = division.name.slice(-1);
  return last === "区" || last === "县" || last === "市" || last === "旗" ? last : null;
}

/** A title naming a district with its city (`2019年青岛市市南区人民政府工作报告`) settles the question. */
function divisionWithCityIn(title: string): Division | null {
  for (const { name } of findDivisionNames(title)) {
    const division = divisionsNamed(name).find(
      (d) => d.level === "county" && d.name === name && title.includes(d.canonicalName),
    );
    if (division) return division;
  }
  return null;
}

interface JurisdictionGuess {
  jurisdiction: string;
  code: string;
  confidence: number;
}

function guessJurisdiction(title: string, body: string, hints: IdentityHints): JurisdictionGuess | null {
  if (hints.code) {
    if (hints.code === NATIONAL.code) return { ...NATIONAL, confidence: 1 };
    const division = divisionByCode(hints.code);
    if (division) return { jurisdiction: division.canonicalName, code: division.code, confidence: 1 };
    // A code the list lacks (a new division, demo data) stands when the caller also names the jurisdiction.
    if (hints.jurisdiction) return { jurisdiction: hints.jurisdiction, code: hints.code, confidence: 1 };
  }
  if (hints.jurisdiction === NATIONAL.jurisdiction) return { ...NATIONAL, confidence: 1 };
  const opening = body.slice(0, OPENING_LENGTH);
  if (STATE_COUNCIL.test(title) || STATE_COUNCIL_OPENING.test(opening)) return { ...NATIONAL, confidence: 0.97 };

  const named = `${hints.jurisdiction ?? ""} ${title}`;
  const titled = divisionWithCityIn(named);
  if (titled) return { jurisdiction: titled.canonicalName, code: titled.code, confidence: 0.97 };

  const candidates = scoreDivisions(named, opening, body);
  const level = levelOfText(body);
  const atLevel = candidates.filter((c) =>
    level === null
      ? true
      : level === "市"
        ? c.division.level === "city" || suffixLevel(c.division) === "市"
        : c.division.level === "county" && suffixLevel(c.division) === level,
  );
  const best = atLevel[0] ?? candidates[0];
  if (!best) return null;

  // Same name elsewhere (several 鼓楼区): only the city named in the text tells them apart.
  const sameName = candidates.filter((c) => c !== best && c.division.name === best.division.name);
  const ambiguous = sameName.length > 0 && !best.cityEvidence;
  let confidence = best.inTitle ? 0.97 : best.score >= 12 ? 0.9 : best.score >= 6 ? 0.8 : 0.6;
  if (ambiguous) confidence *= 0.6;
  const runnerUp = atLevel[1];
  if (runnerUp && runnerUp.score > best.score * 0.7) confidence *= 0.8;
  return { jurisdiction: best.division.canonicalName, code: best.division.code, confidence };
}

interface YearGuess {
  year: number;
  confidence: number;
}

function guessReportYear(title: string, body: string, hints: IdentityHints, layout: SectionLayout): YearGuess | null {
  const titleYear = TITLE_YEAR.exec(title);
  if (titleYear) return { year: Number(titleYear[1]), confidence: 0.98 };
  if (hints.year) return { year: hints.year, confidence: 0.95 };
  const meeting = MEETING_DATE.exec(body.slice(0, OPENING_LENGTH));
  if (meeting) return { year: Number(meeting[1]), confidence: 0.95 };
  if (layout.planHeadingYear) return { year: layout.planHeadingYear, confidence: 0.9 };
  const planSection = layout.sections.find((s) => s.kind === "plan");
  const yearIs = YEAR_IS_SENTENCE.exec(planSection ? body.slice(planSection.start, planSection.start + 1500) : body);
  if (yearIs) return { year: Number(yearIs[1]), confidence: 0.85 };
  if (layout.reviewHeadingYear) return { year: layout.reviewHeadingYear + 1, confidence: 0.8 };
  return null;
}

function isWorkReport(title: string, body: string): boolean {
  if (RESOLUTION.test(title)) return false;
  if (/政府工作报告/.test(title)) return true;
  return WORK_REPORT_MARKERS.filter((marker) => marker.test(body)).length >= 2;
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
  if (isWorkReport(title, body)) {
    if (!jurisdiction) throw new NotAReport("no jurisdiction could be identified (name the government in the title)");
    const year = guessReportYear(title, body, hints, layout);
    if (!year) throw new NotAReport("the report's year could not be identified");
    const hasReview = layout.sections.some((s) => s.kind === "review");
    return {
      kind: "work_report",
      jurisdiction: jurisdiction.jurisdiction,
      code: jurisdiction.code,
      year: year.year,
      // A plan may be for another year than the report's (the 1980 report sets `1981年国民经济计划`).
      planYear: layout.planHeadingYear ?? year.year,
      reviewYear: hasReview ? year.year - 1 : null,
      confidence: round2(Math.min(jurisdiction.confidence, year.confidence)),
    };
  }
  const year = hints.year ?? reviewedYear(body);
  if (!jurisdiction || jurisdiction.confidence < 0.6 || year === null) {
    throw new NotAReport("it reads neither as a government work report nor as a review of a jurisdiction's year");
  }
  return {
    kind: "review_source",
    jurisdiction: jurisdiction.jurisdiction,
    code: jurisdiction.code,
    year,
    planYear: null,
    reviewYear: year,
    confidence: round2(Math.min(jurisdiction.confidence, 0.85)),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

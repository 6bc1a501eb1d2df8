/**
 * Whose report is this: the government that delivers it, at its level of GB/T 2260, with a confidence. Evidence is
 * weighed from the title (the file's title line or a hint), the opening lines and the body: names of divisions and
 * the level the text speaks for (`全区`, `区委` → a district).
 */
import { type Division, divisionByCode, divisionsNamed, findDivisionNames } from "./divisions";

export const NATIONAL = { jurisdiction: "全国", code: "000000" } as const;

export interface JurisdictionHints {
  jurisdiction?: string;
  code?: string;
}

const OPENING_LENGTH = 400;
const STATE_COUNCIL = /国务院|中华人民共和国政府工作报告|全国人民代表大会/;
const STATE_COUNCIL_OPENING = /我代表国务院|受国务院的委托|我代表中央人民政府|国务院总理/;

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/** The level a report speaks for, by the suffix of its government's name. */
type SelfLevel = "区" | "县" | "市" | "旗";

/** Self-references that show the level a text speaks for: `全区`, `区委` in a district's report. */
const LEVEL_MARKERS: { level: SelfLevel; pattern: RegExp }[] = [
  { level: "区", pattern: /全区|区委|区政府|区人大|区政协|区长/g },
  { level: "县", pattern: /全县|县委|县政府|县人大|县政协|县长/g },
  { level: "旗", pattern: /全旗|旗委|旗政府/g },
];
const CITY_LEVEL_MARKERS = /全市|市委|市政府|市人大|市政协/g;



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

export interface JurisdictionGuess {
  jurisdiction: string;
  code: string;
  confidence: number;
}

export function guessJurisdiction(title: string, body: string, hints: JurisdictionHints): JurisdictionGuess | null {
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


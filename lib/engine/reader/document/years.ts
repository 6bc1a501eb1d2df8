/**
 * Which year a report plans, weighed from what its text says about years rather than from the most-named year:
 *
 * - cues that name the plan year: `2019年主要预期目标`, `2019年工作安排`, `今年（2024年）`, `对2022年政府工作进行部署`;
 * - cues that name the review year (the plan year is the next): `一、2018年工作回顾`, `回顾了2021年工作`,
 *   `刚刚过去的2015年`, `预计2022年…`;
 * - the delivery date (`——2019年1月9日在…人民代表大会…上`, a news item's `12月19日…人大…会议开幕`) and a page's
 *   date: a report delivered in November or December plans the next year;
 * - a State Council report's NPC session (`十一届全国人大五次会议` = 2012), by the fixed table of terms;
 * - the title (`2019年梨树县政府工作报告`), which counts least: the body wins when they disagree.
 *
 * A caller's year (a corpus row's `year`) beats every guess.
 */

export interface YearEvidence {
  year: number;
  /** What the cue says of the year: it is planned, it is reviewed (plan = year + 1), or the report is dated in it. */
  role: "plan" | "review" | "delivery" | "title" | "session";
  weight: number;
  /** Where in the text the cue was found. */
  at: number;
}

export interface PlanYear {
  planYear: number;
  confidence: number;
  evidence: YearEvidence[];
}

const YEAR = "((?:19|20)\\d{2})";

/** Cues naming the year a plan is for, with their weight. */
const PLAN_CUES: { pattern: RegExp; weight: number }[] = [
  // `2019年经济社会发展主要预期目标`, `2023年,鄂城区经济社会发展主要预期目标是`
  { pattern: new RegExp(`${YEAR}年[^。；;\\n]{0,24}?(?:主要)?预期(?:目标|指标)`, "g"), weight: 5 },
  { pattern: new RegExp(`${YEAR}年[^。；;\\n]{0,12}?(?:主要目标|发展目标|目标任务)`, "g"), weight: 3 },
  // `二、2019年工作安排`, `2024年重点工作`, `2012年工作总体部署`, `对2022年政府工作进行部署安排`
  {
    pattern: new RegExp(
      `${YEAR}年(?:的)?(?:政府)?(?:工作安排|重点工作|主要任务|工作任务|工作总体部署|工作的总体要求|政府工作的目标任务|工作计划|(?:政府)?工作(?:进行|作(?:了|出))?(?:部署|安排|布置))`,
      "g",
    ),
    weight: 4,
  },
  { pattern: new RegExp(`对[^。\\n]{0,16}?${YEAR}年[^。\\n]{0,12}?(?:部署|安排|布置)`, "g"), weight: 4 },
  { pattern: new RegExp(`${YEAR}年的?(?:主要|重点)?工作[^。\\n]{0,6}?(?:安排部署|部署|安排|布置)`, "g"), weight: 4 },
  // `今年（2024年）`, `今年(2024年)`
  { pattern: new RegExp(`今年[（(]${YEAR}年?[）)]`, "g"), weight: 6 },
  // `2025年是“十四五”规划收官之年`: names the plan year when it opens the plan, but reviews use it too.
  {
    pattern: new RegExp(
      `${YEAR}年(?:是|，是|,是)[^。\\n]{2,60}?(?:开局之年|收官之年|关键之年|攻坚之年|起步之年|之年)`,
      "g",
    ),
    weight: 1.5,
  },
  // `提出2018年将集中精力…`, `2023年文昌重点要做好`
  { pattern: new RegExp(`${YEAR}年(?:[^，,。\\n]{0,8})(?:将|要)(?:集中|重点|着力|全力|突出|坚持)`, "g"), weight: 2 },
];

/** Cues naming the year a review looks back on. */
const REVIEW_CUES: { pattern: RegExp; weight: number }[] = [
  { pattern: new RegExp(`${YEAR}年(?:和[^。\\n]{0,8})?(?:政府)?工作(?:的)?回顾`, "g"), weight: 5 },
  { pattern: new RegExp(`回顾(?:了)?${YEAR}年`, "g"), weight: 4 },
  { pattern: new RegExp(`对${YEAR}年[^。\\n]{0,24}?(?:回顾|总结)`, "g"), weight: 4 },
  { pattern: new RegExp(`(?:刚刚|即将)?过去的${YEAR}年`, "g"), weight: 4 },
  { pattern: new RegExp(`(?:初步)?预计(?:到)?${YEAR}年`, "g"), weight: 3 },
  // `2019年，是我县经济社会发展非同寻常的一年`: a year told as past (a plan calls its year `…之年`).
  { pattern: new RegExp(`${YEAR}年[，,]?是[^。\\n]{2,40}?的一年`, "g"), weight: 3 },
  // `2016年较好完成了…`, `2016年预计实现生产总值…`, `2015年，全市经济运行…`
  { pattern: new RegExp(`${YEAR}年(?:[^，,。\\n]{0,4})(?:较好|全面|圆满|顺利)?完成(?:了)`, "g"), weight: 3 },
  { pattern: new RegExp(`${YEAR}年(?:预计|初步核算|全年实现)`, "g"), weight: 3 },
  {
    pattern: new RegExp(
      `${YEAR}年[，,]?(?:全国|全省|全市|全区|全县|全旗|全州|全盟|我国|我省|我市|我区|我县)(?:上下|人民|经济)`,
      "g",
    ),
    weight: 2,
  },
  {
    pattern: new RegExp(
      `${YEAR}年(?:底|末|全年)?[，,]?(?:预计)?(?:全国|全省|全市|全区|全县|全旗|全州|全盟|我国|我省|我市|我区|我县)[^。\\n]{0,20}?(?:生产总值|经济)[^。\\n]{0,12}?(?:增长|达到|实现|完成|突破)`,
      "g",
    ),
    weight: 2,
  },
];

/** A delivery date: `——2019年1月9日在…人民代表大会`, `2017年12月5日在土默特左旗第…`. */
const DELIVERY_DATE = new RegExp(`${YEAR}年(\\d{1,2})月\\d{1,2}日(?:上午|下午)?(?:在|于)`, "g");
/** A page or news item's date near its top: `2016-01-24`, `2019年1月8日`, `2019.01.08`. */
const PAGE_DATE = new RegExp(`${YEAR}[-年/.](\\d{1,2})[-月/.](\\d{1,2})`, "g");
/** A month named with a session opening, without a year: `12月19日，…十届人大二次会议开幕`. */
const SESSION_MONTH = /(?<!\d)(\d{1,2})月\d{1,2}日[^。\n]{0,30}?(?:人大|人民代表大会)[^。\n]{0,12}?会议/;
/** `十一届全国人大五次会议`, `第十一届全国人民代表大会第五次会议`. */
const NPC_SESSION = /(?:第)?([十一二三四五六七八九]{1,3})届全国(?:人大|人民代表大会)(?:第)?([一二三四五六七])次会议/g;
const TITLE_YEAR = new RegExp(`${YEAR}年`);

/** First year of each National People's Congress term: session M of term N meets in `start + M - 1`. */
const NPC_TERM_START: Record<number, number> = {
  1: 1954,
  2: 1959,
  3: 1964,
  4: 1975,
  5: 1978,
  6: 1983,
  7: 1988,
  8: 1993,
  9: 1998,
  10: 2003,
  11: 2008,
  12: 2013,
  13: 2018,
  14: 2023,
  15: 2028,
};

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function smallNumeral(text: string): number {
  if (text === "十") return 10;
  if (text.startsWith("十")) return 10 + (NUMERALS[text.slice(1)] ?? 0);
  if (text.endsWith("十")) return (NUMERALS[text[0] as string] ?? 0) * 10;
  if (text.includes("十")) {
    const [tens, ones] = text.split("十");
    return (NUMERALS[tens as string] ?? 0) * 10 + (NUMERALS[ones as string] ?? 0);
  }
  return NUMERALS[text] ?? 0;
}

/** Text this far into a report still counts as its opening (a delivery line, a news item's date). */
const OPENING = 600;
/** A report delivered from this month on plans the next year. */
const LATE_MONTH = 11;

function collect(text: string, cues: { pattern: RegExp; weight: number }[], role: YearEvidence["role"]) {
  const found: YearEvidence[] = [];
  for (const { pattern, weight } of cues) {
    for (const m of text.matchAll(pattern)) found.push({ year: Number(m[1]), role, weight, at: m.index });
  }
  return found;
}

function plausible(year: number): boolean {
  return year >= 1949 && year <= 2100;
}

/** Every clue to the plan year in a report's text and title. */
export function yearEvidence(title: string, text: string): YearEvidence[] {
  const evidence = [...collect(text, PLAN_CUES, "plan"), ...collect(text, REVIEW_CUES, "review")];
  const opening = text.slice(0, OPENING);
  const delivery = [...opening.matchAll(DELIVERY_DATE)][0];
  if (delivery) {
    const month = Number(delivery[2]);
    const year = Number(delivery[1]) + (month >= LATE_MONTH ? 1 : 0);
    evidence.push({ year, role: "delivery", weight: 6, at: delivery.index });
  } else {
    const dated = [...opening.matchAll(PAGE_DATE)][0];
    if (dated) {
      const sessionMonth = SESSION_MONTH.exec(opening);
      const sessionMonthNumber = Number(sessionMonth?.[1] ?? 0);
      const month = sessionMonthNumber >= 1 && sessionMonthNumber <= 12 ? sessionMonthNumber : Number(dated[2]);
      const year = Number(dated[1]) + (month >= LATE_MONTH ? 1 : 0);
      evidence.push({ year, role: "delivery", weight: 1.5, at: dated.index });
    }
  }
  for (const m of text.matchAll(NPC_SESSION)) {
    const start = NPC_TERM_START[smallNumeral(m[1] as string)];
    const session = smallNumeral(m[2] as string);
    if (start !== undefined && session > 0) {
      evidence.push({ year: start + session - 1, role: "session", weight: 6, at: m.index });
      break;
    }
  }
  const titled = TITLE_YEAR.exec(title);
  if (titled) evidence.push({ year: Number(titled[1]), role: "title", weight: 2, at: -1 });
  return evidence.filter((e) => plausible(e.year));
}

/** The plan year a clue points to. */
function plannedBy(e: YearEvidence): number {
  return e.role === "review" ? e.year + 1 : e.year;
}

/**
 * The plan year best supported by the evidence, or null when nothing names a year. Confidence grows with the
 * weight behind the winner and falls with the weight against it.
 */
export function guessPlanYear(evidence: YearEvidence[]): PlanYear | null {
  const votes = new Map<number, number>();
  for (const e of evidence) {
    const year = plannedBy(e);
    // Repeated cues add up, with diminishing weight: one strong cue should beat a page of weak ones.
    const previous = votes.get(year) ?? 0;
    votes.set(year, previous + e.weight / (1 + previous / 6));
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const [best, second] = ranked;
  if (!best) return null;
  const total = ranked.reduce((sum, [, w]) => sum + w, 0);
  const share = best[1] / total;
  const strength = Math.min(1, best[1] / 6);
  const confidence = Math.max(0.4, Math.min(0.98, 0.5 + 0.3 * share + 0.2 * strength - (second ? 0.05 : 0)));
  return { planYear: best[0], confidence: Math.round(confidence * 100) / 100, evidence };
}

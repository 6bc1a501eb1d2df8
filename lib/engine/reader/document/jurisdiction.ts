/**
 * Whose report is this: the government that delivers it, at its level of GB/T 2260, with a confidence.
 *
 * A report names many places — a province's report names its capital and its cities all the time — so the place
 * named most often is not the answer. Evidence is weighed in steps:
 *
 * 1. hints: a code wins; a jurisdiction named by the caller (a CSV row's `province`) is resolved to its division;
 * 2. the State Council: `我代表国务院`, `十四届全国人大一次会议`, `国务院总理`;
 * 3. every division name in the title and text, read once, each mention classified by the words right around it:
 *    the delivering government (`代表X人民政府`), its congress (`X第十八届人民代表大会`, `X十届人大二次会议`), its
 *    report (`X人民政府工作报告`), its head (`X市长`), or a mere mention; a news dateline (`新华社北京…电`), a
 *    newspaper's name (`青岛晚报`) and the venue (`在太原隆重开幕`) say nothing about whose report it is;
 * 4. the level the text speaks for (`全省`, `我市`, `全区`, `全县`, `全旗`, `代表省人民政府`, `市四届人大`): a division
 *    of another level weighs little, however often it is named;
 * 5. the best division wins; the confidence says how strong and how clear-cut its evidence is.
 */
import {
  type Division,
  deliversWorkReports,
  divisionByCode,
  divisionsNamed,
  findDivisionNames,
  isOfficialName,
  isOrdinaryWord,
  isWithin,
  type SelfWord,
} from "./divisions";

export const NATIONAL = { jurisdiction: "全国", code: "000000" } as const;

export interface JurisdictionHints {
  jurisdiction?: string;
  code?: string;
}

export interface JurisdictionGuess {
  jurisdiction: string;
  code: string;
  confidence: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Cues. `G` is the generic word a short name may carry after it (`新疆自治区`, `重庆市`, `山东省`).

const G = "(?:(?:维吾尔|壮族|回族)?自治区|[省市区县旗州盟])?";
const ORDINAL = "[〇零一二三四五六七八九十\\d]+";

/** After a name: its people's congress in session (`第十八届人民代表大会`, `十届人大二次会议`, `人代会`, `两会`). */
const SESSION_AFTER = new RegExp(
  `\\s*${G}\\s*(?:第\\s*)?${ORDINAL}\\s*届\\s*(?:人民代表大会|人大)|${G}(?:人民代表大会|人大(?!常委)|人代会|两会)`,
  "y",
);
/** After a name: its government's work report (`人民政府工作报告`, `2011年政府工作报告`, `自治区政府工作报告`). */
const REPORT_AFTER = new RegExp(`${G}(?:\\d{4}年)?(?:(?:人民)?政府){1,2}(?:\\d{4}年)?工作报告|\\d{4}年工作报告`, "y");
/** After a name: its head, who delivers the report (`省长`, `市长`, `代市长`, `自治区主席`). */
const HEAD_AFTER = new RegExp(`${G}(?:人民政府)?代?(?:省长|市长|区长|县长|旗长|州长|盟长|主席(?!团))`, "y");
/**
 * After an official name that ends in its level (`重庆市`, `山西省`): `长` makes the head (`重庆市长`), unless it
 * starts a word (`市长江`, `长期`) — or the next name (`重庆市长寿区`), which the caller rules out.
 */
const HEAD_AFTER_LEVEL = /代?长(?!江|城|期|效|远|足|三角|株潭|征|廊|水|沙|春|安|治|久|大)/y;
const ENDS_IN_LEVEL = /[省市区县旗州盟]$/;
/** After a name: its government or party committee (`人民政府`, `市委`), named in passing as often as delivering. */
const GOVERNMENT_AFTER = new RegExp(`${G}(?:人民)?政府|${G}委`, "y");
/** After a name: a newspaper, station or site (`青岛晚报`, `大众日报`), which says where the newsroom is. */
const MEDIA_AFTER = /(?:日报|晚报|早报|商报|都市报|青年报|法治报|电视台|广播|新闻|网|发布|融媒)/y;
/** After a name: a news dateline (`北京3月5日电`, `济南讯`), which names where the newsroom is. */
const DATELINE_AFTER = /\s*(?:\d{1,2}月\d{1,2}日\s*)?(?:电(?![力网商视器厂池站源动气缆信])|讯)/y;
/** After a name: the venue of the session (`在太原隆重开幕`, `在山东会堂`), usually the capital. */
const VENUE_AFTER = /(?:隆重)?(?:开幕|召开|举行)|(?:人民)?(?:大)?会堂|宾馆|饭店|会议中心/y;

/** How much one mention in each context weighs for its division. */
const CONTEXT_WEIGHT = {
  deliver: 12,
  session: 10,
  report: 10,
  head: 6,
  government: 2,
  venue: 0.5,
  media: 0,
  dateline: 0,
  plain: 1,
} as const;
type MentionContext = keyof typeof CONTEXT_WEIGHT;
/** Contexts that name the government delivering the report. */
const DELIVERING_CONTEXTS: ReadonlySet<MentionContext> = new Set(["deliver", "session", "report", "head"]);
/** A name in the title (`2019年青岛市市南区人民政府工作报告`) weighs as much as a session name in the text. */
const TITLE_WEIGHT = 8;
/** A short name (`青岛`) weighs a little less than an official name (`青岛市`). */
const SHORT_NAME_WEIGHT = 0.8;
/** Plain mentions stop counting after this many: a long report should not win on repetition alone. */
const PLAIN_CAP = 30;

/**
 * Self-references: the word a text uses for its own territory (`全省`, `我市`, `本区`) and `我国` for the State
 * Council. Not `全市场`, `全区域`, `全州县`, nor a ranking or comparison with the level above, which a report makes
 * all the time (`全省第二`, `保持全市首位`, `领跑全市`, `高于全市平均`, `高于全国全省`).
 */
const SELF_REFERENCE =
  /(?<!全国|领跑|位居|位列|居|占|高于|低于|超过|快于|领先)(?:全|我|本)([省市区县旗州盟])(?!场|域|第|首|前列|前茅|领先|率先|平均|均值|排名|排位|最|县|全国)|我(国)/g;

/** The delivering government named by its level alone: `我代表省人民政府`, `代表自治区人民政府`. */
const DELIVERING_LEVEL = /代表(自治区|[省市区县旗州盟])(?:人民)?政府/g;
/** The congress named by its level alone: `省十届人大二次会议`, `市第十六届人民代表大会`, `市五届六次人代会`. */
const SESSION_LEVEL = new RegExp(
  `(自治区|[省市区县旗州盟])第?${ORDINAL}届(?:人民代表大会|人大|${ORDINAL}次人代会)`,
  "g",
);
/**
 * Government bodies named by their level (`区委`, `区政府`, `县人大`): mostly the text's own, but also the level above
 * (`在市委、市政府和区委的坚强领导下`), so they weigh less than a self-reference.
 */
const GOVERNMENT_LEVEL = /([省市区县旗州盟])(?:委(?!员)|人民政府|政府|人大|政协)/g;
const GOVERNMENT_LEVEL_WEIGHT = 0.5;
const SELF_REFERENCE_WEIGHT = 1;
const DELIVERING_LEVEL_WEIGHT = 5;
const SESSION_LEVEL_WEIGHT = 3;
/** Fewer self-references than this tell no level. */
const MIN_LEVEL_EVIDENCE = 3;

/** The State Council delivering its report, or the NPC session hearing it. */
const NATIONAL_DELIVERING = /我代表国务院|受国务院(?:的)?委托|代表中央人民政府/g;
const NATIONAL_SESSION = new RegExp(`全国人民代表大会第?${ORDINAL}次会议|届全国人大${ORDINAL}次会议|国务院总理`, "g");
/** A title that names the State Council's report or the NPC. */
const NATIONAL_TITLE = /国务院|中华人民共和国政府工作报告|全国人民代表大会|全国人大|全国两会/;
const NATIONAL_DELIVERING_WEIGHT = 12;
const NATIONAL_SESSION_WEIGHT = 8;
/** `我国` in a text that speaks of no province, city or county: the State Council's old reports say little else. */
const NATIONAL_SELF_WEIGHT = 0.2;
const NATIONAL_SELF_CAP = 50;
/** Less than this (a `我国` or two in a province's text) says nothing of the State Council. */
const MIN_NATIONAL_SCORE = 1;

/**
 * An autonomous region's government bodies (`自治区党委`, `自治区主席`): the region's own in its report, the level above
 * in a district's; they weigh like other government bodies named by level.
 */
const AUTONOMOUS_REGION_SELF = /自治区(?:党委|人民政府|政府|主席|人大|政协)/g;

/**
 * A redacted government (`某县`, `XX市第十五届人民代表大会`, `**县`): the text hides whose report it is, and no name it
 * mentions in passing should be taken for it.
 */
const REDACTED_GOVERNMENT = new RegExp(
  `(?:某|[XxＸｘ×*]{2,})[省市区县旗州盟](?=第|${ORDINAL}届|(?:人民)?政府|人大|人民代表大会|委|长|发展|工作|经济)`,
);

/** Single-character names of provinces, used in headlines for their congress: `粤十四届人大一次会议`. */
const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  京: "110000",
  沪: "310000",
  渝: "500000",
  冀: "130000",
  晋: "140000",
  蒙: "150000",
  辽: "210000",
  吉: "220000",
  黑: "230000",
  苏: "320000",
  浙: "330000",
  皖: "340000",
  闽: "350000",
  赣: "360000",
  鲁: "370000",
  豫: "410000",
  鄂: "420000",
  湘: "430000",
  粤: "440000",
  桂: "450000",
  琼: "460000",
  川: "510000",
  黔: "520000",
  滇: "530000",
  藏: "540000",
  陕: "610000",
  甘: "620000",
  陇: "620000",
};
/** Preceded by anything but a Chinese character: `粤十四届人大` opens a headline, `新人大代表` is a word. */
const ABBREVIATED_SESSION = new RegExp(
  `([${Object.keys(PROVINCE_ABBREVIATIONS).join("")}])(?:第?${ORDINAL}届)?人大`,
  "g",
);
const CHINESE_CHARACTER = /[\u4e00-\u9fff]/;

// ---------------------------------------------------------------------------------------------------------------
// Evidence

/** What the text says for one division. */
interface Evidence {
  division: Division;
  /** Weighted mentions in delivering, government and title contexts. */
  named: number;
  /** True when a mention names the delivering government (congress, report, head, `代表…政府`) or the title does. */
  delivering: boolean;
  plainOfficial: number;
  plainShort: number;
  /** Named right after its city or province (`青岛市市南区`, `山东省青岛市`). */
  qualified: boolean;
}

/** A level a text speaks as: a division's self-word, `自治区` (said only by autonomous regions), `国`. */
type LevelWord = SelfWord | "自治区" | "国";
type LevelCounts = Partial<Record<LevelWord, number>>;

/** The level words that speak for a division: an autonomous region says 全区 like a district, and 自治区. */
function levelWordsOf(division: Division): LevelWord[] {
  if (!division.selfWord) return [];
  return division.level === "province" && division.selfWord === "区" ? ["区", "自治区"] : [division.selfWord];
}

function evidenceOf(map: Map<Division, Evidence>, division: Division): Evidence {
  let evidence = map.get(division);
  if (!evidence) {
    evidence = { division, named: 0, delivering: false, plainOfficial: 0, plainShort: 0, qualified: false };
    map.set(division, evidence);
  }
  return evidence;
}

function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/** Which of the following mention's divisions lie within this mention's (`青岛市` + `市南区`). */
function qualifiedBy(outer: Division[], inner: Division[]): Division[] {
  return inner.filter((d) => outer.some((o) => isWithin(d, o)));
}

/** The context of a mention at [start, end): what the words right around it make of it. */
function contextOf(
  text: string,
  mention: { name: string; start: number; official: boolean },
  nextStart: number | undefined,
): MentionContext {
  const { start } = mention;
  const end = start + mention.name.length;
  if (matchesAt(DATELINE_AFTER, text, end)) return "dateline";
  if (matchesAt(MEDIA_AFTER, text, end)) return "media";
  if (text[start - 1] === "在" && matchesAt(VENUE_AFTER, text, end)) return "venue";
  if (text.slice(Math.max(0, start - 2), start) === "代表" && matchesAt(GOVERNMENT_AFTER, text, end)) return "deliver";
  if (matchesAt(SESSION_AFTER, text, end)) return "session";
  if (matchesAt(REPORT_AFTER, text, end)) return "report";
  if (matchesAt(HEAD_AFTER, text, end)) return "head";
  // `重庆市长寿区` is a district, not the mayor: a name starting right after is not a title.
  const levelEnding = mention.official && ENDS_IN_LEVEL.test(mention.name);
  if (levelEnding && nextStart !== end && matchesAt(HEAD_AFTER_LEVEL, text, end)) return "head";
  if (matchesAt(GOVERNMENT_AFTER, text, end)) return "government";
  return "plain";
}

/**
 * Characters after which a two-character name (`和县`, `兴县`, `沙县`) can begin; after any other character it is
 * most likely the end of a word (`省市和县委`, `振兴县域`, `新兴县`).
 */
const BEFORE_TWO_CHARACTER_NAME = /[^\u4e00-\u9fff]|[在于至到从对向与及和、的是即]/;

function standsAlone(text: string, start: number): boolean {
  return start === 0 || BEFORE_TWO_CHARACTER_NAME.test(text[start - 1] as string);
}

/** Scan the text once for division names and weigh each by its context. */
function collectEvidence(text: string, titleLength: number): Map<Division, Evidence> {
  const evidence = new Map<Division, Evidence>();
  const mentions = findDivisionNames(text);
  /** Where a name follows its city or province (`马鞍山市和县`). */
  const qualifiedStarts = new Set<number>();
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i] as (typeof mentions)[number];
    const end = mention.start + mention.name.length;
    const next = mentions[i + 1];
    const divisions = divisionsNamed(mention.name);
    // `青岛市市南区`: the city only qualifies the district that follows; the district takes the context.
    if (next && next.start === end) {
      const inner = qualifiedBy(divisions, divisionsNamed(next.name));
      if (inner.length > 0) {
        for (const d of inner) evidenceOf(evidence, d).qualified = true;
        qualifiedStarts.add(next.start);
        continue;
      }
    }
    const official = isOfficialName(mention.name);
    const qualified = qualifiedStarts.has(mention.start);
    if (official && mention.name.length === 2 && !qualified && !standsAlone(text, mention.start)) continue;
    const context = contextOf(text, { ...mention, official }, next?.start);
    if (context === "plain" && isOrdinaryWord(mention.name)) continue;
    const inTitle = mention.start < titleLength;
    for (const division of divisions) {
      const e = evidenceOf(evidence, division);
      if (inTitle) {
        e.named += TITLE_WEIGHT;
        e.delivering = true;
      }
      if (context === "plain") {
        if (official) e.plainOfficial++;
        else e.plainShort++;
      } else {
        e.named += CONTEXT_WEIGHT[context];
        if (DELIVERING_CONTEXTS.has(context)) e.delivering = true;
      }
    }
  }
  for (const match of text.matchAll(ABBREVIATED_SESSION)) {
    if (match.index > 0 && CHINESE_CHARACTER.test(text[match.index - 1] as string)) continue;
    const province = divisionByCode(PROVINCE_ABBREVIATIONS[match[1] as string] as string);
    if (!province) continue;
    const e = evidenceOf(evidence, province);
    e.named += CONTEXT_WEIGHT.session;
    e.delivering = true;
  }
  return evidence;
}

function countAll(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}

/** How much the text speaks as each level: `全省`, `我市`, `代表区人民政府`, `县十八届人大`, `我国`. */
function levelCounts(text: string): LevelCounts {
  const counts: LevelCounts = {};
  const add = (word: LevelWord, weight: number) => {
    counts[word] = (counts[word] ?? 0) + weight;
  };
  for (const m of text.matchAll(SELF_REFERENCE)) add((m[1] ?? m[2]) as LevelWord, SELF_REFERENCE_WEIGHT);
  for (const m of text.matchAll(DELIVERING_LEVEL)) add(m[1] as LevelWord, DELIVERING_LEVEL_WEIGHT);
  for (const m of text.matchAll(SESSION_LEVEL)) add(m[1] as LevelWord, SESSION_LEVEL_WEIGHT);
  for (const m of text.matchAll(GOVERNMENT_LEVEL)) add(m[1] as LevelWord, GOVERNMENT_LEVEL_WEIGHT);
  for (const _ of text.matchAll(AUTONOMOUS_REGION_SELF)) add("自治区", GOVERNMENT_LEVEL_WEIGHT);
  return counts;
}

function totalOf(counts: LevelCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The share of the text's self-references that speak as these level words. */
function shareOf(counts: LevelCounts, words: readonly LevelWord[]): number {
  const total = totalOf(counts);
  if (total === 0) return 0;
  return words.reduce((sum, word) => sum + (counts[word] ?? 0), 0) / total;
}

/** How well a level fits the text's self-references: 1 when the text tells no level; 0.5 for a division without one. */
function levelFit(counts: LevelCounts, words: readonly LevelWord[]): number {
  if (totalOf(counts) < MIN_LEVEL_EVIDENCE) return 1;
  if (words.length === 0) return 0.5;
  return 0.1 + 0.9 * shareOf(counts, words);
}

/** Named after its city (`青岛市市南区`): what tells apart divisions that share a name. */
const QUALIFIED_BONUS = 1.5;
/** Per mention of its city or province: a district named with its city is more likely the one meant. */
const ANCESTOR_MENTION_WEIGHT = 0.3;
const ANCESTOR_MENTION_CAP = 10;
/**
 * Per distinct city (or county) of it named: a province's report goes round its cities, a city's round its districts,
 * while a city's report seldom names the other cities of its province.
 */
const DISTINCT_CHILD_WEIGHT = 1;
/** Per mention of any division within it: a report names its own parts. */
const CHILD_MENTION_WEIGHT = 0.1;
const CHILD_MENTION_CAP = 40;
/** Fewer plain mentions than these need other support (a name can hide in a word). */
const SELF_SUPPORTING_OFFICIAL = 2;
const SELF_SUPPORTING_SHORT = 3;
/** A level share from which a text's level supports the names of that level it mentions. */
const SUPPORTING_LEVEL_SHARE = 0.5;

interface Scored {
  evidence: Evidence;
  score: number;
}

const LEVEL_RANK = { province: 0, city: 1, county: 2 } as const;

/**
 * Score each division: its named evidence and its plain mentions — counted only when something supports them, since
 * a name can hide in a word (`适应城市发展` holds 应城市) — plus its own parts named and its city named, all times how
 * well its level fits the text's self-references.
 */
function scoreDivisions(evidence: Map<Division, Evidence>, counts: LevelCounts): Scored[] {
  const plainOf = (e: Evidence | undefined) => (e ? e.plainOfficial + e.plainShort : 0);
  const childMentions = new Map<Division, number>();
  /** For each division, its parts (cities of a province, counties of a city) with something named in them. */
  const namedParts = new Map<Division, Set<Division>>();
  for (const e of [...evidence.values()]) {
    if (plainOf(e) === 0 && e.named === 0) continue;
    for (let part = e.division, d = part.parent; d; part = d, d = d.parent) {
      childMentions.set(d, (childMentions.get(d) ?? 0) + plainOf(e));
      const parts = namedParts.get(d) ?? new Set<Division>();
      parts.add(part);
      namedParts.set(d, parts);
      // A province or city never named itself may still be the one whose parts the text goes round.
      evidenceOf(evidence, d);
    }
  }
  const scored: Scored[] = [];
  for (const e of evidence.values()) {
    const d = e.division;
    let ancestorMentions = 0;
    for (let a = d.parent; a; a = a.parent) {
      const ae = evidence.get(a);
      ancestorMentions += plainOf(ae) + (ae && ae.named > 0 ? 1 : 0);
    }
    const levelSupports =
      (e.plainOfficial >= 1 || e.plainShort >= 2 || childMentions.has(d)) &&
      shareOf(counts, levelWordsOf(d)) >= SUPPORTING_LEVEL_SHARE;
    const supported =
      d.level === "province" ||
      e.named > 0 ||
      e.qualified ||
      ancestorMentions > 0 ||
      e.plainOfficial >= SELF_SUPPORTING_OFFICIAL ||
      e.plainShort >= SELF_SUPPORTING_SHORT ||
      levelSupports;
    const plain = supported
      ? Math.min(e.plainOfficial, PLAIN_CAP) + SHORT_NAME_WEIGHT * Math.min(e.plainShort, PLAIN_CAP)
      : 0;
    const parts =
      DISTINCT_CHILD_WEIGHT * (namedParts.get(d)?.size ?? 0) +
      CHILD_MENTION_WEIGHT * Math.min(childMentions.get(d) ?? 0, CHILD_MENTION_CAP);
    const ancestors =
      (e.qualified ? QUALIFIED_BONUS : 0) + ANCESTOR_MENTION_WEIGHT * Math.min(ancestorMentions, ANCESTOR_MENTION_CAP);
    const raw = e.named + plain + parts + ancestors;
    if (raw > 0 && deliversWorkReports(d)) scored.push({ evidence: e, score: raw * levelFit(counts, levelWordsOf(d)) });
  }
  // Equal evidence (a name two divisions share, `海南`): the higher division is the one a text means.
  return scored.sort(
    (a, b) => b.score - a.score || LEVEL_RANK[a.evidence.division.level] - LEVEL_RANK[b.evidence.division.level],
  );
}

/** The State Council's evidence, scored like a division's (its self-reference is `我国`). */
function nationalScore(title: string, text: string, counts: LevelCounts): { score: number; delivering: boolean } {
  const delivering = countAll(text, NATIONAL_DELIVERING);
  const session = countAll(text, NATIONAL_SESSION);
  const titled = NATIONAL_TITLE.test(title);
  const raw =
    NATIONAL_DELIVERING_WEIGHT * Math.min(delivering, 3) +
    NATIONAL_SESSION_WEIGHT * Math.min(session, 3) +
    (titled ? TITLE_WEIGHT : 0) +
    NATIONAL_SELF_WEIGHT * Math.min(counts.国 ?? 0, NATIONAL_SELF_CAP);
  return { score: raw * levelFit(counts, ["国"]), delivering: delivering > 0 || titled || session > 0 };
}

/** A text that clearly speaks as one level (`全区` throughout) and names one division of it is fairly sure. */
const CONFIRMED_LEVEL_SHARE = 0.6;
const CONFIRMED_LEVEL_CONFIDENCE = 0.7;
/** Below this score, plain mentions alone (no delivering words, no level) leave the jurisdiction unknown. */
const MENTIONS_ONLY_SCORE = 5;
const MENTIONS_ONLY_CONFIDENCE = 0.45;

function confidenceOf(best: Scored, runnerUp: Scored | undefined, ambiguous: boolean, counts: LevelCounts): number {
  const { score } = best;
  let confidence = best.evidence.delivering
    ? 0.97
    : best.evidence.named >= 4 || score >= 12
      ? 0.9
      : score >= 6
        ? 0.8
        : score >= 3
          ? 0.7
          : score >= 1.5
            ? 0.6
            : 0.45;
  const ratio = runnerUp ? runnerUp.score / score : 0;
  if (ratio > 0.8) confidence *= 0.75;
  else if (ratio > 0.6) confidence *= 0.9;
  const levelConfirmed =
    totalOf(counts) >= MIN_LEVEL_EVIDENCE &&
    shareOf(counts, levelWordsOf(best.evidence.division)) >= CONFIRMED_LEVEL_SHARE;
  if (levelConfirmed && ratio < 0.5) confidence = Math.max(confidence, CONFIRMED_LEVEL_CONFIDENCE);
  // A few plain mentions in a text that speaks as no level (a passage of the State Council's report names 浦东 or
  // 四川): they tell what the text is about, not who speaks.
  const mentionsOnly = best.evidence.named < CONTEXT_WEIGHT.government && totalOf(counts) < MIN_LEVEL_EVIDENCE;
  if (mentionsOnly && score < MENTIONS_ONLY_SCORE) confidence = Math.min(confidence, MENTIONS_ONLY_CONFIDENCE);
  // Several divisions share the name (鼓楼区) and nothing in the text tells which: a guess for the user to confirm.
  if (ambiguous) confidence = Math.min(confidence, 0.6);
  return Math.round(confidence * 100) / 100;
}

/**
 * How much of a report identification reads. Who delivers a report is said at its start (the session, `代表X人民政府`,
 * the self-references of the review), and mentions further on only repeat the proportions: reading a whole
 * 40 000-character report would cost more than the rest of the reader. A start that says who delivers it settles the
 * question; otherwise (an excerpt from a report's middle) more of the text is read.
 */
const FIRST_SPAN = 6_000;
const IDENTIFICATION_SPAN = 16_000;
/** A guess from the start this sure (a delivering phrase, a session, the title) is not read further. */
const SETTLED = 0.97;

function guessFromText(title: string, wholeBody: string): JurisdictionGuess | null {
  if (wholeBody.length > FIRST_SPAN) {
    const early = guessFromSpan(title, wholeBody.slice(0, FIRST_SPAN));
    if (early && early.confidence >= SETTLED) return early;
  }
  return guessFromSpan(title, wholeBody.slice(0, IDENTIFICATION_SPAN));
}

function guessFromSpan(title: string, body: string): JurisdictionGuess | null {
  const text = title ? `${title}\n${body}` : body;
  const counts = levelCounts(text);
  const national = nationalScore(title, text, counts);
  const scored = scoreDivisions(collectEvidence(text, title.length), counts);
  const best = scored[0];
  if (national.score >= MIN_NATIONAL_SCORE && (!best || national.score >= best.score)) {
    const ratio = best ? best.score / national.score : 0;
    const confidence = national.delivering ? (ratio > 0.8 ? 0.7 : 0.97) : 0.6;
    return { ...NATIONAL, confidence };
  }
  if (!best) return null;
  if (REDACTED_GOVERNMENT.test(text) && !best.evidence.delivering) return null;
  const sameName = scored.filter((s) => s !== best && s.evidence.division.name === best.evidence.division.name);
  const ambiguous = sameName.some((s) => s.score >= best.score * 0.9);
  const runnerUp = scored.find((s) => s !== best && !sameName.includes(s));
  const division = best.evidence.division;
  return {
    jurisdiction: division.canonicalName,
    code: division.code,
    confidence: confidenceOf(best, runnerUp, ambiguous, counts),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Hints

/**
 * The division a caller's name stands for, at the level it names: `山东省` and `山东` are the province,
 * `青岛市市南区` the district. Names the list shares (`鼓楼区`) come back as all their divisions.
 */
function divisionsOfName(name: string): Division[] {
  let current: Division[] = [];
  for (const mention of findDivisionNames(name)) {
    const named = divisionsNamed(mention.name);
    const inner = current.length > 0 ? qualifiedBy(current, named) : named;
    if (inner.length > 0) current = inner;
  }
  if (current.length <= 1) return current;
  // A bare `通州` names two districts; the highest level a name reaches is what a caller means.
  const top = Math.min(...current.map((d) => LEVEL_RANK[d.level]));
  return current.filter((d) => LEVEL_RANK[d.level] === top);
}

/** A caller's name that resolves to one division. */
const HINT_CONFIDENCE = 0.98;
/** A caller's name that several divisions share (`鼓楼区`), told apart by the text or not at all. */
const SHARED_HINT_CONFIDENCE = 0.7;

function guessFromHint(name: string, title: string, body: string): JurisdictionGuess | null {
  if (/^(?:全国|国务院|中华人民共和国|中央人民政府)$/.test(name.trim())) return { ...NATIONAL, confidence: 1 };
  const divisions = divisionsOfName(name);
  const [only] = divisions;
  if (!only) return null;
  if (divisions.length === 1) return { jurisdiction: only.canonicalName, code: only.code, confidence: HINT_CONFIDENCE };
  // Which of the divisions sharing the name: the text tells, if it can.
  const text = title ? `${title}\n${body}` : body;
  const scored = scoreDivisions(collectEvidence(text, title.length), levelCounts(text));
  const pick = scored.find((s) => divisions.includes(s.evidence.division))?.evidence.division ?? only;
  return { jurisdiction: pick.canonicalName, code: pick.code, confidence: SHARED_HINT_CONFIDENCE };
}

export function guessJurisdiction(title: string, body: string, hints: JurisdictionHints): JurisdictionGuess | null {
  if (hints.code) {
    if (hints.code === NATIONAL.code) return { ...NATIONAL, confidence: 1 };
    const division = divisionByCode(hints.code);
    if (division) return { jurisdiction: division.canonicalName, code: division.code, confidence: 1 };
    // A code the list lacks (a new division, demo data) stands when the caller also names the jurisdiction.
    if (hints.jurisdiction) return { jurisdiction: hints.jurisdiction, code: hints.code, confidence: 1 };
  }
  if (hints.jurisdiction) {
    const hinted = guessFromHint(hints.jurisdiction, title, body);
    if (hinted) return hinted;
  }
  return guessFromText(title, body);
}

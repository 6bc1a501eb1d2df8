/**
 * The one table of units: what the reader looks for after a number and what the matcher converts. Each entry says
 * what the unit measures (its dimension), its size in the dimension's reference unit (the entry of factor 1), the
 * other spellings reports use, and whether it is a counting word (量词). Magnitudes (`万`, `亿`…) are not units:
 * reports keep them in front of one (`5.7万人`, `1.3万亿斤`), and the reader leaves them in the unit it gives.
 *
 * Where the entries come from, group by group: the unit list of extraction.md §2 (`%`, `‰`, `个百分点`, `万人`, `家`,
 * `台(套)`, `亿美元`, `万亿斤`, `微克/立方米`, `天`, `岁`, `宗`…), the units of the labels of ../shared/corpus/web
 * (`万担`, `万标箱`, `万千瓦`, `亿头只`, `起`, `只`, `万公里`), and the units met in the 31 provincial reports of 2026
 * (../shared/corpus/provinces-2026: `千瓦时`, `兆瓦`, `千伏`, `公顷`, `批次`, `场次`).
 */

/** What a unit measures. Units of one dimension convert; counting words are all of dimension `count`. */
export type Dimension =
  | "percent"
  | "percentage_point"
  | "times"
  | "people"
  | "person_times"
  | "households"
  | "yuan"
  | "usd"
  | "mass"
  | "area"
  | "length"
  | "volume"
  | "concentration"
  | "power"
  | "energy"
  | "voltage"
  | "containers"
  | "days"
  | "age"
  | "count";

export interface UnitEntry {
  /** The spelling the reader gives as `unit` (extraction.md §2), whichever of the spellings the report used. */
  unit: string;
  dimension: Dimension;
  /** Size in the dimension's reference unit: `斤` for mass (`吨` = 2000), `平方米` for area, `%` for ratios. */
  factor: number;
  /** Other spellings of the same unit (`微克每立方米`); the reader gives `unit` for them. */
  aliases?: readonly string[];
  /** A counting word: meets only itself, its bracketed alternatives (`台(套)`) and the generic `个`. */
  counter?: true;
  /** Written around the number: `每立方米60微克` is 60 `微克/立方米` (`per` before the number, `amount` after). */
  around?: { per: string; amount: string };
  /**
   * Read only where the clause goes on with no noun: before a noun the number names a group or a deadline, not a
   * quantity (`60岁以上老年人`, `3岁以下婴幼儿`, `3天内办结`), while `人均预期寿命80岁`, `优良天数300天以上` are figures.
   */
  clauseFinal?: true;
  /** Characters that, right after the spelling, make it part of another word (`3起步`, `起重`). */
  notBefore?: string;
  /**
   * Not looked for after a number by the reader: after a number it names something else as often (`45度角`), or it
   * ends another unit the reader would misread (`25克/千克`: `千克` would read as a thousand 克).
   */
  matchOnly?: true;
}

/** A magnitude word: kept in the unit by the reader (`5.7万人`), multiplied out by the matcher. */
export interface Magnitude {
  word: string;
  factor: number;
}

/** Magnitudes as reports write them before a unit, longest first (extraction.md §2: `万`/`亿`/`千` stay in the unit). */
export const MAGNITUDES: readonly Magnitude[] = [
  { word: "万亿", factor: 1e12 },
  { word: "千亿", factor: 1e11 },
  { word: "百亿", factor: 1e10 },
  { word: "亿", factor: 1e8 },
  { word: "千万", factor: 1e7 },
  { word: "百万", factor: 1e6 },
  { word: "十万", factor: 1e5 },
  { word: "万", factor: 1e4 },
  { word: "千", factor: 1e3 },
  { word: "百", factor: 1e2 },
];

/** The counting word a unit may carry in brackets: `台(套)`, `场(次)`, `家(次)` (the labels; provincial reports). */
export const BRACKETED_ALTERNATIVES: readonly string[] = ["套", "次", "个"];

/** Ratios (extraction.md §2: `%`, `‰` also for `千分之…`, `个百分点`); `倍` from the provincial reports. */
const RATIOS: UnitEntry[] = [
  { unit: "%", dimension: "percent", factor: 1, aliases: ["％"] },
  { unit: "‰", dimension: "percent", factor: 0.1 },
  { unit: "个百分点", dimension: "percentage_point", factor: 1, aliases: ["百分点"] },
  { unit: "倍", dimension: "times", factor: 1 },
];

/** People and households (extraction.md §2: `万人`, `人`, `户`; `人次` from the labels). */
const PEOPLE: UnitEntry[] = [
  { unit: "人", dimension: "people", factor: 1 },
  { unit: "名", dimension: "people", factor: 1 },
  { unit: "位", dimension: "people", factor: 1 },
  { unit: "人次", dimension: "person_times", factor: 1 },
  { unit: "户", dimension: "households", factor: 1 },
];

/** Money (extraction.md §2: `亿元`, `万元`, `元`, `亿美元`): currencies never convert into each other. */
const MONEY: UnitEntry[] = [
  { unit: "元", dimension: "yuan", factor: 1 },
  { unit: "美元", dimension: "usd", factor: 1 },
];

/** Mass, reference `斤` (extraction.md §2: `万亿斤`; labels: `亿斤`, `万担` of tobacco, `万吨`). */
const MASS: UnitEntry[] = [
  { unit: "斤", dimension: "mass", factor: 1 },
  { unit: "公斤", dimension: "mass", factor: 2 },
  { unit: "千克", dimension: "mass", factor: 2 },
  { unit: "克", dimension: "mass", factor: 0.002, matchOnly: true },
  { unit: "吨", dimension: "mass", factor: 2000 },
  { unit: "担", dimension: "mass", factor: 100 },
];

/** Area, length and volume, references `平方米`, `米`, `立方米` (extraction.md §2; labels: `万亩`, `平方公里`, `万公里`). */
const SPACE: UnitEntry[] = [
  { unit: "平方米", dimension: "area", factor: 1 },
  { unit: "平方公里", dimension: "area", factor: 1e6 },
  { unit: "公顷", dimension: "area", factor: 1e4 },
  { unit: "亩", dimension: "area", factor: 10_000 / 15 },
  { unit: "米", dimension: "length", factor: 1 },
  { unit: "公里", dimension: "length", factor: 1000 },
  { unit: "千米", dimension: "length", factor: 1000 },
  { unit: "立方米", dimension: "volume", factor: 1 },
];

/** Air quality (extraction.md §2: `PM2.5平均浓度30微克/立方米`; a label writes `每立方米60微克`), reference `微克/立方米`. */
const CONCENTRATION: UnitEntry[] = [
  {
    unit: "微克/立方米",
    dimension: "concentration",
    factor: 1,
    aliases: ["微克每立方米", "微克／立方米", "μg/m³", "μg/m3", "ug/m3"],
    around: { per: "立方米", amount: "微克" },
  },
  {
    unit: "毫克/立方米",
    dimension: "concentration",
    factor: 1000,
    aliases: ["毫克每立方米", "毫克／立方米", "mg/m³", "mg/m3"],
    around: { per: "立方米", amount: "毫克" },
  },
];

/** Power, energy and grids, references `瓦`, `瓦时`, `伏` (labels: `万千瓦`; provincial reports: `千瓦时`, `兆瓦`, `千伏`). */
const ENERGY: UnitEntry[] = [
  { unit: "瓦", dimension: "power", factor: 1 },
  { unit: "千瓦", dimension: "power", factor: 1e3 },
  { unit: "兆瓦", dimension: "power", factor: 1e6 },
  { unit: "瓦时", dimension: "energy", factor: 1 },
  { unit: "千瓦时", dimension: "energy", factor: 1e3 },
  { unit: "度", dimension: "energy", factor: 1e3, matchOnly: true },
  { unit: "伏", dimension: "voltage", factor: 1, matchOnly: true },
  { unit: "千伏", dimension: "voltage", factor: 1e3 },
];

/** Ports (labels: `万标箱` of container throughput). */
const PORTS: UnitEntry[] = [{ unit: "标箱", dimension: "containers", factor: 1, aliases: ["TEU"] }];

/**
 * Days and years of age (extraction.md §2: `天`, `岁`; labels: `优良天数增加76天`, `人均期望寿命80.3岁`). Before a noun
 * they name a group or a deadline, not a figure.
 */
const TIME: UnitEntry[] = [
  { unit: "天", dimension: "days", factor: 1, clauseFinal: true },
  { unit: "岁", dimension: "age", factor: 1, clauseFinal: true },
];

const counter = (unit: string, more: Partial<UnitEntry> = {}): UnitEntry => ({
  unit,
  dimension: "count",
  factor: 1,
  counter: true,
  ...more,
});

/**
 * Counting words (extraction.md §2: `个`, `家`, `件`, `处`, `座`, `部`, `套`, `台(套)`, `批次`, `场`, `宗`; labels: `项`,
 * `条`, `只`, `起` of accidents, `头只` of livestock; the rest from the provincial reports). `个` is the generic one.
 */
const COUNTERS: UnitEntry[] = [
  counter("个"),
  counter("家"),
  counter("处"),
  counter("座"),
  counter("所"),
  counter("项"),
  counter("件"),
  counter("条"),
  counter("部"),
  counter("台"),
  counter("套"),
  counter("台套"),
  counter("张"),
  counter("栋"),
  counter("幢"),
  counter("间"),
  counter("辆"),
  counter("支"),
  counter("批"),
  counter("批次"),
  counter("场"),
  counter("场次"),
  counter("户次"),
  counter("家次"),
  counter("次"),
  counter("种"),
  counter("类"),
  counter("款"),
  counter("只"),
  counter("头"),
  counter("头只"),
  counter("株"),
  counter("棵"),
  counter("块"),
  counter("份"),
  counter("册"),
  counter("篇"),
  counter("宗"),
  counter("起", { notBefore: "步点始来重航飞草" }),
  counter("轮"),
  counter("期"),
  counter("节"),
  counter("门"),
  counter("艘"),
  counter("架"),
  counter("路"),
  counter("层"),
];

export const UNITS: readonly UnitEntry[] = [
  ...RATIOS,
  ...PEOPLE,
  ...MONEY,
  ...MASS,
  ...SPACE,
  ...CONCENTRATION,
  ...ENERGY,
  ...PORTS,
  ...TIME,
  ...COUNTERS,
];

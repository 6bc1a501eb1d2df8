/** The English names of the units (lib/engine/units/english.ts) cover the whole table, and nothing outside it. */
import { describe, expect, it } from "vitest";
import { MAGNITUDES, UNITS } from "@/lib/engine/units";
import { ENGLISH_MAGNITUDES, ENGLISH_UNITS } from "@/lib/engine/units/english";

const CJK = /[\u3400-\u9fff]/;

describe("English names of units", () => {
  it("name every unit and counting word of the table in English", () => {
    const missing = UNITS.map((entry) => entry.unit).filter((unit) => !(unit in ENGLISH_UNITS));
    expect(missing).toEqual([]);
    for (const [unit, english] of Object.entries(ENGLISH_UNITS)) {
      expect(CJK.test(english.plural), unit).toBe(false);
      expect(CJK.test(english.singular ?? ""), unit).toBe(false);
    }
  });

  it("name every magnitude in English", () => {
    const missing = MAGNITUDES.map((m) => m.word).filter((word) => !ENGLISH_MAGNITUDES[word]);
    expect(missing).toEqual([]);
    for (const name of Object.values(ENGLISH_MAGNITUDES)) expect(name).toMatch(/^[a-z ]+$/);
  });

  it("name only what the table holds", () => {
    const table = new Set(UNITS.map((entry) => entry.unit));
    expect(Object.keys(ENGLISH_UNITS).filter((unit) => !table.has(unit))).toEqual([]);
    const magnitudes = new Set(MAGNITUDES.map((m) => m.word));
    expect(Object.keys(ENGLISH_MAGNITUDES).filter((word) => !magnitudes.has(word))).toEqual([]);
  });
});

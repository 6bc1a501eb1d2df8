/**
 * Whose report, which year: the seeds against their labels (headers, header-less bodies, two reports in one file, a
 * news article), and division names that only context can resolve.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readDocument } from "@/lib/engine/reader";
import { guessJurisdiction } from "@/lib/engine/reader/document/jurisdiction";
import { splitReports } from "@/lib/engine/reader/document/split";
import { MappedText } from "@/lib/engine/reader/text/mapped-text";
import { normalizeText } from "@/lib/engine/reader/text/normalize";
import { seedReports } from "@/tests/labels/seed-reports";
import { CORPUS, corpusReports } from "./corpus";

const encode = (text: string) => new TextEncoder().encode(text);

describe("seed reports", () => {
  it.each(seedReports.map((label) => [label.file, label.year, label] as const))(
    "%s holds the %i report as labelled",
    async (file, _year, label) => {
      const reports = await corpusReports(`seeds/${file}`);
      const report = reports.find((r) => r.year === label.year);
      expect(report).toBeDefined();
      const { kind, code, jurisdiction, year, planYear, reviewYear } = report ?? {};
      expect({ file: label.file, kind, code, jurisdiction, year, planYear, reviewYear }).toEqual(label);
    },
  );

  it("finds exactly the labelled reports in each seed file (001 holds two, the others one)", async () => {
    for (const file of new Set(seedReports.map((l) => l.file))) {
      const years = (await corpusReports(`seeds/${file}`)).map((r) => r.year);
      expect(years).toEqual(seedReports.filter((l) => l.file === file).map((l) => l.year));
    }
  });

  it("is surer of a report's jurisdiction with a title than of one identified from its body", async () => {
    const [titled] = await seedIdentities("seeds/001_afcc151cafc2b4a6.txt");
    const [bodyOnly] = await seedIdentities("seeds/003_c60be1a80293fcb0.txt");
    expect(titled?.confidence).toBeGreaterThanOrEqual(0.95);
    expect(bodyOnly?.confidence).toBeLessThan(titled?.confidence ?? 0);
    expect(bodyOnly?.confidence).toBeGreaterThanOrEqual(0.8);
  });
});

/** The jurisdiction guessed for each report of a seed file, from its title line and its normalised text. */
async function seedIdentities(file: string) {
  const bytes = await readFile(`${CORPUS}${file}`);
  const text = normalizeText(MappedText.identity(new TextDecoder().decode(bytes))).text;
  return splitReports(text).map((span) => guessJurisdiction(span.title ?? "", text.slice(span.start, span.end), {}));
}

/** A small plan of our own wording, so only the naming of the place varies between cases. */
function planText(place: string): string {
  return [
    "各位代表：",
    `二、2024年工作安排`,
    `今年全区经济社会发展的主要预期目标是：地区生产总值增长5%左右。${place}区委、区政府将全力以赴，全区上下新建口袋公园3处。`,
  ].join("\n");
}

describe("division names", () => {
  it("resolves a district name that several cities share by the city the text names", () => {
    const document = readDocument(encode(planText("福州市鼓楼区")), { filename: "plan.txt" });
    expect(document.reports[0]).toMatchObject({ code: "350102", jurisdiction: "福州市鼓楼区" });
  });

  it("is less sure of a shared district name when no city is named", () => {
    const named = readDocument(encode(planText("福州市鼓楼区")), { filename: "plan.txt" }).reports[0];
    const bare = readDocument(encode(planText("鼓楼区")), { filename: "plan.txt" }).reports[0];
    expect(bare?.jurisdiction?.endsWith("鼓楼区")).toBe(true);
    expect(bare?.confidence).toBeLessThan(0.7);
    expect(bare?.confidence).toBeLessThan(named?.confidence ?? 0);
  });

  it("reads a city's report as the city's even when it names its districts", () => {
    const text = [
      "2024年潍坊市人民政府工作报告",
      "各位代表：",
      "二、2024年工作安排",
      "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。市委、市政府支持奎文区、潍城区建设新城区。",
    ].join("\n");
    expect(readDocument(encode(text), { filename: "city.txt" }).reports[0]).toMatchObject({
      code: "370700",
      jurisdiction: "潍坊市",
    });
  });

  it("takes a jurisdiction and year given as hints over the text", () => {
    const document = readDocument(encode(planText("")), {
      filename: "plan.txt",
      hints: { code: "370705", year: 2024 },
    });
    expect(document.reports[0]).toMatchObject({ code: "370705", jurisdiction: "潍坊市奎文区", year: 2024 });
  });

  it("reads a work report whose government cannot be told, leaving its jurisdiction to the user", () => {
    const [report] = readDocument(encode(planText("")), { filename: "anonymous.txt" }).reports;
    expect(report).toMatchObject({ jurisdiction: null, code: null });
    expect(report?.confidence).toBeLessThan(0.5);
  });
});

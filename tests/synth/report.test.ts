import { describe, expect, it } from "vitest";
import { analyzeReports, reportInputs } from "@/lib/engine/match";
import { readDocument, toExtractOutput } from "@/lib/engine/reader";
import { fillerVocabulary } from "@/lib/synth/filler";
import { REPORT_BYTES, synthReports } from "@/lib/synth/report";

const OPTIONS = { jurisdictions: 6, years: 3, targets: 40, firstYear: 2019, seed: 7 };

describe("synthetic reports", () => {
  const reports = [...synthReports(OPTIONS)];
  const documents = reports.map((report) =>
    readDocument(new TextEncoder().encode(report.text), { filename: `${report.code}/${report.year}.txt` }),
  );

  it("are the same for the same options and differ for another seed", () => {
    expect([...synthReports(OPTIONS)].map((r) => r.text)).toEqual(reports.map((r) => r.text));
    expect([...synthReports({ ...OPTIONS, seed: 8 })][0]?.text).not.toBe(reports[0]?.text);
    expect(new Set(reports.map((r) => r.code)).size).toBe(6);
  });

  it("read as the work reports of real jurisdictions, with every target the generator planned", () => {
    documents.forEach((document, i) => {
      const written = reports[i];
      const [read] = document.reports;
      expect(document.reports).toHaveLength(1);
      expect({ code: read?.code, year: read?.year, planYear: read?.planYear, reviewYear: read?.reviewYear }).toEqual({
        code: written?.code,
        year: written?.year,
        planYear: written?.year,
        reviewYear: (written?.year ?? 0) - 1,
      });
      expect(read?.targets).toHaveLength(40);
      expect(read?.targets.filter((t) => t.headline)).toHaveLength(8);
    });
  });

  it("are the size of real reports, 17–97 KB of UTF-8, spread over the range", () => {
    const sizes = reports.map((report) => new TextEncoder().encode(report.text).length);
    for (const size of sizes) {
      expect(size).toBeGreaterThanOrEqual(REPORT_BYTES.min);
      expect(size).toBeLessThanOrEqual(REPORT_BYTES.max);
    }
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeGreaterThan(20_000);
  });

  it("read to the same targets and outcomes with their filler as without: the filler holds no figure", () => {
    const compact = [...synthReports({ ...OPTIONS, filler: false })];
    const reading = (text: string) => {
      const [read] = readDocument(new TextEncoder().encode(text), { filename: "report.txt" }).reports;
      const fields = (items: object[]) => items.map((item) => ({ ...item, start: 0, end: 0 }));
      return {
        identity: [read?.code, read?.year, read?.planYear, read?.reviewYear],
        targets: fields(read?.targets ?? []),
        outcomes: fields(read?.outcomes ?? []),
      };
    };
    compact.forEach((report, i) => {
      expect(new TextEncoder().encode(report.text).length).toBeLessThan(REPORT_BYTES.min);
      const full = reports[i]?.text ?? "";
      expect(full.length).toBeGreaterThan(report.text.length);
      expect(reading(full)).toEqual(reading(report.text));
    });
    for (const word of fillerVocabulary())
      expect(word).not.toMatch(/[0-9０-９〇一二三四五六七八九十百千万亿两双半零]|今年|去年/);
  });

  it("pair each plan with the next year's review, which reports most targets", () => {
    const pairs = analyzeReports(reportInputs(toExtractOutput(documents).documents), { tolerance: 0 });
    const reviewed = pairs.filter((pair) => pair.review !== null);
    expect(reviewed).toHaveLength(6 * 2);
    for (const pair of reviewed) {
      const judged = pair.matches.filter((m) => m.outcome !== null).length;
      // The generator leaves about one target in eight unreported.
      expect(judged / pair.matches.length).toBeGreaterThanOrEqual(0.7);
      expect(pair.unmatchedOutcomes.length).toBeLessThanOrEqual(2);
    }
  });
});

/**
 * The 31 provincial work reports of 2026 (../shared/corpus/provinces-2026/, a researcher's CSV per province, one row
 * each) read through the reader and scored against the hand labels of both halves (tests/labels/provinces-2026-a.ts
 * and -b.ts): identity, the GDP target, every item of the headline list and the review's figures for 2025.
 * Scoring rules: ./corpus-scoring.ts.
 */
import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { provinces2026A } from "@/tests/labels/provinces-2026-a";
import { provinces2026B } from "@/tests/labels/provinces-2026-b";
import type { CorpusReportLabels } from "@/tests/labels/types";
import { corpusPath, readCorpus } from "./corpus";
import {
  type CorpusScore,
  formatScores,
  type ReportScore,
  type ScoredReport,
  scoreReport,
  summarise,
} from "./corpus-scoring";

const DIR = "provinces-2026";
const PROVINCES = 31;
const MIN_HEADLINE_RECALL = 0.95;
const MIN_OUTCOME_RECALL = 0.85;

/** The report of a CSV that the labels describe (its plan year's), or null when the reader gave none. */
async function reportOf(labels: CorpusReportLabels): Promise<ScoredReport | null> {
  try {
    const reports = (await readCorpus(labels.source)).documents.flatMap((d) => d.reports);
    return reports.find((r) => r.planYear === labels.planYear) ?? reports[0] ?? null;
  } catch (error) {
    console.log(`${labels.source}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

let unlabelled: string[] = [];
let scores: ReportScore[] = [];
let summary: CorpusScore;

beforeAll(async () => {
  const labels = [...provinces2026A, ...provinces2026B];
  const files = readdirSync(corpusPath(DIR)).filter((f) => f.endsWith(".csv"));
  unlabelled = files.filter((f) => !labels.some((l) => l.source === `${DIR}/${f}`));
  scores = await Promise.all(labels.map(async (l) => scoreReport(await reportOf(l), l)));
  summary = summarise(scores);
  console.log(formatScores(scores, summary));
  for (const s of scores) {
    const notes = [
      ...s.headline.missed.map((f) => `missed target ${f}`),
      ...s.headline.wrong.map((w) => `target ${w}`),
      ...s.outcomes.missed.map((f) => `missed outcome ${f}`),
      ...s.outcomes.wrong.map((w) => `outcome ${w}`),
    ];
    if (notes.length > 0) console.log(`${s.code}: ${notes.join("; ")}`);
  }
}, 300_000);

describe("the provincial reports of 2026", () => {
  it("are all labelled", () => {
    expect(unlabelled).toEqual([]);
    expect(scores).toHaveLength(PROVINCES);
  });

  it("are identified by province code", () => {
    expect(scores.filter((s) => !s.codeRight).map((s) => `${s.source}: ${s.codeRead}`)).toEqual([]);
    expect(summary.codesRight).toBe(PROVINCES);
  });

  it("each yield the GDP target as labelled", () => {
    expect(scores.filter((s) => !s.gdpRight).map((s) => s.source)).toEqual([]);
    expect(summary.gdpRight).toBe(PROVINCES);
  });

  it(`yield at least ${MIN_HEADLINE_RECALL} of the headline items, every one read right`, () => {
    expect(summary.headlineRecall).toBeGreaterThanOrEqual(MIN_HEADLINE_RECALL);
    expect(scores.flatMap((s) => s.headline.wrong)).toEqual([]);
    expect(summary.headlineValueAccuracy).toBe(1);
  });

  it(`yield at least ${MIN_OUTCOME_RECALL} of the review's labelled figures for 2025`, () => {
    expect(summary.outcomeRecall).toBeGreaterThanOrEqual(MIN_OUTCOME_RECALL);
  });
});

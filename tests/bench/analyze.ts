/**
 * Speed of the matcher: the national corpus (State Council reports, ~20 plan→review pairs) read and analysed, and
 * 1 000 synthetic pairs of 100 targets × 150 outcomes built from lexicon indicators with a seeded PRNG. In process,
 * no database. Warm-up: the national corpus is read and analysed once untimed before the timed run, and the synthetic
 * pairs of another seed are analysed once untimed before the timed seed; one timed run each.
 * Run: npm run bench -- analyze
 */
import { performance } from "node:perf_hooks";
import { type IndicatorEntry, LEXICON } from "@/lib/engine/indicators";
import { analyzeReports, type ReportInput, reportInputs } from "@/lib/engine/match";
import { toExtractOutput } from "@/lib/engine/reader";
import type { TMeasure, TOutcome, TQualifier, TTarget } from "@/lib/schemas/extraction";
import { prng } from "@/lib/synth/prng";
import { readCorpus } from "../engine/match/corpus";

const SYNTHETIC_PAIRS = 1000;
const TARGETS_PER_PLAN = 100;
const OUTCOMES_PER_REVIEW = 150;
/** Share of targets whose outcome the review reports (under another synonym, sometimes in a scaled unit). */
const REPORTED_SHARE = 0.7;
/** Share of names not in the lexicon (matched by bigram similarity). */
const UNKNOWN_SHARE = 0.15;

const LEVEL_UNITS = ["万人", "亿元", "个", "家", "处", "件", "万平方米", "套"];
const SCALED: Record<string, [string, number]> = { 万人: ["人", 1e4], 亿元: ["万元", 1e4], 万平方米: ["平方米", 1e4] };
const QUALIFIERS: TQualifier[] = ["about", "at_least", "at_most", "exact"];
const MEASURES: TMeasure[] = ["growth", "level", "share"];

function syntheticReports(seed: number): ReportInput[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nameOf = (entry: IndicatorEntry) => pick([entry.name, ...entry.synonyms]);
  // An unknown name: the tail of one lexicon name glued to the head of another (`营收入口袋公`…).
  const unknownName = () => `${nameOf(pick(LEXICON)).slice(-3)}${nameOf(pick(LEXICON)).slice(0, 3)}`;
  const round = (value: number) => Math.round(value * 10) / 10;

  const reports: ReportInput[] = [];
  for (let p = 0; p < SYNTHETIC_PAIRS; p++) {
    const code = String(100_000 + p);
    const targets: TTarget[] = [];
    const outcomes: TOutcome[] = [];
    for (let t = 0; t < TARGETS_PER_PLAN; t++) {
      const entry = pick(LEXICON);
      const measure = pick(MEASURES);
      const unit = measure === "level" ? pick(LEVEL_UNITS) : "%";
      const indicator = random() < UNKNOWN_SHARE ? unknownName() : nameOf(entry);
      const value = round(1 + random() * 99);
      const text = `${indicator}${value}${unit}`;
      targets.push({
        indicator,
        measure,
        qualifier: pick(QUALIFIERS),
        value,
        min: null,
        max: null,
        unit,
        polarity: entry.polarity,
        headline: t < 6,
        text,
        start: t * 20,
        end: t * 20 + text.length,
      });
      if (random() < REPORTED_SHARE && outcomes.length < OUTCOMES_PER_REVIEW) {
        const scaled = SCALED[unit];
        const actual = round(value * (0.8 + random() * 0.4));
        const [outUnit, outValue] = scaled && random() < 0.3 ? [scaled[0], actual * scaled[1]] : [unit, actual];
        outcomes.push(outcomeOf(nameOf(entry), measure, outValue, outUnit, entry, outcomes.length));
      }
    }
    while (outcomes.length < OUTCOMES_PER_REVIEW) {
      const entry = pick(LEXICON);
      const measure = pick(MEASURES);
      const name = random() < UNKNOWN_SHARE ? unknownName() : nameOf(entry);
      const unit = measure === "level" ? pick(LEVEL_UNITS) : "%";
      outcomes.push(outcomeOf(name, measure, round(random() * 100), unit, entry, outcomes.length));
    }
    const base = { jurisdiction: `合成区${p}`, code, confidence: 1, sections: [] };
    reports.push({
      file: `synthetic-${p}.txt`,
      report: 0,
      data: { ...base, kind: "work_report", year: 2019, planYear: 2019, reviewYear: 2018, targets, outcomes: [] },
    });
    reports.push({
      file: `synthetic-${p}.txt`,
      report: 1,
      data: { ...base, kind: "work_report", year: 2020, planYear: 2020, reviewYear: 2019, targets: [], outcomes },
    });
  }
  return reports;
}

function outcomeOf(
  indicator: string,
  measure: TMeasure,
  value: number,
  unit: string,
  entry: IndicatorEntry,
  index: number,
): TOutcome {
  const text = `${indicator}${value}${unit}`;
  return {
    indicator,
    measure,
    value,
    unit,
    polarity: entry.polarity,
    estimated: false,
    year: 2019,
    stated: null,
    text,
    start: index * 20,
    end: index * 20 + text.length,
  };
}

const NATIONAL = "national/government_work_reports.jsonl";

async function benchNational(): Promise<void> {
  analyzeReports(reportInputs(toExtractOutput(await readCorpus(NATIONAL)).documents), { tolerance: 0 });
  const start = performance.now();
  const documents = toExtractOutput(await readCorpus(NATIONAL)).documents;
  const read = performance.now() - start;
  const pairs = analyzeReports(reportInputs(documents), { tolerance: 0 });
  const analyze = performance.now() - start - read;
  const reviewed = pairs.filter((pair) => pair.review !== null).length;
  const targets = pairs.reduce((sum, pair) => sum + pair.matches.length, 0);
  console.log(
    `national corpus (after 1 untimed run): ${pairs.length} pairs (${reviewed} with a review, ${targets} targets), ` +
      `analyze ${analyze.toFixed(0)} ms excluding reading, ${(read + analyze).toFixed(0)} ms including reading ` +
      `(${read.toFixed(0)} ms)`,
  );
}

function benchSynthetic(): void {
  analyzeReports(syntheticReports(20190110), { tolerance: 0 });
  const reports = syntheticReports(20190109);
  const start = performance.now();
  const pairs = analyzeReports(reports, { tolerance: 0 });
  const elapsed = performance.now() - start;
  const matched = pairs.reduce((sum, pair) => sum + pair.matches.filter((m) => m.outcome).length, 0);
  console.log(
    `synthetic (after 1 untimed run of another seed): ${pairs.length} pairs of ${TARGETS_PER_PLAN} targets × ${OUTCOMES_PER_REVIEW} outcomes, ` +
      `analyze ${elapsed.toFixed(0)} ms (${(elapsed / pairs.length).toFixed(2)} ms per pair), ${matched} targets matched`,
  );
}

export async function benchAnalyze(): Promise<void> {
  await benchNational();
  benchSynthetic();
  console.log(`peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

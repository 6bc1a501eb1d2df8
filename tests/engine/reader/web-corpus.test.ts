/**
 * The reader on the hand-labelled web set (../shared/corpus/web): every document read in-process and scored as
 * ../shared/tools/score-extraction scores the CLI's JSON (same labels, same figures; see web-scoring.ts). Prints the
 * figures and the breakdown by level; LUOSHI_SCORE_VERBOSE=1 also prints each document's problems.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  alsoLine,
  breakdownLines,
  figuresLine,
  problemLines,
  readLine,
  type SetScore,
  scoreWebSet,
} from "./web-scoring";

/** What the reader must reach on this set; the figures reached are printed with the breakdown. */
const FLOORS = {
  /** Goal: ≥ 0.95 of documents whose jurisdiction the text names get the labelled code. */
  code: 0.95,
  /** Goal: ≥ 0.95 of documents whose years the text tells get the plan and review years. */
  year: 0.95,
  /** Goal: target recall ≥ 0.90 over core targets. */
  recall: 0.9,
  /** Goal: target precision ≥ 0.90 (borderline labels and ignore spans are not false positives). */
  precision: 0.9,
  /** Goal: qualifier right for ≥ 0.97 of the numeric targets found. */
  qualifier: 0.97,
  /** Goal: value and unit right for ≥ 0.97 of the numeric targets found. */
  value: 0.97,
  /** Goal: outcome recall ≥ 0.85 over core outcomes. */
  outcomeRecall: 0.85,
  /** Goal: every negative clean (no target read from a page with nothing to extract). */
  negativesClean: 1,
} as const;

const VERBOSE = process.env.LUOSHI_SCORE_VERBOSE === "1";

describe("the reader on the web development set", () => {
  let score: SetScore;

  beforeAll(async () => {
    score = await scoreWebSet();
    const breakdown = breakdownLines(score).filter((line) => !line.startsWith("  noise:") || VERBOSE);
    const lines = [...(VERBOSE ? problemLines(score) : []), ...breakdown, readLine(score), alsoLine(score)];
    console.log([...lines, figuresLine(score)].join("\n"));
  }, 120_000);

  it("scores all 87 labelled documents", () => {
    expect(score.docs).toHaveLength(87);
  });

  it.each(Object.entries(FLOORS))("%s reaches its floor", (figure, floor) => {
    expect(score.figures[figure as keyof typeof FLOORS], figuresLine(score)).toBeGreaterThanOrEqual(floor);
  });
});

/**
 * Why the reader kept or dropped each figure of a report: every stage that decides about a quantity (the parsers,
 * the refiners, the part it stands in, the target and outcome rules) notes its decision here when a caller asks for an
 * explanation (`luoshi extract --explain`). Without one, stages skip the bookkeeping.
 */

/** One stage's decision about a figure. */
export interface FigureStep {
  /** The stage that decided: `parser`, `refiner`, `headline`, `plan`, `statement`, `outcome`, `part`. */
  stage: string;
  /** `kept` moves the figure on, `dropped` ends it, `noted` only records what the stage read. */
  decision: "kept" | "dropped" | "noted";
  why: string;
}

/** A figure of the report's normalised text and the decisions about it, in order. */
export interface FigureTrace {
  start: number;
  end: number;
  text: string;
  steps: FigureStep[];
}

export class Explanation {
  private readonly figures = new Map<number, FigureTrace>();

  constructor(private readonly text: string) {}

  /** Record a decision about the quantity at `start`..`end` (the figure's own offsets, qualifier words included). */
  note(span: { start: number; end: number }, stage: string, decision: FigureStep["decision"], why: string): void {
    let figure = this.figures.get(span.start);
    if (!figure) {
      figure = { start: span.start, end: span.end, text: this.text.slice(span.start, span.end), steps: [] };
      this.figures.set(span.start, figure);
    }
    // Several stages scan the same text (outcomes and stated targets both read a news item): say each thing once.
    if (figure.steps.some((s) => s.stage === stage && s.decision === decision && s.why === why)) return;
    figure.steps.push({ stage, decision, why });
  }

  /** Whether some stage already kept or dropped the figure at `start` for good. */
  decided(start: number): boolean {
    return this.figures.get(start)?.steps.some((step) => step.decision !== "noted") ?? false;
  }

  figuresInOrder(): FigureTrace[] {
    return [...this.figures.values()].sort((a, b) => a.start - b.start);
  }
}

/**
 * Bounded views of the text around a figure. Rules look at a figure's clause, its sentence before it and its
 * paragraph; reading each from its start for every figure would cost the square of a long paragraph's length (a
 * pasted list of thousands of figures), so paragraphs are found once and views are capped.
 */

/** The most text before a figure that a rule reads: far more than any sentence of a report needs. */
const CONTEXT_LENGTH = 600;
/** The most a clause runs back from a figure (see mentions.ts). */
const CLAUSE_REACH = 200;
const CLAUSE_DELIMITER = /[，,；;：:]/;

/** Paragraph starts of a text, found once. */
export class Paragraphs {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** Start of the paragraph holding offset `at`. */
  startOf(at: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= at) low = middle;
      else high = middle - 1;
    }
    return this.starts[low] as number;
  }
}

/** Where the clause of the figure at `at` begins (after the last `，；：` before it, within reach, not before `floor`). */
export function clauseStart(text: string, at: number, floor: number): number {
  const limit = Math.max(floor, at - CLAUSE_REACH);
  for (let i = at - 1; i >= limit; i--) if (CLAUSE_DELIMITER.test(text[i] as string)) return i + 1;
  return limit;
}

/** The text from `from` to `at`, at most CONTEXT_LENGTH characters of it. */
export function textBefore(text: string, from: number, at: number): string {
  return text.slice(Math.max(from, at - CONTEXT_LENGTH), at);
}

/** The text from `from` on, at most CONTEXT_LENGTH characters of it. */
export function textAfter(text: string, from: number): string {
  return text.slice(from, from + CONTEXT_LENGTH);
}

/**
 * Evidence snippets: the sentence around a clause of a report (a target or an outcome is often a clause of a long
 * sentence), cut at sentence punctuation and kept short, with the clause itself marked for highlighting.
 */

export interface Snippet {
  before: string;
  clause: string;
  after: string;
}

const SENTENCE_END = /[。；;！!？?\n]/;

/** The sentence holding `text.slice(start, end)`, at most `maxContext` characters each side (cut with …). */
export function sentenceAround(text: string, start: number, end: number, maxContext = 80): Snippet {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let left = from;
  while (left > 0 && !SENTENCE_END.test(text[left - 1] ?? "")) left--;
  let right = to;
  while (right < text.length && !SENTENCE_END.test(text[right] ?? "")) right++;
  if (right < text.length && text[right] !== "\n") right++; // keep the full stop
  let before = text.slice(left, from).trimStart();
  let after = text.slice(to, right).trimEnd();
  if (before.length > maxContext) before = `…${before.slice(before.length - maxContext)}`;
  if (after.length > maxContext) after = `${after.slice(0, maxContext)}…`;
  return { before, clause: text.slice(from, to), after };
}

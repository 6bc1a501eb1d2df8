/**
 * Splitting a report's text into paragraphs and highlighted spans (targets and outcomes), for the report view.
 * Overlapping spans keep the one that starts first (a target clause inside an outcome sentence is rare; the first
 * still links to its row). Pure, unit-tested in tests/charts/highlights.test.ts.
 */

export interface Highlight {
  id: string;
  kind: "target" | "outcome";
  start: number;
  end: number;
}

/** A run of text; a highlighted run says whether it is the highlight's first part (the one that carries its id). */
export type Piece = { text: string } | { text: string; highlight: Highlight; first: boolean };

export interface Paragraph {
  start: number;
  pieces: Piece[];
}

export function paragraphs(text: string, highlights: readonly Highlight[]): Paragraph[] {
  const sorted = [...highlights]
    .filter((h) => h.end > h.start && h.start >= 0 && h.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Highlight[] = [];
  let reach = -1;
  for (const h of sorted) {
    if (h.start < reach) continue;
    kept.push(h);
    reach = h.end;
  }
  const result: Paragraph[] = [];
  let cursor = 0;
  let next = 0;
  while (cursor <= text.length) {
    const newline = text.indexOf("\n", cursor);
    const end = newline === -1 ? text.length : newline;
    const pieces: Piece[] = [];
    let at = cursor;
    while (next < kept.length && (kept[next] as Highlight).start < end) {
      const h = kept[next] as Highlight;
      // A highlight that runs past the paragraph end is cut at it (its id stays on the first part).
      const hs = Math.max(h.start, at);
      const he = Math.min(h.end, end);
      if (hs > at) pieces.push({ text: text.slice(at, hs) });
      if (he > hs) pieces.push({ text: text.slice(hs, he), highlight: h, first: hs === h.start });
      at = Math.max(at, he);
      if (h.end <= end) next++;
      else break;
    }
    if (at < end) pieces.push({ text: text.slice(at, end) });
    if (pieces.some((p) => p.text.trim() !== "")) result.push({ start: cursor, pieces });
    if (newline === -1) break;
    cursor = newline + 1;
  }
  return result;
}

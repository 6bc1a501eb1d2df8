/**
 * A PDF's text layer (positioned runs of text, page by page) → the text of the document, as a reader of the printed
 * page would take it:
 *
 * - columns: a page whose runs leave a vertical gutter free is read column by column, left then right, between the
 *   runs that span the gutter (titles, full-width paragraphs);
 * - lines: runs on one baseline of one column make a line;
 * - running headers and footers: a line at the top or the bottom of most pages (digits aside), and a page number
 *   there (`— 3 —`, `-3-`, `第3页`, `3/18`, a bare number), are dropped;
 * - paragraphs: a line that reaches the column's right edge, does not end a sentence (`。`, `：`, `；`…) and is
 *   followed by a line that is not indented, continues on the next line: the break vanishes (Chinese has no spaces
 *   between words), across pages and columns too. Short lines (headings, a paragraph's last line) keep their break.
 *
 * Pure functions over plain data, so that layouts are tested without PDFs.
 */

/** One run of text as pdf.js gives it, in PDF units with the origin at the bottom left of the page. */
export interface PdfRun {
  text: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (the run's height). */
  size: number;
}

export interface PdfPageRuns {
  width: number;
  height: number;
  runs: PdfRun[];
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** The column's left and right edges, for indentation and short lines. */
  columnLeft: number;
  columnRight: number;
  /** Which part of a page the line stands in: a text never runs on from a column into a full-width line. */
  region: "page" | "column" | "span";
}

/** Characters that end a paragraph when a line ends with them. */
const PARAGRAPH_END = /[。！？：；!?:;…]$/;
/** A heading's numbering: `一、`, `（三）`, `1.`, `第二部分`. */
const HEADING =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]\s*\D|第[一二三四五六七八九十]+[章节部分])/;
/** A page number on a line of its own. */
const PAGE_NUMBER =
  /^(?:[-—–―－~〜\s]*\d{1,4}[-—–―－~〜\s]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;
/** The share of pages a top or bottom line must repeat on (digits aside) to be taken as a running header/footer. */
const RUNNING_SHARE = 0.5;
/** Share of the page's height at the top and at the bottom where running headers, footers and page numbers stand. */
const RUNNING_MARGIN = 0.15;
/** How many lines at the top and at the bottom of a page may be running headers or footers. */
const MARGIN_LINES = 2;
/** Characters that sit in the text of a CJK page without spaces around them. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Kangxi radicals that some PDF fonts map common characters to (`⼀`, `⼈`): the unified ideograph instead. */
export function unifyRadicals(text: string): string {
  return text.replace(/[\u2f00-\u2fd5]/g, (char) => char.normalize("NFKC"));
}

/** The document's text: its pages laid out, running headers and page numbers dropped, broken lines joined. */
export function layoutText(pages: PdfPageRuns[]): string {
  const pageLines = pages.map(pageLayout);
  const kept = dropRunningLines(pageLines, pages);
  return unifyRadicals(joinLines(kept.flat()));
}

/** The page's lines in reading order. */
export function pageLayout(page: PdfPageRuns): Line[] {
  const runs = page.runs.filter((run) => run.text !== "" && run.size > 0);
  if (runs.length === 0) return [];
  const gutter = findGutter(runs);
  if (gutter === null) return linesOf(runs, "page");
  const left: PdfRun[] = [];
  const right: PdfRun[] = [];
  const spanning: PdfRun[] = [];
  for (const run of runs) {
    if (run.x + run.width <= gutter.from) left.push(run);
    else if (run.x >= gutter.to) right.push(run);
    else spanning.push(run);
  }
  // Spanning runs cut the page into bands read one after another; within a band, the left column comes first.
  const spanLines = linesOf(spanning, "span").sort((a, b) => b.y - a.y);
  const leftLines = linesOf(left, "column");
  const rightLines = linesOf(right, "column");
  const out: Line[] = [];
  let above = Number.POSITIVE_INFINITY;
  for (const boundary of [...spanLines, null]) {
    const below = boundary === null ? Number.NEGATIVE_INFINITY : boundary.y;
    const inBand = (line: Line) => line.y < above && line.y > below;
    out.push(...leftLines.filter(inBand), ...rightLines.filter(inBand));
    if (boundary) out.push(boundary);
    above = below;
  }
  return out;
}

/**
 * A vertical strip in the middle of the text that (almost) no run crosses while text stands on both sides of it,
 * over a good part of the page's height: the gutter between two columns. Null for a single column.
 */
function findGutter(runs: PdfRun[]): { from: number; to: number } | null {
  const minX = extreme(runs, (run) => run.x, Math.min);
  const maxX = extreme(runs, (run) => run.x + run.width, Math.max);
  const span = maxX - minX;
  if (span <= 0) return null;
  const bins = Math.ceil(span);
  const cover = new Float64Array(bins + 1);
  for (const run of runs) {
    const from = Math.max(0, Math.floor(run.x - minX));
    const to = Math.min(bins, Math.ceil(run.x + run.width - minX));
    for (let i = from; i < to; i++) cover[i] = (cover[i] as number) + 1;
  }
  // Lines that cross the gutter (titles, full-width paragraphs) are allowed, a few of them.
  const allowed = Math.max(1, runs.length * 0.15);
  const size = median(runs.map((run) => run.size));
  let best: { from: number; to: number } | null = null;
  let start = -1;
  for (let i = Math.floor(bins * 0.25); i <= Math.ceil(bins * 0.75) + 1; i++) {
    const free = i <= bins && (cover[i] as number) <= allowed;
    if (free && start < 0) start = i;
    if (!free && start >= 0) {
      if (!best || i - start > best.to - best.from) best = { from: start, to: i };
      start = -1;
    }
  }
  if (!best || best.to - best.from < size * 0.8) return null;
  const gutter = { from: minX + best.from, to: minX + best.to };
  // Both columns must hold text over several lines, not a label beside a paragraph.
  const leftRows = new Set(runs.filter((r) => r.x + r.width <= gutter.from).map((r) => Math.round(r.y)));
  const rightRows = new Set(runs.filter((r) => r.x >= gutter.to).map((r) => Math.round(r.y)));
  return leftRows.size >= 3 && rightRows.size >= 3 ? gutter : null;
}

/** The least or greatest of `value` over `items`, without spreading a page's thousands of runs into arguments. */
function extreme<T>(items: T[], value: (item: T) => number, pick: (a: number, b: number) => number): number {
  let out = value(items[0] as T);
  for (const item of items) out = pick(out, value(item));
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Runs of one column grouped into lines by baseline, top to bottom, each line's runs left to right. */
function linesOf(runs: PdfRun[], region: Line["region"]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfRun[][] = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    const first = group?.[0];
    if (group && first && Math.abs(first.y - run.y) <= Math.max(first.size, run.size) * 0.5) group.push(run);
    else groups.push([run]);
  }
  const lines = groups
    .map((group) => lineOf(group.sort((a, b) => a.x - b.x)))
    .filter((line): line is Line => line !== null);
  if (lines.length === 0) return lines;
  // The column's edges: where most lines start and end (a short last line or an indent does not move them).
  const columnLeft = percentile(
    lines.map((line) => line.left),
    0.1,
  );
  const columnRight = percentile(
    lines.map((line) => line.right),
    0.9,
  );
  return lines.map((line) => ({ ...line, columnLeft, columnRight, region }));
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

function lineOf(runs: PdfRun[]): Line | null {
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    const chunk = run.text.replace(/\s+/g, " ");
    // A visible gap between two runs of Latin text is a word space; CJK text is set without spaces.
    const gap = run.x - end;
    const last = text.at(-1) ?? "";
    const next = chunk.trimStart()[0] ?? "";
    if (text !== "" && gap > run.size * 0.25 && last !== " " && !CJK.test(last) && !CJK.test(next)) text += " ";
    text += chunk;
    end = Math.max(end, run.x + run.width);
  }
  text = text.replace(/ {2,}/g, " ").trim();
  if (text === "") return null;
  const first = runs[0] as PdfRun;
  return {
    text,
    left: first.x,
    right: end,
    y: first.y,
    size: extreme(runs, (run) => run.size, Math.max),
    columnLeft: first.x,
    columnRight: end,
    region: "page",
  };
}

/** Digits aside, so that `第3页` and `第4页`, or a header with the page's number, count as the same line. */
const shape = (text: string) => text.replace(/\s+/g, "").replace(/\d+/g, "#");

/** Each page's lines without its running header and footer lines and its page number. */
function dropRunningLines(pageLines: Line[][], pages: PdfPageRuns[]): Line[][] {
  const counts = new Map<string, number>();
  for (const lines of pageLines) {
    const seen = new Set(marginLines(lines).map((line) => shape(line.text)));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const pageCount = pageLines.length;
  return pageLines.map((lines, index) => {
    const height = pages[index]?.height ?? 842;
    const margin = new Set(marginLines(lines));
    return lines.filter((line) => {
      if (!margin.has(line) || !nearEdge(line, height, RUNNING_MARGIN)) return true;
      const compact = line.text.replace(/\s+/g, "");
      if (PAGE_NUMBER.test(line.text.trim()) && /\d/.test(compact)) return false;
      const repeats = counts.get(shape(line.text)) ?? 0;
      return !(pageCount >= 2 && repeats >= 2 && repeats >= pageCount * RUNNING_SHARE);
    });
  });
}

/** The topmost and bottommost lines of a page (by position, whatever the reading order). */
function marginLines(lines: Line[]): Line[] {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  if (byHeight.length <= MARGIN_LINES * 2) return byHeight;
  return [...byHeight.slice(0, MARGIN_LINES), ...byHeight.slice(-MARGIN_LINES)];
}

function nearEdge(line: Line, height: number, share: number): boolean {
  return line.y < height * share || line.y > height * (1 - share);
}

/** Lines joined into paragraphs, one per output line. */
export function joinLines(lines: Line[]): string {
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    out += line.text;
    const next = lines[i + 1];
    if (!next) break;
    out += continues(line, next) ? (/[A-Za-z]$/.test(line.text) && /^[A-Za-z]/.test(next.text) ? " " : "") : "\n";
  }
  return out;
}

/** Whether `next` carries on the sentence `line` broke off. */
function continues(line: Line, next: Line): boolean {
  if (PARAGRAPH_END.test(line.text)) return false;
  if ((line.region === "span") !== (next.region === "span")) return false;
  const em = line.size || 12;
  // A change of type size: a title above its text, a note below it.
  if (Math.abs(line.size - next.size) > em * 0.15) return false;
  // A line that stops short of the column's right edge ends its paragraph (or is a heading).
  if (line.right < line.columnRight - em * 1.5) return false;
  if (HEADING.test(line.text) && line.text.length < 40) return false;
  // An indented line starts a paragraph.
  if (next.left > next.columnLeft + em * 1.5) return false;
  return true;
}

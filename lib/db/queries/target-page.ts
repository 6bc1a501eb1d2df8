/** One target as its permalink (`/t/{id}`) shows it: `getTargetPage`. */
import { resolveIndicator } from "@/lib/engine/indicators";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n";
import { renderReasons } from "@/lib/i18n/reasons";
import { figureOrNull } from "@/lib/schemas/primitives";
import type { TReason } from "@/lib/schemas/reasons";
import { ZStoredHints } from "@/lib/schemas/reread";
import {
  type TQuote,
  type TSuperiorTarget,
  type TTargetPage,
  type TTargetSource,
  type TTextSpan,
  ZTargetPage,
  ZTargetPageId,
} from "@/lib/schemas/target-page";
import type { Db } from "../client";
import { measureColumn, polarityColumn, qualifierColumn, reasonsColumn, verdictColumn } from "../columns";
import { readableFigures, storedGap } from "../rows";
import { agreeWithinRounding, sameFigureGroups } from "../sources";
import { getEditHistory } from "./review";

/** Where a sentence of a report ends (as the evidence snippets cut them, lib/charts/evidence.ts). */
const SENTENCE_END = /[。；;！!？?\n]/;

/** The sentence of `text` holding `text.slice(start, end)`, whole, without the blanks around it. */
export function sentenceSpan(text: string, start: number, end: number): TTextSpan {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let left = from;
  while (left > 0 && !SENTENCE_END.test(text[left - 1] ?? "")) left--;
  let right = to;
  while (right < text.length && !SENTENCE_END.test(text[right] ?? "")) right++;
  if (right < text.length && text[right] !== "\n") right++; // keep the full stop
  while (left < from && /\s/.test(text[left] ?? "")) left++;
  return { start: left, end: right };
}

const DIGITS = /\d+(?:\.\d+)?/g;

/**
 * Where the clause `text.slice(clause.start, clause.end)` writes the figure: the number equal to `value` (or, for a
 * range, from the number equal to `min` to the one equal to `max`), with its unit where the unit follows it. Null
 * where the figure is not written in digits (Chinese numerals) or not found.
 */
export function figureSpan(
  text: string,
  clause: TTextSpan,
  figure: { value: number | null; min: number | null; max: number | null; unit: string | null },
): TTextSpan | null {
  const words = text.slice(clause.start, clause.end);
  const numbers = [...words.matchAll(DIGITS)].map((m) => ({
    value: Number(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const find = (value: number | null, after = 0) =>
    value === null ? undefined : numbers.find((n) => n.start >= after && Math.abs(n.value - value) < 1e-9);
  const first = find(figure.min ?? figure.value);
  if (!first) return null;
  const last = figure.min !== null && figure.max !== null ? (find(figure.max, first.end) ?? first) : first;
  let end = last.end;
  if (figure.unit && words.startsWith(figure.unit, end)) end += figure.unit.length;
  return { start: clause.start + first.start, end: clause.start + end };
}

function quoteOf(
  reportId: string,
  text: string,
  start: number,
  end: number,
  figure: Parameters<typeof figureSpan>[2],
): TQuote {
  const clause = { start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(end, text.length)) };
  const sentence = sentenceSpan(text, clause.start, clause.end);
  return {
    reportId,
    text: text.slice(sentence.start, sentence.end),
    sentence,
    clause,
    figure: figureSpan(text, clause, figure),
  };
}

const DOCUMENT = {
  select: { sourceName: true, sourceUrl: true, importedAt: true, hints: true },
} as const;

interface DocumentRow {
  sourceName: string;
  sourceUrl: string | null;
  importedAt: Date;
  hints: unknown;
}

/** A document as a source: its title and publish date from the hints it was read with (a corpus row's fields). */
function sourceOf(
  role: TTargetSource["role"],
  reportId: string,
  document: DocumentRow,
  figure: { text: string; agrees: boolean | null } | null,
): TTargetSource {
  const hints = ZStoredHints.safeParse(document.hints ?? {});
  const title = hints.success ? hints.data.title?.trim() : undefined;
  const published = hints.success ? /^\d{4}-\d{2}-\d{2}/.exec(hints.data.publishDate ?? "")?.[0] : undefined;
  return {
    role,
    reportId,
    title: title || document.sourceName,
    url: document.sourceUrl ?? (hints.success ? (hints.data.url ?? null) : null),
    publishDate: published && !Number.isNaN(Date.parse(published)) ? published : null,
    importedAt: document.importedAt.toISOString(),
    figureText: figure?.text ?? null,
    agrees: figure?.agrees ?? null,
  };
}

/**
 * One target with everything its page shows, or null for no such target. Reasons are written in `locale`. The answer
 * is validated against ZTargetPage: a stored row that does not fit fails here, not on the page.
 */
export async function getTargetPage(db: Db, id: string, locale: Locale = DEFAULT_LOCALE): Promise<TTargetPage | null> {
  if (!ZTargetPageId.safeParse(id).success) return null;
  const target = await db.target.findUnique({
    where: { id },
    include: {
      report: {
        select: {
          id: true,
          text: true,
          document: DOCUMENT,
          jurisdiction: { select: { code: true, name: true, level: true, parentCode: true } },
        },
      },
      match: {
        include: {
          outcome: { include: { report: { select: { id: true, text: true, kind: true, document: DOCUMENT } } } },
        },
      },
    },
  });
  if (!target) return null;
  const { report, match } = target;
  const outcome = match?.outcome ?? null;
  const [reviewed, history, others, superior] = await Promise.all([
    db.report.count({ where: { jurisdictionCode: target.jurisdictionCode, reviewYear: target.planYear } }),
    getEditHistory(db, id, locale),
    outcome && !outcome.manual ? otherSourcesOf(db, outcome) : [],
    superiorTarget(db, report.jurisdiction.parentCode, target),
  ]);

  const reasons: TReason[] = match
    ? reasonsColumn(match.reason, match.id)
    : [{ code: reviewed > 0 ? "no_outcome" : "no_review" }];
  const verdict = match ? verdictColumn(match.verdict) : reviewed > 0 ? "no_outcome" : "pending";
  const figures = readableFigures(target);

  const sources: TTargetSource[] = [sourceOf("plan", report.id, report.document, null)];
  if (outcome?.report) {
    sources.push(sourceOf("review", outcome.report.id, outcome.report.document, { text: outcome.text, agrees: null }));
  } else if (outcome?.manual) {
    sources.push({
      role: "manual",
      reportId: null,
      title: outcome.source?.trim() || outcome.text,
      url: null,
      publishDate: null,
      importedAt: null,
      figureText: outcome.text,
      agrees: null,
    });
  }
  sources.push(...others);

  const page: TTargetPage = {
    id: target.id,
    jurisdiction: { code: report.jurisdiction.code, name: report.jurisdiction.name, level: report.jurisdiction.level },
    year: target.planYear,
    target: {
      indicator: target.indicatorName,
      measure: measureColumn(target.measure),
      qualifier: qualifierColumn(target.qualifier),
      value: figures.value,
      min: figures.min,
      max: figures.max,
      unit: target.unit,
      polarity: polarityColumn(target.polarity),
      headline: target.headline,
      wording: target.wording,
      stretch: figureOrNull(target.stretch),
      text: target.text,
    },
    quote: quoteOf(report.id, report.text, target.start, target.end, figures),
    outcome: outcome && {
      id: outcome.id,
      year: outcome.year,
      value: figureOrNull(outcome.value),
      unit: outcome.unit,
      estimated: outcome.estimated,
      manual: outcome.manual,
      text: outcome.text,
      quote:
        outcome.report && outcome.start !== null && outcome.end !== null
          ? quoteOf(outcome.report.id, outcome.report.text, outcome.start, outcome.end, {
              value: figureOrNull(outcome.value),
              min: null,
              max: null,
              unit: outcome.unit,
            })
          : null,
    },
    verdict,
    reason: renderReasons(reasons, locale),
    reasons,
    gap: match ? storedGap(match, target) : null,
    manual: match?.manual ?? false,
    notATarget: match?.notATarget ?? false,
    sources,
    edits: history?.items ?? [],
    superior,
  };
  return ZTargetPage.parse(page);
}

/**
 * The figures other review sources give for the same thing as the matched outcome (lib/db/sources.ts: same
 * indicator, measure and unit, one such figure per report), each with its document.
 */
async function otherSourcesOf(
  db: Db,
  outcome: { id: string; jurisdictionCode: string; year: number; value: number | null },
): Promise<TTargetSource[]> {
  const rows = await db.outcome.findMany({
    where: { jurisdictionCode: outcome.jurisdictionCode, year: outcome.year, manual: false, periodStart: null },
    include: { report: { select: { id: true, document: DOCUMENT } } },
    orderBy: [{ reportId: "asc" }, { position: "asc" }],
  });
  const figures = rows.map(readableFigures);
  const main = figures.find((row) => row.id === outcome.id);
  if (!main) return [];
  const others = sameFigureGroups(figures).get(outcome.id) ?? [];
  return others.flatMap((other) =>
    other.report
      ? [
          sourceOf("other_source", other.report.id, other.report.document, {
            text: other.text,
            agrees: main.value === null || other.value === null || agreeWithinRounding(main.value, other.value),
          }),
        ]
      : [],
  );
}

/**
 * The superior government's target (its `parentCode`: the State Council for a province) of the same plan year that
 * names the same indicator (after the lexicon's synonyms) and measure: a headline target first, then the plan's order.
 */
async function superiorTarget(
  db: Db,
  parentCode: string | null,
  target: { indicatorName: string; measure: string; planYear: number },
): Promise<TSuperiorTarget | null> {
  if (!parentCode) return null;
  const indicator = resolveIndicator(target.indicatorName).name;
  const candidates = await db.target.findMany({
    where: { jurisdictionCode: parentCode, planYear: target.planYear, measure: target.measure },
    include: {
      match: { select: { verdict: true, notATarget: true } },
      report: { select: { jurisdiction: { select: { name: true } } } },
    },
    orderBy: [{ headline: "desc" }, { reportId: "asc" }, { position: "asc" }],
  });
  const found = candidates.find((c) => !c.match?.notATarget && resolveIndicator(c.indicatorName).name === indicator);
  if (!found) return null;
  const figures = readableFigures(found);
  return {
    id: found.id,
    code: parentCode,
    name: found.report.jurisdiction.name,
    indicator: found.indicatorName,
    measure: measureColumn(found.measure),
    qualifier: qualifierColumn(found.qualifier),
    value: figures.value,
    min: figures.min,
    max: figures.max,
    unit: found.unit,
    text: found.text,
    verdict: found.match ? verdictColumn(found.match.verdict) : null,
  };
}

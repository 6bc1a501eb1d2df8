/**
 * The same report in slightly different bytes: two trailing newlines, an HTML wrapper, a page that adds a line. The
 * content hash cannot see it, so a report is compared with the stored reports of its jurisdiction and year by its
 * sentences. Text equal but for blanks is the same report; sentences mostly shared (`NEAR_DUPLICATE_SHARE` of the
 * longer report's) make a near-duplicate, which the importer does not store silently beside the first: the user
 * chooses to skip it, replace the stored one, or keep both (the new one as a review source, so no plan is doubled).
 * A news item quoting a report shares few of the report's sentences and is not a near-duplicate.
 */
import type { TDuplicateChoice } from "@/lib/schemas/store";
import type { Tx } from "./client";
import { DomainError } from "./errors";

export type DuplicateChoice = TDuplicateChoice;

/** Share of the longer report's sentences the two must have in common to be the same report. */
export const NEAR_DUPLICATE_SHARE = 0.8;
/** Shorter pieces (`一是`, headings' numbers) are shared by unrelated reports. */
const MIN_SENTENCE_CHARS = 6;
const SENTENCE_END = /[。！？!?；;\n]/;

export interface StoredReport {
  id: string;
  documentId: string;
  code: string;
  year: number;
  kind: string;
  file: string;
}

export interface NearDuplicate {
  /** Position of the new report in its document. */
  position: number;
  stored: StoredReport;
  /** Share of the longer report's sentences both hold, 0–1. */
  overlap: number;
  /** Equal but for blanks. */
  same: boolean;
}

const withoutBlanks = (text: string) => text.replace(/\s+/g, "");

function sentencesOf(text: string): Set<string> {
  const sentences = new Set<string>();
  for (const piece of text.split(SENTENCE_END)) {
    const sentence = withoutBlanks(piece);
    if (sentence.length >= MIN_SENTENCE_CHARS) sentences.add(sentence);
  }
  return sentences;
}

/** Share of the longer text's sentences that the other holds too. */
export function sentenceOverlap(a: string, b: string): number {
  return overlapOf(sentencesOf(a), sentencesOf(b), () => withoutBlanks(a) === withoutBlanks(b));
}

/** `sameText` decides texts too short to have sentences. */
function overlapOf(first: Set<string>, second: Set<string>, sameText: () => boolean): number {
  const longer = Math.max(first.size, second.size);
  if (longer === 0) return sameText() ? 1 : 0;
  let shared = 0;
  for (const sentence of first) if (second.has(sentence)) shared += 1;
  return shared / longer;
}

/** The stored reports of each new report's jurisdiction and year that hold (nearly) the same text. */
export async function findNearDuplicates(
  tx: Tx,
  reports: { code: string; year: number; text: string }[],
): Promise<NearDuplicate[]> {
  const found: NearDuplicate[] = [];
  for (const [position, report] of reports.entries()) {
    // The new report's side of every comparison, once.
    const text = withoutBlanks(report.text);
    const sentences = sentencesOf(report.text);
    const stored = await tx.report.findMany({
      where: { jurisdictionCode: report.code, year: report.year },
      select: {
        id: true,
        documentId: true,
        kind: true,
        text: true,
        jurisdictionCode: true,
        year: true,
        document: { select: { sourceName: true } },
      },
      orderBy: { createdAt: "asc" },
    });
    for (const row of stored) {
      const same = withoutBlanks(row.text) === text;
      const overlap = same ? 1 : overlapOf(sentencesOf(row.text), sentences, () => false);
      if (overlap < NEAR_DUPLICATE_SHARE) continue;
      const { id, documentId, kind, jurisdictionCode: code, year } = row;
      found.push({
        position,
        stored: { id, documentId, code, year, kind, file: row.document.sourceName },
        overlap,
        same,
      });
      break;
    }
  }
  return found;
}

/** A stored report holds analysts' work: replacing it would orphan their edits. */
export class ReplaceRefusedError extends DomainError {
  constructor(message: string) {
    super(message, 409);
  }
}

/**
 * Delete a stored report the user replaces, with its targets and figures, in the caller's transaction; the years it
 * touched are returned for re-judging. Refused when an analyst edited any of its targets or linked any of its figures
 * by hand: nothing an analyst wrote is deleted.
 */
export async function deleteReplacedReport(tx: Tx, reportId: string): Promise<{ code: string; year: number }[]> {
  const edited = await tx.match.count({
    where: {
      OR: [
        { target: { reportId }, OR: [{ manual: true }, { edits: { some: {} } }] },
        { manual: true, outcome: { reportId } },
      ],
    },
  });
  if (edited > 0) {
    throw new ReplaceRefusedError(
      `the stored report ${reportId} carries ${edited} analyst edit${edited === 1 ? "" : "s"}; it cannot be replaced without losing them: keep both or skip`,
    );
  }
  const report = await tx.report.findUniqueOrThrow({
    where: { id: reportId },
    select: {
      documentId: true,
      jurisdictionCode: true,
      planYear: true,
      reviewYear: true,
      targets: { select: { indicatorName: true, measure: true } },
      outcomes: { select: { year: true, periodStart: true, periodEnd: true } },
    },
  });
  const years = new Set<number>();
  for (const year of [report.planYear, report.reviewYear]) if (year !== null) years.add(year);
  for (const outcome of report.outcomes) {
    years.add(outcome.year);
    if (outcome.periodStart !== null && outcome.periodEnd !== null)
      for (let year = outcome.periodStart; year <= outcome.periodEnd; year += 1) years.add(year);
  }
  await tx.report.delete({ where: { id: reportId } });
  if ((await tx.report.count({ where: { documentId: report.documentId } })) === 0) {
    await tx.document.delete({ where: { id: report.documentId } });
  }
  // The compare screen's counts of targets per indicator: recounted for the indicators the report named.
  const indicators = new Map(report.targets.map((t) => [JSON.stringify([t.indicatorName, t.measure]), t]));
  for (const { indicatorName, measure } of indicators.values()) {
    const targets = await tx.target.count({ where: { indicatorName, measure } });
    await tx.indicatorTally.updateMany({ where: { indicatorName, measure }, data: { targets } });
  }
  return [...years].map((year) => ({ code: report.jurisdictionCode, year }));
}

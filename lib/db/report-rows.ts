/**
 * A read report as the database stores it, shared by the import and the re-read: the identity a user gave it, the
 * years it touches, and its report, target and outcome rows.
 */
import { READER_VERSION, type ReadReport } from "@/lib/engine/reader";
import { divisionByCode } from "@/lib/engine/reader/document/divisions";
import { insertRows, timestamp } from "./bulk-write";
import type { Tx } from "./client";
import { countIndicators } from "./indicator-tally";
import type { Provider } from "./providers";

/** What a report must know to be stored: every row is keyed by jurisdiction code and year. */
export type IdentifiedReport = ReadReport & { code: string; year: number };

export const isIdentified = (report: ReadReport): report is IdentifiedReport =>
  report.code !== null && report.year !== null;

export interface ImportOverride {
  code?: string;
  /** Display name for a code outside the division list (demo data, a body the list lacks). */
  name?: string;
  /** The report's year: the plan year of a work report, the reviewed year of a review source. */
  year?: number;
}

export interface JurisdictionYear {
  code: string;
  year: number;
}

const NATIONAL = { code: "000000", name: "全国", level: "national" };

/**
 * The report as the user says it is: another jurisdiction or year moves its plan, review and outcome years along.
 * Where the reader could not tell the year, the user's year is the plan year of a work report (which then reviews
 * the year before) or the reviewed year of a review source, and the outcomes the reader could not date are of the
 * reviewed year. Period figures (`period` set) keep `year: null`; their period moves with the report's year.
 */
export function withOverride(report: ReadReport, override: ImportOverride | undefined): ReadReport {
  if (!override || (override.code === undefined && override.year === undefined)) return report;
  const code = override.code ?? report.code;
  const named = (given: string) =>
    given === report.code && report.jurisdiction !== null
      ? report.jurisdiction
      : (divisionByCode(given)?.canonicalName ?? (given === NATIONAL.code ? NATIONAL.name : given));
  return {
    ...report,
    ...yearsAsGiven(report, override.year),
    code,
    jurisdiction: code === null ? report.jurisdiction : (override.name ?? named(code)),
    confidence: 1,
  };
}

function yearsAsGiven(
  report: ReadReport,
  year: number | undefined,
): Pick<ReadReport, "year" | "planYear" | "reviewYear" | "outcomes"> {
  if (year === undefined) return report;
  if (report.year !== null) {
    const shift = year - report.year;
    const moved = (value: number | null) => (value === null ? null : value + shift);
    return {
      year,
      planYear: moved(report.planYear),
      reviewYear: moved(report.reviewYear),
      outcomes: report.outcomes.map((outcome) => ({
        ...outcome,
        year: moved(outcome.year),
        ...(outcome.period
          ? { period: [outcome.period[0] + shift, outcome.period[1] + shift] as [number, number] }
          : {}),
      })),
    };
  }
  const review = report.kind === "review_source";
  const reviewed = review ? year : year - 1;
  const reviews = review || report.outcomes.length > 0 || report.sections.some((s) => s.kind === "review");
  return {
    year,
    planYear: review ? null : year,
    reviewYear: reviews ? reviewed : null,
    outcomes: report.outcomes.map((outcome) =>
      outcome.year === null && !outcome.period ? { ...outcome, year: reviewed } : outcome,
    ),
  };
}

/** The jurisdiction-years whose judgement a report changes: its plan, its review, and every year its figures cover. */
export function touchedYears(reports: IdentifiedReport[]): JurisdictionYear[] {
  const years: JurisdictionYear[] = [];
  for (const report of reports) {
    const add = (year: number) => years.push({ code: report.code, year });
    if (report.planYear !== null && report.targets.length > 0) add(report.planYear);
    for (const outcome of report.outcomes) {
      if (outcome.year !== null) add(outcome.year);
      // A period figure changes the reason of the targets of every year it covers (periodOnlyReason).
      else if (outcome.period) for (let year = outcome.period[0]; year <= outcome.period[1]; year += 1) add(year);
    }
    if (report.reviewYear !== null) add(report.reviewYear);
  }
  return uniqueYears(years);
}

export function uniqueYears(years: JurisdictionYear[]) {
  return [...new Map(years.map((y) => [`${y.code}:${y.year}`, y])).values()];
}

/** A work report kept beside its near-duplicate: its figures count as another source, its plan is not doubled. */
export function asReviewSource(report: IdentifiedReport): IdentifiedReport {
  return { ...report, kind: "review_source", planYear: null, year: report.reviewYear ?? report.year, targets: [] };
}

/** A number that can be stored: Infinity and NaN (a figure the reader overflowed on) are stored as null. */
const finite = (value: number | null | undefined) =>
  value !== null && value !== undefined && Number.isFinite(value) ? value : null;

/** Create the jurisdiction and, from the division list, its parents. */
export async function ensureJurisdiction(tx: Tx, code: string, fallbackName: string): Promise<void> {
  if (await tx.jurisdiction.findUnique({ where: { code }, select: { code: true } })) return;
  if (code === NATIONAL.code) {
    await tx.jurisdiction.create({ data: NATIONAL });
    return;
  }
  const division = divisionByCode(code);
  if (!division) {
    await tx.jurisdiction.create({ data: { code, name: fallbackName, level: "county" } });
    return;
  }
  // A province's superior is the State Council (GB/T 2260 lists provinces without a parent).
  if (division.parent) await ensureJurisdiction(tx, division.parent.code, division.parent.canonicalName);
  else if (division.level === "province") await ensureJurisdiction(tx, NATIONAL.code, NATIONAL.name);
  await tx.jurisdiction.create({
    data: {
      code,
      name: division.canonicalName,
      level: division.level,
      parentCode: division.parent?.code ?? (division.level === "province" ? NATIONAL.code : null),
    },
  });
}

/** The report row's columns that a reading gives (a re-read updates them in place). */
export function reportColumns(report: IdentifiedReport) {
  return {
    kind: report.kind,
    jurisdictionCode: report.code,
    year: report.year,
    planYear: report.planYear,
    reviewYear: report.reviewYear,
    confidence: report.confidence,
    readerVersion: READER_VERSION,
    text: report.text,
    originalStart: report.toOriginalOffset(0),
    originalEnd: report.toOriginalOffset(report.text.length),
    sections: report.sections,
  };
}

/** The target rows of a report's plan, in the reader's order (`position`); none for a report without a plan year. */
export function targetRows(reportId: string, report: IdentifiedReport) {
  const planYear = report.planYear;
  if (planYear === null) return [];
  return report.targets.map((target, index) => ({
    reportId,
    jurisdictionCode: report.code,
    planYear,
    position: index,
    indicatorName: target.indicator,
    measure: target.measure,
    qualifier: target.qualifier,
    value: finite(target.value),
    min: finite(target.min),
    max: finite(target.max),
    unit: target.unit,
    polarity: target.polarity,
    headline: target.headline,
    wording: target.wording ?? null,
    stretch: finite(target.stretch),
    text: target.text,
    start: target.start,
    end: target.end,
    readerVersion: READER_VERSION,
  }));
}

export type TargetRowData = ReturnType<typeof targetRows>[number];

/**
 * The outcome rows of a report. An outcome is stored as a figure of its year. A multi-year review's period figure
 * (`period` set, `year` null) is stored with its period, under the period's last year: it is never matched to a year's
 * target, and the scorecard of every year inside the period shows it as context (verdicts.md "Periods are not
 * years"). An outcome with neither a year nor a period is not stored. `position` keeps the reader's index.
 */
export function outcomeRows(reportId: string, report: IdentifiedReport, createdAt = timestamp()) {
  return report.outcomes.flatMap((outcome, index) => {
    const period = outcome.year === null ? (outcome.period ?? null) : null;
    const year = outcome.year ?? period?.[1] ?? null;
    if (year === null) return [];
    return [
      {
        reportId,
        jurisdictionCode: report.code,
        year,
        periodStart: period?.[0] ?? null,
        periodEnd: period?.[1] ?? null,
        position: index,
        indicatorName: outcome.indicator,
        measure: outcome.measure,
        value: finite(outcome.value),
        min: finite(outcome.min),
        max: finite(outcome.max),
        unit: outcome.unit,
        polarity: outcome.polarity,
        estimated: outcome.estimated,
        stated: outcome.stated ?? null,
        text: outcome.text,
        start: outcome.start,
        end: outcome.end,
        manual: false,
        createdAt,
        readerVersion: READER_VERSION,
      },
    ];
  });
}

export type OutcomeRowData = ReturnType<typeof outcomeRows>[number];

/** Store a new report of a document with its targets and outcomes; returns its id. */
export async function insertReport(
  tx: Tx,
  provider: Provider,
  place: { documentId: string; position: number; identityOverridden: boolean },
  report: IdentifiedReport,
): Promise<string> {
  const created = await tx.report.create({ data: { ...place, ...reportColumns(report) }, select: { id: true } });
  const targets = targetRows(created.id, report);
  if (targets.length > 0) {
    await countIndicators(tx, report.targets);
    await insertRows(tx, provider, "Target", targets);
  }
  await insertRows(tx, provider, "Outcome", outcomeRows(created.id, report));
  return created.id;
}

/**
 * From a document's text to its reports: split, lay out parts and headline lists, identify, then read targets from
 * the plan and outcomes from the review.
 */
import type { TOutcome } from "@/lib/schemas/extraction";
import { Explanation } from "../explain";
import type { HeadlineList } from "../extract/headline";
import { extractOutcomes } from "../extract/outcomes";
import { findQuantities } from "../extract/quantity";
import { extractTargets, statementTargets } from "../extract/targets";
import type { MappedText } from "../text/mapped-text";
import type { ReadHints, ReadReport } from "../types";
import { divisionsNamed, findDivisionNames } from "./divisions";
import { identifyReport, NotAReport } from "./identify";
import { findSections } from "./sections";
import { splitReports } from "./split";
import { findZones } from "./zones";

export interface ReportsOrReasons {
  reports: ReadReport[];
  /** Why parts of the text were not read as reports (when none was, the document is not a report). */
  reasons: string[];
}

/** How far before a list's cue its government may be named (`2023年郑州的主要预期目标是…`). */
const CUE_SUBJECT_LENGTH = 30;

/**
 * A list whose cue names a government that is neither the report's nor one above it (`…郑州的主要预期目标是` in a
 * news item on Wuhan comparing cities) sets that government's targets, not this report's.
 */
function listOfAnotherGovernment(text: string, list: HeadlineList, code: string | null): boolean {
  if (code === null) return false;
  const from = Math.max(
    0,
    list.cue - CUE_SUBJECT_LENGTH,
    text.lastIndexOf("。", list.cue) + 1,
    text.lastIndexOf("\n", list.cue) + 1,
  );
  const named = findDivisionNames(text.slice(from, list.cue)).flatMap((m) => divisionsNamed(m.name));
  if (named.length === 0) return false;
  return !named.some((d) => d.code === code || code.startsWith(d.code.replace(/0+$/, "")));
}

/** Figures no stage looked at stand outside every part the reader reads (a five-year plan, the government's conduct). */
function noteUnread(text: string, trace: Explanation): void {
  for (const q of findQuantities(text)) {
    if (!trace.decided(q.start))
      trace.note(q, "part", "dropped", "outside the parts where targets and outcomes are read");
  }
}

export function readReports(
  normalized: MappedText,
  hints: ReadHints,
  options: { explain?: boolean } = {},
): ReportsOrReasons {
  const reports: ReadReport[] = [];
  const reasons: string[] = [];
  for (const span of splitReports(normalized.text)) {
    const text = normalized.text.slice(span.start, span.end);
    const trace = options.explain ? new Explanation(text) : undefined;
    const layout = findSections(text);
    const title = span.title ?? hints.title ?? "";
    let identity: ReturnType<typeof identifyReport>;
    try {
      identity = identifyReport(title, text, hints, layout);
    } catch (error) {
      if (error instanceof NotAReport) {
        reasons.push(error.message);
        continue;
      }
      throw error;
    }
    const isWorkReport = identity.kind === "work_report";
    const planYear = isWorkReport ? identity.planYear : null;
    const reviewed = isWorkReport ? (planYear === null ? null : planYear - 1) : identity.year;
    const zones = findZones(text, layout, planYear);
    const foreign = zones.lists.filter((list) => listOfAnotherGovernment(text, list, identity.code));
    zones.lists = zones.lists.filter((list) => !foreign.includes(list));
    const skipped = [...layout.lookBacks, ...foreign];
    let targets = isWorkReport ? extractTargets(text, zones.lists, zones.plans, skipped, planYear, trace) : [];
    if (isWorkReport && !identity.itself && zones.free.length > 0) {
      // In a news item or digest, statements that commit are targets too (`今年，…增长12%`); a report's own text
      // states its targets in its plan part.
      const stated = statementTargets(text, zones.free, [...skipped, ...zones.lists], planYear, trace).filter(
        (s) => !targets.some((t) => t.indicator === s.indicator && t.measure === s.measure && t.value === s.value),
      );
      targets = [...targets, ...stated].sort((a, b) => a.start - b.start);
    }
    const reviewText = isWorkReport ? zones.reviews : [{ start: 0, end: text.length, period: null }];
    const outcomes: TOutcome[] = [
      ...reviewText.flatMap((zone) => extractOutcomes(text, zone, reviewed, trace)),
      ...layout.lookBacks.flatMap((passage) => extractOutcomes(text, { ...passage, period: null }, reviewed, trace)),
    ]
      .filter((o) => {
        const isTarget = targets.some((t) => o.start < t.end && t.start < o.end);
        if (isTarget) trace?.note(o, "outcome", "dropped", "the same figure is read as a target");
        return !isTarget;
      })
      .sort((a, b) => a.start - b.start);
    if (targets.length === 0 && outcomes.length === 0 && !(isWorkReport && identity.known)) {
      reasons.push("it holds no target and no outcome of a government's year");
      continue;
    }
    if (trace) noteUnread(text, trace);
    const offset = span.start;
    const { known: _known, itself: _itself, ...fields } = identity;
    reports.push({
      ...fields,
      reviewYear: outcomes.some((o) => o.year !== null) ? reviewed : identity.reviewYear,
      sections: isWorkReport ? zones.sections : [{ kind: "review", title: "", start: 0, end: text.length }],
      targets,
      outcomes,
      text,
      toOriginalOffset: (position: number) => normalized.toOriginal(offset + position),
      ...(trace ? { explanation: trace.figuresInOrder() } : {}),
    });
  }
  return { reports, reasons };
}

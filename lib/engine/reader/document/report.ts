/**
 * From a document's text to its reports: split, lay out sections, identify, then read targets from the plan and
 * outcomes from the review.
 */
import type { TOutcome, TSection, TTarget } from "@/lib/schemas/extraction";
import { extractOutcomes } from "../extract/outcomes";
import { extractTargets } from "../extract/targets";
import type { MappedText } from "../text/mapped-text";
import type { ReadHints, ReadReport } from "../types";
import { identifyReport, NotAReport } from "./identify";
import { findSections } from "./sections";
import { splitReports } from "./split";

/** A review needs some text before the plan to hold outcomes at all. */
const MIN_IMPLICIT_REVIEW_LENGTH = 200;

export interface ReportsOrReasons {
  reports: ReadReport[];
  /** Why parts of the text were not read as reports (when none was, the document is not a report). */
  reasons: string[];
}

function firstLine(text: string, start: number): string {
  return text.slice(start, start + 40).split("\n")[0] ?? "";
}

export function readReports(normalized: MappedText, hints: ReadHints): ReportsOrReasons {
  const reports: ReadReport[] = [];
  const reasons: string[] = [];
  for (const span of splitReports(normalized.text)) {
    const text = normalized.text.slice(span.start, span.end);
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

    let sections: TSection[] = layout.sections;
    let targets: TTarget[] = [];
    let outcomes: TOutcome[] = [];
    let reviewYear = identity.reviewYear;
    if (identity.kind === "review_source") {
      sections = [{ kind: "review", title: firstLine(text, 0), start: 0, end: text.length }];
      outcomes = extractOutcomes(text, 0, text.length, identity.year);
    } else {
      const plan = sections.find((s) => s.kind === "plan");
      if (plan) targets = extractTargets(text, plan, layout.lookBacks);
      const review = sections.find((s) => s.kind === "review");
      const reviewed = identity.year === null ? null : identity.year - 1;
      if (review) {
        outcomes = extractOutcomes(text, review.start, review.end, reviewed);
      } else if (plan && plan.start >= MIN_IMPLICIT_REVIEW_LENGTH) {
        // No heading announces a review, but the text before the plan may still report last year's figures.
        outcomes = extractOutcomes(text, 0, plan.start, reviewed);
        if (outcomes.length > 0) {
          sections = [{ kind: "review", title: firstLine(text, 0), start: 0, end: plan.start }, ...sections];
        }
      }
      const lookedBack = layout.lookBacks.flatMap((passage) =>
        extractOutcomes(text, passage.start, passage.end, reviewed),
      );
      outcomes = [...outcomes, ...lookedBack];
      if (outcomes.length > 0) reviewYear = reviewed;
    }
    if (targets.length === 0 && outcomes.length === 0) {
      reasons.push("it holds no target and no outcome of a government's year");
      continue;
    }
    const offset = span.start;
    reports.push({
      ...identity,
      reviewYear,
      sections,
      targets,
      outcomes,
      text,
      toOriginalOffset: (position: number) => normalized.toOriginal(offset + position),
    });
  }
  return { reports, reasons };
}

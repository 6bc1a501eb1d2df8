/**
 * Measuring extracted targets against hand labels: a label's snippet is looked up from the start of the plan section
 * (its first occurrence is the labelled clause, see tests/labels/types.ts) and takes the extracted target whose
 * evidence overlaps it, preferring one with the labelled value; each target serves one label.
 */
import type { ReadReport } from "@/lib/engine/reader";
import type { TTarget } from "@/lib/schemas/extraction";
import type { TargetLabel } from "@/tests/labels/types";

export interface LabelMatch {
  label: TargetLabel;
  target: TTarget;
}

export interface PlanScore {
  matches: LabelMatch[];
  /** Labels no target was found for (or whose snippet is not in the section). */
  missed: TargetLabel[];
  /** Extracted targets no label accounts for. */
  extra: TTarget[];
  recall: number;
  precision: number;
}

function planSection(report: ReadReport) {
  const plan = report.sections.find((s) => s.kind === "plan");
  if (!plan) throw new Error(`${report.jurisdiction} ${report.year}: no plan section`);
  return plan;
}

/** Offsets of a snippet's first occurrence in the plan section, or null. */
export function locateInPlan(report: ReadReport, snippet: string): { start: number; end: number } | null {
  const plan = planSection(report);
  const start = report.text.indexOf(snippet, plan.start);
  return start < 0 || start >= plan.end ? null : { start, end: start + snippet.length };
}

export function scorePlan(
  report: ReadReport,
  labels: TargetLabel[],
  candidates: TTarget[] = report.targets,
): PlanScore {
  const taken = new Set<TTarget>();
  const matches: LabelMatch[] = [];
  const missed: TargetLabel[] = [];
  for (const label of labels) {
    const at = locateInPlan(report, label.find);
    const overlapping = at ? candidates.filter((t) => !taken.has(t) && t.start < at.end && at.start < t.end) : [];
    const target = overlapping.find((t) => t.value === label.value) ?? overlapping[0];
    if (!target) {
      missed.push(label);
      continue;
    }
    taken.add(target);
    matches.push({ label, target });
  }
  const extra = candidates.filter((t) => !taken.has(t));
  return {
    matches,
    missed,
    extra,
    recall: matches.length / labels.length,
    precision: candidates.length === 0 ? 0 : matches.length / candidates.length,
  };
}

/** The targets whose evidence overlaps a snippet that must yield nothing. */
export function targetsOnSnippet(report: ReadReport, snippet: string): TTarget[] {
  const at = locateInPlan(report, snippet);
  if (!at) throw new Error(`snippet not in the plan section: ${snippet}`);
  return report.targets.filter((t) => t.start < at.end && at.start < t.end);
}

/** The fields of a target a label states, for one equality assertion. */
export function statedFields(target: TTarget | TargetLabel) {
  const { measure, qualifier, value, min, max, unit, polarity, headline } = target;
  return { measure, qualifier, value, min, max, unit, polarity, headline };
}

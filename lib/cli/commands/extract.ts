/**
 * `luoshi extract <file...> [--json]`: read reports and print their targets and outcomes, as the JSON contract of
 * extraction.md or as a summary per report, one document at a time. A file that cannot be read gets one message on
 * stderr and the others are still printed; the exit status is non-zero when a file failed with an error or none
 * could be read.
 */
import { z } from "zod";
import type { FigureTrace, ReadDocument, ReadReport } from "@/lib/engine/reader";
import type { TTarget } from "@/lib/schemas/extraction";
import { parseCommandArgs } from "../args";
import { type Command, UsageError } from "../command";
import { JsonObjectWriter, stdoutSink, TextOutput } from "../output";
import { exitStatus, forEachDocument } from "../read-inputs";

const USAGE = `Usage: luoshi extract <file or address...> [--json | --explain]

Read government work reports (.txt, .html, .pdf, .docx; .jsonl with one document per line; .csv or .xlsx with one
document per row, text in a full_text/content/text column; or an http(s) address, fetched) and print, for each
report, its jurisdiction, year, sections, targets and outcomes.

Options:
  --json      print one JSON document (the extract contract of extraction.md) instead of a summary
  --explain   print, for each figure of each report, which rule kept or dropped it and why
  -h, --help  show this help

Exit status: 0 when every file was read or refused as not a report (each refusal named on stderr), 1 when a file
failed with an error or none could be read, 2 for bad usage.`;

const ZExtractArgs = z.object({
  json: z.boolean().default(false),
  explain: z.boolean().default(false),
  positionals: z.array(z.string().min(1)).min(1, "give at least one file to read"),
});

const QUALIFIER_SIGNS: Record<TTarget["qualifier"], string> = {
  about: "≈",
  at_least: "≥",
  at_most: "≤",
  exact: "=",
  range: "",
  none: "",
};

function formatFigure(target: TTarget): string {
  if (target.measure === "qualitative") return "(qualitative)";
  const number = target.qualifier === "range" ? `${target.min}–${target.max}` : `${target.value}`;
  return `${target.measure} ${QUALIFIER_SIGNS[target.qualifier]}${number}${target.unit ?? ""}`;
}

function formatReport(document: ReadDocument, report: ReadReport): string {
  const kind = report.kind === "work_report" ? "work report" : "review source";
  const sections = report.sections.map((s) => `${s.kind} “${s.title || "(untitled)"}”`).join(" · ");
  const headline = report.targets.filter((t) => t.headline);
  const lines = [
    `${report.jurisdiction} (${report.code}) · ${report.year} ${kind} · confidence ${report.confidence}`,
    `  file: ${document.file} (${document.encoding})`,
    `  plan year: ${report.planYear ?? "—"} · review year: ${report.reviewYear ?? "—"}`,
    `  sections: ${sections || "none found"}`,
    `  targets: ${report.targets.length} (${headline.length} headline) · outcomes: ${report.outcomes.length}`,
  ];
  if (headline.length > 0) {
    lines.push("  headline targets:");
    for (const target of headline) lines.push(`    ${target.indicator}: ${formatFigure(target)} — ${target.text}`);
  }
  return lines.join("\n");
}

const DECISION_SIGNS = { kept: "+", dropped: "-", noted: " " } as const;

/** What became of a figure in the end: the target or outcome read from it, or nothing. */
function fateOf(report: ReadReport, figure: FigureTrace): string {
  const overlaps = (item: { start: number; end: number }) => item.start < figure.end && figure.start < item.end;
  const target = report.targets.find((t) => t.measure !== "qualitative" && overlaps(t));
  if (target) return `target ${target.indicator} ${formatFigure(target)}${target.headline ? " (headline)" : ""}`;
  const outcome = report.outcomes.find((o) => o.measure !== "qualitative" && overlaps(o));
  if (outcome) {
    const when = outcome.period ? `${outcome.period[0]}–${outcome.period[1]}` : `${outcome.year ?? "?"}`;
    return `outcome ${outcome.indicator} ${outcome.value}${outcome.unit ?? ""} of ${when}`;
  }
  return "not read";
}

/** Each figure of a report with the decisions of every rule that looked at it. */
function formatExplanation(document: ReadDocument, report: ReadReport): string {
  const lines = [formatReport(document, report), "  figures:"];
  for (const figure of report.explanation ?? []) {
    const context = report.text.slice(Math.max(0, figure.start - 16), figure.start).replace(/\n/g, " ");
    lines.push(`  [${figure.start}] …${context}【${figure.text}】 → ${fateOf(report, figure)}`);
    for (const step of figure.steps) lines.push(`      ${DECISION_SIGNS[step.decision]} ${step.stage}: ${step.why}`);
  }
  return lines.join("\n");
}

export const extractCommand: Command = {
  name: "extract",
  summary: "read reports and print their targets and outcomes",
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(argv, { json: { type: "boolean" }, explain: { type: "boolean" } }, ZExtractArgs);
    if (args.json && args.explain) throw new UsageError("--json and --explain cannot be combined");
    const out = new TextOutput(stdoutSink(io));
    const json = new JsonObjectWriter(out);
    const format = args.explain ? formatExplanation : formatReport;
    let blocks = 0;
    const tally = await forEachDocument(
      "extract",
      args.positionals,
      io,
      { explain: args.explain },
      async (document, extracted) => {
        if (args.json) {
          if (!json.isStarted) await json.openArray("documents");
          await json.itemWithArray(
            { file: extracted.file, encoding: extracted.encoding },
            "reports",
            extracted.reports,
          );
          return;
        }
        // A report at a time: one .txt can hold thousands.
        for (const report of document.reports)
          await out.put(`${blocks++ > 0 ? "\n\n" : ""}${format(document, report)}`);
      },
    );
    if (tally.read === 0) {
      io.stderr("luoshi extract: no file could be read\n");
      return 1;
    }
    if (args.json) {
      await json.closeArray();
      await json.end();
    } else {
      await out.put("\n");
      await out.flush();
    }
    return exitStatus(tally);
  },
};

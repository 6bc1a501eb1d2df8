/**
 * `luoshi analyze <file...> [--json] [--tolerance t]`: read reports, pair each plan with its review, judge every
 * target (verdicts.md). With --json, prints the `analyze` JSON of extraction.md; otherwise a table per pair.
 */
import { z } from "zod";
import { analyzeReports, reportInputs, unpairedReports } from "@/lib/engine/match";
import { toExtractOutput } from "@/lib/engine/reader";
import { type TAnalyzeOutput, type TPair, type TVerdict, ZAnalyzeOutput } from "@/lib/schemas/extraction";
import { parseCommandArgs } from "../args";
import type { CliIO, Command } from "../command";
import { readInputFiles } from "../read-inputs";

const usage = `Usage: luoshi analyze <file...> [--json] [--tolerance t]

Read government work reports (.txt, .html, .jsonl), pair each year's plan with the review of that year, and judge
every target: met, missed, no outcome, or needs review.

Options:
  --json           print one JSON object (documents and pairs) instead of tables
  --tolerance t    slack for "about" (左右) targets: t percentage points for % targets, a relative share t of the
                   target otherwise (0.05 = 5%). Default 0.
  -h, --help       show this help`;

const ZFlags = z.object({
  positionals: z.array(z.string().min(1)).min(1, "give at least one report file"),
  json: z.boolean().default(false),
  tolerance: z
    .string()
    .regex(/^\d+(\.\d+)?$|^\.\d+$/, "--tolerance must be a number ≥ 0, e.g. 0.5")
    .default("0")
    .transform(Number),
});

const OPTIONS = { json: { type: "boolean" }, tolerance: { type: "string" } } as const;

const VERDICT_NAMES: Record<TVerdict, string> = {
  met: "完成",
  missed: "未完成",
  no_outcome: "无结果",
  needs_review: "待复核",
  pending: "待回顾",
};

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns of a character: CJK and full-width characters take two. */
const charWidth = (char: string) => (WIDE.test(char) ? 2 : 1);

/** Cut to `width` terminal columns (ending with an ellipsis when cut) and pad to exactly `width`. */
function fitColumn(text: string, width: number): string {
  const chars = [...text];
  const total = chars.reduce((sum, char) => sum + charWidth(char), 0);
  let out = text;
  let used = total;
  if (total > width) {
    out = "";
    used = 1;
    for (const char of chars) {
      if (used + charWidth(char) > width) break;
      out += char;
      used += charWidth(char);
    }
    out += "…";
  }
  return out + " ".repeat(Math.max(0, width - used));
}

const COLUMNS = { target: 40, actual: 24, verdict: 8 } as const;

function pairTable(pair: TPair): string {
  const source = (ref: { file: string; report: number } | null) => (ref ? `${ref.file}#${ref.report}` : "(无)");
  const lines = [
    `${pair.jurisdiction} (${pair.code}) ${pair.year}年  计划: ${source(pair.plan)}  回顾: ${source(pair.review)}`,
  ];
  for (const ref of pair.reviewSources ?? []) lines.push(`  补充来源: ${source(ref)}`);
  for (const conflict of pair.conflicts ?? []) lines.push(`  冲突: ${conflict}`);
  lines.push(
    `  ${fitColumn("目标", COLUMNS.target)}  ${fitColumn("实际", COLUMNS.actual)}  ${fitColumn("判定", COLUMNS.verdict)}  置信度`,
  );
  const counts: Record<TVerdict, number> = { met: 0, missed: 0, no_outcome: 0, needs_review: 0, pending: 0 };
  for (const match of pair.matches) {
    counts[match.verdict]++;
    const outcome = match.outcome;
    const actual = !outcome
      ? "—"
      : outcome.value === null
        ? outcome.text
        : `${outcome.value}${outcome.unit ?? ""}${outcome.estimated ? "(预计)" : ""}`;
    const row = [
      fitColumn(match.target.text, COLUMNS.target),
      fitColumn(actual, COLUMNS.actual),
      fitColumn(VERDICT_NAMES[match.verdict], COLUMNS.verdict),
    ];
    lines.push(`  ${row.join("  ")}  ${match.confidence.toFixed(2)}`);
  }
  const summary = (Object.keys(counts) as TVerdict[]).map((verdict) => `${VERDICT_NAMES[verdict]} ${counts[verdict]}`);
  lines.push(`  合计: ${summary.join(" · ")} · 未被认领的回顾结果 ${pair.unmatchedOutcomes.length}`);
  return lines.join("\n");
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const flags = parseCommandArgs(argv, OPTIONS, ZFlags);
  const documents = await readInputFiles("analyze", flags.positionals, io);
  if (documents.length === 0) {
    io.stderr("luoshi analyze: no file could be read\n");
    return 1;
  }
  const extracted = toExtractOutput(documents);
  const inputs = reportInputs(extracted.documents);
  const pairs = analyzeReports(inputs, { tolerance: flags.tolerance });
  const unpaired = unpairedReports(inputs);
  if (flags.json) {
    const output: TAnalyzeOutput = ZAnalyzeOutput.parse({
      ...extracted,
      pairs,
      ...(unpaired.length > 0 ? { unpaired } : {}),
    });
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  }
  const notes = unpaired.map((report) => `未配对: ${report.note}`);
  if (pairs.length === 0) {
    io.stdout([...notes, "没有可评判的计划:所读报告中没有找到目标。", ""].join("\n"));
    return 0;
  }
  io.stdout(`${[...pairs.map(pairTable), ...(notes.length > 0 ? [notes.join("\n")] : [])].join("\n\n")}\n`);
  return 0;
}

export const analyzeCommand: Command = {
  name: "analyze",
  summary: "extract, then pair each plan with its review and judge every target",
  usage,
  run,
};

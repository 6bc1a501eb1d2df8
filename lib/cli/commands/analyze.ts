/**
 * `luoshi analyze <file...> [--json] [--tolerance t]`: read reports, pair each plan with its review, judge every
 * target (verdicts.md). With --json, prints the `analyze` JSON of extraction.md; otherwise a table per pair.
 *
 * Memory: each document is printed (with --json) as soon as it is read and only the fields pairing needs are kept;
 * pairs are judged and printed one jurisdiction at a time. Nothing of the output is held whole.
 */
import { z } from "zod";
import { analyzeReports, type JudgedPair, printedPair, type ReportInput, unpairedReports } from "@/lib/engine/match";
import { renderReasons } from "@/lib/i18n/reasons";
import { type TPair, type TVerdict, ZPair } from "@/lib/schemas/extraction";
import { readSettings } from "@/lib/settings";
import { parseCommandArgs } from "../args";
import type { CliIO, Command } from "../command";
import { reportFailure } from "../failure";
import { JsonObjectWriter, stdoutSink, TextOutput } from "../output";
import { exitStatus, forEachDocument } from "../read-inputs";

const usage = `Usage: luoshi analyze <file or address...> [--json] [--tolerance t]

Read government work reports (.txt, .html, .pdf, .docx, .jsonl, .csv, .xlsx, or an http(s) address, fetched), pair
each year's plan with the review of that year, and judge every target: met, missed, no outcome, or needs review.

Options:
  --json           print one JSON object (documents and pairs) instead of tables
  --tolerance t    slack for "about" (左右) targets: t percentage points for % targets, a relative share t of the
                   target otherwise (0.05 = 5%). Default LUOSHI_TOLERANCE, or 0.
  -h, --help       show this help

Exit status: 0 when every file was read or refused as not a report (each refusal named on stderr), 1 when a file
or a pair failed with an error or no file could be read, 2 for bad usage.`;

const ZFlags = z.object({
  positionals: z.array(z.string().min(1)).min(1, "give at least one report file"),
  json: z.boolean().default(false),
  // The flag wins; without it, LUOSHI_TOLERANCE as the app uses it.
  tolerance: z
    .string()
    .regex(/^\d+(\.\d+)?$|^\.\d+$/, "--tolerance must be a number ≥ 0, e.g. 0.5")
    .optional()
    .transform((flag) => (flag === undefined ? readSettings().LUOSHI_TOLERANCE : Number(flag))),
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

/** The reports by jurisdiction code in the order pairs are printed; reports without a code pair with nothing. */
function byCode(inputs: ReportInput[]): ReportInput[][] {
  const groups = new Map<string, ReportInput[]>();
  for (const input of inputs) {
    const code = input.data.code;
    if (code === null) continue;
    const group = groups.get(code);
    if (group) group.push(input);
    else groups.set(code, [input]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group);
}

/**
 * Judge the plans one jurisdiction at a time (pairing never crosses codes, so the pairs and their order are those of
 * `analyzeReports` on everything) and hand each valid pair to `visit`. A jurisdiction or pair that fails is named on
 * stderr and left out; returns how many failed.
 */
async function forEachPair(
  inputs: ReportInput[],
  tolerance: number,
  io: CliIO,
  visit: (pair: TPair) => Promise<void>,
): Promise<number> {
  let failed = 0;
  for (const group of byCode(inputs)) {
    let pairs: JudgedPair[];
    try {
      pairs = analyzeReports(group, { tolerance });
    } catch (error) {
      failed += 1;
      const files = [...new Set(group.map((input) => input.file))];
      const named =
        files.length > 3 ? `${files.slice(0, 3).join(", ")} and ${files.length - 3} more` : files.join(", ");
      reportFailure(io, "analyze", `the pairs of ${group[0]?.data.code} (${named})`, error);
      continue;
    }
    for (const pair of pairs) {
      let valid: TPair;
      try {
        // The contract's reasons are Chinese text (extraction.md).
        valid = ZPair.parse(printedPair(pair, (reasons) => renderReasons(reasons, "zh-CN")));
      } catch (error) {
        failed += 1;
        reportFailure(io, "analyze", `${pair.plan.file}#${pair.plan.report}`, error);
        continue;
      }
      await visit(valid);
    }
  }
  return failed;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const flags = parseCommandArgs(argv, OPTIONS, ZFlags);
  const out = new TextOutput(stdoutSink(io));
  const json = new JsonObjectWriter(out);
  const inputs: ReportInput[] = [];
  const tally = await forEachDocument("analyze", flags.positionals, io, {}, async (_document, extracted) => {
    if (flags.json) {
      if (!json.isStarted) await json.openArray("documents");
      await json.itemWithArray({ file: extracted.file, encoding: extracted.encoding }, "reports", extracted.reports);
    }
    // What pairing reads, without the sections: the rest of the document is printed already.
    extracted.reports.forEach(({ sections: _sections, ...data }, report) => {
      inputs.push({ file: extracted.file, report, data });
    });
  });
  if (tally.read === 0) {
    io.stderr("luoshi analyze: no file could be read\n");
    return 1;
  }
  const unpaired = unpairedReports(inputs);
  let failed = 0;
  if (flags.json) {
    await json.closeArray();
    await json.openArray("pairs");
    failed = await forEachPair(inputs, flags.tolerance, io, (pair) => json.item(pair));
    await json.closeArray();
    if (unpaired.length > 0) {
      await json.openArray("unpaired");
      for (const report of unpaired) await json.item(report);
      await json.closeArray();
    }
    await json.end();
  } else {
    let pairs = 0;
    failed = await forEachPair(inputs, flags.tolerance, io, async (pair) => {
      await out.put(`${pairs++ > 0 ? "\n\n" : ""}${pairTable(pair)}`);
    });
    const notes = unpaired.map((report) => `未配对: ${report.note}`);
    if (pairs === 0) await out.put([...notes, "没有可评判的计划:所读报告中没有找到目标。", ""].join("\n"));
    else await out.put(`${notes.length > 0 ? `\n\n${notes.join("\n")}` : ""}\n`);
    await out.flush();
  }
  return failed > 0 ? 1 : exitStatus(tally);
}

export const analyzeCommand: Command = {
  name: "analyze",
  summary: "extract, then pair each plan with its review and judge every target",
  usage,
  run,
};

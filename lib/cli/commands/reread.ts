/**
 * `luoshi reread [--code] [--year] [--all]`: read stored reports again with the current reader (lib/db/reread.ts).
 * One document per transaction, so a re-read killed half-way resumes where it stopped when run again.
 */
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { type RereadScope, rereadReports, staleReports } from "@/lib/db/reread";
import { READER_VERSION } from "@/lib/engine/reader";
import { ZCode } from "@/lib/schemas/store";
import { parseCommandArgs, ZToleranceFlag } from "../args";
import type { CliIO, Command } from "../command";
import { progressBar } from "../output";

const USAGE = `Usage: luoshi reread (--all | --code <GB/T code> | --year <year>) [--tolerance <t>] [--dry-run]

Read the stored reports of the database DATABASE_URL names again with the current reader (${READER_VERSION}),
from the text they were imported with, where an older reader read them; then judge the years they touch again.
Analysts' edits move to the successors of their targets; an edit whose target the current reader no longer reads
is kept and listed in the review queue (edit_orphaned). Each document is written in its own transaction: run the
command again after an interruption and it carries on with what is left.

Options:
  --all             every stored report older than the reader
  --code <code>     only this jurisdiction's reports
  --year <year>     only reports of this year (a work report's plan year, a review source's reviewed year)
  --tolerance <t>   relax "about" targets by t (percentage points for %), default LUOSHI_TOLERANCE or 0
  --dry-run         only count the reports older than the reader
  -h, --help        show this help`;

const ZRereadArgs = z
  .object({
    positionals: z.array(z.string()).max(0, "reread takes no file arguments"),
    all: z.boolean().default(false),
    code: ZCode.optional(),
    year: z.coerce.number().int().min(1949).max(2100).optional(),
    tolerance: ZToleranceFlag,
    "dry-run": z.boolean().default(false),
  })
  .refine((args) => args.all || args.code !== undefined || args.year !== undefined, {
    message: "say which reports: --all, --code <code> or --year <year>",
  })
  .refine((args) => !(args.all && (args.code !== undefined || args.year !== undefined)), {
    message: "--all cannot be combined with --code or --year",
  });

type RereadArgs = z.infer<typeof ZRereadArgs>;

async function reread(args: RereadArgs, io: CliIO): Promise<number> {
  await applyPendingMigrations(databaseFromEnv());
  const db = getDb();
  const scope: RereadScope = { code: args.code, year: args.year };
  const stale = await staleReports(db, scope);
  const versions = stale.byVersion.map((v) => `${v.reports} by ${v.readerVersion}`).join(", ");
  io.stderr(
    `${stale.stale} of ${stale.total} reports were read by an older reader${versions ? ` (${versions})` : ""}\n`,
  );
  if (args["dry-run"] || stale.stale === 0) return 0;

  const bar = progressBar("re-reading [{bar}] {value}/{total} documents · {file}");
  // Ctrl-C stops after the document being written: what is written stays, the rest waits for the next run.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  bar.start(1, 0, { file: "" });
  let summary: Awaited<ReturnType<typeof rereadReports>>;
  try {
    summary = await rereadReports(db, scope, {
      tolerance: args.tolerance,
      signal: stop.signal,
      onProgress: (progress) => {
        bar.setTotal(progress.total);
        bar.update(progress.done, { file: progress.document.file });
      },
    });
  } finally {
    bar.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  for (const failure of summary.failed) io.stderr(`luoshi: ${failure.file}: ${failure.message}\n`);
  const { targets } = summary;
  io.stdout(
    `${[
      `re-read ${summary.reread} of ${summary.documents} documents (${summary.changedReports} reports read differently);`,
      `targets: ${targets.kept} kept, ${targets.added} new, ${targets.removed} no longer read;`,
      `analysts' edits: ${summary.carried} carried over, ${summary.orphaned} left for review (edit_orphaned);`,
      `${summary.years} jurisdiction-years judged again`,
    ].join(" ")}\n`,
  );
  if (stop.signal.aborted) {
    io.stderr("luoshi: interrupted; run the command again to re-read the rest\n");
    return 130;
  }
  return summary.failed.length > 0 ? 1 : 0;
}

export const rereadCommand: Command = {
  name: "reread",
  summary: "read stored reports again with the current reader, keeping every analyst's edit",
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      {
        all: { type: "boolean" },
        code: { type: "string" },
        year: { type: "string" },
        tolerance: { type: "string" },
        "dry-run": { type: "boolean" },
      },
      ZRereadArgs,
    );
    try {
      return await reread(args, io);
    } finally {
      await getDb()
        .$disconnect()
        .catch(() => undefined);
    }
  },
};

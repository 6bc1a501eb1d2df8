/**
 * `luoshi import <files or folders…>`: read reports into the database DATABASE_URL names (pending migrations are
 * applied first), one transaction per document, then re-judge every jurisdiction and year they touch.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { type Db, getDb, providerOf } from "@/lib/db/client";
import { type IdentityPrompt, importFile } from "@/lib/db/import";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { ZCode } from "@/lib/schemas/store";
import { parseCommandArgs } from "../args";
import type { CliIO, Command } from "../command";

const USAGE = `Usage: luoshi import <file or folder...> [--code <GB/T code>] [--year <year>] [--tolerance <t>]

Import government work reports (.txt, .html, .htm, .jsonl, .csv, .xlsx; folders are searched recursively) into
the database that DATABASE_URL names (default: SQLite file:./data/luoshi.db). Importing the same text again changes
nothing. A .csv or .xlsx table holds one report per row (text in full_text, content or text).

Options:
  --code <code>     the jurisdiction of every report imported, instead of the detected one
  --year <year>     the year of every report imported, instead of the detected one
  --tolerance <t>   relax "about" targets by t (percentage points for %), default 0
  -h, --help        show this help`;

const ZImportArgs = z.object({
  positionals: z.array(z.string().min(1)).min(1, "give at least one file or folder"),
  code: ZCode.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  tolerance: z.coerce.number().min(0).max(100).default(0),
});

/** How a document whose jurisdiction or year the reader could not tell is told to give them. */
const IDENTITY_FLAGS: IdentityPrompt = { code: "--code <GB/T 2260 code>", year: "--year <year>" };

export const READABLE_EXTENSIONS = /\.(txt|html?|jsonl|csv|xlsx)$/i;

/** The files to import: given files as they are, folders searched for readable extensions. */
async function collectFiles(paths: string[], io: CliIO): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) {
      io.stderr(`luoshi import: ${given}: no such file or folder\n`);
    } else if (info.isDirectory()) {
      const entries = await readdir(given, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (entry.isFile() && READABLE_EXTENSIONS.test(entry.name)) files.push(path.join(entry.parentPath, entry.name));
      }
    } else {
      files.push(given);
    }
  }
  return files.sort();
}

async function counts() {
  const db = getDb();
  const [reports, targets, outcomes, matches] = await Promise.all([
    db.report.count(),
    db.target.count(),
    db.outcome.count({ where: { manual: false } }),
    db.match.count(),
  ]);
  return { reports, targets, outcomes, matches };
}

/**
 * After a bulk import, the query planner's statistics describe a much smaller database; refresh them so that the
 * dashboard's queries keep their index plans (PostgreSQL's autovacuum would catch up only later).
 */
async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (providerOf(db) === "sqlite") await db.$queryRawUnsafe("PRAGMA optimize");
  else await db.$executeRawUnsafe("ANALYZE");
}

export const importCommand: Command = {
  name: "import",
  summary: "import reports into the database (DATABASE_URL), then pair and judge them",
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      { code: { type: "string" }, year: { type: "string" }, tolerance: { type: "string" } },
      ZImportArgs,
    );
    await applyPendingMigrations(databaseFromEnv());
    const files = await collectFiles(args.positionals, io);
    const before = await counts();
    const tally = { created: 0, unchanged: 0, failed: 0 };
    const bar = new SingleBar({
      format: "importing [{bar}] {value}/{total} files · {file}",
      stream: process.stderr,
      noTTYOutput: false,
      hideCursor: true,
    });
    bar.start(files.length, 0, { file: "" });
    const problems: string[] = [];
    for (const file of files) {
      bar.update({ file: path.basename(file) });
      try {
        const bytes = new Uint8Array(await readFile(file));
        const result = await importFile(
          getDb(),
          { filename: file, bytes, override: { code: args.code, year: args.year } },
          { tolerance: args.tolerance, identityPrompt: IDENTITY_FLAGS },
        );
        for (const document of result.documents) tally[document.created ? "created" : "unchanged"] += 1;
        for (const failure of result.failed) problems.push(failure.error);
        tally.failed += result.failed.length;
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
        tally.failed += 1;
      }
      bar.increment();
    }
    bar.stop();
    if (tally.created > 0) await refreshPlannerStatistics(getDb());
    for (const problem of problems) io.stderr(`luoshi import: ${problem}\n`);
    const after = await counts();
    const added = (key: keyof typeof after) => after[key] - before[key];
    io.stdout(
      [
        `documents: ${tally.created} new, ${tally.unchanged} unchanged, ${tally.failed} failed`,
        `added: ${added("reports")} reports, ${added("targets")} targets, ${added("outcomes")} outcomes, ${added("matches")} matches`,
        `database now holds: ${after.reports} reports, ${after.targets} targets, ${after.outcomes} outcomes, ${after.matches} matches`,
        "",
      ].join("\n"),
    );
    await getDb().$disconnect();
    return tally.created + tally.unchanged === 0 && (tally.failed > 0 || files.length === 0) ? 1 : 0;
  },
};

/**
 * `luoshi import <files, folders or web addresses…>`: read reports into the database DATABASE_URL names (pending
 * migrations are applied first), one transaction per document, then re-judge every jurisdiction and year they touch.
 * Each file is imported on its own: one that is refused or fails is named on stderr and the others are still
 * imported. A web address is fetched (lib/net) and stored with the address as its source.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { type Db, getDb, providerOf } from "@/lib/db/client";
import { type IdentityPrompt, type ImportFileInput, importReadFile, readImportFile } from "@/lib/db/import";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { ReadError, synchronouslyReadable } from "@/lib/engine/reader";
import { FetchError, isWebAddress } from "@/lib/net/fetch-document";
import { type TImportResult, ZCode, ZDuplicateChoice } from "@/lib/schemas/store";
import { ReadingThread } from "@/lib/server/read-in-worker";
import { parseCommandArgs, ZToleranceFlag } from "../args";
import type { CliIO, Command } from "../command";
import { reportFailure } from "../failure";
import { progressBar } from "../output";
import { fetchReport, readReportFile } from "../read-inputs";

const USAGE = `Usage: luoshi import <file, folder or http(s) address...> [--code <GB/T code>] [--year <year>]
                     [--tolerance <t>] [--on-duplicate skip|replace|keep]

Import government work reports (.txt, .html, .htm, .pdf, .docx, .jsonl, .csv, .xlsx; folders are searched
recursively) into the database that DATABASE_URL names (default: SQLite file:./data/luoshi.db). Importing the same
text again changes nothing. A .csv or .xlsx table holds one report per row (text in full_text, content or text). A
web address is fetched (a page, a PDF or a Word document; at most 50 MB, 5 redirects, no private addresses unless
LUOSHI_FETCH_ALLOW_PRIVATE=1) and stored with the address as its source.

Options:
  --code <code>        the jurisdiction of every report imported, instead of the detected one
  --year <year>        the year of every report imported, instead of the detected one
  --tolerance <t>      relax "about" targets by t (percentage points for %), default LUOSHI_TOLERANCE or 0
  --on-duplicate <c>   a report mostly the same as a stored one of its jurisdiction and year: skip it (default),
                       replace the stored one, or keep it beside it as a review source
  -h, --help           show this help

Exit status: 0 when every file was imported or refused (each refusal named on stderr: not a report, no
jurisdiction or year), 1 when a file failed with an error (the database is full or unreachable…) or nothing could
be imported, 2 for bad usage.`;

const ZImportArgs = z.object({
  positionals: z.array(z.string().min(1)).min(1, "give at least one file or folder"),
  code: ZCode.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  tolerance: ZToleranceFlag,
  "on-duplicate": ZDuplicateChoice.default("skip"),
});

type ImportArgs = z.infer<typeof ZImportArgs>;

/** How a document whose jurisdiction or year the reader could not tell is told to give them. */
const IDENTITY_FLAGS: IdentityPrompt = { code: "--code <GB/T 2260 code>", year: "--year <year>" };

export const READABLE_EXTENSIONS = /\.(txt|html?|jsonl|csv|xlsx|pdf|docx)$/i;

/** The files to import: given files and web addresses as they are, folders searched for readable extensions. */
async function collectFiles(paths: string[], io: CliIO): Promise<string[]> {
  const files: string[] = [];
  const addresses: string[] = [];
  for (const given of paths) {
    if (isWebAddress(given)) {
      addresses.push(given);
      continue;
    }
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
  return [...files.sort(), ...addresses];
}

/**
 * The name and bytes to import for a file or a web address. The import reads any file as it is; a page whose declared
 * charset detection alone would misread is re-encoded here, since the import knows no charset.
 */
async function importInput(given: string): Promise<{ filename: string; bytes: Uint8Array }> {
  if (isWebAddress(given)) {
    const fetched = await fetchReport(given);
    // The address becomes the document's name, and the reader takes a web address as the document's source.
    const filename = fetched.url;
    return { filename, bytes: await synchronouslyReadable(fetched.bytes, { filename, charset: fetched.charset }) };
  }
  return { filename: given, bytes: await readReportFile(given) };
}

/** The CLI's reading thread: the reader's worker, loading the TypeScript sources itself as bin.mjs does. */
const readingThread = new ReadingThread(() => new Worker(new URL("../read-worker.mjs", import.meta.url)));

/** A file fetched or read from disk, and its reading under way. */
type Prepared = Promise<{ input: ImportFileInput; read: ReturnType<typeof readImportFile> }>;

function prepare(file: string, args: ImportArgs): Prepared {
  const prepared = importInput(file).then(({ filename, bytes }) => {
    const input: ImportFileInput = { filename, bytes, override: { code: args.code, year: args.year } };
    const read = readImportFile(input, (b, options) => readingThread.read(b, options));
    // Awaited in its turn; until then a failure must not count as unhandled.
    read.catch(() => undefined);
    return { input, read };
  });
  prepared.catch(() => undefined);
  return prepared;
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

/** What happened to the files of a run; `errors` are failures other than refusals (they make the status 1). */
interface ImportTally {
  created: number;
  unchanged: number;
  failed: number;
  /** Reports left out as near-duplicates of stored ones (`--on-duplicate skip`). */
  skipped: number;
  errors: number;
}

/** One line per near-duplicate: which stored report it repeats, and what became of it. */
function duplicateLine(duplicate: TImportResult["duplicates"][number]): string {
  const share = `${Math.round(duplicate.overlap * 100)}% of its sentences`;
  const what = `a near-duplicate of ${duplicate.existing.file} (${duplicate.code}, ${duplicate.year}; ${share})`;
  const outcome = {
    skipped: "skipped; import it with --on-duplicate replace or keep",
    replaced: "the stored report was replaced",
    kept: "kept beside it as a review source",
  }[duplicate.resolution];
  return `luoshi import: ${duplicate.file}: ${what}: ${outcome}`;
}

/** A document already stored that an older reader read: whether `luoshi reread` would change it. */
function staleLine(file: string, stale: NonNullable<TImportResult["documents"][number]["stale"]>): string {
  const what = stale.rereadChanges
    ? "the current reader reads it differently: `luoshi reread` would update it"
    : "the current reader reads it the same";
  return `luoshi import: ${file}: already stored, read by ${stale.readerVersion}; ${what}`;
}

/** A file or document that failed; `note` adds what is known of the rest of the file. */
type Failure = { file: string; error: unknown; note?: string };

/**
 * Import one file. A refusal (not a report, too large, no jurisdiction) is a failure of that file; any other error
 * too, after finding out how many of its documents were committed before it: importFile throws on the first
 * document that fails and its result, which would list them, is lost. Each document is its own transaction, named
 * after its file (`file`, `file:line`, `file:row n`) and stamped with the client's clock, so the file's documents
 * stamped since it began are those it committed, whatever other importers do meanwhile.
 */
async function importOne(
  file: string,
  prepared: Prepared,
  args: ImportArgs,
  tally: ImportTally,
  failures: Failure[],
  notes: string[],
): Promise<void> {
  const started = new Date();
  try {
    const { input, read } = await prepared;
    const result = await importReadFile(getDb(), input, await read, {
      tolerance: args.tolerance,
      identityPrompt: IDENTITY_FLAGS,
      onDuplicate: args["on-duplicate"],
    });
    for (const document of result.documents) {
      tally[document.created ? "created" : "unchanged"] += 1;
      if (document.stale) notes.push(staleLine(document.file, document.stale));
    }
    for (const failure of result.failed) failures.push({ file: failure.file, error: failure.error });
    tally.failed += result.failed.length;
    // A document is skipped whole when any of its reports is a near-duplicate: count documents, list reports.
    tally.skipped += new Set(result.duplicates.filter((d) => d.resolution === "skipped").map((d) => d.file)).size;
    notes.push(...result.duplicates.map(duplicateLine));
  } catch (error) {
    tally.failed += 1;
    if (error instanceof ReadError) {
      failures.push({ file, error });
      return;
    }
    if (error instanceof FetchError) {
      // Nothing was fetched, so nothing of it was imported.
      tally.errors += 1;
      failures.push({ file, error });
      return;
    }
    tally.errors += 1;
    const committed = await getDb()
      .document.count({
        where: {
          importedAt: { gte: started },
          OR: [{ sourceName: file }, { sourceName: { startsWith: `${file}:` } }],
        },
      })
      .catch(() => null);
    if (committed !== null && committed > 0) tally.created += committed;
    const note =
      committed === null
        ? "; whether any of its documents were imported before could not be told"
        : committed > 0
          ? `; ${committed} of its documents were imported before that`
          : "";
    failures.push({ file, error, note });
  }
}

export const importCommand: Command = {
  name: "import",
  summary: "import reports into the database (DATABASE_URL), then pair and judge them",
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      {
        code: { type: "string" },
        year: { type: "string" },
        tolerance: { type: "string" },
        "on-duplicate": { type: "string" },
      },
      ZImportArgs,
    );
    try {
      return await importAll(args, io);
    } finally {
      await getDb()
        .$disconnect()
        .catch(() => undefined);
    }
  },
};

async function importAll(args: ImportArgs, io: CliIO): Promise<number> {
  await applyPendingMigrations(databaseFromEnv());
  const files = await collectFiles(args.positionals, io);
  const before = await counts();
  const tally: ImportTally = { created: 0, unchanged: 0, failed: 0, skipped: 0, errors: 0 };
  const failures: Failure[] = [];
  const notes: string[] = [];
  const bar = progressBar("importing [{bar}] {value}/{total} files · {file}");
  bar.start(files.length, 0, { file: "" });
  try {
    // The next file is fetched and read on the reading thread while this one is written: the database and the
    // reader work at the same time.
    let next = files.length > 0 ? prepare(files[0] as string, args) : null;
    for (const [index, file] of files.entries()) {
      bar.update({ file: path.basename(file) });
      const current = next as Prepared;
      next = index + 1 < files.length ? prepare(files[index + 1] as string, args) : null;
      await importOne(file, current, args, tally, failures, notes);
      bar.increment();
    }
  } finally {
    bar.stop();
    await readingThread.stop();
  }
  for (const failure of failures) {
    // importFile's own failures are messages that already name their file.
    if (typeof failure.error === "string") io.stderr(`luoshi import: ${failure.error}\n`);
    else reportFailure(io, "import", failure.file, failure.error, failure.note);
  }
  for (const note of notes) io.stderr(`${note}\n`);
  if (tally.created > 0) {
    await refreshPlannerStatistics(getDb()).catch((error) => {
      tally.errors += 1;
      reportFailure(io, "import", "refreshing the planner's statistics", error);
    });
  }
  const skipped = tally.skipped > 0 ? `, ${tally.skipped} skipped as near-duplicates` : "";
  const lines = [`documents: ${tally.created} new, ${tally.unchanged} unchanged, ${tally.failed} failed${skipped}`];
  try {
    const after = await counts();
    const added = (key: keyof typeof after) => after[key] - before[key];
    lines.push(
      `added: ${added("reports")} reports, ${added("targets")} targets, ${added("outcomes")} outcomes, ${added("matches")} matches`,
      `database now holds: ${after.reports} reports, ${after.targets} targets, ${after.outcomes} outcomes, ${after.matches} matches`,
    );
  } catch (error) {
    tally.errors += 1;
    reportFailure(io, "import", "counting what the database holds", error);
  }
  io.stdout(`${lines.join("\n")}\n`);
  const nothing = tally.created + tally.unchanged === 0 && (tally.failed + tally.skipped > 0 || files.length === 0);
  return tally.errors > 0 || nothing ? 1 : 0;
}

/**
 * `luoshi export --format csv|xlsx|parquet|stata|json [--lang zh-CN|en] [filters] [--out file]`: one row per
 * target, long format, with the filters of the screens and of `GET /api/export` (one schema, lib/schemas/export.ts).
 *
 * Rows are read a page at a time (keyset paging, lib/db/queries/export.ts) and each page is written before the next
 * is read, through the same writers as the API (lib/export/), so an export of millions of targets never builds one
 * string or buffer. Text that a spreadsheet would run as a formula is neutralised in CSV and XLSX. With --out
 * the file is written beside the target under a temporary name and renamed when complete: a failed export leaves
 * no partial file.
 */
import { createWriteStream, unlinkSync, type WriteStream } from "node:fs";
import { rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { exportPages, unknownJurisdiction } from "@/lib/db/queries/export";
import type { ExportRow } from "@/lib/export/format";
import { codebookOf, exportChunks } from "@/lib/export/stream";
import { strengthCuesOf } from "@/lib/export/strength";
import { describeFilters, type TExportQuery, ZExportQuery } from "@/lib/schemas/export";
import { readSettings } from "@/lib/settings";
import { parseCommandArgs } from "../args";
import { type CliIO, type Command, CommandError, UsageError } from "../command";
import { shortMessage } from "../failure";
import { stdoutSink, TextOutput } from "../output";
import { cleanupOnExit } from "../process-guards";

const USAGE = `Usage: luoshi export [--format csv|xlsx|parquet|stata|json] [--lang zh-CN|en] [filters] [--codebook] [--out <file>]

Write every target the filters select with its match, verdict, evidence and source (one row per target, GB/T codes
and codes kept in columns, labels in the export's language beside them). CSV, JSON and --codebook go to standard
output unless --out is given; XLSX, Parquet and Stata (a ZIP of CSV, .do file and codebook) need --out.

Options:
  --format <f>        csv (default), xlsx, parquet, stata or json
  --lang <l>          zh-CN (default: Chinese headers and labels) or en
  --codebook          write the codebook and citation (with the sha256 of the rows) instead of the rows
  --out <file>        write to this file (complete or not at all: it appears only once every row is written)
  -h, --help          show this help

Filters (as on the screens and in GET /api/export; lists are comma-separated):
  --code <code>       one jurisdiction (GB/T 2260)
  --level <levels>    national, province, city, county
  --parent <code>     the subordinates of this jurisdiction (000000: the provinces)
  --year <y|y1-y2>    a plan year or a range of them
  --indicator <names> canonical indicators (地区生产总值)
  --measure <m>       growth, level, share, qualitative
  --verdict <v>       met, missed, no_outcome, needs_review, pending
  --category <areas>  areas of the indicator lexicon (经济发展)
  --strength <s>      hard, soft, none
  --headline          only the main targets (主要预期目标)
  --q <text>          text the indicator, the sentences or the reason contain

Example: luoshi export --level province --parent 000000 --indicator 地区生产总值 --measure growth --year 2026 \
           --format parquet --out gdp-2026.parquet`;

const BINARY_FORMATS = new Set(["xlsx", "parquet", "stata"]);

const ZExportArgs = ZExportQuery.extend({
  positionals: z.array(z.string()).max(0, "export takes no file arguments (use --out)"),
  out: z.string().min(1).optional(),
}).refine((args) => args.codebook || !BINARY_FORMATS.has(args.format) || args.out, {
  message: "this format is binary: it needs --out <file>",
  path: ["format"],
});
type ExportArgs = TExportQuery & { out?: string };

const FLAGS = {
  format: { type: "string" },
  lang: { type: "string" },
  codebook: { type: "boolean" },
  out: { type: "string" },
  code: { type: "string" },
  level: { type: "string" },
  parent: { type: "string" },
  year: { type: "string" },
  indicator: { type: "string" },
  measure: { type: "string" },
  verdict: { type: "string" },
  category: { type: "string" },
  strength: { type: "string" },
  headline: { type: "boolean" },
  q: { type: "string" },
} as const;

/** The pages of rows, counting them as they pass. */
async function* counted(pages: AsyncIterable<ExportRow[]>, count: { rows: number }): AsyncGenerator<ExportRow[]> {
  for await (const page of pages) {
    count.rows += page.length;
    yield page;
  }
}

/** Write `chunks` to `stream`, waiting whenever it is full; its first error (a full disk) ends the export. */
async function writeChunks(
  stream: WriteStream,
  failure: () => Error | null,
  chunks: AsyncIterable<string | Uint8Array>,
): Promise<void> {
  for await (const chunk of chunks) {
    const failed = failure();
    if (failed) throw failed;
    if (!stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off("drain", done);
          stream.off("error", done);
          stream.off("close", done);
          resolve();
        };
        stream.on("drain", done);
        stream.on("error", done);
        stream.on("close", done);
      });
    }
  }
  const failed = failure();
  if (failed) throw failed;
}

/** Why a file cannot be written, in a user's words. */
function writeProblem(out: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = path.dirname(out);
  switch (code) {
    case "ENOENT":
      return `the folder ${folder} does not exist`;
    case "ENOTDIR":
      return `${folder} is not a folder`;
    case "EISDIR":
      return "this is a folder; give a file name";
    case "EACCES":
    case "EPERM":
      return `permission denied: cannot write in ${folder}`;
    case "EROFS":
      return `${folder} is on a read-only file system`;
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "the disk quota is exceeded";
    default:
      return shortMessage(error);
  }
}

/**
 * A temporary file beside `out`, renamed to it by `commit`; `abandon` (or the process ending first) removes it.
 * Opened before anything else so that a bad path is refused at once.
 */
async function openOutFile(out: string) {
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory()) throw new CommandError(`${out}: ${writeProblem(out, { code: "EISDIR" })}`);
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.partial`);
  const stream = createWriteStream(temporary, { flags: "wx" });
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once("open", () => resolve());
      stream.once("error", reject);
    });
  } catch (error) {
    throw new CommandError(`${out}: ${writeProblem(out, error)}`);
  }
  const forget = cleanupOnExit(() => unlinkSync(temporary));
  let failure: Error | null = null;
  stream.on("error", (error) => {
    failure ??= error;
  });
  return {
    stream,
    failure: () => failure,
    async commit() {
      if (!stream.writableEnded) stream.end();
      await finished(stream);
      if (failure) throw failure;
      await rename(temporary, out);
      forget();
    },
    async abandon() {
      stream.destroy();
      await unlink(temporary).catch(() => undefined);
      forget();
    },
  };
}

async function exportTo(args: ExportArgs, io: CliIO): Promise<number> {
  await applyPendingMigrations(databaseFromEnv());
  const db = getDb();
  // An unknown code is a mistake to say, as the API's 404 says it, not an empty file.
  const unknown = await unknownJurisdiction(db, args);
  if (unknown) throw new CommandError(`no jurisdiction has the code ${unknown}; nothing was written`);
  const lang = args.lang ?? "zh-CN";
  const filters = describeFilters(args);
  const cues = strengthCuesOf(readSettings());
  const file = args.out ? await openOutFile(args.out) : null;
  try {
    const count = { rows: 0 };
    const pages = counted(exportPages(db, args, { locale: lang, cues }), count);
    const chunks: AsyncIterable<string | Uint8Array> = args.codebook
      ? (async function* () {
          yield await codebookOf(pages, { lang, filters });
        })()
      : // Standard output has no byte-order mark: it is read by tools, not by Excel.
        exportChunks(pages, args.format, { lang, filters, bom: file !== null });
    if (!file) {
      const out = new TextOutput(stdoutSink(io));
      for await (const chunk of chunks) {
        await out.put(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      }
      await out.flush();
      return 0;
    }
    await writeChunks(file.stream, file.failure, chunks);
    await file.commit();
    io.stderr(
      args.codebook
        ? `wrote the codebook of ${count.rows} rows to ${args.out}\n`
        : `wrote ${count.rows} rows to ${args.out}\n`,
    );
    return 0;
  } catch (error) {
    await file?.abandon();
    const code = (error as NodeJS.ErrnoException).code;
    // A write that failed half-way (a full disk) is the output file's problem, said as such.
    if (args.out && typeof code === "string" && /^E[A-Z]+$/.test(code)) {
      throw new CommandError(`${args.out}: ${writeProblem(args.out, error)}; nothing was written`);
    }
    throw error;
  }
}

export const exportCommand: Command = {
  name: "export",
  summary: "write targets, matches and verdicts as CSV, XLSX, Parquet, Stata or JSON",
  usage: USAGE,
  async run(argv, io) {
    let args: ExportArgs;
    try {
      args = parseCommandArgs(argv, FLAGS, ZExportArgs);
    } catch (error) {
      // A bad flag is refused in one line; --help has the rest.
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`luoshi export: ${error.message} (see luoshi export --help)\n`);
      return 2;
    }
    try {
      return await exportTo(args, io);
    } finally {
      await getDb()
        .$disconnect()
        .catch(() => undefined);
    }
  },
};

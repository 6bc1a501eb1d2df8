/**
 * `luoshi export --format csv|xlsx|json [--code] [--year] [--out file]`: targets with matches, long format.
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
import { exportPages, jurisdictionExists } from "@/lib/db/queries/export";
import type { ExportFormat, ExportRow } from "@/lib/export/format";
import { exportChunks } from "@/lib/export/stream";
import { ZCode } from "@/lib/schemas/store";
import { parseCommandArgs } from "../args";
import { type CliIO, type Command, CommandError } from "../command";
import { shortMessage } from "../failure";
import { stdoutSink, TextOutput } from "../output";
import { cleanupOnExit } from "../process-guards";

const USAGE = `Usage: luoshi export [--format csv|xlsx|json] [--code <GB/T code>] [--year <year>] [--out <file>]

Write every target with its match, verdict, evidence and source reports (one row per target, GB/T codes included
for joining other data). CSV and JSON go to standard output unless --out is given; XLSX needs --out.

Options:
  --format <f>   csv (default), xlsx or json
  --code <code>  only this jurisdiction
  --year <year>  only this plan year
  --out <file>   write to this file (complete or not at all: it appears only once every row is written)
  -h, --help     show this help`;

const ZExportArgs = z
  .object({
    positionals: z.array(z.string()).max(0, "export takes no file arguments (use --out)"),
    format: z.enum(["csv", "xlsx", "json"]).default("csv"),
    code: ZCode.optional(),
    year: z.coerce.number().int().min(1949).max(2100).optional(),
    out: z.string().min(1).optional(),
  })
  .refine((args) => args.format !== "xlsx" || args.out, { message: "--format xlsx needs --out <file>" });

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

async function exportTo(
  args: { format: ExportFormat; code?: string; year?: number; out?: string },
  io: CliIO,
): Promise<number> {
  const filter = { code: args.code, year: args.year };
  await applyPendingMigrations(databaseFromEnv());
  // An unknown code is a mistake to say, as the API's 404 says it, not an empty file.
  if (args.code && !(await jurisdictionExists(getDb(), args.code))) {
    throw new CommandError(`no jurisdiction has the code ${args.code}; nothing was written`);
  }
  const file = args.out ? await openOutFile(args.out) : null;
  try {
    const count = { rows: 0 };
    const pages = counted(exportPages(getDb(), filter), count);
    if (!file) {
      // Standard output has no byte-order mark: it is read by tools, not by Excel.
      const out = new TextOutput(stdoutSink(io));
      for await (const chunk of exportChunks(pages, args.format, { bom: false })) {
        await out.put(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      }
      await out.flush();
      return 0;
    }
    await writeChunks(file.stream, file.failure, exportChunks(pages, args.format, { bom: true }));
    await file.commit();
    io.stderr(`wrote ${count.rows} rows to ${args.out}\n`);
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
  summary: "write targets, matches and verdicts as CSV, XLSX or JSON",
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      { format: { type: "string" }, code: { type: "string" }, year: { type: "string" }, out: { type: "string" } },
      ZExportArgs,
    );
    try {
      return await exportTo(args, io);
    } finally {
      await getDb()
        .$disconnect()
        .catch(() => undefined);
    }
  },
};

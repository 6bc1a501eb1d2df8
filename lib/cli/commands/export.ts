/**
 * `luoshi export --format csv|xlsx|json [--code] [--year] [--out file]`: targets with matches, long format.
 *
 * Rows are read one jurisdiction at a time and written as they come (CSV and JSON a chunk at a time, XLSX through
 * ExcelJS's streaming writer), so an export of millions of targets never builds one string or buffer. With --out
 * the file is written beside the target under a temporary name and renamed when complete: a failed export leaves
 * no partial file.
 */
import { createWriteStream, unlinkSync, type WriteStream } from "node:fs";
import { rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import { z } from "zod";
import { type Db, getDb } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { type ExportFilter, exportRows } from "@/lib/db/queries/export";
import { csvCell, EXPORT_COLUMNS, type ExportFormat, type ExportRow } from "@/lib/export/format";
import { ZCode } from "@/lib/schemas/store";
import { parseCommandArgs } from "../args";
import { type CliIO, type Command, CommandError } from "../command";
import { shortMessage } from "../failure";
import { JsonObjectWriter, stdoutSink, streamSink, TextOutput } from "../output";
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

/** Rows a worksheet holds below its header (Excel's limit is 1 048 576 rows); more continue on another sheet. */
const XLSX_ROWS_PER_SHEET = 1_048_575;

/** Rows handed to ExcelJS between two waits for its compressor (about 2 MB of sheet XML). */
const XLSX_ROWS_PER_SETTLE = 2_000;

/**
 * ExcelJS hands rows to its zip compressor without backpressure, and the database driver answers without giving
 * the event loop a turn: unless we wait, the whole sheet's XML piles up in memory before a byte is compressed.
 * Wait until the file has stopped growing (the compressor has consumed what it was given) for two turns.
 */
async function settle(stream: WriteStream): Promise<void> {
  let last = -1;
  for (let stable = 0; stable < 2; ) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (stream.bytesWritten === last && stream.writableLength === 0) stable += 1;
    else {
      stable = 0;
      last = stream.bytesWritten;
    }
  }
}

/**
 * The rows in export order, a jurisdiction at a time: exportRows orders by code first, so the concatenation is
 * what one call over everything would return, without holding it all.
 */
async function* rowBatches(db: Db, filter: ExportFilter): AsyncGenerator<ExportRow[]> {
  const codes = filter.code
    ? [filter.code]
    : (
        await db.target.groupBy({
          by: ["jurisdictionCode"],
          where: { planYear: filter.year },
          orderBy: { jurisdictionCode: "asc" },
        })
      ).map((group) => group.jurisdictionCode);
  for (const code of codes) yield await exportRows(db, { code, year: filter.year });
}

interface RowWriter {
  row: (row: ExportRow) => Promise<void>;
  end: () => Promise<void>;
}

/**
 * RFC 4180 CSV as lib/export/format.ts's toCsv lays it out. Files start with a UTF-8 byte-order mark, for Excel;
 * standard output does not, for the tools it is piped into.
 */
async function csvWriter(out: TextOutput, bom: boolean): Promise<RowWriter> {
  await out.put(`${bom ? "\uFEFF" : ""}${EXPORT_COLUMNS.join(",")}\r\n`);
  return {
    row: (row) => out.put(`${EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(",")}\r\n`),
    end: () => out.flush(),
  };
}

/** `{ "rows": [...] }`, as renderExport's JSON lays it out. */
async function jsonWriter(out: TextOutput): Promise<RowWriter> {
  const json = new JsonObjectWriter(out);
  await json.openArray("rows");
  return {
    row: (row) => json.item(row),
    end: async () => {
      await json.closeArray();
      await json.end();
    },
  };
}

/**
 * The workbook of lib/export/format.ts's toXlsx, written row by row into `stream`. `failure` is the stream's error:
 * ExcelJS would go on compressing rows into memory after its destination failed.
 */
function xlsxWriter(stream: WriteStream, failure: () => Error | null): RowWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Luoshi";
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let rows = 0;
  let written = 0;
  const addSheet = () => {
    sheet?.commit();
    sheets += 1;
    rows = 0;
    sheet = workbook.addWorksheet(sheets === 1 ? "targets" : `targets ${sheets}`, {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    sheet.columns = EXPORT_COLUMNS.map((key) => ({
      header: key,
      key,
      width: key.endsWith("text") || key === "reason" ? 50 : 14,
      // The GB/T code stays text so that spreadsheets keep its leading zeros (000000).
      ...(key === "code" ? { style: { numFmt: "@" } } : {}),
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    return sheet;
  };
  return {
    row: async (row) => {
      const failed = failure();
      if (failed) throw failed;
      const current = sheet && rows < XLSX_ROWS_PER_SHEET ? sheet : addSheet();
      current.addRow(row).commit();
      rows += 1;
      written += 1;
      if (written % XLSX_ROWS_PER_SETTLE === 0) await settle(stream);
    },
    end: async () => {
      if (!sheet) addSheet();
      (sheet as ExcelJS.Worksheet | null)?.commit();
      await workbook.commit();
    },
  };
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

async function writeRows(db: Db, filter: ExportFilter, writer: RowWriter): Promise<number> {
  let count = 0;
  for await (const batch of rowBatches(db, filter)) {
    for (const row of batch) {
      await writer.row(row);
      count += 1;
    }
  }
  await writer.end();
  return count;
}

async function exportTo(
  args: { format: ExportFormat; code?: string; year?: number; out?: string },
  io: CliIO,
): Promise<number> {
  const filter = { code: args.code, year: args.year };
  const file = args.out ? await openOutFile(args.out) : null;
  try {
    await applyPendingMigrations(databaseFromEnv());
    const db = getDb();
    if (!file) {
      const out = new TextOutput(stdoutSink(io));
      await writeRows(db, filter, args.format === "json" ? await jsonWriter(out) : await csvWriter(out, false));
      return 0;
    }
    let writer: RowWriter;
    if (args.format === "xlsx") writer = xlsxWriter(file.stream, file.failure);
    else {
      const out = new TextOutput(streamSink(file.stream));
      writer = args.format === "json" ? await jsonWriter(out) : await csvWriter(out, true);
    }
    const count = await writeRows(db, filter, writer);
    await file.commit();
    io.stderr(`wrote ${count} rows to ${args.out}\n`);
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

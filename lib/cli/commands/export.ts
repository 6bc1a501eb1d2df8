/** `luoshi export --format csv|xlsx|json [--code] [--year] [--out file]`: targets with matches, long format. */
import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { exportRows } from "@/lib/db/queries/export";
import { renderExport } from "@/lib/export/format";
import { ZCode } from "@/lib/schemas/store";
import { parseCommandArgs } from "../args";
import type { Command } from "../command";

const USAGE = `Usage: luoshi export [--format csv|xlsx|json] [--code <GB/T code>] [--year <year>] [--out <file>]

Write every target with its match, verdict, evidence and source reports (one row per target, GB/T codes included
for joining other data). CSV and JSON go to standard output unless --out is given; XLSX needs --out.

Options:
  --format <f>   csv (default), xlsx or json
  --code <code>  only this jurisdiction
  --year <year>  only this plan year
  --out <file>   write to this file
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
    await applyPendingMigrations(databaseFromEnv());
    const rows = await exportRows(getDb(), { code: args.code, year: args.year });
    const bytes = await renderExport(rows, args.format);
    if (args.out) {
      await writeFile(args.out, bytes);
      io.stderr(`wrote ${rows.length} rows to ${args.out}\n`);
    } else {
      io.stdout(new TextDecoder().decode(bytes));
    }
    await getDb().$disconnect();
    return 0;
  },
};

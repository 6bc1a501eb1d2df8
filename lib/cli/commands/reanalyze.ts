/**
 * `luoshi reanalyze [--code] [--year] [--tolerance]`: judge stored targets again. Engine-made matches are rebuilt;
 * manual ones never change, and are flagged for review where the engine now decides differently.
 */
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { rematchYear } from "@/lib/db/matching";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { writeTransaction } from "@/lib/db/transaction";
import { ZCode } from "@/lib/schemas/store";
import { parseCommandArgs, ZToleranceFlag } from "../args";
import type { CliIO, Command } from "../command";

const USAGE = `Usage: luoshi reanalyze [--code <GB/T code>] [--year <year>] [--tolerance <t>]

Re-run matching and verdicts on the database DATABASE_URL names, for every jurisdiction and plan year or the ones
chosen. Manual edits are kept; where the engine now decides differently they are flagged for review.

Options:
  --code <code>     only this jurisdiction
  --year <year>     only this plan year
  --tolerance <t>   relax "about" targets by t (percentage points for %), default LUOSHI_TOLERANCE or 0
  -h, --help        show this help`;

const ZReanalyzeArgs = z.object({
  positionals: z.array(z.string()).max(0, "reanalyze takes no file arguments"),
  code: ZCode.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  tolerance: ZToleranceFlag,
});

async function reanalyze(args: z.infer<typeof ZReanalyzeArgs>, io: CliIO): Promise<number> {
  await applyPendingMigrations(databaseFromEnv());
  const db = getDb();
  // GROUP BY in the database: Prisma's `distinct` would read every target row first.
  const years = await db.target.groupBy({
    by: ["jurisdictionCode", "planYear"],
    where: { jurisdictionCode: args.code, planYear: args.year },
    orderBy: [{ jurisdictionCode: "asc" }, { planYear: "asc" }],
  });
  let matches = 0;
  let flagged = 0;
  for (const { jurisdictionCode, planYear } of years) {
    const summary = await writeTransaction(
      db,
      (tx, provider) => rematchYear(tx, provider, jurisdictionCode, planYear, { tolerance: args.tolerance }),
      { timeoutMs: 120_000 },
    );
    matches += summary.matches;
    flagged += summary.flagged;
  }
  io.stdout(`re-judged ${matches} targets in ${years.length} plan years; ${flagged} manual edits flagged for review\n`);
  return 0;
}

export const reanalyzeCommand: Command = {
  name: "reanalyze",
  summary: "judge stored targets again (manual edits are kept, and flagged where the engine now disagrees)",
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      { code: { type: "string" }, year: { type: "string" }, tolerance: { type: "string" } },
      ZReanalyzeArgs,
    );
    try {
      return await reanalyze(args, io);
    } finally {
      // Also on failure: an open PostgreSQL pool would keep the process alive after its one-line error.
      await getDb()
        .$disconnect()
        .catch(() => undefined);
    }
  },
};

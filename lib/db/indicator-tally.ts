/**
 * Targets per indicator and measure (the IndicatorTally table), counted as an import inserts targets, in its
 * transaction: the compare screen lists indicators by how many plans name them without grouping every target.
 * A re-read moves the counts by the difference (`adjustIndicators`); a replaced report recounts the indicators it
 * named.
 */
import { Prisma } from "@/lib/generated/prisma-sqlite/client";
import type { Tx } from "./client";

export async function countIndicators(tx: Tx, targets: { indicator: string; measure: string }[]): Promise<void> {
  const counts = new Map<string, { indicator: string; measure: string; n: number }>();
  for (const { indicator, measure } of targets) {
    const key = JSON.stringify([indicator, measure]);
    const entry = counts.get(key) ?? { indicator, measure, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  if (counts.size === 0) return;
  // In one order, so that two imports upserting the same indicators wait for each other instead of deadlocking.
  const rows = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c)
    .map((c) => Prisma.sql`(CAST(${c.indicator} AS TEXT), CAST(${c.measure} AS TEXT), CAST(${c.n} AS INTEGER))`);
  await tx.$executeRaw`
    INSERT INTO "IndicatorTally" ("indicatorName", "measure", "targets") VALUES ${Prisma.join(rows)}
    ON CONFLICT ("indicatorName", "measure") DO UPDATE SET "targets" = "IndicatorTally"."targets" + excluded."targets"`;
}

/**
 * Move the counts from the targets a report had (`before`) to those it has now (`after`): a re-read changes a few
 * targets of a report, and counting every target of its indicators again would scan the whole table per report.
 */
export async function adjustIndicators(
  tx: Tx,
  before: { indicator: string; measure: string }[],
  after: { indicator: string; measure: string }[],
): Promise<void> {
  const deltas = new Map<string, { indicator: string; measure: string; n: number }>();
  const add = ({ indicator, measure }: { indicator: string; measure: string }, n: number) => {
    const key = JSON.stringify([indicator, measure]);
    const entry = deltas.get(key) ?? { indicator, measure, n: 0 };
    entry.n += n;
    deltas.set(key, entry);
  };
  for (const target of before) add(target, -1);
  for (const target of after) add(target, 1);
  const ordered = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
  const gained = ordered.filter((d) => d.n > 0);
  if (gained.length > 0) {
    const rows = gained.map(
      (d) => Prisma.sql`(CAST(${d.indicator} AS TEXT), CAST(${d.measure} AS TEXT), CAST(${d.n} AS INTEGER))`,
    );
    await tx.$executeRaw`
      INSERT INTO "IndicatorTally" ("indicatorName", "measure", "targets") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("indicatorName", "measure") DO UPDATE SET "targets" = "IndicatorTally"."targets" + excluded."targets"`;
  }
  for (const d of ordered.filter((d) => d.n < 0)) {
    await tx.$executeRaw`
      UPDATE "IndicatorTally" SET "targets" = CASE WHEN "targets" + ${d.n} < 0 THEN 0 ELSE "targets" + ${d.n} END
      WHERE "indicatorName" = ${d.indicator} AND "measure" = ${d.measure}`;
  }
}

/**
 * Targets per indicator and measure (the IndicatorTally table), counted as an import inserts targets, in its
 * transaction: the compare screen lists indicators by how many plans name them without grouping every target.
 * A replaced or re-read report recounts the indicators it named (`recountIndicators`).
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

/** Count again the targets of the given indicators and measures (after targets were deleted or changed). */
export async function recountIndicators(tx: Tx, keys: { indicator: string; measure: string }[]): Promise<void> {
  const unique = new Map(keys.map((k) => [JSON.stringify([k.indicator, k.measure]), k]));
  for (const [, { indicator, measure }] of [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const targets = await tx.target.count({ where: { indicatorName: indicator, measure } });
    await tx.$executeRaw`
      INSERT INTO "IndicatorTally" ("indicatorName", "measure", "targets") VALUES (${indicator}, ${measure}, ${targets})
      ON CONFLICT ("indicatorName", "measure") DO UPDATE SET "targets" = excluded."targets"`;
  }
}

/**
 * Multi-row INSERTs for the rows an import writes by the hundred (targets, outcomes, matches). Prisma's createMany
 * spends most of an import's CPU on per-row argument handling; a parameterised INSERT of many rows through the same
 * transaction does the same work at a fraction of the cost. Values are converted here as the generated client would
 * store them (SQLite: booleans as 0/1, timestamps as ISO text).
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "./client";
import type { Provider } from "./providers";

type Value = string | number | boolean | null;

/** Rows per statement: well under SQLite's and PostgreSQL's parameter limits (32 766 and 65 535). */
const MAX_PARAMETERS = 30_000;

export const timestamp = (date = new Date()) => date.toISOString().replace("Z", "+00:00");

/** Insert `rows` (all with the same keys) into `table`, each given a fresh `id`. */
export async function insertRows(
  tx: Tx,
  provider: Provider,
  table: string,
  rows: Record<string, Value>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = ["id", ...Object.keys(first)];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const convert = (value: Value) => (provider === "sqlite" && typeof value === "boolean" ? Number(value) : value);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: Value[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        values.push(column === "id" ? randomUUID() : convert(row[column] ?? null));
        return provider === "sqlite" ? "?" : `$${values.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    const names = columns.map((column) => `"${column}"`).join(", ");
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}`, ...values);
  }
}

/**
 * Multi-row INSERTs and UPDATEs for the rows an import writes by the hundred (targets, outcomes, matches). Prisma's
 * createMany and per-row update spend most of an import's CPU on per-row argument handling; one parameterised
 * statement of many rows through the same transaction does the same work at a fraction of the cost. Values are
 * converted here as the generated client would store them (SQLite: booleans as 0/1, timestamps as ISO text).
 */
import { randomBytes } from "node:crypto";
import type { Tx } from "./client";
import type { Provider } from "./providers";

type Value = string | number | boolean | null;

/** Rows per statement: well under SQLite's and PostgreSQL's parameter limits (32 766 and 65 535). */
const MAX_PARAMETERS = 30_000;

export const timestamp = (date = new Date()) => date.toISOString().replace("Z", "+00:00");

/**
 * Row ids that sort by creation time (milliseconds, then a counter, then a random tag of this process against other
 * importers), so that an import appends to the primary-key indexes instead of touching pages all over them, as
 * random UUIDs would.
 */
const processTag = randomBytes(6).toString("hex");
let lastMillis = 0;
let counter = 0;
export function sortableId(): string {
  const now = Date.now();
  counter = now === lastMillis ? counter + 1 : 0;
  lastMillis = now;
  return `r${now.toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${processTag}`;
}

const convert = (provider: Provider, value: Value | undefined) =>
  provider === "sqlite" && typeof value === "boolean" ? Number(value) : (value ?? null);

/** `rows` in statement-sized chunks, with their parameters and one placeholder tuple per row. */
function* tuplesOf(provider: Provider, columns: string[], rows: Record<string, Value>[], cast = (_: string) => "") {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const values: Value[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row, index) => {
      const placeholders = columns.map((column) => {
        values.push(convert(provider, row[column]));
        if (provider === "sqlite") return "?";
        return `$${values.length}${index === 0 ? cast(column) : ""}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    yield { tuples: tuples.join(", "), values };
  }
}

const quoted = (columns: string[]) => columns.map((column) => `"${column}"`).join(", ");

/** Insert `rows` (all with the same keys) into `table`, each given a fresh `id` unless it names one. */
export async function insertRows(
  tx: Tx,
  provider: Provider,
  table: string,
  rows: Record<string, Value>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = ["id", ...Object.keys(first).filter((column) => column !== "id")];
  const withIds = rows.map((row) => ({ ...row, id: typeof row.id === "string" ? row.id : sortableId() }));
  for (const { tuples, values } of tuplesOf(provider, columns, withIds)) {
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${quoted(columns)}) VALUES ${tuples}`, ...values);
  }
}

/**
 * Set the given columns of the rows named by `id` (all rows with the same keys), and add one to `version` where the
 * table counts edits. `unchanged` columns are not set but compared: a row is only updated while it still holds the
 * values the caller read (optimistic locking), and `where` adds a condition on the row itself. Returns how many rows
 * were updated. PostgreSQL types the values of a VALUES list from its first row, hence `pgTypes`: the column types of
 * every key but `id`.
 */
export async function updateRows(
  tx: Tx,
  provider: Provider,
  table: string,
  rows: ({ id: string } & Record<string, Value>)[],
  options: { pgTypes: Record<string, string>; incrementVersion?: boolean; unchanged?: string[]; where?: string },
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const unchanged = new Set(options.unchanged ?? []);
  const columns = ["id", ...Object.keys(first).filter((column) => column !== "id")];
  const assignments = columns
    .slice(1)
    .filter((column) => !unchanged.has(column))
    .map((column) => `"${column}" = v."${column}"`)
    .concat(options.incrementVersion ? [`"version" = "${table}"."version" + 1`] : [])
    .join(", ");
  const conditions = [`"${table}"."id" = v."id"`]
    .concat([...unchanged].map((column) => `"${table}"."${column}" = v."${column}"`))
    .concat(options.where ? [options.where] : [])
    .join(" AND ");
  const cast = (column: string) => `::${column === "id" ? "text" : (options.pgTypes[column] ?? "text")}`;
  let updated = 0;
  for (const { tuples, values } of tuplesOf(provider, columns, rows, cast)) {
    updated += await tx.$executeRawUnsafe(
      `WITH v (${quoted(columns)}) AS (VALUES ${tuples}) UPDATE "${table}" SET ${assignments} FROM v WHERE ${conditions}`,
      ...values,
    );
  }
  return updated;
}

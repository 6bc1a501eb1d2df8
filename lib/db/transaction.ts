/**
 * Every transaction that writes goes through `writeTransaction`, so that writers wait for each other instead of
 * failing, whatever the mix of app instances and CLI processes:
 *
 * - SQLite has one writer at a time. A transaction begins deferred, so one that reads first and writes later fails at
 *   once (SQLITE_BUSY) when another process wrote in between; taking the write lock with the first statement makes
 *   it wait in SQLite's busy handler instead (`SQLITE_BUSY_TIMEOUT_MS` in client.ts). Within one process Prisma's
 *   adapter already queues transactions.
 * - PostgreSQL runs writers side by side. Work that re-judges a year first takes that year's lock (`lockYears`), so
 *   two re-judgements of one year never interleave; a deadlock or serialisation failure that still happens is retried.
 *
 * A transaction that failed for one of these reasons wrote nothing, so retrying the whole of it is safe.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type Db, providerOf, type Tx } from "./client";
import type { Provider } from "./providers";

export interface WriteOptions {
  /** How long the transaction may run, and wait to start, in milliseconds. */
  timeoutMs?: number;
  /** Tries in all before a retryable failure is passed on. */
  attempts?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_ATTEMPTS = 5;

/** A write that no row matches still takes SQLite's write lock for the transaction. */
const TAKE_SQLITE_WRITE_LOCK = `DELETE FROM "Jurisdiction" WHERE 0 = 1`;

/**
 * A re-judgement found a row changed since it read it (another writer got there first). Thrown inside a
 * transaction, it rolls it back and `writeTransaction` runs the work again on fresh rows.
 */
export class StaleReadError extends Error {
  constructor(what: string) {
    super(`${what} changed while it was being re-judged`);
  }
}

/** PostgreSQL's deadlock_detected and serialization_failure, and SQLite's busy database, as Prisma reports them. */
const RETRYABLE = /\b(40P01|40001|SQLITE_BUSY|database is locked|SocketTimeout|P1008)\b|deadlock detected/i;

export function isRetryable(error: unknown): boolean {
  if (error instanceof StaleReadError) return true;
  return RETRYABLE.test(describe(error));
}

/** The error's message, code and driver details, flattened to text (Prisma nests the driver's code differently by database). */
function describe(error: unknown, depth = 0): string {
  if (error === null || typeof error !== "object" || depth > 3) return String(error ?? "");
  const { message, code, meta, cause } = error as {
    message?: unknown;
    code?: unknown;
    meta?: unknown;
    cause?: unknown;
  };
  let details = "";
  try {
    details = meta === undefined ? "" : JSON.stringify(meta);
  } catch {}
  return [message, code, details, cause === undefined ? "" : describe(cause, depth + 1)].map(String).join(" ");
}

export async function writeTransaction<T>(
  db: Db,
  work: (tx: Tx, provider: Provider) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  const provider = providerOf(db);
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(
        async (tx) => {
          if (provider === "sqlite") await tx.$executeRawUnsafe(TAKE_SQLITE_WRITE_LOCK);
          return work(tx, provider);
        },
        { timeout, maxWait: timeout },
      );
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      // Jittered back-off, so that the writers that collided do not collide again.
      await sleep(25 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}

/**
 * Serialise the re-judgement of these jurisdiction-years on PostgreSQL until the transaction ends. Locks are taken
 * in one global order, so two transactions locking several years cannot deadlock on them. SQLite needs nothing: the
 * transaction holds the database's write lock already.
 */
export async function lockYears(tx: Tx, provider: Provider, years: { code: string; year: number }[]): Promise<void> {
  if (provider !== "postgresql") return;
  const keys = [...new Map(years.map((y) => [`${y.code}:${y.year}`, y])).values()].sort(
    (a, b) => a.code.localeCompare(b.code) || a.year - b.year,
  );
  for (const { code, year } of keys) {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1), $2)`, code, year);
  }
}

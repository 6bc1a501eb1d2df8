/**
 * The one Prisma client of the process, its driver adapter chosen from DATABASE_URL (SQLite through better-sqlite3,
 * PostgreSQL through pg). Kept on globalThis so that Next's hot reload does not open a connection per edit.
 * Both generated clients come from the same schema, so the SQLite client's types describe either.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgresql/client";
import { type Prisma, PrismaClient as SqliteClient } from "@/lib/generated/prisma-sqlite/client";
import { readSettings } from "@/lib/settings";
import { type DatabaseTarget, databaseFromEnv, type Provider, sqlitePath } from "./providers";

export type Db = InstanceType<typeof SqliteClient>;
/** The client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;

/**
 * Clients by DATABASE_URL, and which database each client talks to (for the few queries written per database). Both
 * live on globalThis: Next bundles this module into several chunks, and hot reload re-evaluates it, while the clients
 * must be shared.
 */
const globalForDb = globalThis as typeof globalThis & {
  luoshiDbs?: Map<string, Db>;
  luoshiProviders?: WeakMap<Db, Provider>;
};
globalForDb.luoshiProviders ??= new WeakMap();
const providers = globalForDb.luoshiProviders;

/**
 * How long a SQLite writer waits for another process's write transaction (an import of the CLI beside the app) before
 * giving up: longer than any single document's import takes.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 60_000;

export function createDb(target: DatabaseTarget): Db {
  const db =
    target.provider === "sqlite"
      ? new SqliteClient({
          adapter: new PrismaBetterSqlite3({ url: sqlitePath(target.url), timeout: SQLITE_BUSY_TIMEOUT_MS }),
        })
      : (new PostgresClient({
          // LUOSHI_PG_POOL_MAX per app instance: keep instances × pool within the server's max_connections.
          adapter: new PrismaPg({ connectionString: target.url, max: readSettings().LUOSHI_PG_POOL_MAX }),
        }) as unknown as Db);
  providers.set(db, target.provider);
  return db;
}

export function providerOf(db: Db): Provider {
  const provider = providers.get(db);
  if (!provider) throw new Error("this Prisma client was not made by createDb");
  return provider;
}

/** The shared client for the database DATABASE_URL names now, created on first use. */
export function getDb(): Db {
  const target = databaseFromEnv();
  globalForDb.luoshiDbs ??= new Map();
  let db = globalForDb.luoshiDbs.get(target.url);
  if (!db) {
    db = createDb(target);
    globalForDb.luoshiDbs.set(target.url, db);
  }
  return db;
}

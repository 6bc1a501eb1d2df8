/**
 * The one Prisma client of the process, its driver adapter chosen from DATABASE_URL (SQLite through better-sqlite3,
 * PostgreSQL through pg). Kept on globalThis so that Next's hot reload does not open a connection per edit.
 * Both generated clients come from the same schema, so the SQLite client's types describe either.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma-postgresql/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/prisma-sqlite/client";
import { type DatabaseTarget, databaseFromEnv, sqlitePath } from "./providers";

export type Db = InstanceType<typeof SqliteClient>;

export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "sqlite") {
    return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: sqlitePath(target.url) }) });
  }
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  return client as unknown as Db;
}

const globalForDb = globalThis as typeof globalThis & { luoshiDb?: Db };

/** The shared client for DATABASE_URL, created on first use. */
export function getDb(): Db {
  globalForDb.luoshiDb ??= createDb(databaseFromEnv());
  return globalForDb.luoshiDb;
}

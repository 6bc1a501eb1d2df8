/**
 * The few database operations migrations need, on SQLite (better-sqlite3) and PostgreSQL (pg) directly:
 * nothing here depends on the generated Prisma client, which may not match the database yet.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type DatabaseTarget, sqlitePath } from "../providers";
import { DatabaseUnavailableError, MigrationFailedError } from "./errors";

export interface HistoryRecord {
  id: string;
  name: string;
  checksum: string;
}

export interface MigrationConnection {
  /** Keep other migrators out until `close` (several app instances may start together). */
  lock: () => Promise<void>;
  ensureHistoryTable: () => Promise<void>;
  /** Checksums of the migrations that finished, by name. */
  appliedChecksums: () => Promise<Map<string, string>>;
  /** Run a migration's script and record it, all or nothing. */
  applyInTransaction: (sql: string, record: HistoryRecord) => Promise<void>;
  close: () => Promise<void>;
}

// Prisma's own history table (schema-engine's sql-migration-connector), so Prisma tooling reads our records.
const SQLITE_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

const FINISHED = `SELECT migration_name, checksum FROM "_prisma_migrations"
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/** Arbitrary constant naming Luoshi's migration lock among PostgreSQL advisory locks. */
const ADVISORY_LOCK_KEY = 5_811_147;

export async function openMigrationConnection(target: DatabaseTarget): Promise<MigrationConnection> {
  return target.provider === "sqlite" ? openSqlite(sqlitePath(target.url)) : openPostgres(target.url);
}

function openSqlite(file: string): MigrationConnection {
  let db: Database.Database;
  try {
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_HISTORY);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open the SQLite database ${file}: ${(error as Error).message}`);
  }
  return {
    async lock() {
      // SQLite serialises writers itself; each migration takes the write lock with BEGIN IMMEDIATE.
    },
    async ensureHistoryTable() {},
    async appliedChecksums() {
      const rows = db.prepare(FINISHED).all() as { migration_name: string; checksum: string }[];
      return new Map(rows.map((row) => [row.migration_name, row.checksum]));
    },
    async applyInTransaction(sql, record) {
      db.exec("BEGIN IMMEDIATE");
      try {
        db.exec(sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, 1)`,
        ).run(record.id, record.checksum, record.name);
        db.exec("COMMIT");
      } catch (error) {
        db.exec("ROLLBACK");
        throw new MigrationFailedError(record.name, error);
      }
    },
    async close() {
      db.close();
    },
  };
}

async function openPostgres(url: string): Promise<MigrationConnection> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    throw new DatabaseUnavailableError(
      `cannot connect to PostgreSQL at ${hostname}:${port || 5432}${pathname}: ${(error as Error).message || String(error)}`,
    );
  }
  return {
    async lock() {
      await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    },
    async ensureHistoryTable() {
      await client.query(POSTGRES_HISTORY);
    },
    async appliedChecksums() {
      const { rows } = await client.query<{ migration_name: string; checksum: string }>(FINISHED);
      return new Map(rows.map((row) => [row.migration_name, row.checksum]));
    },
    async applyInTransaction(sql, record) {
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [record.id, record.checksum, record.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationFailedError(record.name, error);
      }
    },
    async close() {
      await client.end();
    },
  };
}

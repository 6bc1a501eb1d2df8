/**
 * Migrations for SQLite and PostgreSQL from one Prisma schema.
 *
 * Layout: prisma/migrations/<provider>/<timestamp>_<name>/migration.sql, with prisma/migrations/schema.snapshot.prisma
 * holding the schema the newest migrations were generated from. Applied migrations are recorded in Prisma's own
 * `_prisma_migrations` table, in Prisma's format, so `prisma migrate deploy` agrees with us wherever it can run.
 * Each migration runs in one transaction (both databases have transactional DDL): one that fails leaves the
 * database as it was and is retried on the next run.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type DatabaseTarget, PROVIDERS, type Provider, schemaFor } from "../providers";
import { openMigrationConnection } from "./connection";
import { NO_FILTER, openSchemaEngine } from "./schema-engine";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
const SNAPSHOT = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");

export interface Migration {
  name: string;
  sql: string;
  /** sha256 of migration.sql, as Prisma computes it. */
  checksum: string;
}

export function listMigrations(provider: Provider, migrationsDir = MIGRATIONS_DIR): Migration[] {
  const dir = path.join(migrationsDir, provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface ApplyResult {
  applied: string[];
  /** Migrations recorded as applied whose file has changed since: reported, never re-run. */
  changed: string[];
}

/** Apply the migrations the database lacks, each in its own transaction. Safe to run again: then it does nothing. */
export async function applyPendingMigrations(
  target: DatabaseTarget,
  migrationsDir = MIGRATIONS_DIR,
): Promise<ApplyResult> {
  const connection = await openMigrationConnection(target);
  try {
    await connection.lock();
    await connection.ensureHistoryTable();
    const done = await connection.appliedChecksums();
    const result: ApplyResult = { applied: [], changed: [] };
    for (const migration of listMigrations(target.provider, migrationsDir)) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) result.changed.push(migration.name);
        continue;
      }
      await connection.applyInTransaction(migration.sql, {
        id: randomUUID(),
        name: migration.name,
        checksum: migration.checksum,
      });
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await connection.close();
  }
}

/** The SQL that takes a database from schema `from` (empty when null) to schema `to`, for one provider. */
export async function diffSchemas(provider: Provider, from: string | null, to: string, url?: string): Promise<string> {
  const engine = await openSchemaEngine(provider, to, url);
  try {
    const { stdout } = await engine.diff({
      from:
        from === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return stdout ?? "";
  } finally {
    engine.free();
  }
}

/** The SQL that takes a live database to `schema`: empty when the database already matches it. */
export async function diffDatabaseToSchema(target: DatabaseTarget, schema: string): Promise<string> {
  const engine = await openSchemaEngine(target.provider, schema, target.url);
  try {
    const { stdout } = await engine.diff({
      from: { tag: "schemaDatasource", files: [{ path: "schema.prisma", content: schema }], configDir: ROOT },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return stdout ?? "";
  } finally {
    engine.free();
  }
}

const EMPTY_DIFF = /^\s*(--\s*This is an empty migration\.?\s*)?$/;

/**
 * Write the next migration, for every provider, from the difference between the snapshot and prisma/schema.prisma.
 * `postgresUrl` names a PostgreSQL server the schema engine can connect to (it diffs schemas, it changes nothing).
 */
export async function createMigration(
  name: string,
  postgresUrl: string,
  now = new Date(),
): Promise<{ directory: string | null }> {
  const source = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
  const previous = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, "utf8") : null;
  const scripts = new Map<Provider, string>();
  for (const provider of PROVIDERS) {
    const sql = await diffSchemas(
      provider,
      previous === null ? null : schemaFor(provider, previous),
      schemaFor(provider, source),
      provider === "postgresql" ? postgresUrl : undefined,
    );
    if (!EMPTY_DIFF.test(sql)) scripts.set(provider, sql);
  }
  if (scripts.size === 0) return { directory: null };
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const directory = `${stamp}_${name}`;
  for (const provider of PROVIDERS) {
    const dir = path.join(MIGRATIONS_DIR, provider, directory);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), scripts.get(provider) ?? "-- No change for this database.\n");
    writeFileSync(
      path.join(MIGRATIONS_DIR, provider, "migration_lock.toml"),
      `# Written by npm run db:diff; do not edit.\nprovider = "${provider}"\n`,
    );
  }
  writeFileSync(SNAPSHOT, source);
  return { directory };
}

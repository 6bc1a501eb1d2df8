/**
 * `npm run db:migrate`: apply pending migrations to the database DATABASE_URL names (SQLite by default).
 * `npm run db:diff -- <name>`: write the next migration for SQLite and PostgreSQL from a change of
 * prisma/schema.prisma. PostgreSQL's SQL is generated against a throwaway local cluster unless
 * LUOSHI_DIFF_POSTGRES_URL names a server to use.
 */
import { z } from "zod";
import { applyPendingMigrations, createMigration } from "../migrate";
import { DatabaseUnavailableError, MigrationFailedError } from "../migrate/errors";
import { databaseFromEnv } from "../providers";
import { startThrowawayPostgres } from "./throwaway-postgres";

const ZMigrationName = z
  .string({ error: "name the migration: npm run db:diff -- <name>" })
  .regex(/^[a-z0-9_]+$/, "a migration name is lower-case letters, digits and underscores");

async function migrate(): Promise<void> {
  const target = databaseFromEnv();
  const { applied, changed } = await applyPendingMigrations(target);
  const where = target.provider === "sqlite" ? `SQLite ${target.url}` : "PostgreSQL";
  for (const name of changed) console.warn(`warning: migration ${name} changed after it was applied; it is not re-run`);
  if (applied.length === 0) console.log(`${where}: nothing to do, the database is up to date`);
  else console.log(`${where}: applied ${applied.length} migration(s): ${applied.join(", ")}`);
}

async function diff(rawName: string | undefined): Promise<void> {
  const name = ZMigrationName.parse(rawName);
  const external = process.env.LUOSHI_DIFF_POSTGRES_URL;
  const cluster = external ? null : await startThrowawayPostgres();
  try {
    const { directory } = await createMigration(name, external ?? (cluster as NonNullable<typeof cluster>).url);
    console.log(
      directory ? `wrote prisma/migrations/{sqlite,postgresql}/${directory}` : "no schema change: nothing written",
    );
  } finally {
    cluster?.destroy();
  }
}

const [command, arg] = process.argv.slice(2);
try {
  if (command === "apply") await migrate();
  else if (command === "diff") await diff(arg);
  else throw new Error("usage: migrate.ts apply | diff <name>");
} catch (error) {
  const message =
    error instanceof z.ZodError
      ? (error.issues[0]?.message ?? "invalid input")
      : error instanceof DatabaseUnavailableError || error instanceof MigrationFailedError || error instanceof Error
        ? error.message
        : String(error);
  console.error(`error: ${message}`);
  process.exitCode = 1;
}

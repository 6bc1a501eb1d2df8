/**
 * The databases Luoshi runs on, and how the one Prisma schema is specialised for each. Used by the client
 * generator, the migration tools and the runtime client, so that all three agree.
 */
import { z } from "zod";

export const PROVIDERS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const DEFAULT_SQLITE_URL = "file:./data/luoshi.db";

const ZDatabaseUrl = z
  .string()
  .trim()
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
    message: "DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
  });

export interface DatabaseTarget {
  provider: Provider;
  url: string;
}

/** Which database `DATABASE_URL` names: unset or `file:…` is SQLite, `postgres://…` is PostgreSQL. */
export function databaseFromEnv(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const raw = env.DATABASE_URL?.trim() ? env.DATABASE_URL : DEFAULT_SQLITE_URL;
  const url = ZDatabaseUrl.parse(raw);
  return { provider: url.startsWith("file:") ? "sqlite" : "postgresql", url };
}

/** Filesystem path of a SQLite `file:` URL, relative paths taken from the working directory. */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** The Prisma schema text for one provider: the source schema with its datasource and client output swapped. */
export function schemaFor(provider: Provider, source: string): string {
  const withProvider = source.replace(
    /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"[^"]+"/,
    (_match, head: string) => `${head}"${provider}"`,
  );
  return withProvider.replace(/(output\s*=\s*)"[^"]+"/, (_match, head: string) => `${head}"../prisma-${provider}"`);
}

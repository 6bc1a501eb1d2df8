/**
 * Fresh, migrated databases for integration tests: a temporary SQLite file, or a new database in the throwaway
 * PostgreSQL cluster started by tests/support/postgres-global-setup.ts.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseTarget, Provider } from "@/lib/db/providers";

export interface TestDatabase {
  target: DatabaseTarget;
  drop: () => Promise<void>;
}

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "luoshi-test-"));
    return {
      target: { provider, url: `file:${path.join(dir, "test.db")}` },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const clusterUrl = inject("postgresUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    target: { provider, url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: clusterUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

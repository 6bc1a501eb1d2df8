/**
 * Building, seeding and serving the production app, for the browser tests (app-global-setup.ts) and the page
 * benchmark (tests/bench/pages.ts): `next build`, a migrated database (SQLite or PostgreSQL) with chosen files imported, and
 * `next start` on a free loopback port.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { importFile } from "@/lib/db/import";
import { applyPendingMigrations, ROOT } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { freePort } from "@/lib/tools/free-port";
import { bytesOf } from "../../support/corpus";

const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

/** `next build`, unless LUOSHI_TEST_REUSE_BUILD=1 and a build exists. */
export function buildApp(): void {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.LUOSHI_TEST_REUSE_BUILD === "1" && existsSync(path.join(ROOT, ".next/BUILD_ID"))) return;
  execFileSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
}

/** Migrate the database and import `files` into it; `more` may add rows with the client before it closes. */
export async function seedDatabase(
  databaseUrl: string,
  files: string[],
  more?: (db: Db) => Promise<void>,
): Promise<void> {
  const target = databaseFromEnv({ DATABASE_URL: databaseUrl });
  await applyPendingMigrations(target);
  const db = createDb(target);
  try {
    for (const file of files) {
      await importFile(
        db,
        { filename: path.basename(file), bytes: bytesOf(file), importedBy: "test-setup" },
        { tolerance: 0 },
      );
    }
    await more?.(db);
  } finally {
    await db.$disconnect();
  }
}

async function waitUntilServing(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer at ${url} within 60 s:\n${log()}`);
}

export interface RunningApp {
  baseUrl: string;
  /** What the server printed so far (for failures). */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * `next start` of the existing build on a free port against `databaseUrl`. `env` adds variables (editor password,
 * API token); variables named in `unset` are removed from the inherited environment (a read-only instance).
 */
export async function startApp(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  unset?: string[];
}): Promise<RunningApp> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
    DATABASE_URL: options.databaseUrl,
  };
  for (const key of options.unset ?? []) delete env[key];
  const port = await freePort();
  let output = "";
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilServing(baseUrl, server, () => output);
  return {
    baseUrl,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      }),
  };
}

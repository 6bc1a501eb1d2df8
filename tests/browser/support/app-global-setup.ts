/**
 * Builds the app, migrates a temporary database, imports the seeds, the national corpus and the 31 provinces' 2026
 * reports into it, adds the editor accounts the tests sign in as, and serves the production build on a free port for
 * the browser tests, with an editor password and an API token set. The database is a SQLite file, or for the `browser-postgresql` project a database in
 * a throwaway PostgreSQL cluster.
 * LUOSHI_TEST_REUSE_BUILD=1 skips the build when one exists.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createAccount } from "@/lib/db/accounts";
import { startThrowawayPostgres } from "@/lib/db/tools/throwaway-postgres";
import { hashPassword } from "@/lib/server/auth-password";
import { NATIONAL, provinceFiles, seedFiles } from "../../support/corpus";
import { buildApp, seedDatabase, startApp } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    editorPassword: string;
    apiToken: string;
    databaseUrl: string;
  }
}

const EDITOR_PASSWORD = "browser-test-password";
const API_TOKEN = "browser-test-token";
/** The accounts the tests sign in as (support/browser.ts `signIn`), each with the editor password. */
const EDITORS = ["测试编辑", "审核员甲", "审核员乙", "导入员"];

export default async function setup(project: TestProject) {
  buildApp();
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-browser-"));
  const cluster = project.name === "browser-postgresql" ? await startThrowawayPostgres() : null;
  const databaseUrl = cluster ? await cluster.createDatabase("browser") : `file:${path.join(dir, "app.db")}`;
  await seedDatabase(databaseUrl, [...seedFiles(), NATIONAL, ...provinceFiles()], async (db) => {
    const passwordHash = await hashPassword(EDITOR_PASSWORD);
    for (const name of EDITORS) await createAccount(db, { name, passwordHash, role: "editor" });
  });
  const app = await startApp({
    databaseUrl,
    // The import's web-address test serves its report from 127.0.0.1 (tests/browser/import.test.ts).
    env: { LUOSHI_EDITOR_PASSWORD: EDITOR_PASSWORD, LUOSHI_API_TOKEN: API_TOKEN, LUOSHI_FETCH_ALLOW_PRIVATE: "1" },
  });
  project.provide("baseUrl", app.baseUrl);
  project.provide("editorPassword", EDITOR_PASSWORD);
  project.provide("apiToken", API_TOKEN);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    await app.stop();
    cluster?.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
}

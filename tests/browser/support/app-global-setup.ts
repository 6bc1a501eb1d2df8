/**
 * Builds the app, migrates a temporary SQLite database, imports the seeds and the national corpus into it, and
 * serves the production build on a free port for the browser tests, with an editor password and an API token set.
 * LUOSHI_TEST_REUSE_BUILD=1 skips the build when one exists (for quick local reruns).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { NATIONAL, seedFiles } from "../../support/corpus";
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

export default async function setup(project: TestProject) {
  buildApp();
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-browser-"));
  const databaseUrl = `file:${path.join(dir, "app.db")}`;
  await seedDatabase(databaseUrl, [...seedFiles(), NATIONAL]);
  const app = await startApp({
    databaseUrl,
    env: { LUOSHI_EDITOR_PASSWORD: EDITOR_PASSWORD, LUOSHI_API_TOKEN: API_TOKEN },
  });
  project.provide("baseUrl", app.baseUrl);
  project.provide("editorPassword", EDITOR_PASSWORD);
  project.provide("apiToken", API_TOKEN);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * Builds the app, migrates a temporary SQLite database and serves the production build on a free port for the
 * browser tests. LUOSHI_TEST_REUSE_BUILD=1 skips the build when one exists (for quick local reruns).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyPendingMigrations, ROOT } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
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

export default async function setup(project: TestProject) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
  if (!(process.env.LUOSHI_TEST_REUSE_BUILD === "1" && existsSync(path.join(ROOT, ".next/BUILD_ID")))) {
    execFileSync(process.execPath, [nextBin, "build"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  }

  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-browser-"));
  const databaseUrl = `file:${path.join(dir, "app.db")}`;
  await applyPendingMigrations({ provider: "sqlite", url: databaseUrl });

  const port = await freePort();
  let output = "";
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilServing(baseUrl, server, () => output);
  project.provide("baseUrl", baseUrl);

  return () => {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
}

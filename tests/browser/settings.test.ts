/**
 * The built app refuses to start with a bad setting, naming the variable (instrumentation.ts, lib/settings.ts),
 * instead of serving with a silent default or answering every request with a 500.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, inject, it } from "vitest";
import { freePort } from "@/lib/tools/free-port";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

it("stops at start with LUOSHI_TOLERANCE=abc, saying which variable is wrong", async () => {
  const port = await freePort();
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: inject("databaseUrl"), LUOSHI_TOLERANCE: "abc" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => server.once("exit", resolve));
  expect(code).toBe(1);
  expect(output).toContain('luoshi: LUOSHI_TOLERANCE must be a number from 0 to 100 (it is "abc")');
});

/**
 * `npm run quickstart`: everything a new user needs after `npm install`: the embedded SQLite database migrated,
 * the app built and served on http://localhost:3000 (PORT to change it).
 */
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";

const root = path.resolve(import.meta.dirname, "../..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const step = (text: string) => console.log(`\n▶ ${text}`);

const target = databaseFromEnv();
step(`migrating ${target.provider === "sqlite" ? target.url : "PostgreSQL"}`);
const { applied } = await applyPendingMigrations(target);
console.log(applied.length ? `applied ${applied.join(", ")}` : "up to date");

step("building the app");
execFileSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });

const port = process.env.PORT ?? "3000";
step(`serving on http://localhost:${port} (Ctrl-C to stop)`);
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

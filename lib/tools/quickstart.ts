/**
 * `npm run quickstart`: everything a new user needs after `npm install`: the embedded SQLite database migrated and
 * loaded with the demo district, an editor password generated into .env.local (which Next.js reads), the app built
 * and served on http://localhost:3000 (PORT to change it).
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { loadDemoData } from "@/lib/db/demo";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { readSettings } from "@/lib/settings";

const root = path.resolve(import.meta.dirname, "../..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const step = (text: string) => console.log(`\n▶ ${text}`);

const target = databaseFromEnv();
step(`migrating ${target.provider === "sqlite" ? target.url : "PostgreSQL"}`);
const { applied } = await applyPendingMigrations(target);
console.log(applied.length ? `applied ${applied.join(", ")}` : "up to date");

step("loading the demo district (望川市澄湖区, fictional)");
const db = createDb(target);
const { created } = await loadDemoData(db, { tolerance: 0 });
await db.$disconnect();
console.log(created ? `imported ${created} demo reports` : "demo reports already imported");

const envFile = path.join(root, ".env.local");
if (!existsSync(envFile)) {
  const password = randomBytes(12).toString("base64url");
  writeFileSync(
    envFile,
    `# Written by npm run quickstart: the password of the account admin (sign in as admin).\nLUOSHI_EDITOR_PASSWORD=${password}\n`,
    { mode: 0o600 },
  );
  step(`sign in as admin with the password ${password} (kept in .env.local)`);
} else {
  step("sign in as admin with the password LUOSHI_EDITOR_PASSWORD in .env.local");
}

step("building the app");
execFileSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });

const port = String(readSettings().PORT);
step(`serving on http://localhost:${port} (Ctrl-C to stop)`);
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

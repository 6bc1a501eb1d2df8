/**
 * `npm run db:generate`: writes one Prisma schema per database into lib/generated/schemas/ and generates a client
 * for each (lib/generated/prisma-sqlite, lib/generated/prisma-postgresql). Offline: `prisma generate` only checks
 * that a schema-engine binary exists (generation itself runs in WebAssembly), so any existing file will do.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PROVIDERS, schemaFor } from "../providers";

const root = path.resolve(import.meta.dirname, "../../..");
const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const schemasDir = path.join(root, "lib/generated/schemas");
mkdirSync(schemasDir, { recursive: true });
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

for (const provider of PROVIDERS) {
  const schemaPath = path.join(schemasDir, `${provider}.prisma`);
  writeFileSync(schemaPath, schemaFor(provider, source));
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schemaPath], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  console.log(`generated the ${provider} client`);
}

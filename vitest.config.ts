import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const resolve = { alias: { "@": root } };

/**
 * Three kinds of test (tests/README.md): `unit` (pure code on real inputs), `integration` (a real temporary SQLite
 * file and a throwaway PostgreSQL cluster), `browser` and `browser-postgresql` (the built app in Debian's Chromium,
 * on each database).
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.integration.test.ts", "tests/browser/**"],
          testTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: "integration",
          include: ["tests/**/*.integration.test.ts"],
          globalSetup: ["tests/support/postgres-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      ...(["browser", "browser-postgresql"] as const).map((name) => ({
        resolve,
        test: {
          name,
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/support/app-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One app and one browser: files run one after another.
          fileParallelism: false,
        },
      })),
    ],
  },
});

import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { applyPendingMigrations, diffDatabaseToSchema, listMigrations, MIGRATIONS_DIR, ROOT } from "@/lib/db/migrate";
import { MigrationFailedError } from "@/lib/db/migrate/errors";
import { type DatabaseTarget, PROVIDERS, type Provider, schemaFor, sqlitePath } from "@/lib/db/providers";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const run = promisify(execFile);
const source = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
const created: TestDatabase[] = [];
afterAll(async () => {
  for (const database of created) await database.drop();
});

async function freshDatabase(provider: Provider): Promise<DatabaseTarget> {
  const database = await createTestDatabase(provider);
  created.push(database);
  return database.target;
}

/** Table → sorted column names, as the database itself reports them (Prisma's history table left out). */
async function tableShapes(target: DatabaseTarget): Promise<Record<string, string[]>> {
  const shapes: Record<string, string[]> = {};
  if (target.provider === "sqlite") {
    const db = new Database(sqlitePath(target.url), { readonly: true });
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
      )
      .all() as { name: string }[];
    for (const { name } of tables) {
      shapes[name] = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name).sort();
    }
    db.close();
    return shapes;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  await client.end();
  for (const row of rows) {
    shapes[row.table_name] = [...(shapes[row.table_name] ?? []), row.column_name];
  }
  for (const columns of Object.values(shapes)) columns.sort();
  return shapes;
}

async function historyCount(target: DatabaseTarget): Promise<number> {
  if (target.provider === "sqlite") {
    const db = new Database(sqlitePath(target.url), { readonly: true });
    const row = db.prepare('SELECT count(*) AS n FROM "_prisma_migrations"').get() as { n: number };
    db.close();
    return row.n;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "_prisma_migrations"');
  await client.end();
  return Number(rows[0]?.n);
}

describe.each(PROVIDERS)("migrations on %s", (provider) => {
  it("apply every migration once, then have nothing to do", async () => {
    const target = await freshDatabase(provider);
    const names = listMigrations(provider).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);

    expect(await applyPendingMigrations(target)).toEqual({ applied: names, changed: [] });
    expect(await applyPendingMigrations(target)).toEqual({ applied: [], changed: [] });
    expect(await historyCount(target)).toBe(names.length);
  });

  // The WebAssembly engine cannot introspect PostgreSQL through the pg adapter (it fails on the catalog's "char"
  // columns), so there the client round trip and the comparison with SQLite's tables below stand in for it.
  it.runIf(provider === "sqlite")("leave the database exactly as prisma/schema.prisma describes it", async () => {
    const target = await freshDatabase(provider);
    await applyPendingMigrations(target);
    const remaining = await diffDatabaseToSchema(target, schemaFor(provider, source));
    expect(remaining.replace(/--.*$/gm, "").trim()).toBe("");
  });

  it("give the generated client a database it can write and read through every relation", async () => {
    const target = await freshDatabase(provider);
    await applyPendingMigrations(target);
    const db = createDb(target);
    try {
      const report = await db.report.create({
        data: {
          position: 0,
          kind: "work_report",
          year: 2019,
          planYear: 2019,
          reviewYear: 2018,
          confidence: 0.9,
          text: "全区生产总值增长7%左右",
          originalStart: 0,
          originalEnd: 12,
          sections: [{ kind: "plan", title: "2019年工作安排", start: 0, end: 12 }],
          document: {
            create: {
              contentHash: "h1",
              encoding: "utf-8",
              sourceName: "t.txt",
              byteSize: 36,
              originalText: "全区生产总值增长7%左右",
            },
          },
          jurisdiction: { create: { code: "990101", name: "示例区", level: "county", demo: true } },
          targets: {
            create: {
              jurisdictionCode: "990101",
              planYear: 2019,
              position: 0,
              indicatorName: "地区生产总值",
              measure: "growth",
              qualifier: "about",
              value: 7,
              unit: "%",
              polarity: "higher_better",
              headline: true,
              text: "全区生产总值增长7%左右",
              start: 0,
              end: 12,
              match: {
                create: {
                  confidence: 1,
                  verdict: "no_outcome",
                  reason: "无对应实际",
                  engineVersion: "test",
                  edits: {
                    create: {
                      editor: "tester",
                      action: "set_verdict",
                      before: {},
                      after: { verdict: "no_outcome" },
                      note: "t",
                    },
                  },
                },
              },
            },
          },
        },
      });
      const stored = await db.target.findFirstOrThrow({
        where: { reportId: report.id },
        include: { match: { include: { edits: true } }, report: { include: { document: true, jurisdiction: true } } },
      });
      expect(stored.match?.edits).toHaveLength(1);
      expect(stored.report.sections).toEqual([{ kind: "plan", title: "2019年工作安排", start: 0, end: 12 }]);
      expect(stored.report.jurisdiction.name).toBe("示例区");
      expect(stored.value).toBe(7);
    } finally {
      await db.$disconnect();
    }
  });

  it("roll a failing migration back entirely and retry it on the next run", async () => {
    const target = await freshDatabase(provider);
    const dir = mkdtempSync(path.join(tmpdir(), "luoshi-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, provider, "99990101000000_broken");
    mkdirSync(broken);
    const goodPart = 'CREATE TABLE "Probe" ("id" INTEGER NOT NULL PRIMARY KEY);\n';
    writeFileSync(path.join(broken, "migration.sql"), `${goodPart}INSERT INTO "NoSuchTable" VALUES (1);\n`);
    try {
      await expect(applyPendingMigrations(target, dir)).rejects.toBeInstanceOf(MigrationFailedError);
      expect(Object.keys(await tableShapes(target))).not.toContain("Probe");
      expect(await historyCount(target)).toBe(listMigrations(provider).length);

      writeFileSync(path.join(broken, "migration.sql"), goodPart);
      expect((await applyPendingMigrations(target, dir)).applied).toEqual(["99990101000000_broken"]);
      expect(Object.keys(await tableShapes(target))).toContain("Probe");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SQLite and PostgreSQL", () => {
  it("end with the same tables and columns", async () => {
    const shapes = [];
    for (const provider of PROVIDERS) {
      const target = await freshDatabase(provider);
      await applyPendingMigrations(target);
      shapes.push(await tableShapes(target));
    }
    expect(Object.keys(shapes[0] ?? {}).sort()).toEqual(
      [
        "Account",
        "Document",
        "Edit",
        "Indicator",
        "IndicatorTally",
        "Job",
        "JobFile",
        "Jurisdiction",
        "Match",
        "OrphanedEdit",
        "Outcome",
        "Report",
        "Session",
        "SignInFailure",
        "YearTally",
        "Target",
      ].sort(),
    );
    expect(shapes[1]).toEqual(shapes[0]);
  });
});

describe("npm run db:migrate", () => {
  const migrate = (databaseUrl: string) =>
    run(process.execPath, ["--import", "tsx", "lib/db/tools/migrate.ts", "apply"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("reports an unreachable PostgreSQL in one line and exits non-zero", async () => {
    const { code, stderr } = await migrate("postgresql://luoshi@127.0.0.1:9/luoshi");
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^error: cannot connect to PostgreSQL at 127\.0\.0\.1:9\/luoshi/),
    ]);
  });

  it("reports an unwritable SQLite path in one line and exits non-zero", async () => {
    const { code, stderr } = await migrate("file:/etc/hostname/luoshi.db");
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^error: cannot open the SQLite database \/etc\/hostname\/luoshi\.db/),
    ]);
  });

  it("says there is nothing to do the second time", async () => {
    const target = await freshDatabase("sqlite");
    const first = await migrate(target.url);
    expect(first.stdout).toMatch(/applied \d+ migration/);
    const second = await migrate(target.url);
    expect(second.stdout).toMatch(/nothing to do/);
  });
});

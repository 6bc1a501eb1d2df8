/**
 * Attacks on `luoshi import` and `luoshi export` through the installed entry point, on both databases: reports the
 * reader chokes on among good ones, a file too large to read, output paths that cannot be written, a reader that
 * closes the output early, and (SQLite on a 2 MB tmpfs) a disk that fills up half-way through an import.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { PROVIDERS } from "@/lib/db/providers";
import { exportRows } from "@/lib/db/queries/export";
import { FILE_COLUMNS } from "@/lib/export/columns";
import { fileValues, headerOf } from "@/lib/export/format";
import { renderExport } from "@/lib/export/stream";
import { synthReports } from "@/lib/synth/report";
import { runCli, runCliClosingAfter, STACK_FRAME, stderrLines } from "../cli/run-cli";
import { NATIONAL, seedPath } from "../support/corpus";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every line of stderr is `luoshi <command>: …`: no stack frame, no raw error dump. */
function expectOneLiners(stderr: string, command: string) {
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stderr).not.toMatch(/ZodError|Invalid `|Error:/);
  for (const line of stderrLines(stderr)) expect(line).toMatch(new RegExp(`^luoshi ${command}: `));
}

/** Synthetic reports, one per .jsonl line. */
function synthJsonl(file: string, options: { jurisdictions: number; years: number; seed: number }) {
  const reports = synthReports({ ...options, targets: 60, firstYear: 2016 });
  writeFileSync(file, [...reports].map((r) => `${JSON.stringify({ content: r.text })}\n`).join(""));
}

describe.each(PROVIDERS)("luoshi import and export under attack on %s", (provider) => {
  let database: TestDatabase;
  let dir: string;
  const files = { digits400: "", crash: "", huge: "" };
  const env = () => ({ DATABASE_URL: database.target.url });
  const withDb = async <T>(use: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> => {
    const db = createDb(database.target);
    try {
      return await use(db);
    } finally {
      await db.$disconnect();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    dir = mkdtempSync(path.join(tmpdir(), "luoshi-cli-attack-"));
    files.digits400 = path.join(dir, "digits-400.txt");
    const report = readFileSync(seedPath("001"), "utf8");
    writeFileSync(files.digits400, report.replace("全区生产总值增长7%左右", `全区生产总值增长${"9".repeat(400)}%左右`));
    files.crash = path.join(dir, "one-sentence.txt");
    writeFileSync(files.crash, `某某区人民政府工作报告\n${"增长7%左右，".repeat(200_000)}`);
    files.huge = path.join(dir, "huge.txt");
    writeFileSync(files.huge, "");
    truncateSync(files.huge, 2 * 1024 * 1024 * 1024);
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it("imports the good files beside a report with a 400-digit number and a sentence of 200 000 figures", async () => {
    const good = [seedPath("003"), seedPath("002")];
    const result = await runCli(["import", good[0] as string, files.digits400, files.crash, good[1] as string], {
      env: env(),
    });
    expectOneLiners(result.stderr, "import");
    // The absurd figure is no figure: the report is stored without it. The endless sentence is read to its end (it
    // once overflowed the stack) and refused only because it names no government: a refusal, status 0.
    expect(stderrLines(result.stderr)).toEqual([
      expect.stringMatching(/one-sentence\.txt: no jurisdiction could be identified/),
    ]);
    expect(result.stdout).toMatch(/^documents: 3 new, 0 unchanged, 1 failed$/m);
    expect(result.code).toBe(0);
    const stored = await withDb((db) => db.document.findMany({ select: { sourceName: true } }));
    expect(stored.map((document) => document.sourceName).sort()).toEqual([...good, files.digits400].sort());
    // No figure beyond what a report can state was stored.
    const absurd = await withDb((db) => db.target.count({ where: { value: { gt: 1e15 } } }));
    expect(absurd).toBe(0);
  });

  it("refuses a 2 GB file without reading it, quickly and in little memory", async () => {
    const result = await runCli(["import", files.huge, seedPath("004")], { env: env() });
    expect(result.code).toBe(0);
    expect(stderrLines(result.stderr)).toEqual([
      `luoshi import: ${files.huge}: the file is 2048.0 MB; the limit is 50 MB`,
    ]);
    expect(result.stdout).toMatch(/^documents: 1 new, 0 unchanged, 1 failed$/m);
    // Reading it took 4 GB and 20 s; the process alone (Node, the engine, Prisma) takes about 250 MB.
    expect(result.maxRssMb).toBeLessThan(450);
  });

  it.each([
    ["a folder that does not exist", () => "/nonexistent/dir/x.csv", /the folder \/nonexistent\/dir does not exist$/],
    ["a folder", () => dir, /this is a folder; give a file name$/],
    ["a path through a file", () => path.join(files.digits400, "x.csv"), /digits-400\.txt is not a folder$/],
  ])("export --out to %s says so in one line, exits 1 and leaves no file", async (_what, target, message) => {
    const out = target();
    const before = readdirSync(dir).sort();
    const result = await runCli(["export", "--out", out], { env: env() });
    expect(result.code).toBe(1);
    expect(stderrLines(result.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^luoshi export: ${escapeRegExp(out)}: `)),
    ]);
    expect(stderrLines(result.stderr)[0]).toMatch(message);
    expectOneLiners(result.stderr, "export");
    expect(readdirSync(dir).sort()).toEqual(before);
    if (out !== dir) expect(existsSync(out)).toBe(false);
  });

  it("export --out to a read-only file system says so and leaves no file", async (context) => {
    const mount = path.join(dir, "read-only");
    mkdirSync(mount);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mount], { stdio: "ignore" });
    } catch {
      context.skip(); // mounting needs root
    }
    try {
      const out = path.join(mount, "x.csv");
      const result = await runCli(["export", "--out", out], { env: env() });
      expect(result.code).toBe(1);
      expect(stderrLines(result.stderr)).toEqual([`luoshi export: ${out}: ${mount} is on a read-only file system`]);
      expect(readdirSync(mount)).toEqual([]);
    } finally {
      execFileSync("umount", [mount]);
    }
  });

  it.each(["csv", "json"])("`export --format %s | head -c 100` ends quietly with status 0", async (format) => {
    // Enough rows that the output outlasts the pipe's buffer.
    await runCli(["import", NATIONAL], { env: env() });
    const result = await runCliClosingAfter(["export", "--format", format], 100, { env: env() });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.length).toBe(100);
  });

  it("streams exports that are the whole-file rendering, row for row", async () => {
    await runCli(["import", NATIONAL, seedPath("001")], { env: env() });
    const rows = await withDb((db) => exportRows(db, {}));
    expect(rows.length).toBeGreaterThan(500);
    const csvBytes = await renderExport(rows, "csv");
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csvBytes);
    const json = new TextDecoder().decode(await renderExport(rows, "json"));

    const stdoutCsv = await runCli(["export"], { env: env() });
    // Standard output has no byte-order mark (the output was always decoded without it); files have one.
    expect(stdoutCsv.stdout).toBe(csv.replace(/^\uFEFF/, ""));
    const stdoutJson = await runCli(["export", "--format", "json"], { env: env() });
    expect(stdoutJson.stdout).toBe(json);

    const out = path.join(dir, "export");
    mkdirSync(out);
    for (const format of ["csv", "json", "xlsx"]) {
      const result = await runCli(["export", "--format", format, "--out", path.join(out, `all.${format}`)], {
        env: env(),
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`wrote ${rows.length} rows to ${path.join(out, `all.${format}`)}\n`);
    }
    expect(readFileSync(path.join(out, "all.csv")).equals(Buffer.from(csvBytes))).toBe(true);
    expect(readFileSync(path.join(out, "all.json"), "utf8")).toBe(json);
    expect(readdirSync(out).sort()).toEqual(["all.csv", "all.json", "all.xlsx"]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, "all.xlsx"));
    // The export's language is Chinese unless asked otherwise: the sheet is 目标.
    const sheet = workbook.getWorksheet("目标");
    expect(sheet?.rowCount).toBe(rows.length + 1);
    expect(sheet?.getCell(1, 1).font?.bold).toBe(true);
    const cells = (rowNumber: number) =>
      FILE_COLUMNS.map((_, column) => sheet?.getRow(rowNumber).getCell(column + 1).value ?? null);
    expect(cells(1)).toEqual(FILE_COLUMNS.map((column) => headerOf(column, "zh-CN")));
    for (const index of [0, Math.floor(rows.length / 2), rows.length - 1]) {
      const row = rows[index];
      if (!row) throw new Error(`no row ${index}`);
      // The streaming writer leaves empty text cells empty.
      expect(cells(index + 2)).toEqual(fileValues(row, "zh-CN").map((value) => (value === "" ? null : value)));
    }
  }, 180_000);
});

describe("a disk that fills up during an import (SQLite on a 2 MB tmpfs)", () => {
  let dir: string;
  let mount: string;
  let mounted = false;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "luoshi-cli-full-"));
    mount = path.join(dir, "disk");
    mkdirSync(mount);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", mount], { stdio: "ignore" });
      mounted = true;
    } catch {
      // Mounting needs root: the tests skip.
    }
  });

  afterAll(() => {
    if (mounted) execFileSync("umount", [mount]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("counts what was committed, names the failed file in one line, and goes on with the next", async (context) => {
    if (!mounted) context.skip();
    const url = `file:${path.join(mount, "luoshi.db")}`;
    // 40 reports, of which a 2 MB disk holds a handful; then a file of its own.
    const many = path.join(dir, "many.jsonl");
    synthJsonl(many, { jurisdictions: 4, years: 10, seed: 11 });
    const result = await runCli(["import", many, seedPath("003")], { env: { DATABASE_URL: url } });
    expectOneLiners(result.stderr, "import");
    expect(result.code).toBe(1);
    const stored = await (async () => {
      const db = createDb({ provider: "sqlite", url });
      try {
        return await db.document.findMany({ select: { sourceName: true } });
      } finally {
        await db.$disconnect();
      }
    })();
    const fromMany = stored.filter((document) => document.sourceName.startsWith(`${many}:`)).length;
    expect(fromMany).toBeGreaterThan(0);
    expect(fromMany).toBeLessThan(40);
    // The summary counts every committed document, those of the file that failed included; each failed file is
    // named once (the next file may find room again once SQLite has checkpointed its log, or fail too).
    const failedFiles = stderrLines(result.stderr).filter(
      (line) => line.startsWith(`luoshi import: ${many}: `) || line.startsWith(`luoshi import: ${seedPath("003")}: `),
    ).length;
    expect(failedFiles).toBeGreaterThanOrEqual(1);
    expect(result.stdout).toMatch(
      new RegExp(`^documents: ${stored.length} new, 0 unchanged, ${failedFiles} failed$`, "m"),
    );
    expect(stderrLines(result.stderr)).toContainEqual(
      `luoshi import: ${many}: database or disk is full; ${fromMany} of its documents were imported before that`,
    );
  }, 120_000);

  it("export --out onto the full disk fails in one line and leaves no partial file", async (context) => {
    if (!mounted) context.skip();
    const url = `file:${path.join(mount, "luoshi.db")}`;
    // Whatever space is left goes to a filler, so that the export cannot fit.
    const filler = path.join(mount, "filler");
    try {
      writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024));
    } catch {
      // ENOSPC: the disk is full, as wanted.
    }
    const before = readdirSync(mount).sort();
    const out = path.join(mount, "export.csv");
    const result = await runCli(["export", "--out", out], { env: { DATABASE_URL: url } });
    expect(result.code).toBe(1);
    expect(stderrLines(result.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^luoshi export: ${escapeRegExp(out)}: no space left on the device`)),
    ]);
    expect(readdirSync(mount).sort()).toEqual(before);
  });
});

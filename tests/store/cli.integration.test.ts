import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { PROVIDERS } from "@/lib/db/providers";
import { seedPath } from "../support/corpus";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { rowCounts } from "../support/store";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

describe.each(PROVIDERS)("luoshi import / reanalyze / export on %s", (provider) => {
  let database: TestDatabase;
  let dir: string;
  const luoshi = (...args: string[]) =>
    run(process.execPath, [path.join(root, "lib/cli/bin.mjs"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.target.url },
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  const counts = async () => {
    const db = createDb(database.target);
    try {
      return await rowCounts(db);
    } finally {
      await db.$disconnect();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    dir = mkdtempSync(path.join(tmpdir(), "luoshi-cli-"));
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(
      path.join(dir, "image.png"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    );
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it("imports what it can read, reports each file it cannot, and summarises", async () => {
    const { code, stdout, stderr } = await luoshi(
      "import",
      seedPath("001"),
      path.join(dir, "missing.txt"),
      path.join(dir, "empty.txt"),
      path.join(dir, "image.png"),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/documents: 1 new, 0 unchanged, 2 failed/);
    expect(stderr).toMatch(/missing\.txt: no such file or folder/);
    expect(stderr).toMatch(/empty\.txt: /);
    expect(stderr).toMatch(/image\.png: /);
    const again = await luoshi("import", seedPath("001"));
    expect(again.stdout).toMatch(/documents: 0 new, 1 unchanged, 0 failed/);
    expect(again.stdout).toMatch(/added: 0 reports, 0 targets, 0 outcomes, 0 matches/);
  });

  it("exits non-zero when nothing could be imported, and writes nothing", async () => {
    const before = await counts();
    const { code, stderr } = await luoshi("import", path.join(dir, "empty.txt"), path.join(dir, "image.png"));
    expect(code).toBe(1);
    expect(stderr.match(/luoshi import: /g)).toHaveLength(2);
    expect(await counts()).toEqual(before);
  });

  it("refuses nonsense flags with its usage", async () => {
    const { code, stderr } = await luoshi("import", "--year", "soon", seedPath("001"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Usage: luoshi import/m);
  });

  it("re-judges stored targets and exports them as CSV and XLSX", async () => {
    const reanalyze = await luoshi("reanalyze", "--code", "370202", "--tolerance", "0.5");
    expect(reanalyze.stdout).toMatch(/re-judged \d+ targets in 2 plan years; 0 manual edits flagged/);

    const csv = await luoshi("export", "--code", "370202", "--year", "2019", "--lang", "en");
    const lines = csv.stdout
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]?.split(",").slice(0, 6)).toEqual([
      "code",
      "jurisdiction",
      "level",
      "level_label",
      "parent_code",
      "year",
    ]);
    expect(lines.length - 1).toBe((await counts()).targets - (await targetsOf2020()));
    // The gap of verdicts.md replaces the completion ratio: 市南区 2019 GDP 6% against 7%左右 is −1 point.
    const header = lines[0]?.split(",") ?? [];
    expect(header).toContain("gap");
    expect(header).not.toContain("ratio");
    const gdp = lines.find((line) => line.includes("地区生产总值") && line.includes(",growth,"));
    expect(gdp?.split(",")[header.indexOf("gap")]).toBe("-1");
    expect(gdp?.split(",")[header.indexOf("gap_unit")]).toBe("个百分点");

    const xlsx = path.join(dir, "export.xlsx");
    const written = await luoshi("export", "--format", "xlsx", "--out", xlsx);
    expect(written.stderr).toMatch(/wrote \d+ rows/);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe("PK");
    expect((await luoshi("export", "--format", "xlsx")).code).toBe(2);
  });

  // After the export above, which counts every stored target.
  it("refuses to export a jurisdiction it does not hold, in one line, writing no file", async () => {
    const out = path.join(dir, "unknown.csv");
    const result = await luoshi("export", "--code", "999999", "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("luoshi export: no jurisdiction has the code 999999; nothing was written");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a text whose jurisdiction or year is unknown, naming --code and --year, then imports it with them", async () => {
    const unplaced = path.join(dir, "unplaced.txt");
    writeFileSync(
      unplaced,
      "政府工作报告解读：主要预期目标已经明确\n\n本报讯 记者从日前召开的人民代表大会上获悉，政府工作报告提出，" +
        "2021年经济社会发展的主要预期目标是：地区生产总值增长6%以上；一般公共预算收入增长5%左右；" +
        "城镇新增就业1.2万人；居民消费价格涨幅控制在3%左右；城镇登记失业率控制在4.5%以内。\n",
    );
    const undated = path.join(dir, "undated.txt");
    writeFileSync(undated, readFileSync(unplaced, "utf8").replace("2021年", "今年"));
    const before = await counts();
    const refused = await luoshi("import", unplaced, undated);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/documents: 0 new, 0 unchanged, 2 failed/);
    expect(refused.stderr).toContain(
      "unplaced.txt: no jurisdiction could be identified: give it with --code <GB/T 2260 code>; nothing was imported",
    );
    expect(refused.stderr).toMatch(
      /undated\.txt: no jurisdiction could be identified, nor the report's year: give them with --code <GB\/T 2260 code> and --year <year>/,
    );
    expect(await counts()).toEqual(before);

    const yearOnly = await luoshi("import", "--year", "2021", undated);
    expect(yearOnly.code).toBe(1);
    expect(yearOnly.stderr).toMatch(/undated\.txt: no jurisdiction could be identified: give it with --code/);

    // The two texts differ by a word: the second imported (files go in name order) is a near-duplicate of the first,
    // skipped until the user chooses.
    const imported = await luoshi("import", "--code", "370213", "--year", "2021", unplaced, undated);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^documents: 1 new, 0 unchanged, 0 failed, 1 skipped as near-duplicates$/m);
    expect(imported.stderr).toMatch(
      /unplaced\.txt: a near-duplicate of .*undated\.txt \(370213, 2021; \d+% of its sentences\): skipped; import it with --on-duplicate replace or keep/,
    );
    const kept = await luoshi("import", "--code", "370213", "--year", "2021", "--on-duplicate", "keep", unplaced);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/^documents: 1 new, 0 unchanged, 0 failed$/m);
    expect(kept.stderr).toMatch(
      /unplaced\.txt: a near-duplicate of .*undated\.txt .*: kept beside it as a review source/,
    );
    expect((await luoshi("import", "--on-duplicate", "merge", undated)).code).toBe(2);
    const db = createDb(database.target);
    try {
      const reports = await db.report.findMany({
        where: { jurisdictionCode: "370213" },
        select: { planYear: true, kind: true },
        orderBy: { position: "asc" },
      });
      expect(reports).toEqual(
        expect.arrayContaining([
          { planYear: 2021, kind: "work_report" },
          { planYear: null, kind: "review_source" },
        ]),
      );
      expect(await db.target.count({ where: { jurisdictionCode: "370213", planYear: 2021 } })).toBeGreaterThan(3);
    } finally {
      await db.$disconnect();
    }
  });

  async function targetsOf2020(): Promise<number> {
    const db = createDb(database.target);
    try {
      return await db.target.count({ where: { planYear: 2020 } });
    } finally {
      await db.$disconnect();
    }
  }
});

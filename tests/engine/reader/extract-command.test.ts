/**
 * `luoshi extract`: one valid JSON document on stdout whatever the input, one message per unreadable file on stderr,
 * a non-zero status only when nothing could be read, usage errors for bad flags.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "@/lib/cli/command";
import { main } from "@/lib/cli/main";
import { ZExtractOutput } from "@/lib/schemas/extraction";
import { corpusPath, NATIONAL, SEEDS } from "./corpus";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

async function run(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

describe("luoshi extract", () => {
  let dir = "";
  let bad: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "luoshi-extract-"));
    bad = {
      png: join(dir, "scan.png"),
      empty: join(dir, "empty.txt"),
      notReport: join(dir, "notes.txt"),
      garbled: join(dir, "garbled.txt"),
      missing: join(dir, "missing.txt"),
      directory: dir,
    };
    await writeFile(bad.png as string, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    await writeFile(bad.empty as string, "");
    await writeFile(bad.notReport as string, "会议纪要：下午三点开会，讨论办公室搬迁事宜。");
    await writeFile(
      bad.garbled as string,
      Uint8Array.from({ length: 32 }, (_, i) => (i % 2 === 0 ? 0x80 : 0xff)),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints one JSON document for good and bad files together, and names each bad file once on stderr", async () => {
    const good = [corpusPath(SEEDS.shinanTwoYears), corpusPath(SEEDS.kuiwen2025)];
    const { status, stdout, stderr } = await run(["extract", ...good, ...Object.values(bad), "--json"]);
    expect(status).toBe(0);
    const output = ZExtractOutput.parse(JSON.parse(stdout));
    expect(output.documents.map((d) => [d.file, d.reports.map((r) => r.year)])).toEqual([
      [good[0], [2019, 2020]],
      [good[1], [2025]],
    ]);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(Object.keys(bad).length);
    for (const file of Object.values(bad)) expect(lines.filter((line) => line.includes(`${file}:`))).toHaveLength(1);
  });

  it("reads a .jsonl corpus line by line, reporting the lines that are not reports", async () => {
    const { status, stdout, stderr } = await run(["extract", corpusPath(NATIONAL), "--json"]);
    expect(status).toBe(0);
    expect(ZExtractOutput.parse(JSON.parse(stdout)).documents).toHaveLength(52);
    expect(stderr.trim().split("\n")).toHaveLength(20);
  });

  it("exits non-zero, with nothing on stdout, when no file could be read", async () => {
    const { status, stdout, stderr } = await run(["extract", bad.empty as string, bad.png as string, "--json"]);
    expect(status).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain("no file could be read");
  });

  it("summarises each report without --json", async () => {
    const { status, stdout } = await run(["extract", corpusPath(SEEDS.shinan2025)]);
    expect(status).toBe(0);
    expect(stdout).toContain("青岛市市南区 (370202) · 2025 work report");
    expect(stdout).toContain("headline targets:");
    expect(stdout).toContain("地区生产总值: growth ≥5.5%");
  });

  it.each([
    [["extract", "--jsno", "a.txt"], "--jsno"],
    [["extract", "--json"], "give at least one file"],
  ])("answers %j with a usage error", async (argv, message) => {
    const { status, stdout, stderr } = await run(argv);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: luoshi extract");
  });

  it("works through the installed entry point", async () => {
    const { stdout } = await promisify(execFile)(
      "node",
      ["lib/cli/bin.mjs", "extract", corpusPath(SEEDS.shinanNews), "--json"],
      { cwd: REPO },
    );
    const [report] = ZExtractOutput.parse(JSON.parse(stdout)).documents[0]?.reports ?? [];
    expect(report).toMatchObject({
      kind: "review_source",
      code: "370202",
      year: 2018,
      planYear: null,
      reviewYear: 2018,
    });
  });
});

describe("luoshi extract --explain", () => {
  let dir = "";
  let news = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "luoshi-explain-"));
    news = join(dir, "news.txt");
    // A news item written for this test: last year's results, this year's list, a five-year goal, an ordinal.
    await writeFile(
      news,
      [
        "本报讯 1月10日，望川市第十七届人民代表大会第三次会议开幕，市长代表市人民政府作政府工作报告。",
        "报告指出，2023年全市地区生产总值增长6.1%，城镇新增就业3.2万人。",
        "2024年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。",
        "到2027年，全市地区生产总值突破5000亿元。",
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("says for every figure which rule kept or dropped it", async () => {
    const { status, stdout } = await run(["extract", "--explain", news]);
    expect(status).toBe(0);
    const figure = (text: string) => {
      const at = stdout.indexOf(`【${text}】`);
      expect(at, text).toBeGreaterThan(0);
      const next = stdout.indexOf("【", at + 1);
      return stdout.slice(at, next < 0 ? undefined : next);
    };
    expect(figure("6%左右")).toMatch(/→ target 地区生产总值 growth ≈6% \(headline\)/);
    expect(figure("6%左右")).toMatch(/\+ headline: an item of the headline list/);
    expect(figure("6.1%")).toMatch(/→ outcome 地区生产总值 6\.1% of 2023/);
    expect(figure("6.1%")).toMatch(/\+ outcome: an outcome of 2023/);
    expect(figure("突破5000亿元")).toMatch(/→ not read/);
    expect(figure("突破5000亿元")).toMatch(/- (?:outcome|statement|plan|part): /);
    expect(figure("三次")).toMatch(/- refiner: /);
  });

  it("refuses --json with --explain", async () => {
    const { status, stderr } = await run(["extract", "--json", "--explain", news]);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/cannot be combined/);
  });
});

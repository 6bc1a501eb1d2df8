import { describe, expect, it } from "vitest";
import { main } from "@/lib/cli/main";
import { ZAnalyzeOutput } from "@/lib/schemas/extraction";
import { corpusPath } from "./corpus";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(["analyze", ...argv], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { status, stdout, stderr };
}

const SEED_2019_2020 = corpusPath("seeds/001_afcc151cafc2b4a6.txt");
const SEED_2025 = corpusPath("seeds/003_c60be1a80293fcb0.txt");

describe("luoshi analyze", () => {
  it("prints the analyze JSON of extraction.md with --json", async () => {
    const { status, stdout, stderr } = await run(SEED_2019_2020, "--json");
    expect(status).toBe(0);
    expect(stderr).toBe("");
    const output = ZAnalyzeOutput.parse(JSON.parse(stdout));
    expect(output.documents).toHaveLength(1);
    expect(output.documents[0]?.reports).toHaveLength(2);
    const pair2019 = output.pairs.find((pair) => pair.year === 2019);
    expect(pair2019?.review).toEqual({ file: SEED_2019_2020, report: 1 });
    expect(pair2019?.matches.some((m) => m.verdict === "met")).toBe(true);
    // The report texts stay out of the JSON, as in extract.
    expect(stdout).not.toContain('"text": "政府工作报告');
  });

  it("gives a plan without review `review: null` and pending for every target", async () => {
    const { status, stdout } = await run("--json", SEED_2025);
    expect(status).toBe(0);
    const [pair, ...others] = ZAnalyzeOutput.parse(JSON.parse(stdout)).pairs;
    expect(others).toEqual([]);
    expect(pair).toMatchObject({ code: "370705", year: 2025, review: null });
    expect(pair?.matches.length).toBeGreaterThan(0);
    expect(pair?.matches.every((m) => m.verdict === "pending" && m.outcome === null)).toBe(true);
  });

  it("applies --tolerance to about targets", async () => {
    const reasonOf = async (...flags: string[]) => {
      const { stdout } = await run(SEED_2019_2020, "--json", ...flags);
      const pair = ZAnalyzeOutput.parse(JSON.parse(stdout)).pairs.find((p) => p.year === 2019);
      return pair?.matches.find((m) => m.target.indicator === "地区生产总值");
    };
    expect(await reasonOf()).toMatchObject({ verdict: "missed", reason: "实际6% < 目标7%" });
    expect(await reasonOf("--tolerance", "1")).toMatchObject({ verdict: "met", reason: "实际6% ≥ 目标7%(容差1)" });
    expect(await reasonOf("--tolerance=0.5")).toMatchObject({ verdict: "missed" });
  });

  it("prints a table per pair without --json", async () => {
    const { status, stdout } = await run(SEED_2019_2020);
    expect(status).toBe(0);
    expect(stdout).toContain("青岛市市南区 (370202) 2019年");
    expect(stdout).toMatch(/全区生产总值增长7%左右\s+6%\(预计\)\s+未完成\s+0\.\d\d/);
    expect(stdout).toMatch(/合计: 完成 \d+ · 未完成 \d+ · 无结果 \d+ · 待复核 \d+/);
  });

  it.each([
    [["--tolerance", "abc"], "--tolerance must be a number ≥ 0"],
    [["--tolerance", "-1"], "--tolerance"],
    [["--tolerance=-1"], "--tolerance must be a number ≥ 0"],
    [["--tolerance"], "--tolerance"],
    [["--colour"], "Unknown option '--colour'"],
    [[], "give at least one report file"],
  ])("refuses %j with a usage message and status 2", async (flags, message) => {
    const { status, stdout, stderr } = await run(...(flags.length > 0 ? [SEED_2025, ...flags] : []));
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: luoshi analyze");
  });

  it("reports an unreadable file on stderr and goes on with the others", async () => {
    const missing = corpusPath("seeds/no-such-report.txt");
    const { status, stdout, stderr } = await run(missing, SEED_2025, "--json");
    expect(status).toBe(0);
    expect(stderr).toContain("no-such-report.txt");
    expect(ZAnalyzeOutput.parse(JSON.parse(stdout)).documents).toHaveLength(1);
  });

  it("exits 1 with no partial JSON when no file could be read", async () => {
    const { status, stdout, stderr } = await run(corpusPath("seeds/no-such-report.txt"), "--json");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("no file could be read");
  });
});

/**
 * Attacks on `luoshi extract` and `luoshi analyze` through the installed entry point: reports the reader chokes on
 * among good ones, files too large to read, devices and pipes, a reader that closes the output early or stops
 * reading, and outputs larger than the process may hold.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "@/lib/cli/command";
import { exitStatus, forEachDocument } from "@/lib/cli/read-inputs";
import { ZExtractedDocument } from "@/lib/schemas/extraction";
import { synthReports } from "@/lib/synth/report";
import { NATIONAL, seedPath } from "../support/corpus";
import { cpuSeconds, runCli, runCliClosingAfter, STACK_FRAME, stderrLines } from "./run-cli";

const MB = 1024 * 1024;

let dir = "";
const files = {
  digits400: "",
  crash: "",
  huge: "",
  fifo: "",
  many: "",
};
const GOOD = [seedPath("003"), seedPath("002")];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "luoshi-cli-attack-"));
  // A real report whose GDP target has 400 digits: a double overflows to Infinity, which JSON cannot hold.
  files.digits400 = path.join(dir, "digits-400.txt");
  const report = readFileSync(seedPath("001"), "utf8");
  const attacked = report.replace("全区生产总值增长7%左右", `全区生产总值增长${"9".repeat(400)}%左右`);
  expect(attacked).not.toBe(report);
  writeFileSync(files.digits400, attacked);
  // 200 000 figures in one sentence: the reader runs out of stack on it (3.4 MB, well under the size limit).
  files.crash = path.join(dir, "one-sentence.txt");
  writeFileSync(files.crash, `某某区人民政府工作报告\n${"增长7%左右，".repeat(200_000)}`);
  // 2 GB, sparse: costs no disk, and must cost no memory either.
  files.huge = path.join(dir, "huge.txt");
  writeFileSync(files.huge, "");
  truncateSync(files.huge, 2 * 1024 * MB);
  // 100 synthetic reports, one per line.
  files.many = path.join(dir, "many.jsonl");
  const reports = [...synthReports({ jurisdictions: 10, years: 10, targets: 60, firstYear: 2016, seed: 7 })];
  writeFileSync(files.many, reports.map((r) => `${JSON.stringify({ content: r.text })}\n`).join(""));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** No stack frame, no raw error dump: every line of stderr is `luoshi <command>: …`. */
function expectOneLiners(stderr: string, command: string) {
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stderr).not.toMatch(/ZodError|"code": "invalid_type"|Error:/);
  for (const line of stderrLines(stderr)) expect(line).toMatch(new RegExp(`^luoshi ${command}: `));
}

describe("reports made to choke the reader, among good ones", () => {
  it.each([
    ["extract", "--json"],
    ["analyze", "--json"],
  ])("%s %s reads a 400-digit figure and a sentence of 200 000 figures beside good files", async (command, flag) => {
    for (const bad of [files.digits400, files.crash]) {
      const result = await runCli([command, flag, GOOD[0] as string, bad, GOOD[1] as string]);
      expectOneLiners(result.stderr, command);
      expect(stderrLines(result.stderr)).toEqual([]);
      expect(result.code).toBe(0);
      const output = JSON.parse(result.stdout) as { documents: { file: string; reports: unknown[] }[] };
      expect(output.documents.map((document) => document.file)).toEqual([GOOD[0], bad, GOOD[1]]);
      // The absurd figure is no figure: nothing printed that JSON cannot represent or no report states.
      expect(result.stdout).not.toMatch(/"(?:value|min|max|stretch)": -?(?:\d{17,}|\d(?:\.\d+)?e\+\d+)/);
      if (command === "analyze") expect((output as { pairs?: unknown[] }).pairs?.length).toBeGreaterThan(0);
    }
  });

  it("extract without --json prints every file's summary", async () => {
    const result = await runCli(["extract", GOOD[0] as string, files.crash, GOOD[1] as string]);
    expectOneLiners(result.stderr, "extract");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("潍坊市奎文区 (370705) · 2025 work report");
    expect(result.stdout).toContain("(370613) · 2024 work report");
  });

  it("says why a document failed in one line, and shows the stack only with LUOSHI_DEBUG=1", async () => {
    const failOnce = async (debug: boolean) => {
      let stderr = "";
      const io: CliIO = { stdout: () => undefined, stderr: (text) => (stderr += text) };
      const before = process.env.LUOSHI_DEBUG;
      if (debug) process.env.LUOSHI_DEBUG = "1";
      else delete process.env.LUOSHI_DEBUG;
      try {
        await forEachDocument("extract", [seedPath("003")], io, {}, async () => {
          throw new Error("the store is gone\n    at somewhere (lib/db/import.ts:1:1)");
        });
      } finally {
        if (before === undefined) delete process.env.LUOSHI_DEBUG;
        else process.env.LUOSHI_DEBUG = before;
      }
      return stderr;
    };
    const plain = await failOnce(false);
    expect(stderrLines(plain)).toEqual([`luoshi extract: ${seedPath("003")}: the store is gone`]);
    expect(plain).not.toMatch(STACK_FRAME);
    expect(await failOnce(true)).toMatch(STACK_FRAME);
  });
});

describe("each document on its own", () => {
  it("a document that fails is named in one line; the others are still handed over", async () => {
    let stderr = "";
    const io: CliIO = { stdout: () => undefined, stderr: (text) => (stderr += text) };
    const seen: string[] = [];
    let failing = "";
    const tally = await forEachDocument(
      "extract",
      [NATIONAL, seedPath("003")],
      io,
      {},
      async (_document, extracted) => {
        // The tenth document fails as the reader's output did before it refused absurd figures: a 400-digit figure
        // read as Infinity, which the schema refuses.
        if (seen.length === 9 && !failing) {
          failing = extracted.file;
          const report = extracted.reports[0];
          ZExtractedDocument.parse({ ...extracted, reports: [{ ...report, confidence: Infinity }] });
        }
        seen.push(extracted.file);
      },
    );
    expect(failing).toMatch(/jsonl:\d+$/);
    expect(tally.failed).toBe(1);
    expect(tally.read).toBe(seen.length);
    expect(seen).toContain(seedPath("003"));
    expect(seen).not.toContain(failing);
    const failure = stderrLines(stderr).filter((line) => line.includes(`${failing}:`));
    expect(failure).toEqual([
      `luoshi extract: ${failing}: the result failed validation (reports.0.confidence: Invalid input: expected number, received Infinity)`,
    ]);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(exitStatus(tally)).toBe(1);
    expect(exitStatus({ ...tally, failed: 0 })).toBe(0);
    expect(exitStatus({ read: 0, refused: 3, failed: 0 })).toBe(1);
  });
});

describe("files that must not be read", () => {
  it.each(["extract", "analyze"])(
    "%s refuses a 2 GB file without reading it, in little time and memory",
    async (command) => {
      const result = await runCli([command, files.huge, GOOD[0] as string]);
      expect(result.code).toBe(0);
      expect(stderrLines(result.stderr)).toEqual([
        `luoshi ${command}: ${files.huge}: the file is 2048.0 MB; the limit is 50 MB`,
      ]);
      expect(result.stdout).toContain("370705");
      expect(result.maxRssMb).toBeLessThan(300);
      const alone = await runCli([command, files.huge]);
      expect(alone.code).toBe(1);
      expect(alone.maxRssMb).toBeLessThan(300);
    },
  );

  it("refuses a device and a named pipe instead of reading them for ever", async () => {
    const fifo = path.join(dir, "pipe.txt");
    const { execFileSync } = await import("node:child_process");
    execFileSync("mkfifo", [fifo]);
    const result = await runCli(["extract", fifo, "/dev/zero", GOOD[0] as string]);
    expect(result.code).toBe(0);
    expect(stderrLines(result.stderr)).toEqual([
      `luoshi extract: ${fifo}: not a regular file (a device, pipe or socket)`,
      "luoshi extract: /dev/zero: not a regular file (a device, pipe or socket)",
    ]);
  });
});

describe("a reader that goes away or falls behind", () => {
  it.each([
    ["extract", "--json"],
    ["analyze", "--json"],
    ["analyze", "--tolerance=0"],
  ])("`%s %s … | head -c 100` ends quietly with status 0", async (command, flag) => {
    const result = await runCliClosingAfter([command, flag, NATIONAL], 100);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBe(100);
    expectOneLiners(result.stderr, command);
    expect(result.stderr).not.toMatch(/EPIPE|write after end/);
  });

  it("streams an output larger than it ever holds, and waits while the reader does not read", async () => {
    // 25 × 100 documents, about 140 MB of JSON: once held as one string, it took a gigabyte and more.
    const copies = Array.from({ length: 25 }, () => files.many);
    let documents = 0;
    let tail = "";
    let idleCpu = Number.NaN;
    const result = await runCli(["extract", "--json", ...copies], {
      keepStdout: 64,
      onStart: (child) => {
        let paused = false;
        child.stdout.on("data", (chunk: Buffer) => {
          const text = tail + chunk.toString("latin1");
          documents += text.match(/\n {4}\{/g)?.length ?? 0;
          tail = text.slice(-8);
          if (!paused && documents > 200) {
            // Stop reading for 3 s: a writer that honours backpressure stops too, instead of queueing output.
            paused = true;
            child.stdout.pause();
            setTimeout(() => {
              const start = cpuSeconds(child.pid as number);
              setTimeout(() => {
                const end = cpuSeconds(child.pid as number);
                if (start !== null && end !== null) idleCpu = end - start;
                child.stdout.resume();
              }, 2_500);
            }, 500);
          }
        });
      },
    });
    console.log(
      `extract --json of 2 500 documents: ${(result.stdoutBytes / MB).toFixed(0)} MB out, peak RSS ${result.maxRssMb.toFixed(0)} MB, ` +
        `${(result.ms / 1000).toFixed(1)} s; CPU while the reader paused: ${idleCpu.toFixed(2)} s`,
    );
    expect(result.code).toBe(0);
    expect(documents).toBe(2_500);
    expect(result.stdout.startsWith('{\n  "documents": [\n    {')).toBe(true);
    expect(tail.endsWith("}\n  ]\n}\n")).toBe(true);
    expect(result.stdoutBytes).toBeGreaterThan(100 * MB);
    expect(result.maxRssMb).toBeLessThan(350);
    expect(result.stdoutBytes / MB).toBeGreaterThan(result.maxRssMb / 3);
    if (!Number.isNaN(idleCpu)) expect(idleCpu).toBeLessThan(0.5);
  }, 120_000);
});

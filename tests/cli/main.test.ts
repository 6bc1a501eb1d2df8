import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "@/lib/cli/main";

const root = path.resolve(import.meta.dirname, "../..");
const version = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;

function capture() {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: { stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text) },
  };
}

describe("luoshi", () => {
  it("prints its version", async () => {
    const { out, io } = capture();
    expect(await main(["--version"], io)).toBe(0);
    expect(out.stdout).toBe(`${version}\n`);
  });

  it("lists its commands with --help", async () => {
    const { out, io } = capture();
    expect(await main(["--help"], io)).toBe(0);
    expect(out.stdout).toMatch(/^Usage: luoshi <command>/m);
    expect(out.stdout).toMatch(/^ {2}extract /m);
    expect(out.stdout).toMatch(/^ {2}analyze /m);
  });

  it("refuses an unknown command with status 2 and the help on stderr", async () => {
    const { out, io } = capture();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(out.stderr).toMatch(/unknown command "frobnicate"/);
    expect(out.stdout).toBe("");
  });

  it("asks `reread` which reports to read again before touching any database", async () => {
    for (const argv of [["reread"], ["reread", "--all", "--code", "370202"], ["reread", "stray.txt", "--all"]]) {
      const { out, io } = capture();
      expect(await main(argv, io)).toBe(2);
      expect(out.stderr).toMatch(/--all|no file arguments/);
      expect(out.stderr).toMatch(/Usage: luoshi reread/);
    }
  });

  it("runs as `npx luoshi` from the package's bin entry", async () => {
    const { stdout } = await promisify(execFile)("npx", ["--no-install", "luoshi", "--version"], { cwd: root });
    expect(stdout.trim()).toBe(version);
  });
});

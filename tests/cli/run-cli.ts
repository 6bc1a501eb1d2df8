/**
 * Running `luoshi` as users do, through lib/cli/bin.mjs in a child process, with its exit status, output, wall time
 * and peak resident memory (the child's own getrusage maxRSS, written at exit by a preloaded module).
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { pathToFileURL } from "node:url";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(ROOT, "lib/cli/bin.mjs");

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Bytes the child wrote to stdout (all of them, even when `keepStdout` kept only the start). */
  stdoutBytes: number;
  ms: number;
  /** Peak resident set size of the child, MB. */
  maxRssMb: number;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Keep at most this many characters of stdout (big outputs are counted, not kept). */
  keepStdout?: number;
  /** Called with the child as soon as it starts (to read or close its stdout). */
  onStart?: (child: ChildProcessWithoutNullStreams) => void;
}

const PRELOAD = `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  if (process.env.LUOSHI_TEST_RSS_FILE) writeFileSync(process.env.LUOSHI_TEST_RSS_FILE, String(process.resourceUsage().maxRSS));
});
`;

/** A stack trace's frame line, as Node prints them. */
export const STACK_FRAME = /^\s+at .+[(:]\d+|node:internal/m;

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-run-"));
  const preload = path.join(dir, "max-rss.mjs");
  const rssFile = path.join(dir, "max-rss");
  writeFileSync(preload, PRELOAD);
  const started = performance.now();
  try {
    const child = spawn(process.execPath, ["--import", pathToFileURL(preload).href, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env, LUOSHI_TEST_RSS_FILE: rssFile },
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdin.end();
    let stdout = "";
    let stdoutBytes = 0;
    let stderr = "";
    const keep = options.keepStdout ?? Number.POSITIVE_INFINITY;
    // Chunks split characters: decode across them.
    const stdoutText = new StringDecoder("utf8");
    const stderrText = new StringDecoder("utf8");
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdout.length < keep) stdout += stdoutText.write(chunk).slice(0, keep - stdout.length);
    });
    child.stdout.on("error", () => undefined);
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += stderrText.write(chunk);
    });
    options.onStart?.(child);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
    );
    let maxRssMb = Number.NaN;
    try {
      maxRssMb = Number(readFileSync(rssFile, "utf8")) / 1024;
    } catch {
      // The child died before its exit handlers ran (a signal).
    }
    return { code, signal, stdout, stderr, stdoutBytes, ms: performance.now() - started, maxRssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run the CLI as `luoshi … | head -c <bytes>` would: its stdout closed once that much has come. */
export function runCliClosingAfter(args: string[], bytes: number, options: CliOptions = {}): Promise<CliResult> {
  let received = 0;
  return runCli(args, {
    ...options,
    keepStdout: bytes,
    onStart: (child) =>
      child.stdout.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received >= bytes) child.stdout.destroy();
      }),
  });
}

/** CPU seconds (user + system) a running process has used so far, from /proc; null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Lines of stderr, without empty ones. */
export const stderrLines = (stderr: string) => stderr.split("\n").filter((line) => line.trim() !== "");

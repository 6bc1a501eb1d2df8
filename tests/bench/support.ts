/**
 * What every benchmark shares, so that each says the same things the same way: the durability settings of the
 * database it timed (read back from the database, not assumed), the PostgreSQL cluster it starts (durable unless
 * LUOSHI_BENCH_PG_DURABLE=0, and then labelled so), HTTP requests that time out and are counted when they fail,
 * per-route percentiles with their error counts, the CLI in a child process, and an overall deadline that stops a
 * suite (its app, its cluster, its child processes) instead of letting it hang.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { ROOT } from "@/lib/db/migrate";
import type { Provider } from "@/lib/db/providers";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/lib/db/tools/throwaway-postgres";

const CLI = path.join(ROOT, "lib/cli/bin.mjs");

/** The p-th quantile (0 … 1) of sorted values, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "—");

// ---------------------------------------------------------------------------------------------------------------
// Durability

/** PostgreSQL runs with production durability (fsync, synchronous_commit, full_page_writes on) unless this is "0". */
export const PG_DURABLE = process.env.LUOSHI_BENCH_PG_DURABLE !== "0";

/** A throwaway cluster for a benchmark: durable by default (see PG_DURABLE); `settings` add server settings. */
export async function startBenchPostgres(settings: string[] = []): Promise<ThrowawayPostgres> {
  const cluster = await startThrowawayPostgres({ durable: PG_DURABLE, settings });
  const destroy = atExit(() => cluster.destroy());
  return { ...cluster, destroy: () => void destroy() };
}

/**
 * The settings that decide what a commit costs, as the database reports them through the app's own client: SQLite's
 * journal mode (WAL, which the migrations set on the file) and synchronous level (NORMAL: better-sqlite3's default
 * in WAL mode; the app sets no PRAGMA of its own), PostgreSQL's fsync, synchronous_commit and full_page_writes as
 * the cluster was started.
 */
export async function durabilityOf(db: Db, provider: Provider): Promise<string> {
  if (provider === "sqlite") {
    const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [sync] = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    const level = ["OFF", "NORMAL", "FULL", "EXTRA"][Number(sync?.synchronous)] ?? String(sync?.synchronous);
    const note =
      journal?.journal_mode === "wal" && level === "NORMAL"
        ? ": a commit is not fsynced, only checkpoints are; an app crash loses nothing, a power loss may lose the " +
          "last commits"
        : "";
    return `SQLite journal_mode=${journal?.journal_mode}, synchronous=${level}, as the app runs it${note}`;
  }
  const show = async (name: string) =>
    (await db.$queryRawUnsafe<Record<string, string>[]>(`SHOW ${name}`))[0]?.[name] ?? "?";
  const fsync = await show("fsync");
  const commit = await show("synchronous_commit");
  const pages = await show("full_page_writes");
  const buffers = await show("shared_buffers");
  const durable = fsync === "on" && commit === "on" && pages === "on";
  return (
    `PostgreSQL fsync=${fsync}, synchronous_commit=${commit}, full_page_writes=${pages}, shared_buffers=${buffers}` +
    (durable ? " (durable, as in production)" : " (NOT DURABLE: LUOSHI_BENCH_PG_DURABLE=0, a crash may lose commits)")
  );
}

/** How a database is named in figures: PostgreSQL run without durability says so on every line. */
export const databaseLabel = (provider: Provider) =>
  provider === "sqlite" ? "SQLite" : PG_DURABLE ? "PostgreSQL" : "PostgreSQL (non-durable)";

// ---------------------------------------------------------------------------------------------------------------
// HTTP with a timeout

/** Every benchmark request gives up after this long (LUOSHI_BENCH_REQUEST_TIMEOUT_S, default 30 s), counted as failed. */
export const REQUEST_TIMEOUT_MS = Number(process.env.LUOSHI_BENCH_REQUEST_TIMEOUT_S ?? 30) * 1000;

export interface Timed {
  ms: number;
  status: number | null;
  bytes: number;
  /** Null for a 2xx answer; else `HTTP 503`, `timeout`, or the network error's name. */
  error: string | null;
  /** The parsed JSON body, when asked for and readable. */
  json?: unknown;
  headers: Headers | null;
}

/** One request, timed until its last byte, that never throws and never waits longer than REQUEST_TIMEOUT_MS. */
export async function timedFetch(
  url: string,
  init: RequestInit = {},
  options: { json?: boolean; ok?: (status: number) => boolean } = {},
): Promise<Timed> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      redirect: "manual",
      ...init,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const elapsed = performance.now() - started;
    let json: unknown;
    if (options.json) {
      try {
        json = JSON.parse(new TextDecoder().decode(body));
      } catch {
        json = undefined;
      }
    }
    const ok = (options.ok ?? ((status: number) => status >= 200 && status < 300))(response.status);
    return {
      ms: elapsed,
      status: response.status,
      bytes: body.byteLength,
      error: ok ? null : `HTTP ${response.status}`,
      json,
      headers: response.headers,
    };
  } catch (error) {
    const name = (error as Error).name;
    const kind = name === "TimeoutError" || name === "AbortError" ? `timeout ${REQUEST_TIMEOUT_MS / 1000} s` : name;
    return { ms: performance.now() - started, status: null, bytes: 0, error: kind, headers: null };
  }
}

/** Latencies and failures per route; failed requests are counted, never timed into the percentiles. */
export class RouteStats {
  readonly routes = new Map<string, { times: number[]; errors: Map<string, number>; bytes: number }>();

  record(route: string, result: Timed): void {
    let entry = this.routes.get(route);
    if (!entry) {
      entry = { times: [], errors: new Map(), bytes: 0 };
      this.routes.set(route, entry);
    }
    if (result.error === null) {
      entry.times.push(result.ms);
      entry.bytes = result.bytes;
    } else entry.errors.set(result.error, (entry.errors.get(result.error) ?? 0) + 1);
  }

  summary(route: string): { p50: number; p95: number; ok: number; failed: number; errors: string; bytes: number } {
    const entry = this.routes.get(route);
    const times = [...(entry?.times ?? [])].sort((a, b) => a - b);
    const failed = [...(entry?.errors.values() ?? [])].reduce((sum, n) => sum + n, 0);
    const errors = [...(entry?.errors ?? [])].map(([kind, n]) => `${n}× ${kind}`).join(", ");
    return {
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      ok: times.length,
      failed,
      errors,
      bytes: entry?.bytes ?? 0,
    };
  }

  /** `p50 / p95 ms, n ok, k failed (…)` for a table cell. */
  cell(route: string): string {
    const s = this.summary(route);
    const failures = s.failed > 0 ? `, ${s.failed} failed (${s.errors})` : ", 0 failed";
    return `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} ms (${s.ok} ok${failures})`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Deadline and clean-up

const cleanups = new Set<() => unknown>();

/**
 * Run `cleanup` when the suite's deadline passes or it is interrupted (SIGINT, SIGTERM), or when the returned function
 * is called (then only once). For clusters, apps and child processes a suite must not leave behind.
 */
export function atExit(cleanup: () => unknown): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    cleanups.delete(once);
    await cleanup();
  };
  cleanups.add(once);
  return once;
}

/** Kill a child process (an import, an app) on the deadline; returns the releaser to call once it has exited. */
export const killAtExit = (child: ChildProcess) =>
  atExit(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

async function stopEverything(why: string, code: number): Promise<never> {
  console.error(`\n${why}: stopping (apps, clusters and child processes are cleaned up)`);
  const all = [...cleanups].reverse();
  await Promise.race([
    Promise.allSettled(all.map((cleanup) => cleanup())),
    new Promise((resolve) => setTimeout(resolve, 20_000)),
  ]);
  process.exit(code);
}

let deadlineAt: number | null = null;

/**
 * The suite's overall deadline: LUOSHI_BENCH_DEADLINE_AT (epoch ms, set by `npm run bench` for each suite from its own
 * deadline), else LUOSHI_BENCH_DEADLINE_MIN minutes from now, else `defaultMinutes`. Past it the suite stops with
 * status 124 after cleaning up; SIGINT and SIGTERM clean up too. The first call arms it; later calls return it.
 */
export function armDeadline(suite: string, defaultMinutes: number): { at: number; minutes: number } {
  if (deadlineAt !== null) return { at: deadlineAt, minutes: (deadlineAt - Date.now()) / 60_000 };
  const fromRunner = Number(process.env.LUOSHI_BENCH_DEADLINE_AT);
  const minutes = Number(process.env.LUOSHI_BENCH_DEADLINE_MIN ?? defaultMinutes);
  const at = Number.isFinite(fromRunner) && fromRunner > 0 ? fromRunner : Date.now() + minutes * 60_000;
  deadlineAt = at;
  const timer = setTimeout(
    () => void stopEverything(`${suite}: the deadline (${new Date(at).toISOString()}) passed`, 124),
    Math.max(0, at - Date.now()),
  );
  timer.unref();
  process.once("SIGINT", () => void stopEverything(`${suite}: interrupted`, 130));
  process.once("SIGTERM", () => void stopEverything(`${suite}: terminated`, 143));
  return { at, minutes: (at - Date.now()) / 60_000 };
}

/** Milliseconds left before the deadline (Infinity when none is armed). */
export const remainingMs = () => (deadlineAt === null ? Number.POSITIVE_INFINITY : deadlineAt - Date.now());

/** `promise`, or a rejection after `timeoutMs` naming `what` (for awaits that have no timeout of their own). */
export function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------------------------
// The CLI in a child process

export interface CliRun {
  stdout: string;
  seconds: number;
  /** Peak resident memory of the child (VmHWM, polled every 200 ms). */
  peakMb: number;
  code: number | null;
  stderr: string;
}

/**
 * Start `luoshi …` in a child process (killed on the deadline); `done` resolves when it exits, whatever its status.
 * `progress` prints a line a minute for long runs.
 */
export function startCli(args: string[], env: NodeJS.ProcessEnv, label: string, progress = true) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const release = killAtExit(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // exited between polls
    }
  }, 200);
  const ticker = progress
    ? setInterval(() => {
        const minutes = ((performance.now() - started) / 60_000).toFixed(1);
        console.log(`  ${label}: ${minutes} min, peak ${(peakKb / 1024).toFixed(0)} MB so far`);
      }, 60_000)
    : null;
  const done = new Promise<CliRun>((resolve) => {
    child.on("close", (code) => {
      clearInterval(poll);
      if (ticker) clearInterval(ticker);
      void release();
      resolve({ stdout, stderr, code, seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 });
    });
  });
  return { child, done };
}

/** Run `luoshi …` to completion; throws with its stderr unless it exits with 0. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, label: string): Promise<CliRun> {
  const run = await startCli(args, env, label).done;
  if (run.code !== 0) throw new Error(`luoshi ${args[0]} exited with ${run.code}:\n${run.stderr}`);
  return run;
}

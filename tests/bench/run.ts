/**
 * `npm run bench [suite…]`: prints speed and memory figures of the engine and the app; no assertions (tests never
 * assert timings). Each suite runs in a process of its own so that its peak memory is its own.
 *
 * The whole run has a deadline, LUOSHI_BENCH_DEADLINE_MIN minutes (default 90): each suite is given what is left of
 * it (LUOSHI_BENCH_DEADLINE_AT), stops itself past it after cleaning up (support.ts), and is terminated 60 s later
 * if it has not; suites not started by then are reported as skipped. A suite that fails or is stopped is reported at
 * the end and the run exits with 1, after the other suites have run.
 */
import { spawnSync } from "node:child_process";
import { armDeadline } from "./support";

const SUITES: Record<string, { module: string; run: string }> = {
  extract: { module: "./extract.ts", run: "benchExtract" },
  analyze: { module: "./analyze.ts", run: "benchAnalyze" },
  store: { module: "./store.ts", run: "benchStore" },
  reread: { module: "./reread.ts", run: "benchReread" },
  pages: { module: "./pages.ts", run: "benchPages" },
  export: { module: "./export.ts", run: "benchExport" },
  load: { module: "./load.ts", run: "benchLoad" },
  peers: { module: "./peers.ts", run: "benchPeers" },
};

const [flag, suiteName] = process.argv.slice(2);
if (flag === "--in-process" && suiteName) {
  const suite = SUITES[suiteName];
  if (!suite) throw new Error(`unknown bench suite ${suiteName}`);
  const module = (await import(suite.module)) as Record<string, () => Promise<void>>;
  const run = module[suite.run];
  if (!run) throw new Error(`${suite.module} does not export ${suite.run}`);
  armDeadline(suiteName, Number(process.env.LUOSHI_BENCH_DEADLINE_MIN ?? 90));
  await run();
  // An app's or a pool's open handles must not keep a finished suite alive.
  process.exit(0);
} else {
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    console.error(`unknown bench suite ${unknown.join(", ")}; suites: ${Object.keys(SUITES).join(", ")}`);
    process.exit(2);
  }
  const minutes = Number(process.env.LUOSHI_BENCH_DEADLINE_MIN ?? 90);
  const deadline = Date.now() + minutes * 60_000;
  console.log(`deadline: ${minutes} min for the whole run (LUOSHI_BENCH_DEADLINE_MIN)`);
  const problems: string[] = [];
  for (const name of Object.keys(SUITES)) {
    if (chosen.length > 0 && !chosen.includes(name)) continue;
    console.log(`\n== ${name} ==`);
    const left = deadline - Date.now();
    if (left <= 0) {
      problems.push(`${name}: skipped, the deadline had passed`);
      continue;
    }
    const started = Date.now();
    const result = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--in-process", name], {
      stdio: "inherit",
      env: { ...process.env, LUOSHI_BENCH_DEADLINE_AT: String(deadline) },
      timeout: left + 60_000,
      killSignal: "SIGTERM",
    });
    const took = `${((Date.now() - started) / 1000).toFixed(0)} s`;
    if (result.error) problems.push(`${name}: ${result.error.message} after ${took}`);
    else if (result.signal) problems.push(`${name}: stopped by ${result.signal} after ${took}`);
    else if (result.status === 124) problems.push(`${name}: stopped at the deadline after ${took}`);
    else if (result.status !== 0) problems.push(`${name}: exited with ${result.status} after ${took}`);
    else console.log(`(${name}: ${took})`);
  }
  if (problems.length > 0) {
    console.error(`\n${problems.join("\n")}`);
    process.exit(1);
  }
}

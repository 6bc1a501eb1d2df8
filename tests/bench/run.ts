/**
 * `npm run bench [suite…]`: prints speed and memory figures of the engine and the app; no assertions (tests never
 * assert timings). Each suite runs in a process of its own so that its peak memory is its own.
 */
import { execFileSync } from "node:child_process";

const SUITES: Record<string, { module: string; run: string }> = {
  extract: { module: "./extract.ts", run: "benchExtract" },
  analyze: { module: "./analyze.ts", run: "benchAnalyze" },
  store: { module: "./store.ts", run: "benchStore" },
  reread: { module: "./reread.ts", run: "benchReread" },
  pages: { module: "./pages.ts", run: "benchPages" },
};

const [flag, suiteName] = process.argv.slice(2);
if (flag === "--in-process" && suiteName) {
  const suite = SUITES[suiteName];
  if (!suite) throw new Error(`unknown bench suite ${suiteName}`);
  const module = (await import(suite.module)) as Record<string, () => Promise<void>>;
  const run = module[suite.run];
  if (!run) throw new Error(`${suite.module} does not export ${suite.run}`);
  await run();
} else {
  const chosen = process.argv.slice(2);
  for (const name of Object.keys(SUITES)) {
    if (chosen.length > 0 && !chosen.includes(name)) continue;
    console.log(`\n== ${name} ==`);
    execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--in-process", name], {
      stdio: "inherit",
    });
  }
}

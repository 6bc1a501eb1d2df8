/**
 * The app under load, on SQLite and on PostgreSQL: the production build (`next start`, one server process) serves
 * READERS (20) concurrent readers, each sending one GET after another (no pause) of the overview page, a scorecard
 * year (API and page), the compare query (API and page, 5 jurisdictions) and the review queue (API and page), while
 * at the same time `luoshi import` runs in a child process (the next year of every synthetic jurisdiction, which
 * judges the stored plans again) and a signed-in editor PATCHes matches through the API one after another (set_verdict,
 * alternately met and missed, on 200 targets in turn). Prints p50/p95 per route with the number of requests that
 * answered 2xx and of those that failed (non-2xx, timeouts after 30 s, network errors; failures are not in the
 * percentiles), the editor's figures, the import's wall time, the concurrency and the duration.
 *
 * The window: at least LUOSHI_LOAD_SECONDS (default 60) and until the import has ended (capped by the deadline).
 * Warm-up, the same on both: each route is requested 5 times, untimed, one at a time, before the window opens.
 * Durability: as the store benchmark (printed; PostgreSQL durable unless LUOSHI_BENCH_PG_DURABLE=0).
 *
 * `npm run bench -- load` loads LUOSHI_LOAD_SCALE (default "100x3x60": jurisdictions × years × targets) synthetic
 * reports of real size into each database first (untimed), then imports the next year of the same 100 jurisdictions
 * during the window; needs a build (`npm run build`, or LUOSHI_TEST_REUSE_BUILD=1 to reuse one). `npm run bench:scale`
 * runs the same load on its 30 000-report databases (scale.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { createAccount } from "@/lib/db/accounts";
import { createDb, type Db } from "@/lib/db/client";
import { applyPendingMigrations, ROOT } from "@/lib/db/migrate";
import { databaseFromEnv, type Provider } from "@/lib/db/providers";
import { hashPassword } from "@/lib/server/auth-password";
import { buildApp, startApp } from "../browser/support/app-server";
import {
  armDeadline,
  atExit,
  databaseLabel,
  durabilityOf,
  REQUEST_TIMEOUT_MS,
  RouteStats,
  remainingMs,
  runCli,
  startBenchPostgres,
  startCli,
  timedFetch,
} from "./support";

export const READERS = 20;
export const LOAD_SECONDS = Number(process.env.LUOSHI_LOAD_SECONDS ?? 60);
const WARM_UP = 5;
const EDIT_TARGETS = 200;
const EDITOR = { name: "基准编辑", password: "bench-editor-password" };
export const EDIT_ROUTE = "editor: PATCH /api/targets/{id}/match";

/**
 * What the timed requests ask for: random plan years, jurisdictions and review pages from the stored data (read once,
 * before the requests). Shared with the sequential timings of scale.ts.
 */
export async function sampleRoutes(db: Db): Promise<Record<string, () => string>> {
  const plans = await db.$queryRaw<{ code: string; year: number | bigint }[]>`
    SELECT "jurisdictionCode" AS code, "year" FROM "YearTally" WHERE "targets" > 0`;
  const [{ total } = { total: 0 }] = await db.$queryRaw<{ total: number | bigint }[]>`
    SELECT CAST(SUM("targetItems" + "unmatchedOutcome") AS INTEGER) AS total FROM "YearTally"`;
  const jurisdictions = await db.jurisdiction.count({ where: { reports: { some: {} } } });
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const plan = () => pick(plans);
  const codes = () => [...new Set(Array.from({ length: 5 }, () => plan().code))].map((c) => `j=${c}`).join("&");
  const reviewPages = Math.max(1, Math.floor(Number(total) / 20));
  const overviewPages = Math.max(1, Math.ceil(jurisdictions / 50));
  const page = (pages: number) => 1 + Math.floor(Math.random() * pages);
  return {
    "overview page": () => `/?page=${page(overviewPages)}`,
    "overview page, search": () => `/?q=${encodeURIComponent("区")}&page=${page(10)}`,
    "jurisdictions API": () => "/api/jurisdictions",
    "scorecard API": () => {
      const { code, year } = plan();
      return `/api/jurisdictions/${code}/years/${year}`;
    },
    "scorecard page": () => {
      const { code, year } = plan();
      return `/j/${code}/${year}`;
    },
    "compare API, 5 jurisdictions": () =>
      `/api/compare?indicator=${encodeURIComponent("地区生产总值")}&measure=growth&${codes()}`,
    "compare page, 5 jurisdictions": () =>
      `/compare?indicator=${encodeURIComponent("地区生产总值")}&measure=growth&${codes()}`,
    "review API, all, first page": () => "/api/review",
    "review API, all, any page": () => `/api/review?page=${page(reviewPages)}`,
    "review API, one reason": () => `/api/review?reason=unmatched_target&page=${page(20)}`,
    "review API, one jurisdiction": () => `/api/review?code=${plan().code}`,
    "review page, all": () => `/review?page=${page(reviewPages)}`,
    "review page, one jurisdiction": () => `/review?code=${plan().code}`,
  };
}

/** The routes the readers of the load run ask for, in turn. */
export const LOAD_ROUTES = [
  "overview page",
  "scorecard API",
  "scorecard page",
  "compare API, 5 jurisdictions",
  "compare page, 5 jurisdictions",
  "review API, all, any page",
  "review page, all",
] as const;

export interface LoadFigures {
  label: string;
  durability: string;
  stats: RouteStats;
  windowSeconds: number;
  edits: RouteStats;
  import: { reports: string; seconds: number; code: number | null; killed: boolean; stderr: string };
}

/** An editor account the load signs in as; call before the app starts (or any time: sign-in reads the database). */
export async function createBenchEditor(db: Db): Promise<void> {
  if (await db.account.findUnique({ where: { name: EDITOR.name } })) return;
  await createAccount(db, { name: EDITOR.name, passwordHash: await hashPassword(EDITOR.password), role: "editor" });
}

/** Targets the editor edits, with their match versions. */
export async function editTargets(db: Db): Promise<{ id: string; version: number }[]> {
  const matches = await db.match.findMany({
    select: { targetId: true, version: true },
    orderBy: { id: "asc" },
    take: EDIT_TARGETS,
  });
  return matches.map((m) => ({ id: m.targetId, version: m.version }));
}

/**
 * One load run against the app at `baseUrl` on the database `databaseUrl`: READERS readers, one editor, and
 * `luoshi import importPath` in a child process, all at once.
 */
export async function runLoad(options: {
  provider: Provider;
  databaseUrl: string;
  baseUrl: string;
  routes: Record<string, () => string>;
  importPath: string;
  targets: { id: string; version: number }[];
  durability: string;
}): Promise<LoadFigures> {
  const { baseUrl, routes } = options;
  const label = databaseLabel(options.provider);
  const stats = new RouteStats();
  const edits = new RouteStats();
  for (const route of LOAD_ROUTES)
    for (let i = 0; i < WARM_UP; i++) await timedFetch(baseUrl + (routes[route] as () => string)());

  const origin = { origin: baseUrl };
  const signIn = await timedFetch(
    `${baseUrl}/api/session`,
    { method: "POST", headers: { "content-type": "application/json", ...origin }, body: JSON.stringify(EDITOR) },
    {},
  );
  edits.record("sign-in", signIn);

  const started = performance.now();
  const minimumEnd = started + LOAD_SECONDS * 1000;
  // Leave two minutes of the deadline for stopping the app and reporting.
  const hardEnd = Math.min(started + Math.max(LOAD_SECONDS * 10, 600) * 1000, Date.now() + remainingMs() - 120_000);
  const importing = startCli(
    ["import", options.importPath],
    { ...process.env, DATABASE_URL: options.databaseUrl, NODE_OPTIONS: "" },
    `${label} import under load`,
    false,
  );
  let importDone = false;
  const imported = importing.done.then((run) => {
    importDone = true;
    return run;
  });
  const open = () => performance.now() < hardEnd && (performance.now() < minimumEnd || !importDone);

  const reader = async (index: number) => {
    for (let i = index; open(); i++) {
      const route = LOAD_ROUTES[i % LOAD_ROUTES.length] as string;
      stats.record(route, await timedFetch(baseUrl + (routes[route] as () => string)()));
    }
  };
  const cookie = (signIn.headers?.get("set-cookie") ?? "").split(";")[0] ?? "";
  const editor = async () => {
    if (signIn.error !== null || !cookie) return;
    for (let i = 0; open(); i++) {
      const target = options.targets[i % options.targets.length];
      if (!target) return;
      const result = await timedFetch(
        `${baseUrl}/api/targets/${target.id}/match`,
        {
          method: "PATCH",
          headers: { "content-type": "application/json", cookie, ...origin },
          body: JSON.stringify({
            action: "set_verdict",
            verdict: i % 2 === 0 ? "missed" : "met",
            version: target.version,
            note: "基准测试：负载下的编辑",
          }),
        },
        { json: true },
      );
      edits.record(EDIT_ROUTE, result);
      // A stale version (the import judged the year again meanwhile) answers 409 with the current match.
      const body = result.json as { version?: unknown; current?: { version?: unknown } } | undefined;
      const version = body?.version ?? body?.current?.version;
      if (typeof version === "number") target.version = version;
    }
  };
  await Promise.all([...Array.from({ length: READERS }, (_, i) => reader(i)), editor()]);
  const windowSeconds = (performance.now() - started) / 1000;
  let killed = false;
  if (!importDone) {
    killed = true;
    importing.child.kill("SIGKILL");
  }
  const run = await imported;
  return {
    label,
    durability: options.durability,
    stats,
    edits,
    windowSeconds,
    import: {
      reports: run.stdout.trim().split("\n").at(-1) ?? "",
      seconds: run.seconds,
      code: run.code,
      killed,
      stderr: run.stderr,
    },
  };
}

/** The load figures of each database side by side, with what was run stated above them. */
export function printLoad(results: LoadFigures[], importing: string): void {
  if (results.length === 0) return;
  console.log(
    `\nUnder load: ${READERS} concurrent readers (each one GET after another, no pause; routes in turn) + 1 signed-in ` +
      `editor (PATCH set_verdict one after another) + \`luoshi import\` of ${importing} in a child process, at once, ` +
      `against one \`next start\`; the window lasts at least ${LOAD_SECONDS} s and until the import has ended; each ` +
      `request times out after ${REQUEST_TIMEOUT_MS / 1000} s; failed requests are counted, not timed; ` +
      `${WARM_UP} untimed requests per route before the window.\n`,
  );
  for (const r of results) console.log(`  ${r.label}: ${r.durability}`);
  console.log("");
  const row = (name: string, cells: string[]) => console.log(`| ${[name, ...cells].join(" | ")} |`);
  row(
    "under load",
    results.map((r) => r.label),
  );
  row(
    "---",
    results.map(() => "---"),
  );
  for (const route of LOAD_ROUTES)
    row(
      `${route}, p50 / p95`,
      results.map((r) => r.stats.cell(route)),
    );
  row(
    `${EDIT_ROUTE}, p50 / p95`,
    results.map((r) => r.edits.cell(EDIT_ROUTE)),
  );
  row(
    "reader requests per second (all routes)",
    results.map((r) => {
      const total = LOAD_ROUTES.reduce((sum, route) => sum + r.stats.summary(route).ok, 0);
      return `${(total / r.windowSeconds).toFixed(1)} /s`;
    }),
  );
  row(
    "import under load (wall time, exit)",
    results.map(
      (r) =>
        `${r.import.seconds.toFixed(1)} s, ${r.import.killed ? "killed at the window's end" : `exit ${r.import.code}`}`,
    ),
  );
  row(
    "window",
    results.map((r) => `${r.windowSeconds.toFixed(1)} s`),
  );
  for (const r of results) {
    const signIn = r.edits.summary("sign-in");
    if (signIn.failed > 0) console.log(`${r.label}: the editor could not sign in (${signIn.errors}); no edits ran`);
    if (r.import.code !== 0 && !r.import.killed)
      console.log(`${r.label}: the import exited with ${r.import.code}:\n${r.import.stderr}`);
  }
}

const [LOAD_JURISDICTIONS, LOAD_YEARS, LOAD_TARGETS] = (process.env.LUOSHI_LOAD_SCALE ?? "100x3x60")
  .split("x")
  .map(Number) as [number, number, number];
const FIRST_YEAR = 2016;

/** Synthetic reports for a load: `years` from FIRST_YEAR into `out`, or the one year after them with `next`. */
export const synthArgs = (out: string, jurisdictions: number, years: number, targets: number, next = false) => [
  "synth",
  "--jurisdictions",
  String(jurisdictions),
  "--years",
  next ? "1" : String(years),
  "--first-year",
  String(next ? FIRST_YEAR + years : FIRST_YEAR),
  "--targets",
  String(targets),
  "--out",
  out,
];

/** `npm run bench -- load`. */
export async function benchLoad(): Promise<void> {
  armDeadline("load", 45);
  const databases = (process.env.LUOSHI_LOAD_DATABASES ?? "sqlite,postgresql").split(",") as Provider[];
  buildApp();
  mkdirSync(path.join(ROOT, "data"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, "data", "bench-load-"));
  const removeDir = atExit(() => rmSync(dir, { recursive: true, force: true }));
  const cluster = databases.includes("postgresql") ? await startBenchPostgres() : null;
  const results: LoadFigures[] = [];
  try {
    const stored = path.join(dir, "stored");
    const next = path.join(dir, "next");
    await runCli(synthArgs(stored, LOAD_JURISDICTIONS, LOAD_YEARS, LOAD_TARGETS), process.env, "synth");
    await runCli(synthArgs(next, LOAD_JURISDICTIONS, LOAD_YEARS, LOAD_TARGETS, true), process.env, "synth");
    console.log(
      `stored first (untimed): ${LOAD_JURISDICTIONS} jurisdictions × ${LOAD_YEARS} years × ${LOAD_TARGETS} targets ` +
        `of synthetic reports (17–97 KB each); imported under load: the year ${FIRST_YEAR + LOAD_YEARS} of the same ` +
        `${LOAD_JURISDICTIONS} jurisdictions`,
    );
    for (const provider of databases) {
      const databaseUrl =
        provider === "sqlite"
          ? `file:${path.join(dir, "load.db")}`
          : await (cluster as NonNullable<typeof cluster>).createDatabase("load");
      const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" };
      const preload = await runCli(["import", stored], env, `${provider} import`);
      console.log(`${databaseLabel(provider)}: stored in ${preload.seconds.toFixed(1)} s (untimed for the load)`);
      const target = databaseFromEnv({ DATABASE_URL: databaseUrl });
      await applyPendingMigrations(target);
      const db = createDb(target);
      try {
        await createBenchEditor(db);
        const app = await startApp({ databaseUrl });
        const stopApp = atExit(() => app.stop());
        try {
          results.push(
            await runLoad({
              provider,
              databaseUrl,
              baseUrl: app.baseUrl,
              routes: await sampleRoutes(db),
              importPath: next,
              targets: await editTargets(db),
              durability: await durabilityOf(db, provider),
            }),
          );
        } finally {
          await stopApp();
        }
      } finally {
        await db.$disconnect();
      }
    }
    printLoad(results, `${LOAD_JURISDICTIONS} reports (a year more of each jurisdiction)`);
  } finally {
    cluster?.destroy();
    await removeDir();
  }
}

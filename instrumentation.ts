/**
 * Runs once when the app's server starts: settings are checked first, and a bad value (LUOSHI_TOLERANCE=abc) stops
 * the server with a message naming the variable, instead of becoming a default or failing every request (Next.js
 * only logs an error thrown here and serves 500s). Then the background job worker starts (lib/server/job-worker.ts),
 * unless LUOSHI_JOB_WORKER=off; never while `next build` loads this file.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readSettings, SettingsError } = await import("@/lib/settings");
  let settings: ReturnType<typeof readSettings>;
  try {
    settings = readSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const problem of error.problems) console.error(`luoshi: ${problem}`);
    process.exit(1);
  }
  if (!settings.LUOSHI_JOB_WORKER || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobWorker } = await import("@/lib/server/job-worker");
  startJobWorker();
}

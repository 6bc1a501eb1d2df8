/**
 * Runs once when the app's server starts: settings are checked first, and a bad value (LUOSHI_TOLERANCE=abc) stops
 * the server with a message naming the variable, instead of becoming a default or failing every request (Next.js
 * only logs an error thrown here and serves 500s).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readSettings, SettingsError } = await import("@/lib/settings");
  try {
    readSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const problem of error.problems) console.error(`luoshi: ${problem}`);
    process.exit(1);
  }
}

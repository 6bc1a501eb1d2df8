/**
 * Every setting Luoshi reads from its environment, in one zod schema read by the app and the CLI alike. A bad value
 * stops the program with a message naming the variable (the app at start, `instrumentation.ts`; the CLI before any
 * command) instead of silently becoming a default. Empty means unset.
 */
import { z } from "zod";

/** An unset or empty variable: its default applies. */
const unset = (value: unknown) => (value === "" ? undefined : value);

/** A number in [min, max] (whole when `whole`), `fallback` when unset. */
const number = (min: number, max: number, fallback: number, whole: boolean) => {
  const what = `must be ${whole ? "a whole number" : "a number"} from ${min} to ${max}`;
  return z
    .preprocess(
      unset,
      z
        .string()
        .trim()
        .regex(whole ? /^\d+$/ : /^\d+(\.\d+)?$/, what)
        .optional(),
    )
    .transform((text) => (text === undefined ? fallback : Number(text)))
    .pipe(z.number().min(min, what).max(max, what));
};

const secret = z.preprocess(unset, z.string().optional()).transform((value) => value ?? null);

/**
 * A list of cue words (`确保,以上,不低于`; commas, `，` or `、` between them), null when unset so that the defaults
 * apply. Each word is 1–10 characters with no blanks.
 */
const cueList = z
  .preprocess(unset, z.string().optional())
  .transform((text) => (text === undefined ? null : text.split(/[,，、]/).map((word) => word.trim())))
  .pipe(
    z
      .array(z.string().regex(/^\S{1,10}$/, "must list words of 1 to 10 characters, separated by commas"))
      .min(1)
      .nullable(),
  );

const flag = z
  .preprocess(
    unset,
    z.enum(["1", "0", "true", "false"], { error: 'must be "1" or "0" (or "true"/"false")' }).optional(),
  )
  .transform((value) => value === "1" || value === "true");

export const ZSettings = z
  .object({
    /** Tolerance for `about` targets when the app and the CLI judge (verdicts.md). */
    LUOSHI_TOLERANCE: number(0, 100, 0, false),
    /** Connections each app instance may hold to PostgreSQL. */
    LUOSHI_PG_POOL_MAX: number(1, 500, 10, true),
    /** The password of the account `admin` (the quick start's). */
    LUOSHI_EDITOR_PASSWORD: secret,
    /** Bearer token for scripts. */
    LUOSHI_API_TOKEN: secret,
    /** The URL readers use: origin checks and Secure cookies. Its origin is kept. */
    LUOSHI_PUBLIC_URL: z
      .preprocess(unset, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional())
      .transform((url) => (url === undefined ? null : new URL(url).origin)),
    /** A proxy in front appends the client's address to X-Forwarded-For. */
    LUOSHI_TRUST_PROXY: flag,
    /** The password `luoshi editor add`/`passwd` take instead of standard input. */
    LUOSHI_NEW_EDITOR_PASSWORD: secret,
    /**
     * `off`: this app instance runs no background jobs (the re-read editors start); another instance, or a later
     * start with it on, takes them up. On by default.
     */
    LUOSHI_JOB_WORKER: z
      .preprocess(unset, z.enum(["on", "off"], { error: 'must be "on" or "off"' }).optional())
      .transform((value) => value !== "off"),
    /** `luoshi import https://…` may fetch from private, loopback and link-local addresses too (lib/net). */
    LUOSHI_FETCH_ALLOW_PRIVATE: flag,
    /** The CLI prints stacks after its one-line errors. */
    LUOSHI_DEBUG: flag,
    /** Port of `npm run quickstart`. */
    PORT: number(1, 65_535, 3000, true),
    /**
     * Words that make a target hard, and soft, in exports' `strength` column (lib/export/strength.ts holds the
     * defaults, which a list given here replaces). A word may not be in both lists.
     */
    LUOSHI_HARD_CUES: cueList,
    LUOSHI_SOFT_CUES: cueList,
  })
  .superRefine((settings, context) => {
    const both = (settings.LUOSHI_SOFT_CUES ?? []).filter((cue) => settings.LUOSHI_HARD_CUES?.includes(cue));
    if (both.length > 0) {
      context.addIssue({
        code: "custom",
        path: ["LUOSHI_SOFT_CUES"],
        message: `names ${both.join(", ")}, which LUOSHI_HARD_CUES names too`,
      });
    }
  });

export type Settings = z.infer<typeof ZSettings>;

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid settings: ${problems.join("; ")}`);
  }
}

/** The settings of `env` (the process's environment by default), or a SettingsError naming each bad variable. */
export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const parsed = ZSettings.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new SettingsError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "settings");
      const given = env[name];
      // Secrets are any text, never refused: a value repeated here is never one.
      return `${name} ${issue.message}${given === undefined ? "" : ` (it is ${JSON.stringify(given)})`}`;
    }),
  );
}

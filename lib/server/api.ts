/**
 * Route-handler plumbing: every handler validates its input with zod, its output too, and answers expected failures
 * with a clear JSON body and status; anything unexpected is logged and answered with a bare 500, never a stack.
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { DomainError } from "@/lib/db/errors";
import { DatabaseUnavailableError } from "@/lib/db/migrate/errors";
import { LOCALE_COOKIE, type Locale, messages, parseLocale } from "@/lib/i18n";
import { SettingsError } from "@/lib/settings";
import { safeRedirectPath } from "./auth-redirect";
import { JSON_BODY_LIMIT, readBody } from "./body";
import { requestCookie } from "./cookies";

export interface ErrorBody {
  error: string;
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  current?: unknown;
}

export function errorResponse(status: number, body: ErrorBody): Response {
  return Response.json(body, { status });
}

/** The reader's locale (the `luoshi_locale` cookie): what an answer's texts, such as reasons, are written in. */
export function requestLocale(request: Request): Locale {
  return parseLocale(requestCookie(request, LOCALE_COOKIE));
}

/** Parse `input` with `schema`, or throw a 400 carrying zod's field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const flat = z.flattenError(result.error);
    throw new DomainError("invalid input", 400, { fieldErrors: flat.fieldErrors, formErrors: flat.formErrors });
  }
  return result.data;
}

/** The body as JSON, read within `limit` bytes (413 past it): sign-in and edits keep the small default. */
export async function readJson(request: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const bytes = await readBody(request, limit);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DomainError("the body is not valid JSON", 400);
  }
}

/**
 * The URL's query parameters as an object for a zod schema: a parameter given twice becomes a list, which a schema
 * expecting one value refuses (400) instead of silently taking one of them; `lists` names those that are lists.
 */
export function queryOf(request: Request, lists: readonly string[] = []): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  const params = new URL(request.url).searchParams;
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 && !lists.includes(key) ? (values[0] as string) : values;
  }
  return query;
}

/** A route that takes no query parameters refuses any (a misspelt filter would otherwise be silently ignored). */
export function parseNoQuery(request: Request): void {
  parseInput(z.object({}).strict(), queryOf(request));
}

/** JSON response validated against the route's output schema. */
export function respond<S extends z.ZodType>(schema: S, body: z.infer<S>, init?: ResponseInit): Response {
  return Response.json(schema.parse(body), init);
}

/** The database cannot be reached (refused, reset, restarting): a 503, never a 500. */
export function isDatabaseDown(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|57P01|Can't reach database|Connection terminated|database system is (starting up|shutting down)/i.test(
    text,
  );
}

export function handle<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof DomainError) {
        const details = (error.details ?? {}) as Omit<ErrorBody, "error">;
        const body: ErrorBody =
          error.status === 409
            ? { error: error.message, current: error.details }
            : { error: error.message, ...details };
        return errorResponse(error.status, body);
      }
      if (isDatabaseDown(error)) return errorResponse(503, { error: "the database is unavailable; try again shortly" });
      if (error instanceof SettingsError) {
        // The app refuses to start with bad settings (instrumentation.ts); this is for a server started otherwise.
        console.error(error.message);
        return errorResponse(503, { error: "the server's settings are invalid; its log says which" });
      }
      console.error(error);
      return errorResponse(500, { error: "internal error" });
    }
  };
}

/* ---------- pages while the database is down ---------- */

const UNAVAILABLE = {
  "zh-CN": { title: "数据库暂时不可用", body: "暂时无法连接数据库，通常很快就会恢复。请稍后重试。" },
  en: {
    title: "The database is unavailable",
    body: "The database cannot be reached right now; this usually passes quickly. Please try again shortly.",
  },
} as const;

/** Seconds after which a client may retry (Retry-After, and the page's own reload). */
const RETRY_AFTER_SECONDS = 15;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * `GET …/unavailable?next=<path>`: the page shown while the database is down, with status 503 and Retry-After, in the
 * reader's language; it reloads the page it stands for after a while. A server component cannot set a status other
 * than 404/403/401 or a redirect's, so pages redirect here (`unavailableUnlessUp`).
 */
export function unavailablePage(request: Request): Response {
  const locale = requestLocale(request);
  const text = UNAVAILABLE[locale];
  const t = messages(locale);
  // Only a path of this app is offered as the page to retry (no open redirect).
  const next = escapeHtml(safeRedirectPath(new URL(request.url).searchParams.get("next")));
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS};url=${next}">
<meta name="robots" content="noindex">
<title>${escapeHtml(text.title)} · ${escapeHtml(t.app.name)}</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.6">
<main role="alert">
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.body)}</p>
<p><a href="${next}">${escapeHtml(t.errors.retry)}</a> · <a href="/">${escapeHtml(t.errors.backHome)}</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(RETRY_AFTER_SECONDS),
    },
  });
}

/** A page's path (segments as the router decoded them) with its search parameters, as a link back to it. */
export function pathWithQuery(path: string, query: Record<string, string | string[] | undefined> = {}): string {
  const encoded = path
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
  const search = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]) =>
      value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, v]),
    ),
  ).toString();
  return search ? `${encoded}?${search}` : encoded;
}

/** Where pages send the browser while the database is down (app/unavailable/route.ts). */
export const UNAVAILABLE_PATH = "/unavailable";

/**
 * A page's reads, or — while the database is down — a redirect to the 503 page, which offers `from` again. Anything
 * else is thrown on to the error boundary as before.
 */
export async function unavailableUnlessUp<T>(load: Promise<T>, from: string): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isDatabaseDown(error)) redirect(`${UNAVAILABLE_PATH}?${new URLSearchParams({ next: from })}`);
    throw error;
  }
}

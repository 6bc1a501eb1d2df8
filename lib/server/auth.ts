/**
 * Who may change data. Reading is open. Editors are either a browser session opened with LUOSHI_EDITOR_PASSWORD
 * (an HTTP-only cookie, signed with a key derived from the password, so several app instances agree and changing
 * the password ends every session) or a script sending `Authorization: Bearer $LUOSHI_API_TOKEN`. With neither
 * variable set the app is read-only. Cookie-borne mutations must come from the app's own origin.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { DomainError } from "@/lib/db/errors";

export const SESSION_COOKIE = "luoshi_session";
export const SESSION_DAYS = 14;

export interface Editor {
  name: string;
  via: "session" | "token";
}

export class UnauthorizedError extends DomainError {
  constructor(message = "sign in as an editor to change data") {
    super(message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(message, 403);
  }
}

function secrets(env = process.env) {
  return { password: env.LUOSHI_EDITOR_PASSWORD || null, token: env.LUOSHI_API_TOKEN || null };
}

/** Editing needs at least one of the two variables; without them the app says it is read-only. */
export function editingEnabled(env = process.env): boolean {
  const { password, token } = secrets(env);
  return password !== null || token !== null;
}

export function passwordSignInEnabled(env = process.env): boolean {
  return secrets(env).password !== null;
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Constant-time comparison of two secrets of any length. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function checkPassword(given: string, env = process.env): boolean {
  const { password } = secrets(env);
  return password !== null && sameSecret(given, password);
}

function sessionKey(password: string): Buffer {
  return createHmac("sha256", "luoshi-session-key").update(password).digest();
}

const ZSessionPayload = z.object({ name: z.string().min(1).max(80), exp: z.number() });

/** A signed session value for an editor called `name`. */
export function createSessionValue(name: string, now = Date.now(), env = process.env): string {
  const { password } = secrets(env);
  if (password === null) throw new UnauthorizedError("sign-in is not configured (LUOSHI_EDITOR_PASSWORD)");
  const payload = Buffer.from(JSON.stringify({ name, exp: now + SESSION_DAYS * 86_400_000 })).toString("base64url");
  const signature = createHmac("sha256", sessionKey(password)).update(payload).digest("base64url");
  return `${payload}.${signature}`;
}

export function readSessionValue(value: string | undefined, now = Date.now(), env = process.env): Editor | null {
  const { password } = secrets(env);
  if (!value || password === null) return null;
  const [payload, signature] = value.split(".");
  if (!payload || !signature) return null;
  const expected = createHmac("sha256", sessionKey(password)).update(payload).digest("base64url");
  if (!sameSecret(signature, expected)) return null;
  const parsed = ZSessionPayload.safeParse(safeJson(Buffer.from(payload, "base64url").toString("utf8")));
  if (!parsed.success || parsed.data.exp < now) return null;
  return { name: parsed.data.name, via: "session" };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The request's origin is the app's own: the Origin header (or, lacking it, the Referer) names the Host. */
function sameOrigin(request: Request): boolean {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = request.headers.get("origin") ?? request.headers.get("referer");
  if (!host || !origin) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The editor making a mutating request, or an error saying why it may not. */
export function requireEditor(request: Request, env = process.env): Editor {
  if (!editingEnabled(env)) {
    throw new ForbiddenError(
      "this Luoshi is read-only: set LUOSHI_EDITOR_PASSWORD or LUOSHI_API_TOKEN to allow editing",
    );
  }
  const { token } = secrets(env);
  const authorization = request.headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) {
    if (token !== null && sameSecret(authorization.slice(7).trim(), token)) return { name: "api-token", via: "token" };
    throw new UnauthorizedError("the bearer token is not valid");
  }
  const editor = readSessionValue(cookieValue(request, SESSION_COOKIE), Date.now(), env);
  if (!editor) throw new UnauthorizedError();
  if (!sameOrigin(request)) throw new ForbiddenError("cross-origin request refused");
  return editor;
}

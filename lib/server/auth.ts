/**
 * Who may change data. Reading is open. Editors sign in to a named account (created with `luoshi editor add`, or
 * `admin` with LUOSHI_EDITOR_PASSWORD) and get a session cookie holding a random token, looked up in the database on
 * each request; scripts send `Authorization: Bearer $LUOSHI_API_TOKEN`. Without any account or variable the app is
 * read-only. Cookie-borne mutations must come from the app's own origin (LUOSHI_PUBLIC_URL, or the Host header).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import {
  type Account,
  AccountExistsError,
  countFailures,
  createAccount,
  deleteFailure,
  findAccount,
  forgetFailures,
  hasPasswordAccounts,
  pruneFailures,
  recordFailure,
  setAccountPassword,
  TOKEN_EDITOR_NAME,
  type TRole,
  ZRole,
} from "@/lib/db/accounts";
import { type Db, getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/db/errors";
import { createSession, deleteSession, findSession, pruneSessions } from "@/lib/db/sessions";
import { readSettings } from "@/lib/settings";
import { hashPassword, verifyNothing, verifyPassword } from "./auth-password";
import { requestCookie } from "./cookies";

export const SESSION_COOKIE = "luoshi_session";
export const SESSION_DAYS = 14;
/** The account LUOSHI_EDITOR_PASSWORD signs in (the quick start's first administrator). */
export const ENV_ADMIN = "admin";
/**
 * Failed sign-ins allowed per window: per account name, per client address, and for all clients together when no
 * trusted proxy names them (`shared`: higher, so that one stranger's guessing cannot lock every editor out for long,
 * while guessing stays at a few attempts a minute).
 */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, perAccount: 10, perAddress: 30, shared: 100 };
/** The address every client shares when no trusted proxy names them. */
export const UNKNOWN_ADDRESS = "unknown";

/** The variables auth reads, from process.env unless given. */
export type Env = Record<string, string | undefined>;

export interface Editor {
  /** The account's name, or `api-token`: what the audit trail records. */
  name: string;
  role: TRole;
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

export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} min`, 429);
  }
}

export interface AuthSettings {
  editorPassword: string | null;
  apiToken: string | null;
  /** The app's origin as the public reaches it, when set. */
  publicOrigin: string | null;
  /** A proxy in front appends the client's address to X-Forwarded-For. */
  trustProxy: boolean;
}

/** The settings sign-in reads (lib/settings.ts: a bad value stops the app at start). */
export function authSettings(env: Env = process.env): AuthSettings {
  const settings = readSettings(env);
  return {
    editorPassword: settings.LUOSHI_EDITOR_PASSWORD,
    apiToken: settings.LUOSHI_API_TOKEN,
    publicOrigin: settings.LUOSHI_PUBLIC_URL,
    trustProxy: settings.LUOSHI_TRUST_PROXY,
  };
}

/** Whether browsers can sign in (an account, or LUOSHI_EDITOR_PASSWORD) and whether anyone can edit at all. */
export async function authAvailability(
  env: Env = process.env,
  db: Db = getDb(),
): Promise<{ signInEnabled: boolean; editingEnabled: boolean }> {
  const settings = authSettings(env);
  const signInEnabled = settings.editorPassword !== null || (await hasPasswordAccounts(db));
  return { signInEnabled, editingEnabled: signInEnabled || settings.apiToken !== null };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Constant-time comparison of two secrets of any length. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** 32 random bytes in base64url: nothing else is a session token, so nothing else is looked up. */
const ZSessionToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const tokenHash = (token: string) => sha256(token).toString("hex");

/**
 * The session token of the request's cookie header, or null. Values are never %-decoded (a token needs no escapes),
 * so a broken escape or an oversized value is simply not a token.
 */
export function sessionToken(request: Request): string | null {
  const parsed = ZSessionToken.safeParse(requestCookie(request, SESSION_COOKIE));
  return parsed.success ? parsed.data : null;
}

/**
 * Whether an `admin` hash is LUOSHI_EDITOR_PASSWORD's current value, remembered per process: scrypt runs once per
 * hash and value, not on every request.
 */
const envChecks = new Map<string, Promise<boolean>>();
function isEnvPassword(hash: string, password: string): Promise<boolean> {
  const key = `${hash}\n${sha256(password).toString("hex")}`;
  let check = envChecks.get(key);
  if (!check) {
    if (envChecks.size > 32) envChecks.clear();
    check = verifyPassword(password, hash);
    envChecks.set(key, check);
  }
  return check;
}

/** An account may act: enabled, and if its password is LUOSHI_EDITOR_PASSWORD's, the variable still holds it. */
async function accountActive(account: Account, settings: AuthSettings): Promise<boolean> {
  if (account.disabledAt !== null) return false;
  if (!account.passwordFromEnv) return true;
  return settings.editorPassword !== null && isEnvPassword(account.passwordHash, settings.editorPassword);
}

function editorOf(account: Account): Editor {
  return { name: account.name, role: ZRole.catch("editor").parse(account.role), via: "session" };
}

/** The editor a session token belongs to, or null (unknown, expired, or its account disabled). */
export async function sessionEditor(
  token: string | null | undefined,
  env: Env = process.env,
  db: Db = getDb(),
  now = new Date(),
): Promise<Editor | null> {
  const parsed = ZSessionToken.safeParse(token);
  if (!parsed.success) return null;
  const session = await findSession(db, tokenHash(parsed.data));
  if (!session) return null;
  if (session.expiresAt <= now) {
    await deleteSession(db, session.tokenHash);
    return null;
  }
  return (await accountActive(session.account, authSettings(env))) ? editorOf(session.account) : null;
}

/** The address sign-in limits count against: X-Forwarded-For's last hop behind a trusted proxy, else one bucket. */
export function clientAddress(request: Request, settings: AuthSettings): string {
  if (!settings.trustProxy) return UNKNOWN_ADDRESS;
  const last = (request.headers.get("x-forwarded-for") ?? "").split(",").at(-1)?.trim() ?? "";
  return z.union([z.ipv4(), z.ipv6()]).safeParse(last).success ? last.toLowerCase() : UNKNOWN_ADDRESS;
}

/** Origin (or, lacking it, Referer) is the app's: LUOSHI_PUBLIC_URL's origin when set, else the Host header's. */
function fromOwnOrigin(request: Request, settings: AuthSettings): boolean {
  const claimed = request.headers.get("origin") ?? request.headers.get("referer");
  if (!claimed) return false;
  let url: URL;
  try {
    url = new URL(claimed);
  } catch {
    return false;
  }
  if (settings.publicOrigin !== null) return url.origin === settings.publicOrigin;
  const host = request.headers.get("host");
  if (!host) return false;
  try {
    // Through URL, so that `Host: example:80` and `http://example` compare equal.
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}

/**
 * Sign-in and sign-out accept requests without an Origin (scripts), but not a browser's from another site, so no
 * site can sign a visitor in to an account of its choosing.
 */
export function refuseForeignOrigin(request: Request, env: Env = process.env): void {
  if (request.headers.get("origin") === null) return;
  if (!fromOwnOrigin(request, authSettings(env))) throw new ForbiddenError("cross-origin request refused");
}

/** Where the account's password comes from: its own hash, or LUOSHI_EDITOR_PASSWORD for `admin`. */
async function checkCredentials(
  db: Db,
  name: string,
  password: string,
  settings: AuthSettings,
): Promise<Account | null> {
  let account = await findAccount(db, name);
  const envPassword = settings.editorPassword;
  if (name !== ENV_ADMIN || envPassword === null || (account !== null && !account.passwordFromEnv)) {
    if (!account || account.passwordFromEnv || account.disabledAt !== null) {
      await verifyNothing(password);
      return null;
    }
    return (await verifyPassword(password, account.passwordHash)) ? account : null;
  }
  if (!sameSecret(password, envPassword)) {
    await verifyNothing(password);
    return null;
  }
  if (!account) {
    try {
      return await createAccount(db, {
        name: ENV_ADMIN,
        passwordHash: await hashPassword(envPassword),
        role: "admin",
        passwordFromEnv: true,
      });
    } catch (error) {
      // Another instance created it first.
      if (!(error instanceof AccountExistsError)) throw error;
      account = await findAccount(db, name);
      if (!account?.passwordFromEnv) return null;
    }
  }
  if (account.disabledAt !== null) return null;
  if (!(await isEnvPassword(account.passwordHash, envPassword))) {
    // The variable changed since the last sign-in: sessions opened with the old value end.
    await setAccountPassword(db, account.id, await hashPassword(envPassword), { fromEnv: true });
  }
  return account;
}

export interface SignedIn {
  editor: Editor;
  token: string;
  expiresAt: Date;
}

const retryAfter = (oldest: Date | null, now: Date) =>
  Math.max(1, Math.ceil(((oldest?.getTime() ?? now.getTime()) + SIGN_IN_LIMITS.windowMs - now.getTime()) / 1000));

/**
 * Check a name and password under the sign-in limits and open a session. The attempt is recorded before the password
 * is checked, so concurrent guesses count against each other; success removes this address's failures for the
 * account, and no one else's (none at all when the address is unknown).
 */
export async function signIn(
  credentials: { name: string; password: string },
  request: Request,
  env: Env = process.env,
  db: Db = getDb(),
  now = new Date(),
): Promise<SignedIn> {
  const settings = authSettings(env);
  const address = clientAddress(request, settings);
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  await pruneFailures(db, since);
  const attempt = await recordFailure(db, credentials.name, address, now);
  const counts = await countFailures(db, credentials.name, address, since);
  const addressLimit = address === UNKNOWN_ADDRESS ? SIGN_IN_LIMITS.shared : SIGN_IN_LIMITS.perAddress;
  const waits = [
    counts.account.count > SIGN_IN_LIMITS.perAccount ? retryAfter(counts.account.oldest, now) : 0,
    counts.address.count > addressLimit ? retryAfter(counts.address.oldest, now) : 0,
  ];
  if (Math.max(...waits) > 0) {
    // Refused attempts are not counted: only guesses that were checked are.
    await deleteFailure(db, attempt);
    throw new TooManyAttemptsError(Math.max(...waits));
  }
  const account = await checkCredentials(db, credentials.name, credentials.password, settings);
  if (!account) throw new UnauthorizedError("wrong account name or password");
  // Without a known address every client shares one, and forgetting its failures would forget an attacker's too.
  if (address !== UNKNOWN_ADDRESS) await forgetFailures(db, credentials.name, address);
  else await deleteFailure(db, attempt);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await pruneSessions(db, now);
  await createSession(db, account.id, tokenHash(token), expiresAt);
  return { editor: editorOf(account), token, expiresAt };
}

/** End the request's session, if it has one. */
export async function signOut(request: Request, db: Db = getDb()): Promise<void> {
  const token = sessionToken(request);
  if (token) await deleteSession(db, tokenHash(token));
}

/** The Set-Cookie value carrying `token` (an empty value and no lifetime clears it). */
export function sessionCookie(token: string, maxAgeSeconds: number, request: Request, env: Env = process.env): string {
  const { publicOrigin, trustProxy } = authSettings(env);
  const forwardedProto = trustProxy ? request.headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim() : undefined;
  const https =
    new URL(request.url).protocol === "https:" ||
    publicOrigin?.startsWith("https:") === true ||
    forwardedProto === "https";
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${https ? "; Secure" : ""}`;
}

/**
 * The editor making a request that reads what only editors see (the background jobs), or an error saying why not:
 * as `requireEditor`, without the origin check a change needs (a same-origin GET carries no Origin).
 */
export function requireEditorToRead(request: Request, env: Env = process.env): Promise<Editor> {
  return requireEditor(request, env, { reading: true });
}

/** The editor making a mutating request, or an error saying why it may not. */
export async function requireEditor(
  request: Request,
  env: Env = process.env,
  options: { reading?: boolean } = {},
): Promise<Editor> {
  const settings = authSettings(env);
  const db = getDb();
  const editable = settings.apiToken !== null || settings.editorPassword !== null || (await hasPasswordAccounts(db));
  if (!editable) {
    throw new ForbiddenError(
      "this Luoshi is read-only: add an account (luoshi editor add), or set LUOSHI_EDITOR_PASSWORD or LUOSHI_API_TOKEN",
    );
  }
  const authorization = request.headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) {
    const token = settings.apiToken;
    if (token !== null && sameSecret(authorization.slice(7).trim(), token)) {
      return { name: TOKEN_EDITOR_NAME, role: "editor", via: "token" };
    }
    throw new UnauthorizedError("the bearer token is not valid");
  }
  const editor = await sessionEditor(sessionToken(request), env, db);
  if (!editor) throw new UnauthorizedError();
  if (!options.reading && !fromOwnOrigin(request, settings)) throw new ForbiddenError("cross-origin request refused");
  return editor;
}

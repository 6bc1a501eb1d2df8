/**
 * Editor authentication attacked through the route handlers, as Next calls them, on a real database: password
 * guessing, stolen and stale cookies, spoofed names and origins, malformed cookies, the LUOSHI_EDITOR_PASSWORD admin.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as importJobRoute from "@/app/api/import/route";
import * as sessionRoute from "@/app/api/session/route";
import * as matchRoute from "@/app/api/targets/[id]/match/route";
import { createAccount, disableAccount, recordFailure, setAccountPassword } from "@/lib/db/accounts";
import { importFile } from "@/lib/db/import";
import { PROVIDERS } from "@/lib/db/providers";
import { SESSION_COOKIE, SIGN_IN_LIMITS, UNKNOWN_ADDRESS } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/auth-password";
import { bytesOf, seedPath } from "../support/corpus";
import { runImport } from "../support/import-jobs";
import { openTestStore, rowCounts, type TestStore } from "../support/store";

/** `POST /api/import` with its job run to the end: the answer the import gives once done (tests/support/import-jobs.ts). */
const importRoute = {
  POST: (...args: Parameters<typeof importJobRoute.POST>) => runImport(importJobRoute.POST(...args)),
};

const ORIGIN = "http://luoshi.test";
const HOST = "luoshi.test";
const TOKEN = "auth-test-token";
const ENV_PASSWORD = "auth-test-env-password";
const PASSWORDS = { 编辑甲: "jia-password-123", 编辑乙: "yi-password-4567", 管理员丙: "bing-password-89" } as const;

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

function signIn(body: unknown, headers: Record<string, string> = {}) {
  return sessionRoute.POST(
    new Request(`${ORIGIN}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
    undefined,
  );
}

function signOut(cookie: string, headers: Record<string, string> = { origin: ORIGIN }) {
  return sessionRoute.DELETE(
    new Request(`${ORIGIN}/api/session`, { method: "DELETE", headers: { cookie, host: HOST, ...headers } }),
    undefined,
  );
}

/** `luoshi_session=…` as the browser sends it back. */
function cookieOf(response: Response): string {
  const value = /luoshi_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!value) throw new Error(`no session cookie (status ${response.status})`);
  return `${SESSION_COOKIE}=${value}`;
}

async function signedIn(name: keyof typeof PASSWORDS | "admin", password?: string): Promise<string> {
  const response = await signIn({ name, password: password ?? (name === "admin" ? ENV_PASSWORD : PASSWORDS[name]) });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

describe.each(PROVIDERS)("editor authentication on %s", (provider) => {
  let store: TestStore;
  let targetId: string;
  const saved = { ...process.env };

  /** Mark the 2019 GDP target for review, naming its current version: a real edit each time it succeeds. */
  async function edit(headers: Record<string, string>, extra: Record<string, unknown> = {}) {
    const match = await store.db.match.findUniqueOrThrow({ where: { targetId } });
    return matchRoute.PATCH(
      new Request(`${ORIGIN}/api/targets/${targetId}/match`, {
        method: "PATCH",
        headers: { host: HOST, "content-type": "application/json", ...headers },
        body: JSON.stringify({
          action: "set_verdict",
          version: match.version,
          note: "复核",
          verdict: "needs_review",
          ...extra,
        }),
      }),
      params({ id: targetId }),
    );
  }

  beforeAll(async () => {
    store = await openTestStore(provider);
    Object.assign(process.env, {
      DATABASE_URL: store.url,
      LUOSHI_API_TOKEN: TOKEN,
      LUOSHI_EDITOR_PASSWORD: ENV_PASSWORD,
    });
    delete process.env.LUOSHI_PUBLIC_URL;
    delete process.env.LUOSHI_TRUST_PROXY;
    await importFile(store.db, { filename: "001.txt", bytes: bytesOf(seedPath("001")) }, { tolerance: 0 });
    const target = await store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: "370202", planYear: 2019, indicatorName: "地区生产总值", measure: "growth" },
    });
    targetId = target.id;
    for (const [name, password] of Object.entries(PASSWORDS)) {
      const role = name === "管理员丙" ? "admin" : "editor";
      await createAccount(store.db, { name, passwordHash: await hashPassword(password), role });
    }
  });
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });
  beforeEach(async () => {
    // Each attack starts with no failures on record; settings a test changed are put back.
    await store.db.signInFailure.deleteMany();
    delete process.env.LUOSHI_PUBLIC_URL;
    delete process.env.LUOSHI_TRUST_PROXY;
    process.env.LUOSHI_EDITOR_PASSWORD = ENV_PASSWORD;
  });

  it("answers 50 wrong passwords for one account with 429 after 10, with Retry-After, even for the right one", async () => {
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 50; i++) {
      const response = await signIn({ name: "编辑甲", password: `guess-${i}` });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = Number(response.headers.get("retry-after"));
    }
    expect(statuses.slice(0, SIGN_IN_LIMITS.perAccount)).toEqual(Array(SIGN_IN_LIMITS.perAccount).fill(401));
    expect(statuses.slice(SIGN_IN_LIMITS.perAccount)).toEqual(Array(50 - SIGN_IN_LIMITS.perAccount).fill(429));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Only the checked guesses are on record, and the account stays locked for the window.
    expect(await store.db.signInFailure.count()).toBe(SIGN_IN_LIMITS.perAccount);
    const right = await signIn({ name: "编辑甲", password: PASSWORDS.编辑甲 });
    expect(right.status).toBe(429);
    expect(await right.json()).toMatchObject({ error: expect.stringMatching(/too many failed sign-ins/) });
  });

  it("checks at most 10 of 50 guesses sent at once", async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn({ name: "编辑乙", password: `parallel-${i}` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50 - SIGN_IN_LIMITS.perAccount);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it("limits one address across account names, behind a trusted proxy, without touching other addresses", async () => {
    process.env.LUOSHI_TRUST_PROXY = "1";
    // The client may send any X-Forwarded-For; the proxy appends the address it saw, and only that last hop counts.
    const from = (address: string) => ({ "x-forwarded-for": `203.0.113.250, ${address}` });
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      const response = await signIn({ name: `nobody-${i % 5}`, password: "guess" }, from("198.51.100.7"));
      expect(response.status).toBe(401);
    }
    const spray = await signIn({ name: "nobody-new", password: "guess" }, from("198.51.100.7"));
    expect(spray.status).toBe(429);
    const other = await signIn({ name: "编辑乙", password: PASSWORDS.编辑乙 }, from("198.51.100.8"));
    expect(other.status).toBe(200);
  });

  it("puts every client in one bucket when no proxy is trusted, so X-Forwarded-For cannot escape the limit", async () => {
    for (let i = 0; i < 6; i++) {
      const response = await signIn(
        { name: `spray-${i % 6}`, password: "guess" },
        { "x-forwarded-for": `192.0.2.${i}` },
      );
      expect(response.status).toBe(401);
    }
    // The rest of the shared bucket's failures, as earlier guesses from anywhere would have left them.
    for (let i = 6; i < SIGN_IN_LIMITS.shared; i++) await recordFailure(store.db, `spray-${i % 6}`, UNKNOWN_ADDRESS);
    const spoofed = await signIn({ name: "spray-new", password: "guess" }, { "x-forwarded-for": "192.0.2.200" });
    expect(spoofed.status).toBe(429);
    expect(new Set((await store.db.signInFailure.findMany()).map((f) => f.address))).toEqual(new Set(["unknown"]));
  });

  it("does not reset another address's failures when the account signs in elsewhere", async () => {
    process.env.LUOSHI_TRUST_PROXY = "1";
    const attacker = { "x-forwarded-for": "198.51.100.66" };
    const owner = { "x-forwarded-for": "198.51.100.1" };
    const guesses = SIGN_IN_LIMITS.perAccount - 2;
    for (let i = 0; i < guesses; i++) {
      expect((await signIn({ name: "管理员丙", password: `guess-${i}` }, attacker)).status).toBe(401);
    }
    expect((await signIn({ name: "管理员丙", password: "typo" }, owner)).status).toBe(401);
    expect((await signIn({ name: "管理员丙", password: PASSWORDS.管理员丙 }, owner)).status).toBe(200);
    // The owner's own typo is forgotten; the attacker's guesses are not.
    expect(await store.db.signInFailure.count({ where: { address: "198.51.100.1" } })).toBe(0);
    expect(await store.db.signInFailure.count({ where: { address: "198.51.100.66" } })).toBe(guesses);
    expect((await signIn({ name: "管理员丙", password: "guess-a" }, attacker)).status).toBe(401);
    expect((await signIn({ name: "管理员丙", password: "guess-b" }, attacker)).status).toBe(401);
    expect((await signIn({ name: "管理员丙", password: "guess-c" }, attacker)).status).toBe(429);
  });

  it("forgets no failures on a successful sign-in when every client shares one address", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) {
      expect((await signIn({ name: "编辑甲", password: `guess-${i}` })).status).toBe(401);
    }
    expect((await signIn({ name: "编辑甲", password: PASSWORDS.编辑甲 })).status).toBe(200);
    expect(await store.db.signInFailure.count()).toBe(SIGN_IN_LIMITS.perAccount - 1);
    expect((await signIn({ name: "编辑甲", password: "guess-last" })).status).toBe(401);
    expect((await signIn({ name: "编辑甲", password: "guess-more" })).status).toBe(429);
  });

  it("ends the session on sign-out: the old cookie no longer edits", async () => {
    const cookie = await signedIn("编辑甲");
    expect((await edit({ cookie, origin: ORIGIN })).status).toBe(200);
    const out = await signOut(cookie);
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const before = await rowCounts(store.db);
    const replay = await edit({ cookie, origin: ORIGIN });
    expect(replay.status).toBe(401);
    expect(await rowCounts(store.db)).toEqual(before);
  });

  it("stores only a hash of the session token, and refuses an expired session", async () => {
    const cookie = await signedIn("编辑乙");
    const token = cookie.split("=")[1] ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sessions = await store.db.session.findMany({ where: { account: { name: "编辑乙" } } });
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.some((s) => s.tokenHash.includes(token) || s.id === token)).toBe(false);
    await store.db.session.updateMany({
      where: { account: { name: "编辑乙" } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await edit({ cookie, origin: ORIGIN })).status).toBe(401);
  });

  it("ends every session of an account when its password changes", async () => {
    const first = await signedIn("编辑乙");
    const second = await signedIn("编辑乙");
    expect((await edit({ cookie: first, origin: ORIGIN })).status).toBe(200);
    const account = await store.db.account.findUniqueOrThrow({ where: { name: "编辑乙" } });
    const newPassword = "yi-new-password-890";
    expect(await setAccountPassword(store.db, account.id, await hashPassword(newPassword))).toBe(2);
    expect((await edit({ cookie: first, origin: ORIGIN })).status).toBe(401);
    expect((await edit({ cookie: second, origin: ORIGIN })).status).toBe(401);
    expect((await signIn({ name: "编辑乙", password: PASSWORDS.编辑乙 })).status).toBe(401);
    const fresh = await signedIn("编辑乙", newPassword);
    expect((await edit({ cookie: fresh, origin: ORIGIN })).status).toBe(200);
    await setAccountPassword(store.db, account.id, await hashPassword(PASSWORDS.编辑乙));
  });

  it("records the account's name as the editor, whatever name the client sends", async () => {
    // A sign-in names an account; there is no free-text name to choose any more.
    expect((await signIn({ name: "习近平", password: PASSWORDS.编辑甲 })).status).toBe(401);
    expect((await signIn({ name: "编辑乙", password: PASSWORDS.编辑甲 })).status).toBe(401);
    const cookie = await signedIn("编辑甲");
    const response = await edit(
      { cookie, origin: ORIGIN, "x-editor": "impostor" },
      { editor: "冒名者", name: "冒名者", note: "冒名测试" },
    );
    expect(response.status).toBe(200);
    const recorded = await store.db.edit.findFirstOrThrow({ where: { note: "冒名测试" } });
    expect(recorded.editor).toBe("编辑甲");
    expect(await store.db.edit.count({ where: { editor: "冒名者" } })).toBe(0);

    const imported = await importRoute.POST(
      new Request(`${ORIGIN}/api/import`, {
        method: "POST",
        headers: { cookie, host: HOST, origin: ORIGIN, "content-type": "application/json" },
        body: JSON.stringify({
          filename: "002.txt",
          text: new TextDecoder().decode(bytesOf(seedPath("002"))),
          importedBy: "冒名者",
        }),
      }),
      undefined,
    );
    expect(imported.status).toBe(201);
    const document = await store.db.document.findFirstOrThrow({ where: { sourceName: "002.txt" } });
    expect(document.importedBy).toBe("编辑甲");
  });

  it("refuses a disabled account's sign-in and its open sessions; its edits keep its name", async () => {
    const password = "short-lived-pass-1";
    await createAccount(store.db, { name: "临时编辑", passwordHash: await hashPassword(password), role: "editor" });
    const cookie = cookieOf(await signIn({ name: "临时编辑", password }));
    expect((await edit({ cookie, origin: ORIGIN }, { note: "临时编辑的修改" })).status).toBe(200);
    const { sessionsEnded } = await disableAccount(store.db, "临时编辑");
    expect(sessionsEnded).toBe(1);
    expect((await edit({ cookie, origin: ORIGIN })).status).toBe(401);
    expect((await signIn({ name: "临时编辑", password })).status).toBe(401);
    expect((await store.db.edit.findFirstOrThrow({ where: { note: "临时编辑的修改" } })).editor).toBe("临时编辑");
  });

  it("refuses a cookie-borne edit whose origin is not the Host, whatever X-Forwarded-Host claims", async () => {
    const cookie = await signedIn("编辑甲");
    const before = await rowCounts(store.db);
    const spoofed = await edit({ cookie, origin: "http://evil.example", "x-forwarded-host": "evil.example" });
    expect(spoofed.status).toBe(403);
    const hostSpoofed = await edit({
      cookie,
      origin: "http://evil.example",
      host: "luoshi.test",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "http",
    });
    expect(hostSpoofed.status).toBe(403);
    expect((await edit({ cookie })).status).toBe(403);
    expect((await edit({ cookie, origin: "null" })).status).toBe(403);
    expect((await edit({ cookie, referer: "http://evil.example/luoshi.test/" })).status).toBe(403);
    expect(await rowCounts(store.db)).toEqual(before);
    expect((await edit({ cookie, referer: `${ORIGIN}/review` })).status).toBe(200);
    expect((await edit({ cookie, origin: ORIGIN })).status).toBe(200);
  });

  it("compares origins with LUOSHI_PUBLIC_URL when it is set, not with the Host header", async () => {
    const cookie = await signedIn("编辑甲");
    process.env.LUOSHI_PUBLIC_URL = "https://luoshi.example.org/";
    expect((await edit({ cookie, origin: ORIGIN })).status).toBe(403);
    expect((await edit({ cookie, origin: "https://luoshi.example.org", host: "evil.example" })).status).toBe(200);
    expect((await edit({ cookie, origin: "http://luoshi.example.org" })).status).toBe(403);
    // A bad setting refuses every change (the app would not have started with it).
    process.env.LUOSHI_PUBLIC_URL = "not a url";
    expect((await edit({ cookie, origin: ORIGIN })).status).toBe(503);
  });

  it("refuses a sign-in posted from another site (login CSRF), but not one without an Origin", async () => {
    const foreign = await signIn({ name: "编辑甲", password: PASSWORDS.编辑甲 }, { origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
    const own = await signIn({ name: "编辑甲", password: PASSWORDS.编辑甲 }, { origin: ORIGIN, host: HOST });
    expect(own.status).toBe(200);
    expect(own.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Lax/);
  });

  it("treats malformed and oversized cookies as no session: 401, never 500", async () => {
    const legacy = `${Buffer.from(JSON.stringify({ name: "x", exp: 9e15 })).toString("base64url")}.c2ln`;
    for (const cookie of [
      `${SESSION_COOKIE}=%E0%A4%A`,
      `${SESSION_COOKIE}=%`,
      `${SESSION_COOKIE}=${"A".repeat(10_000)}`,
      `${SESSION_COOKIE}=${"A".repeat(42)}%41`,
      `${SESSION_COOKIE}=${legacy}`,
      `;;=;${SESSION_COOKIE}`,
      `other=%ZZ; ${SESSION_COOKIE}="${"A".repeat(43)}"`,
    ]) {
      const response = await edit({ cookie, origin: ORIGIN });
      expect({ cookie: cookie.slice(0, 40), status: response.status }).toEqual({
        cookie: cookie.slice(0, 40),
        status: 401,
      });
      expect((await signOut(cookie)).status).toBe(200);
    }
  });

  it("signs admin in with LUOSHI_EDITOR_PASSWORD, and ends its sessions when the variable changes or goes", async () => {
    const cookie = await signedIn("admin");
    const admin = await store.db.account.findUniqueOrThrow({ where: { name: "admin" } });
    expect(admin).toMatchObject({ role: "admin", passwordFromEnv: true });
    expect(admin.passwordHash).not.toContain(ENV_PASSWORD);
    expect((await edit({ cookie, origin: ORIGIN }, { note: "管理员修改" })).status).toBe(200);
    expect((await store.db.edit.findFirstOrThrow({ where: { note: "管理员修改" } })).editor).toBe("admin");
    // Only the name admin takes the variable's password.
    expect((await signIn({ name: "编辑甲", password: ENV_PASSWORD })).status).toBe(401);

    process.env.LUOSHI_EDITOR_PASSWORD = "a-new-env-password";
    expect((await edit({ cookie, origin: ORIGIN })).status).toBe(401);
    expect((await signIn({ name: "admin", password: ENV_PASSWORD })).status).toBe(401);
    const renewed = await signedIn("admin", "a-new-env-password");

    delete process.env.LUOSHI_EDITOR_PASSWORD;
    expect((await edit({ cookie: renewed, origin: ORIGIN })).status).toBe(401);
    expect((await signIn({ name: "admin", password: "a-new-env-password" })).status).toBe(401);

    // A password of its own: the variable no longer applies to admin.
    process.env.LUOSHI_EDITOR_PASSWORD = ENV_PASSWORD;
    await setAccountPassword(store.db, admin.id, await hashPassword("admin-own-password"));
    expect((await signIn({ name: "admin", password: ENV_PASSWORD })).status).toBe(401);
    expect((await signIn({ name: "admin", password: "admin-own-password" })).status).toBe(200);
  });

  it("keeps the API token working for scripts, and refuses a wrong one", async () => {
    expect((await edit({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await edit({ authorization: "Bearer wrong" })).status).toBe(401);
  });
});

describe.each(PROVIDERS)("an instance without variables on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    process.env.DATABASE_URL = store.url;
    delete process.env.LUOSHI_EDITOR_PASSWORD;
    delete process.env.LUOSHI_API_TOKEN;
  });
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  it("is read-only until an account exists, then signs that account in", async () => {
    const refused = await signIn({ name: "admin", password: "anything-at-all" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: expect.stringMatching(/luoshi editor add/) });
    await createAccount(store.db, {
      name: "首位编辑",
      passwordHash: await hashPassword("first-editor-pw"),
      role: "admin",
    });
    const response = await signIn({ name: "首位编辑", password: "first-editor-pw" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ editor: "首位编辑", role: "admin" });
  });
});

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAccount } from "@/lib/db/accounts";
import { createDb } from "@/lib/db/client";
import { databaseFromEnv } from "@/lib/db/providers";
import { hashPassword } from "@/lib/server/auth-password";
import { type RunningApp, seedDatabase, startApp } from "./support/app-server";
import { saveScreenshot, setUpBrowser } from "./support/browser";

const app = setUpBrowser();
const ANALYST = { name: "王分析", password: "wang-analyst-password" };
/** An account the guessing test locks for the rest of the run; nothing else signs in as it. */
const LOCKED = { name: "限流目标", password: "locked-target-password" };

beforeAll(async () => {
  const db = createDb(databaseFromEnv({ DATABASE_URL: inject("databaseUrl") }));
  try {
    for (const account of [ANALYST, LOCKED]) {
      if (await db.account.findUnique({ where: { name: account.name } })) continue;
      await createAccount(db, {
        name: account.name,
        passwordHash: await hashPassword(account.password),
        role: "editor",
      });
    }
  } finally {
    await db.$disconnect();
  }
});

/** A request to the running app from outside any browser, as an attacker's script would send it. */
function send(pathname: string, init: RequestInit = {}) {
  return fetch(`${app.baseUrl}${pathname}`, { redirect: "manual", ...init });
}

async function sessionCookie(account: { name: string; password: string }): Promise<string> {
  const response = await send("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  expect(response.status).toBe(200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

/** A mutation of a target that does not exist: 404 means it got past authentication. */
const patch = (headers: Record<string, string>) =>
  send("/api/targets/no-such-target/match", {
    method: "PATCH",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ action: "accept", version: 1, note: "x" }),
  });

it("signs an editor in to an account, shows who is signed in, and signs out for good", async () => {
  const page = await app.openPage("sign-in");
  await page.goto(`${app.baseUrl}/import`);
  expect(await page.getByRole("note").textContent()).toContain("只有编辑可以导入报告");
  await page.getByRole("note").getByRole("link", { name: "登录" }).click();
  await page.waitForURL(/\/sign-in\?next=%2Fimport/);
  await page.locator(".sign-in[data-ready]").waitFor();
  expect(await page.locator(".field-hint").textContent()).toContain("首位管理员的账号是 admin");

  // Field errors are shown next to their fields and announced.
  await page.getByRole("button", { name: "登录" }).click();
  expect(await page.getByLabel("账号").getAttribute("aria-invalid")).toBe("true");
  await page.getByLabel("账号").fill(ANALYST.name);
  await page.getByLabel("口令").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByText("账号或口令不正确。").waitFor();
  expect(await page.getByLabel("口令").getAttribute("aria-describedby")).toBeTruthy();
  await saveScreenshot(page, "sign-in-error");

  await page.getByLabel("口令").fill(ANALYST.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${app.baseUrl}/import`);
  await page.getByText(`编辑：${ANALYST.name}`).waitFor();
  await page.getByLabel("报告全文").waitFor();
  const cookie = (await page.context().cookies()).find((c) => c.name === "luoshi_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  const stolen = `luoshi_session=${cookie?.value}`;
  expect((await patch({ cookie: stolen, origin: app.baseUrl })).status).toBe(404);

  await page.locator(".header-session[data-ready]").waitFor();
  await page.getByRole("button", { name: "退出" }).click();
  await page.getByRole("link", { name: "编辑登录" }).waitFor();
  expect(await page.getByRole("note").textContent()).toContain("只有编辑可以导入报告");
  // The server ended the session: a copy of the cookie taken before signing out edits nothing.
  expect((await patch({ cookie: stolen, origin: app.baseUrl })).status).toBe(401);
});

it("stays on the app after signing in, whatever the next parameter says", async () => {
  const attacks = [
    "/\\evil.example",
    "/%09/evil.example",
    "/%5Cevil.example",
    "//evil.example",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/\t/evil.example",
    "https://evil.example",
    "javascript:alert(document.domain)",
  ];
  for (const [i, attack] of attacks.entries()) {
    const page = await app.openPage(`redirect-${i}`);
    // As the attacker's link would carry it, unencoded where a browser lets it through.
    await page.goto(`${app.baseUrl}/sign-in?next=${attack}`);
    await page.locator(".sign-in[data-ready]").waitFor();
    await page.getByLabel("账号").fill(ANALYST.name);
    await page.getByLabel("口令").fill(ANALYST.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${app.baseUrl}/review`);
    expect({ attack, origin: new URL(page.url()).origin }).toEqual({ attack, origin: app.baseUrl });
    await page.close();
  }
  // A path of the app is followed.
  const page = await app.openPage("redirect-own");
  await page.goto(`${app.baseUrl}/sign-in?next=${encodeURIComponent("/compare?j=370202")}`);
  await page.locator(".sign-in[data-ready]").waitFor();
  await page.getByLabel("账号").fill(ANALYST.name);
  await page.getByLabel("口令").fill(ANALYST.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${app.baseUrl}/compare?j=370202`);
});

it("answers password guessing with 429 and Retry-After after 10 failures, even for the right password", async () => {
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 50; i++) {
    const response = await send("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: LOCKED.name, password: `guess-${i}` }),
    });
    statuses.push(response.status);
    retryAfter ??= response.headers.get("retry-after");
  }
  expect(statuses.filter((s) => s === 401)).toHaveLength(10);
  expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  const right = await send("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(LOCKED),
  });
  expect(right.status).toBe(429);

  // The form says how long to wait.
  const page = await app.openPage("sign-in-limited");
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.locator(".sign-in[data-ready]").waitFor();
  await page.getByLabel("账号").fill(LOCKED.name);
  await page.getByLabel("口令").fill(LOCKED.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByText(/登录失败次数过多，请 \d+ 分钟后再试。/).waitFor();
});

it("refuses a cookie-borne edit from another origin, whatever X-Forwarded-Host claims", async () => {
  const cookie = await sessionCookie(ANALYST);
  const spoofed = await patch({ cookie, origin: "http://evil.example", "x-forwarded-host": "evil.example" });
  expect(spoofed.status).toBe(403);
  expect((await patch({ cookie, "x-forwarded-host": "evil.example" })).status).toBe(403);
  expect((await patch({ cookie, origin: app.baseUrl })).status).toBe(404);
  // Another site cannot sign a visitor in to its own account either.
  const foreignSignIn = await send("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://evil.example" },
    body: JSON.stringify(ANALYST),
  });
  expect(foreignSignIn.status).toBe(403);
});

it("treats a malformed or oversized session cookie as no session: 401 for edits, pages still served", async () => {
  for (const cookie of ["luoshi_session=%E0%A4%A", "luoshi_session=%", `luoshi_session=${"A".repeat(8000)}`]) {
    const response = await patch({ cookie, origin: app.baseUrl });
    expect({ cookie: cookie.slice(0, 30), status: response.status }).toEqual({
      cookie: cookie.slice(0, 30),
      status: 401,
    });
    expect((await send("/review", { headers: { cookie } })).status).toBe(200);
    expect((await send("/api/session", { method: "DELETE", headers: { cookie } })).status).toBe(200);
  }
});

it("sends the security headers with pages, API answers, static files and errors, and the app runs under them", async () => {
  const html = await (await send("/sign-in")).text();
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  for (const pathname of ["/", "/sign-in", "/api/jurisdictions", script ?? "", "/no-such-page", "/api/reports/none"]) {
    const response = await send(pathname);
    const headers = Object.fromEntries(
      ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options"].map((name) => [
        name,
        response.headers.get(name),
      ]),
    );
    expect({ pathname, ...headers }).toEqual({
      pathname,
      "content-security-policy": expect.stringContaining("default-src 'self'"),
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
    });
    const policy = headers["content-security-policy"] ?? "";
    for (const directive of [
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain("unsafe-eval");
  }

  // Pages hydrate and draw their charts with no violation of the policy.
  const page = await app.openPage("csp");
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${app.baseUrl}/j/370202/2019`);
  await page.locator(".locale-switch[data-ready]").waitFor();
  await page.goto(`${app.baseUrl}/compare?j=370202`);
  await page.locator(".locale-switch[data-ready]").waitFor();
  expect(violations).toEqual([]);
});

it("refuses edits from a reader through the API", async () => {
  const page = await app.openPage("api-reader");
  const response = await page.request.patch(`${app.baseUrl}/api/targets/x/match`, {
    data: { action: "accept", version: 1, note: "x" },
  });
  expect(response.status()).toBe(401);
  const preview = await page.request.post(`${app.baseUrl}/api/import/preview`, { data: { text: "x" } });
  expect(preview.status()).toBe(401);
});

it("switches the interface to English and back", async () => {
  const page = await app.openPage("locale");
  await page.goto(app.baseUrl);
  await page.locator(".locale-switch[data-ready]").waitFor();
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { name: "Targets met, by jurisdiction" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  await saveScreenshot(page, "overview-en");
  await page.locator(".locale-switch[data-ready]").waitFor();
  await page.getByRole("button", { name: "切换到中文" }).click();
  await page.getByRole("heading", { name: "各地目标落实总览" }).waitFor();
});

/** An empty, migrated database of its own (accounts in the shared one would make an instance editable). */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const shared = inject("databaseUrl");
  if (shared.startsWith("file:")) {
    const dir = mkdtempSync(path.join(tmpdir(), "luoshi-read-only-"));
    const url = `file:${path.join(dir, "app.db")}`;
    await seedDatabase(url, []);
    return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `read_only_${randomBytes(4).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: shared });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  await seedDatabase(url.toString(), []);
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

describe("an instance without accounts, editor password or API token", () => {
  let readOnly: RunningApp | undefined;
  let database: { url: string; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    database = await emptyDatabase();
    readOnly = await startApp({
      databaseUrl: database.url,
      unset: ["LUOSHI_EDITOR_PASSWORD", "LUOSHI_API_TOKEN"],
    });
  }, 90_000);
  afterAll(async () => {
    await readOnly?.stop();
    await database?.drop();
  });

  it("says it is read-only in the header, on the sign-in page and on the screens that edit", async () => {
    const base = readOnly?.baseUrl ?? "";
    const page = await app.openPage("read-only");
    await page.goto(base);
    expect(await page.locator(".badge-readonly").textContent()).toBe("只读模式");
    await page.goto(`${base}/sign-in`);
    expect(await page.getByRole("note").textContent()).toContain("所有内容只读");
    expect(await page.getByLabel("口令").count()).toBe(0);
    await page.goto(`${base}/review`);
    expect(await page.getByRole("note").textContent()).toContain("只读");
    await saveScreenshot(page, "review-read-only");
    const response = await page.request.patch(`${base}/api/targets/x/match`, {
      data: { action: "accept", version: 1, note: "x" },
    });
    expect(response.status()).toBe(403);
    const signIn = await page.request.post(`${base}/api/session`, { data: { name: "admin", password: "anything" } });
    expect(signIn.status()).toBe(403);
  });
});

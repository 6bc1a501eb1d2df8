/**
 * `luoshi editor` on both databases, run in-process with captured output: accounts added, listed, given new
 * passwords and removed, passwords never taken from argv or printed, and sessions ended where they must be.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import { type CliIO, UsageError } from "@/lib/cli/command";
import { createEditorCommand, type PasswordInput } from "@/lib/cli/commands/editor";
import { PROVIDERS } from "@/lib/db/providers";
import { sessionEditor } from "@/lib/server/auth";
import { verifyPassword } from "@/lib/server/auth-password";
import { openTestStore, type TestStore } from "../support/store";

function capture(): CliIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

describe.each(PROVIDERS)("luoshi editor on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };
  beforeAll(async () => {
    store = await openTestStore(provider);
    process.env.DATABASE_URL = store.url;
    delete process.env.LUOSHI_EDITOR_PASSWORD;
  });
  afterAll(async () => {
    process.env = saved;
    await store.close();
  });

  /** The command with `stdin` as its standard input, and LUOSHI_NEW_EDITOR_PASSWORD as `envPassword` if given. */
  async function editor(argv: string[], stdin = "", envPassword?: string) {
    const io = capture();
    const input: PasswordInput = async () => stdin;
    const env = { ...process.env, DATABASE_URL: store.url, LUOSHI_NEW_EDITOR_PASSWORD: envPassword };
    const code = await createEditorCommand({ env, input }).run(argv, io);
    return { code, out: io.out, err: io.err };
  }

  const signIn = (name: string, password: string) =>
    sessionRoute.POST(
      new Request("http://luoshi.test/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, password }),
      }),
      undefined,
    );
  const tokenOf = (response: Response) => /luoshi_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];

  it("adds accounts with the password from standard input or LUOSHI_NEW_EDITOR_PASSWORD, hashed", async () => {
    const added = await editor(["add", "王编辑"], "wang-password-1\n");
    expect(added).toMatchObject({ code: 0, out: "added editor 王编辑\n" });
    const admin = await editor(["add", "  李管理  ", "--role", "admin"], "", "li-password-123");
    expect(admin).toMatchObject({ code: 0, out: "added admin 李管理\n" });
    for (const [name, password] of [
      ["王编辑", "wang-password-1"],
      ["李管理", "li-password-123"],
    ] as const) {
      const account = await store.db.account.findUniqueOrThrow({ where: { name } });
      expect(account.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
      expect(account.passwordHash).not.toContain(password);
      expect(await verifyPassword(password, account.passwordHash)).toBe(true);
      expect((await signIn(name, password)).status).toBe(200);
    }
    const hashes = await store.db.account.findMany({ select: { passwordHash: true } });
    // A salt of its own for each account.
    expect(new Set(hashes.map((h) => h.passwordHash.split("$")[4])).size).toBe(hashes.length);
  });

  it("never takes a password from the command line, and refuses short, missing or duplicate ones", async () => {
    await expect(editor(["add", "张三", "--password", "zhang-password-1"])).rejects.toThrow(UsageError);
    await expect(editor(["add", "张三", "zhang-password-1"])).rejects.toThrow(/one account name/);
    expect(await editor(["add", "张三"], "short\n")).toMatchObject({ code: 1, err: /at least 12 characters/ });
    expect(await editor(["add", "张三"], "")).toMatchObject({ code: 1, err: /no password given/ });
    expect(await editor(["add", "王编辑"], "another-password\n")).toMatchObject({ code: 1, err: /already exists/ });
    expect(await editor(["add", "api-token"], "token-password-1\n")).toMatchObject({ code: 1, err: /API token/ });
    await expect(editor(["add", "坏\u0007名"], "bad-name-password\n")).rejects.toThrow(/control characters/);
    await expect(editor(["add", "x", "--role", "root"], "root-password-12")).rejects.toThrow(UsageError);
    await expect(editor(["grant", "x"])).rejects.toThrow(/unknown action/);
    expect(await store.db.account.count({ where: { name: "张三" } })).toBe(0);
  });

  it("lists accounts as a table and as JSON, without any password or hash", async () => {
    const table = await editor(["list"]);
    expect(table.code).toBe(0);
    expect(table.out.split("\n")[0]).toMatch(/^name\s+role\s+status\s+password\s+sessions\s+created$/);
    expect(table.out).toMatch(/李管理\s+admin\s+enabled\s+own\s+1/);
    const json = await editor(["list", "--json"]);
    const rows = JSON.parse(json.out) as { name: string; role: string; enabled: boolean }[];
    expect(rows.map((r) => [r.name, r.role, r.enabled])).toEqual([
      ["李管理", "admin", true],
      ["王编辑", "editor", true],
    ]);
    expect(json.out).not.toMatch(/scrypt|password-1/);
  });

  it("changes a password and ends every session of the account", async () => {
    const session = await signIn("王编辑", "wang-password-1");
    const token = tokenOf(session);
    expect(await sessionEditor(token)).toMatchObject({ name: "王编辑", role: "editor" });
    const changed = await editor(["passwd", "王编辑"], "wang-new-password\n");
    expect(changed).toMatchObject({ code: 0, out: /changed the password of 王编辑; 2 session\(s\) ended/ });
    expect(await sessionEditor(token)).toBeNull();
    expect((await signIn("王编辑", "wang-password-1")).status).toBe(401);
    expect((await signIn("王编辑", "wang-new-password")).status).toBe(200);
    expect(await editor(["passwd", "无此人"], "whatever-password")).toMatchObject({ code: 1, err: /no account/ });
  });

  it("removes an account by disabling it: sessions end, the name stays taken", async () => {
    const token = tokenOf(await signIn("李管理", "li-password-123"));
    expect(await sessionEditor(token)).not.toBeNull();
    const removed = await editor(["remove", "李管理"]);
    expect(removed).toMatchObject({ code: 0, out: /removed 李管理: it can no longer sign in, 2 session\(s\) ended/ });
    expect(await sessionEditor(token)).toBeNull();
    expect((await signIn("李管理", "li-password-123")).status).toBe(401);
    expect(await store.db.account.count({ where: { name: "李管理" } })).toBe(1);
    expect(await editor(["remove", "李管理"])).toMatchObject({ code: 0, out: /already removed/ });
    expect(await editor(["add", "李管理"], "li-password-456\n")).toMatchObject({ code: 1, err: /was removed/ });
    expect(await editor(["passwd", "李管理"], "li-password-456\n")).toMatchObject({ code: 1, err: /was removed/ });
    expect((await editor(["list"])).out).toMatch(/李管理\s+admin\s+removed \d{4}-\d{2}-\d{2}/);
  });
});

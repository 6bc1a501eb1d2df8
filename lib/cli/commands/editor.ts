/**
 * `luoshi editor add|list|passwd|remove`: the accounts editors sign in with. Passwords are read from standard input
 * (hidden when it is a terminal) or LUOSHI_NEW_EDITOR_PASSWORD, never from the command line, where other users of
 * the machine could read them in the process list and the shell's history.
 */

import { z } from "zod";
import {
  AccountExistsError,
  createAccount,
  disableAccount,
  findAccount,
  listAccounts,
  setAccountPassword,
  TOKEN_EDITOR_NAME,
  type TRole,
  ZAccountName,
  ZRole,
} from "@/lib/db/accounts";
import { createDb, type Db } from "@/lib/db/client";
import { DomainError } from "@/lib/db/errors";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { databaseFromEnv } from "@/lib/db/providers";
import { hashPassword, ZNewPassword } from "@/lib/server/auth-password";
import { readSettings } from "@/lib/settings";
import { parseCommandArgs } from "../args";
import type { CliIO, Command } from "../command";

const USAGE = `Usage: luoshi editor add <name> [--role editor|admin]
       luoshi editor list [--json]
       luoshi editor passwd <name>
       luoshi editor remove <name>

Manage the accounts editors sign in with, in the database DATABASE_URL names. Each edit records the account's name.

  add      create an account (role editor unless --role admin)
  list     every account: role, whether it is enabled, where its password comes from, open sessions
  passwd   give an account a new password; its sessions end
  remove   disable an account and end its sessions; its edits keep its name, which is never given to anyone else

The password (at least 12 characters) is read from standard input, asked twice without echo on a terminal, or taken
from LUOSHI_NEW_EDITOR_PASSWORD; never from the command line. The account admin signs in with LUOSHI_EDITOR_PASSWORD
while that variable is set, until "passwd admin" gives it a password of its own.

Options:
  --role <role>  editor (default) or admin, for add
  --json         list as JSON
  -h, --help     show this help`;

const ZAction = z.enum(["add", "list", "passwd", "remove"]);

type EditorArgs =
  | { action: "list"; json: boolean }
  | { action: "add"; name: string; role: TRole }
  | { action: "passwd" | "remove"; name: string };

const ZEditorArgs = z
  .object({
    positionals: z.array(z.string()).min(1, "name an action: add, list, passwd or remove"),
    role: ZRole.optional(),
    json: z.boolean().default(false),
  })
  .transform((args, ctx): EditorArgs => {
    const issue = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    const [given, ...rest] = args.positionals;
    const action = ZAction.safeParse(given);
    if (!action.success) return issue(`unknown action "${given}": add, list, passwd or remove`);
    if (args.role !== undefined && action.data !== "add") return issue("--role is for add");
    if (args.json && action.data !== "list") return issue("--json is for list");
    if (action.data === "list") return rest.length ? issue("list takes no name") : { action: "list", json: args.json };
    if (rest.length !== 1) return issue(`${action.data} takes one account name`);
    const name = ZAccountName.safeParse(rest[0]);
    if (!name.success) return issue(name.error.issues[0]?.message ?? "invalid account name");
    if (action.data === "add") return { action: "add", name: name.data, role: args.role ?? "editor" };
    return { action: action.data, name: name.data };
  });

/** Where a new password comes from: the whole of standard input, or a line typed without echo. */
export type PasswordInput = () => Promise<string>;

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  let text = "";
  stream.setEncoding("utf8");
  for await (const chunk of stream) text += chunk;
  return text;
}

/** One line from the terminal, not echoed. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          finish();
          return resolve(typed.join(""));
        }
        if (char === "\u0003" || char === "\u0004") {
          finish();
          return reject(new DomainError("cancelled", 1));
        }
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else if (char >= " ") typed.push(char);
      }
    };
    stdin.on("data", onData);
  });
}

const terminalOrPipe: PasswordInput = async () => {
  if (!process.stdin.isTTY) return readAll(process.stdin);
  const first = await promptHidden("new password: ");
  const second = await promptHidden("again: ");
  if (first !== second) throw new DomainError("the two passwords differ", 1);
  return first;
};

async function newPassword(env: Record<string, string | undefined>, input: PasswordInput): Promise<string> {
  const raw = readSettings(env).LUOSHI_NEW_EDITOR_PASSWORD ?? (await input());
  // A pipe or here-string ends with a newline that is not part of the password.
  const password = raw.split(/\r?\n/)[0] ?? "";
  if (!password) {
    throw new DomainError("no password given: send it on standard input or set LUOSHI_NEW_EDITOR_PASSWORD", 1);
  }
  const checked = ZNewPassword.safeParse(password);
  if (!checked.success) throw new DomainError(checked.error.issues[0]?.message ?? "unusable password", 1);
  return checked.data;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

async function list(db: Db, io: CliIO, json: boolean): Promise<void> {
  const accounts = await listAccounts(db);
  const rows = accounts.map((account) => ({
    name: account.name,
    role: account.role,
    enabled: account.disabledAt === null,
    disabledAt: account.disabledAt?.toISOString() ?? null,
    password: account.passwordFromEnv ? "LUOSHI_EDITOR_PASSWORD" : "own",
    sessions: account._count.sessions,
    createdAt: account.createdAt.toISOString(),
    passwordChangedAt: account.passwordChangedAt.toISOString(),
  }));
  if (json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    io.stdout("no accounts: add one with luoshi editor add <name>\n");
    return;
  }
  const table = [
    ["name", "role", "status", "password", "sessions", "created"],
    ...accounts.map((account, i) => [
      account.name,
      account.role,
      account.disabledAt ? `removed ${day(account.disabledAt)}` : "enabled",
      rows[i]?.password ?? "",
      String(account._count.sessions),
      day(account.createdAt),
    ]),
  ];
  // Width in terminal columns: CJK characters take two.
  const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u1100-\uffdc]/.test(char) ? 2 : 1), 0);
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => width(row[column] ?? "")))) ?? [];
  for (const row of table) {
    io.stdout(
      `${row
        .map((cell, column) => cell + " ".repeat((widths[column] ?? 0) - width(cell)))
        .join("  ")
        .trimEnd()}\n`,
    );
  }
}

/** The command, with where passwords come from made replaceable for tests. */
export function createEditorCommand(
  options: { env?: Record<string, string | undefined>; input?: PasswordInput } = {},
): Command {
  const env = options.env ?? process.env;
  const input = options.input ?? terminalOrPipe;
  return {
    name: "editor",
    summary: "add, list, change the password of, or remove the accounts editors sign in with",
    usage: USAGE,
    async run(argv, io) {
      const args = parseCommandArgs(argv, { role: { type: "string" }, json: { type: "boolean" } }, ZEditorArgs);
      const target = databaseFromEnv(env);
      await applyPendingMigrations(target);
      const db = createDb(target);
      try {
        if (args.action === "list") {
          await list(db, io, args.json);
        } else if (args.action === "add") {
          if (args.name === TOKEN_EDITOR_NAME) throw new DomainError(`${TOKEN_EDITOR_NAME} names the API token`, 1);
          const existing = await findAccount(db, args.name);
          if (existing) throw new AccountExistsError(args.name, existing.disabledAt !== null);
          const passwordHash = await hashPassword(await newPassword(env, input));
          await createAccount(db, { name: args.name, passwordHash, role: args.role });
          io.stdout(`added ${args.role} ${args.name}\n`);
        } else if (args.action === "passwd") {
          const account = await findAccount(db, args.name);
          if (!account) throw new DomainError(`no account ${args.name}`, 1);
          if (account.disabledAt) throw new DomainError(`account ${args.name} was removed`, 1);
          const ended = await setAccountPassword(db, account.id, await hashPassword(await newPassword(env, input)));
          io.stdout(`changed the password of ${args.name}; ${ended} session(s) ended\n`);
        } else {
          const before = await findAccount(db, args.name);
          if (!before) throw new DomainError(`no account ${args.name}`, 1);
          const { sessionsEnded } = await disableAccount(db, args.name);
          io.stdout(
            before.disabledAt
              ? `${args.name} was already removed\n`
              : `removed ${args.name}: it can no longer sign in, ${sessionsEnded} session(s) ended, its edits keep its name\n`,
          );
        }
        return 0;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        io.stderr(`luoshi editor: ${error.message}\n`);
        return 1;
      } finally {
        await db.$disconnect();
      }
    },
  };
}

export const editorCommand = createEditorCommand();

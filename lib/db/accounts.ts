/**
 * Editor accounts and the record of failed sign-ins. Accounts are never deleted: removing one disables it, so the
 * audit trail's names keep pointing at one person. Changing a password or disabling an account ends its sessions in
 * the same transaction.
 */
import { z } from "zod";
import type { Account } from "@/lib/generated/prisma-sqlite/client";
import type { Db } from "./client";
import { DomainError, NotFoundError } from "./errors";

export type { Account };

export const ROLES = ["editor", "admin"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Recorded by edits made with the API token: no account may take it. */
export const TOKEN_EDITOR_NAME = "api-token";

/** An account name as typed: NFC, trimmed, no control characters; it is what the audit trail shows. */
export const ZAccountName = z
  .string()
  .transform((name) => name.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .min(1, "an account name is required")
      .max(80, "an account name has at most 80 characters")
      .refine((name) => !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name), "an account name has no control characters"),
  );

export class AccountExistsError extends DomainError {
  constructor(name: string, disabled: boolean) {
    super(
      disabled
        ? `account ${name} was removed; its name stays with its edits and is not given to anyone else`
        : `account ${name} already exists`,
      409,
    );
  }
}

export function findAccount(db: Db, name: string): Promise<Account | null> {
  return db.account.findUnique({ where: { name } });
}

export function listAccounts(db: Db): Promise<(Account & { _count: { sessions: number } })[]> {
  return db.account.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    include: { _count: { select: { sessions: true } } },
  });
}

export async function createAccount(
  db: Db,
  account: { name: string; passwordHash: string; role: TRole; passwordFromEnv?: boolean },
): Promise<Account> {
  const existing = await findAccount(db, account.name);
  if (existing) throw new AccountExistsError(account.name, existing.disabledAt !== null);
  try {
    return await db.account.create({ data: { passwordFromEnv: false, ...account } });
  } catch (error) {
    // Another process created the same name in between.
    if ((error as { code?: string }).code === "P2002") throw new AccountExistsError(account.name, false);
    throw error;
  }
}

/**
 * A new password (and whether it is LUOSHI_EDITOR_PASSWORD's); every session of the account ends. Returns how many
 * sessions ended.
 */
export async function setAccountPassword(
  db: Db,
  accountId: string,
  passwordHash: string,
  options: { fromEnv?: boolean } = {},
): Promise<number> {
  const [, ended] = await db.$transaction([
    db.account.update({
      where: { id: accountId },
      data: { passwordHash, passwordFromEnv: options.fromEnv ?? false, passwordChangedAt: new Date() },
    }),
    db.session.deleteMany({ where: { accountId } }),
  ]);
  return ended.count;
}

/** Disable an account by name and end its sessions; its edits keep its name. */
export async function disableAccount(
  db: Db,
  name: string,
  now = new Date(),
): Promise<{ account: Account; sessionsEnded: number }> {
  const account = await findAccount(db, name);
  if (!account) throw new NotFoundError(`no account ${name}`);
  const [disabled, ended] = await db.$transaction([
    db.account.update({ where: { id: account.id }, data: { disabledAt: account.disabledAt ?? now } }),
    db.session.deleteMany({ where: { accountId: account.id } }),
  ]);
  return { account: disabled, sessionsEnded: ended.count };
}

/** Some enabled account signs in with a password of its own (LUOSHI_EDITOR_PASSWORD's `admin` aside). */
export async function hasPasswordAccounts(db: Db): Promise<boolean> {
  const found = await db.account.findFirst({
    where: { disabledAt: null, passwordFromEnv: false },
    select: { id: true },
  });
  return found !== null;
}

/** Failed sign-ins within a window, for one account name and for one client address. */
export interface FailureCounts {
  account: { count: number; oldest: Date | null };
  address: { count: number; oldest: Date | null };
}

/**
 * Record an attempt before checking its password, so that concurrent guesses count against each other; a successful
 * sign-in deletes it again (`forgetFailures`).
 */
export async function recordFailure(db: Db, accountName: string, address: string, now = new Date()): Promise<string> {
  const row = await db.signInFailure.create({ data: { accountName, address, createdAt: now }, select: { id: true } });
  return row.id;
}

export async function countFailures(db: Db, accountName: string, address: string, since: Date): Promise<FailureCounts> {
  const count = async (where: { accountName: string } | { address: string }) => {
    const filter = { ...where, createdAt: { gt: since } };
    const [total, oldest] = await Promise.all([
      db.signInFailure.count({ where: filter }),
      db.signInFailure.findFirst({ where: filter, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    ]);
    return { count: total, oldest: oldest?.createdAt ?? null };
  };
  const [account, byAddress] = await Promise.all([count({ accountName }), count({ address })]);
  return { account, address: byAddress };
}

export async function deleteFailure(db: Db, id: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { id } });
}

/** After a successful sign-in: this address's failures for this account only, never another address's. */
export async function forgetFailures(db: Db, accountName: string, address: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { accountName, address } });
}

export async function pruneFailures(db: Db, before: Date): Promise<void> {
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: before } } });
}

/**
 * Browser sessions, stored so that signing out, a password change or a disabled account ends them at once. Rows hold
 * the sha256 of the cookie's token, never the token: a copy of the database signs no one in.
 */
import type { Account, Session } from "@/lib/generated/prisma-sqlite/client";
import type { Db } from "./client";

export async function createSession(db: Db, accountId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.session.create({ data: { accountId, tokenHash, expiresAt } });
}

export function findSession(db: Db, tokenHash: string): Promise<(Session & { account: Account }) | null> {
  return db.session.findUnique({ where: { tokenHash }, include: { account: true } });
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash } });
}

export async function deleteAccountSessions(db: Db, accountId: string): Promise<void> {
  await db.session.deleteMany({ where: { accountId } });
}

export async function pruneSessions(db: Db, now = new Date()): Promise<void> {
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
}

/**
 * Password hashing with scrypt (memory-hard, in node:crypto). The cost parameters are stored with each hash, so
 * raising them later leaves existing hashes verifiable. 2^15 × 8 × 3 is one of OWASP's scrypt settings: 32 MiB and
 * about 0.3 s per hash on a 2-core server, which makes each guess expensive without slowing a sign-in noticeably.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const COST = { N: 2 ** 15, r: 8, p: 3 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Node refuses scrypt above 32 MiB by default; 128 × N × r is exactly that here, so leave headroom. */
const MAX_MEMORY = 256 * 1024 * 1024;

/** Passwords an account may be given (the quick start's LUOSHI_EDITOR_PASSWORD is not held to this). */
export const ZNewPassword = z
  .string()
  .min(12, "a password has at least 12 characters")
  .max(1024, "a password has at most 1024 characters");

/** A stored hash: `scrypt$N$r$p$salt$key`, salt and key in base64url. Bounds keep a bad row from exhausting memory. */
const ZStoredHash = z.tuple([
  z.literal("scrypt"),
  z.coerce
    .number()
    .int()
    .refine((n) => n >= 2 ** 10 && n <= 2 ** 20 && (n & (n - 1)) === 0, "N is a power of two"),
  z.coerce.number().int().min(1).max(32),
  z.coerce.number().int().min(1).max(16),
  z.base64url().min(16),
  z.base64url().min(32),
]);

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }, length: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, length, { ...cost, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST, KEY_BYTES);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Whether `password` is the one `stored` was made from; compared in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = ZStoredHash.safeParse(stored.split("$"));
  if (!parsed.success) return false;
  const [, N, r, p, salt, key] = parsed.data;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), { N, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/** The same work as a real check, for names without an account: the answer's timing does not tell which exist. */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(18).toString("base64url"));
  await verifyPassword(password, await dummy);
  return false;
}

/**
 * One claimer in a process of its own, for the claiming race of tests/store/jobs.integration.test.ts: it waits until
 * the given moment (so that several start together), claims the next job of DATABASE_URL's database, and prints the
 * claimed job's id, or null, as JSON.
 *
 * node --import tsx tests/support/claim-job.ts <start at, ms since the epoch>
 */
import { getDb } from "@/lib/db/client";
import { claimNextJob } from "@/lib/db/jobs";

const startAt = Number(process.argv[2]);
const db = getDb();
// A first query opens the connection before the start, so that the claims themselves race.
await db.job.count();
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
const claimed = await claimNextJob(db);
process.stdout.write(`${JSON.stringify(claimed?.job.id ?? null)}\n`);
await db.$disconnect();

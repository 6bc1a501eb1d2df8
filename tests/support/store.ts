/** A migrated test database with its Prisma client, and row counts for "nothing changed" assertions. */
import { createDb, type Db } from "@/lib/db/client";
import { applyPendingMigrations } from "@/lib/db/migrate";
import type { Provider } from "@/lib/db/providers";
import { createTestDatabase } from "./databases";

export interface TestStore {
  db: Db;
  url: string;
  close: () => Promise<void>;
}

export async function openTestStore(provider: Provider): Promise<TestStore> {
  const database = await createTestDatabase(provider);
  await applyPendingMigrations(database.target);
  const db = createDb(database.target);
  return {
    db,
    url: database.target.url,
    close: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

export async function rowCounts(db: Db) {
  const [jurisdictions, documents, reports, targets, outcomes, matches, edits] = await Promise.all([
    db.jurisdiction.count(),
    db.document.count(),
    db.report.count(),
    db.target.count(),
    db.outcome.count(),
    db.match.count(),
    db.edit.count(),
  ]);
  return { jurisdictions, documents, reports, targets, outcomes, matches, edits };
}

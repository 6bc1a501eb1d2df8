/**
 * A PostgreSQL restart while the app runs: requests fail with a clear 503 while the database is down and succeed
 * again once it is back, without restarting the app. Uses a cluster of its own, since it stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as jurisdictionsRoute from "@/app/api/jurisdictions/route";
import { getDb } from "@/lib/db/client";
import { importFile } from "@/lib/db/import";
import { applyPendingMigrations } from "@/lib/db/migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/lib/db/tools/throwaway-postgres";
import { bytesOf, seedPath } from "../support/corpus";

describe("the API across a PostgreSQL restart", () => {
  let cluster: ThrowawayPostgres;
  const saved = process.env.DATABASE_URL;
  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    process.env.DATABASE_URL = await cluster.createDatabase("restart");
    await applyPendingMigrations({ provider: "postgresql", url: process.env.DATABASE_URL });
    const file = seedPath("003");
    await importFile(getDb(), { filename: file, bytes: bytesOf(file) }, { tolerance: 0 });
  });
  afterAll(async () => {
    await getDb().$disconnect();
    process.env.DATABASE_URL = saved;
    cluster.destroy();
  });

  const list = async () => {
    const response = await jurisdictionsRoute.GET(new Request("http://luoshi.test/api/jurisdictions"), undefined);
    return { status: response.status, body: (await response.json()) as { items?: { code: string }[]; error?: string } };
  };

  it("answers 503 while the database is down, and recovers when it is back", async () => {
    expect((await list()).body.items?.map((i) => i.code)).toEqual(["370705"]);

    cluster.stop();
    const down = await list();
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ error: "the database is unavailable; try again shortly" });

    cluster.start();
    let back = await list();
    for (let attempt = 0; attempt < 20 && back.status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      back = await list();
    }
    expect(back.status).toBe(200);
    expect(back.body.items?.map((i) => i.code)).toEqual(["370705"]);
  });
});

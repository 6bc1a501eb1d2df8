/** Every stored row says what produced it: the reader's version on reports, targets and outcomes, and the matcher's
 * version and tolerance on matches, so that rows of an older reader or another tolerance can be told apart. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editMatch } from "@/lib/db/edits";
import { importFile } from "@/lib/db/import";
import { rematchYear } from "@/lib/db/matching";
import { PROVIDERS } from "@/lib/db/providers";
import { writeTransaction } from "@/lib/db/transaction";
import { ENGINE_VERSION } from "@/lib/engine/match";
import { READER_VERSION } from "@/lib/engine/reader";
import { bytesOf, seedPath } from "../support/corpus";
import { openTestStore, type TestStore } from "../support/store";

describe.each(PROVIDERS)("versions of stored rows on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
    const file = seedPath("001");
    await importFile(store.db, { filename: file, bytes: bytesOf(file) }, { tolerance: 0 });
  });
  afterAll(async () => store.close());

  it("records the reader's version on every report, target and outcome it produced", async () => {
    const versions = async (table: "report" | "target" | "outcome") =>
      (await (store.db[table] as typeof store.db.report).groupBy({ by: ["readerVersion"] })).map(
        (r) => r.readerVersion,
      );
    expect(await versions("report")).toEqual([READER_VERSION]);
    expect(await versions("target")).toEqual([READER_VERSION]);
    expect(await versions("outcome")).toEqual([READER_VERSION]);
  });

  it("records the matcher's version and the tolerance it judged with, and a hand-entered figure as manual", async () => {
    expect(await store.db.match.groupBy({ by: ["engineVersion", "tolerance"] })).toEqual([
      { engineVersion: ENGINE_VERSION, tolerance: 0 },
    ]);
    await writeTransaction(store.db, (tx, p) => rematchYear(tx, p, "370202", 2019, { tolerance: 6 }));
    const judged = await store.db.match.groupBy({
      by: ["tolerance"],
      where: { manual: false, target: { jurisdictionCode: "370202", planYear: 2019 } },
    });
    expect(judged).toEqual([{ tolerance: 6 }]);

    const target = await store.db.target.findFirstOrThrow({
      where: { jurisdictionCode: "370202", planYear: 2019, measure: "growth" },
      include: { match: true },
    });
    await editMatch(
      store.db,
      target.id,
      {
        action: "manual_outcome",
        version: target.match?.version ?? 1,
        note: "统计公报数据",
        manualOutcome: { value: 6.1, unit: "%", text: "增长6.1%", source: "统计公报" },
      },
      "甲",
      { tolerance: 0 },
    );
    const manual = await store.db.outcome.findFirstOrThrow({ where: { manual: true } });
    expect(manual.readerVersion).toBe("manual");
  });
});

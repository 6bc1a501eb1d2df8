/** Row ids an import writes sort in the order they were made, so that inserts append to the primary-key index. */
import { describe, expect, it } from "vitest";
import { sortableId } from "@/lib/db/bulk-write";

describe("sortableId", () => {
  it("sorts in creation order within a millisecond and across many, without repeats", async () => {
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 2000; i++) ids.push(sortableId());
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^r[0-9a-z]{13}[0-9a-f]{12}$/);
  });
});

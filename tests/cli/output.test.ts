/** Streamed output is byte for byte what the whole-string output was, and waits for a slow destination. */
import { describe, expect, it } from "vitest";
import { JsonObjectWriter, type Sink, TextOutput } from "@/lib/cli/output";

function recorder() {
  const chunks: string[] = [];
  let drains = 0;
  const sink: Sink = {
    write: (text) => chunks.push(text),
    drain: async () => {
      drains += 1;
    },
  };
  return { sink, text: () => chunks.join(""), chunks, drains: () => drains };
}

describe("JsonObjectWriter", () => {
  it.each([
    { documents: [{ file: "a", reports: [{ year: 2019, text: "增长7%\n左右", list: [] }] }, { file: "b" }] },
    { documents: [{ file: "a" }], pairs: [], unpaired: [{ note: "未配对" }] },
    { rows: [] },
    { rows: [{ code: "000000", value: null, nested: { deep: [1, [2, { x: '"quoted"' }]] } }] },
  ])("lays out %j as JSON.stringify(value, null, 2)", async (value) => {
    const { sink, text } = recorder();
    const out = new TextOutput(sink);
    const json = new JsonObjectWriter(out);
    for (const [key, items] of Object.entries(value)) {
      await json.openArray(key);
      for (const item of items as unknown[]) await json.item(item);
      await json.closeArray();
    }
    await json.end();
    expect(text()).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it("lays out an item whose array is written one element at a time as JSON.stringify does", async () => {
    const documents = [
      { file: "a.txt", encoding: "utf-8", reports: [{ year: 2019, targets: [{ value: 7 }] }, { year: 2020 }] },
      { file: "b.txt", encoding: "gb18030", reports: [] },
    ];
    const { sink, text } = recorder();
    const json = new JsonObjectWriter(new TextOutput(sink));
    await json.openArray("documents");
    for (const { reports, ...head } of documents) await json.itemWithArray(head, "reports", reports);
    await json.closeArray();
    await json.end();
    expect(text()).toBe(`${JSON.stringify({ documents }, null, 2)}\n`);
  });

  it("writes nothing before the first array opens", async () => {
    const { sink, text } = recorder();
    const json = new JsonObjectWriter(new TextOutput(sink));
    expect(json.isStarted).toBe(false);
    expect(text()).toBe("");
  });
});

describe("TextOutput", () => {
  it("hands text over in chunks of about 64 K characters and waits for the destination after each", async () => {
    const { sink, text, chunks, drains } = recorder();
    const out = new TextOutput(sink);
    const line = `${"行".repeat(99)}\n`;
    for (let i = 0; i < 10_000; i += 1) await out.put(line);
    await out.flush();
    expect(text()).toBe(line.repeat(10_000));
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.length).toBeLessThan(20);
    expect(drains()).toBe(chunks.length);
  });
});

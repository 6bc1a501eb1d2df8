import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "@/lib/db/import";
import { rematchYear } from "@/lib/db/matching";
import { PROVIDERS } from "@/lib/db/providers";
import { NO_REVIEW_REASON } from "@/lib/engine/match";
import { bytesOf, NATIONAL, seedFiles, seedPath } from "../support/corpus";
import { openTestStore, rowCounts, type TestStore } from "../support/store";

const ENGINE = { tolerance: 0 };

/** A news summary of a plan that names neither the place nor the government (extraction.md §1 item 4). */
const UNPLACED_NEWS = `政府工作报告解读：主要预期目标已经明确

本报讯 记者从日前召开的人民代表大会上获悉，政府工作报告提出，2021年经济社会发展的主要预期目标是：地区生产总值增长6%以上；一般公共预算收入增长5%左右；城镇新增就业1.2万人；居民消费价格涨幅控制在3%左右；城镇登记失业率控制在4.5%以内。
`;
/** The same kind of summary without a year: `今年` with no date to resolve it. */
const UNDATED_NEWS = UNPLACED_NEWS.replace("2021年", "今年");

describe.each(PROVIDERS)("import on %s", (provider) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(provider);
  });
  afterAll(async () => store.close());

  it("imports the five seeds and the national corpus, then re-imports them without creating anything", async () => {
    const files = [...seedFiles(), NATIONAL];
    const first = [];
    for (const file of files) first.push(await importFile(store.db, { filename: file, bytes: bytesOf(file) }, ENGINE));
    const documents = first.flatMap((result) => result.documents);
    expect(documents.every((document) => document.created)).toBe(true);
    // Seed 001 holds two reports; every national line that is a report is one document.
    expect(documents.find((d) => d.file.includes("001_"))?.reports.map((r) => [r.code, r.year])).toEqual([
      ["370202", 2019],
      ["370202", 2020],
    ]);
    const nationalDocuments = documents.filter((d) => d.file.startsWith(NATIONAL));
    expect(nationalDocuments.length).toBeGreaterThanOrEqual(52);
    // What the national file holds besides reports (the congress's resolutions approving them) is refused, by line.
    for (const failure of first.flatMap((result) => result.failed)) expect(failure.error).toMatch(/jsonl:\d+: /);

    const counts = await rowCounts(store.db);
    expect(counts.targets).toBeGreaterThan(500);
    expect(counts.matches).toBe(counts.targets);

    for (const file of files) {
      const again = await importFile(store.db, { filename: file, bytes: bytesOf(file) }, ENGINE);
      expect(again.documents.every((document) => !document.created)).toBe(true);
    }
    expect(await rowCounts(store.db)).toEqual(counts);
  });

  it("judges 市南区 2019 against the 2020 report's review: GDP 7% target vs 6% actual is missed", async () => {
    const gdp = await store.db.target.findFirstOrThrow({
      where: {
        jurisdictionCode: "370202",
        planYear: 2019,
        indicatorName: "地区生产总值",
        measure: "growth",
        headline: true,
      },
      include: { match: { include: { outcome: true } } },
    });
    expect(gdp.value).toBe(7);
    expect(gdp.match?.verdict).toBe("missed");
    expect(gdp.match?.outcome?.value).toBe(6);
    expect(gdp.match?.outcome?.year).toBe(2019);
  });

  it("treats a GB18030 copy of an imported file as the same document", async () => {
    const variant = seedPath("001").replace("/seeds/", "/variants/").replace(".txt", ".gb18030.txt");
    const result = await importFile(store.db, { filename: variant, bytes: bytesOf(variant) }, ENGINE);
    expect(result.documents.map((d) => d.created)).toEqual([false]);
  });

  it("leaves no trace of a document whose import fails half-way", async () => {
    const before = await rowCounts(store.db);
    const copy = new TextDecoder().decode(bytesOf(seedPath("003"))).replace("。", "。这是另存的副本。");
    const fresh = new TextEncoder().encode(copy);
    await expect(
      importFile(
        store.db,
        { filename: "copy-of-003.txt", bytes: fresh },
        {
          ...ENGINE,
          // Stored beside 003 (it is 003 with a line more), so that the import reaches its writes.
          onDuplicate: "keep",
          afterWrite: async () => {
            throw new Error("simulated crash after the rows were written");
          },
        },
      ),
    ).rejects.toThrow("simulated crash");
    expect(await rowCounts(store.db)).toEqual(before);
  });

  it("uses the jurisdiction and year a user gives instead of the detected ones", async () => {
    const text = new TextDecoder().decode(bytesOf(seedPath("003")));
    const bytes = new TextEncoder().encode(`${text}\n（覆盖测试）`);
    const result = await importFile(
      store.db,
      { filename: "override.txt", bytes, override: { code: "370703", year: 2024 } },
      ENGINE,
    );
    expect(result.documents[0]?.reports.map((r) => [r.code, r.year])).toEqual([["370703", 2024]]);
    const report = await store.db.report.findUniqueOrThrow({
      where: { id: result.documents[0]?.reports[0]?.id ?? "" },
      include: { jurisdiction: true },
    });
    expect(report.identityOverridden).toBe(true);
    expect(report.planYear).toBe(2024);
    expect(report.jurisdiction.name).toBe("潍坊市寒亭区");
    expect(report.jurisdiction.parentCode).toBe("370700");
    expect(
      await store.db.target.count({ where: { reportId: report.id, planYear: 2024, jurisdictionCode: "370703" } }),
    ).toBeGreaterThan(10);
  });

  it("does not import a text whose jurisdiction is unknown until the user gives it, then imports it", async () => {
    const before = await rowCounts(store.db);
    const bytes = new TextEncoder().encode(UNPLACED_NEWS);
    const refused = await importFile(store.db, { filename: "unplaced.txt", bytes }, ENGINE);
    expect(refused.documents).toEqual([]);
    expect(refused.failed).toEqual([
      {
        file: "unplaced.txt",
        code: "missing_identity",
        missing: ["jurisdiction"],
        error:
          "unplaced.txt: no jurisdiction could be identified: give it with a jurisdiction code (GB/T 2260, 6 digits); " +
          "nothing was imported",
      },
    ]);
    const prompt = { code: "--code <GB/T 2260 code>", year: "--year <year>" };
    const asked = await importFile(
      store.db,
      { filename: "unplaced.txt", bytes },
      { ...ENGINE, identityPrompt: prompt },
    );
    expect(asked.failed[0]?.error).toMatch(
      /no jurisdiction could be identified: give it with --code <GB\/T 2260 code>/,
    );
    expect(await rowCounts(store.db)).toEqual(before);

    const result = await importFile(
      store.db,
      { filename: "unplaced.txt", bytes, override: { code: "370213", year: 2021 } },
      ENGINE,
    );
    expect(result.failed).toEqual([]);
    expect(result.documents[0]?.reports.map((r) => [r.code, r.year])).toEqual([["370213", 2021]]);
    const report = await store.db.report.findUniqueOrThrow({
      where: { id: result.documents[0]?.reports[0]?.id ?? "" },
      include: { jurisdiction: true },
    });
    expect(report.jurisdiction.name).toBe("青岛市李沧区");
    expect(report.planYear).toBe(2021);
    const gdp = await store.db.target.findFirst({
      where: { reportId: report.id, jurisdictionCode: "370213", planYear: 2021, indicatorName: "地区生产总值" },
      include: { match: true },
    });
    expect(gdp?.value).toBe(6);
    // No review of 2021 is stored: the plan waits for it.
    expect(gdp?.match).toMatchObject({ verdict: "pending", reason: JSON.stringify([NO_REVIEW_REASON]) });
  });

  it("asks for both jurisdiction and year when neither can be told, and imports with both given", async () => {
    const before = await rowCounts(store.db);
    const bytes = new TextEncoder().encode(UNDATED_NEWS);
    const refused = await importFile(store.db, { filename: "undated.txt", bytes }, ENGINE);
    expect(refused.documents).toEqual([]);
    expect(refused.failed).toEqual([
      {
        file: "undated.txt",
        code: "missing_identity",
        missing: ["jurisdiction", "year"],
        error: expect.stringMatching(/^undated\.txt: no jurisdiction could be identified, nor the report's year: /),
      },
    ]);
    // A code alone is not enough: the year is still unknown.
    const codeOnly = await importFile(
      store.db,
      { filename: "undated.txt", bytes, override: { code: "370214" } },
      ENGINE,
    );
    expect(codeOnly.failed.map((f) => f.missing)).toEqual([["year"]]);
    expect(codeOnly.failed[0]?.error).toMatch(
      /the report's year could not be identified: give it with the report's year/,
    );
    expect(await rowCounts(store.db)).toEqual(before);

    const result = await importFile(
      store.db,
      { filename: "undated.txt", bytes, override: { code: "370214", year: 2022 } },
      ENGINE,
    );
    expect(result.documents[0]?.reports.map((r) => [r.code, r.year])).toEqual([["370214", 2022]]);
    expect(await store.db.target.count({ where: { jurisdictionCode: "370214", planYear: 2022 } })).toBeGreaterThan(3);
  });

  it("refuses what is not a report and writes nothing", async () => {
    const before = await rowCounts(store.db);
    // Each refusal names its file in words, and carries the reader's code for the interface to say in its own.
    const cases: [string, Uint8Array, string][] = [
      ["empty.txt", new Uint8Array(), "empty"],
      [
        "image.png",
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
        "binary",
      ],
      ["news.txt", new TextEncoder().encode("今天天气晴朗，气温二十度，适合外出散步。"), "not_a_report"],
      ["huge.txt", new Uint8Array(60 * 1024 * 1024), "too_large"],
      ["broken.txt", new Uint8Array([0xe6, 0x94, 0xbf, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), "undecodable"],
    ];
    for (const [filename, bytes, code] of cases) {
      const result = await importFile(store.db, { filename, bytes }, ENGINE);
      expect(result.documents).toEqual([]);
      expect(result.failed).toEqual([
        { file: filename, error: expect.stringContaining(filename), code, params: expect.any(Object) },
      ]);
    }
    expect(await rowCounts(store.db)).toEqual(before);
  });

  it("re-judges a year from what is stored and reaches the same verdicts", async () => {
    const verdicts = async () =>
      (
        await store.db.match.findMany({
          where: { target: { jurisdictionCode: "370202", planYear: 2019 } },
          orderBy: { targetId: "asc" },
        })
      ).map((m) => [m.targetId, m.verdict, m.outcomeId]);
    const before = await verdicts();
    await store.db.$transaction((tx) => rematchYear(tx, provider, "370202", 2019, ENGINE));
    expect(await verdicts()).toEqual(before);
  });
});

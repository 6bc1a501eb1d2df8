/**
 * The research format's parts without a database: hard/soft coding of wording, the codebook documenting every column
 * of every format in both languages, the filter schema shared by the API and the CLI, the scorecard's URL state as
 * export filters, the Stata .do file, and Parquet's typed columns read back with hyparquet.
 */
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { parseTableState } from "@/components/data-table/url-state";
import { exportHref, scorecardExportFilters } from "@/components/export/scorecard-filters";
import { TARGET_COLUMN_IDS, TARGET_FILTER_KEYS, TARGET_GROUPS } from "@/components/scorecard/table-config";
import { ZipArchive } from "@/lib/engine/reader/tables/zip";
import { codebook, codebookMarkdown } from "@/lib/export/codebook";
import { CODE_SETS, FILE_COLUMNS } from "@/lib/export/columns";
import { EXPORT_COLUMNS, type ExportRow } from "@/lib/export/format";
import { stataDo } from "@/lib/export/stata";
import { renderExport } from "@/lib/export/stream";
import { codeStrength, DEFAULT_HARD_CUES, DEFAULT_SOFT_CUES, strengthCuesOf } from "@/lib/export/strength";
import { describeFilters, exportFilterParams, ZExportFilters, ZExportQuery } from "@/lib/schemas/export";
import { readSettings } from "@/lib/settings";

describe("hard and soft targets", () => {
  it.each([
    ["确保", "exact", "hard"],
    ["以上", "at_least", "hard"],
    ["不低于", "exact", "hard"],
    ["不少于", "exact", "hard"],
    ["控制在…以内", "at_most", "hard"],
    ["突破", "exact", "hard"],
    ["左右", "about", "soft"],
    ["力争", "exact", "soft"],
    ["争取", "exact", "soft"],
    // 力争 qualifies the whole figure: it aspires to 8% or more, it does not bind.
    ["力争…以上", "at_least", "soft"],
    ["确保…左右", "about", "soft"],
  ] as const)("codes wording %j (%s) as %s", (wording, qualifier, strength) => {
    expect(codeStrength(wording, qualifier)).toBe(strength);
  });

  it("codes a target read before wording was kept from its qualifier, and a bare figure as none", () => {
    expect(codeStrength(null, "about")).toBe("soft");
    expect(codeStrength(null, "at_least")).toBe("hard");
    expect(codeStrength(null, "at_most")).toBe("hard");
    expect(codeStrength(null, "exact")).toBe("none");
    expect(codeStrength(null, "range")).toBe("none");
    expect(codeStrength("达到", "exact")).toBe("none");
  });

  it("takes its cue lists from the settings, which are validated", () => {
    const cues = strengthCuesOf(readSettings({ LUOSHI_HARD_CUES: "达到, 确保", LUOSHI_SOFT_CUES: "左右、力争" }));
    expect(cues).toEqual({ hard: ["达到", "确保"], soft: ["左右", "力争"] });
    expect(codeStrength("达到", "exact", cues)).toBe("hard");
    expect(codeStrength(null, "at_least", cues)).toBe("none");
    expect(strengthCuesOf(readSettings({}))).toEqual({ hard: DEFAULT_HARD_CUES, soft: DEFAULT_SOFT_CUES });
    expect(() => readSettings({ LUOSHI_HARD_CUES: "确保,,以上" })).toThrow(/LUOSHI_HARD_CUES must list words/);
    expect(() => readSettings({ LUOSHI_HARD_CUES: "确保", LUOSHI_SOFT_CUES: "力争,确保" })).toThrow(
      /LUOSHI_SOFT_CUES names 确保, which LUOSHI_HARD_CUES names too/,
    );
  });
});

describe("the codebook", () => {
  it.each(["zh-CN", "en"] as const)(
    "documents every column in %s: header, type, meaning, each code's label",
    (lang) => {
      const entries = codebook(lang);
      expect(entries.map((entry) => entry.name)).toEqual(EXPORT_COLUMNS);
      for (const entry of entries) {
        expect(entry.header, entry.name).not.toBe("");
        expect(entry.meaning, entry.name).not.toBe(entry.name);
        expect(entry.meaning.length, entry.name).toBeGreaterThan(3);
        expect(["string", "int", "double", "boolean"]).toContain(entry.type);
      }
      for (const column of FILE_COLUMNS.filter((c) => c.codes)) {
        const entry = entries.find((e) => e.name === column.name);
        const codes = CODE_SETS[column.codes ?? "verdict"];
        expect(entry?.codes.map((c) => c.code)).toEqual([...codes]);
        expect(entry?.codes.every((c) => c.label !== "")).toBe(true);
        // Every coded column has its label column beside it.
        expect(EXPORT_COLUMNS[EXPORT_COLUMNS.indexOf(column.name) + 1]).toBe(`${column.name}_label`);
      }
      if (lang === "en") {
        // English labels are English, not the codes again.
        const verdict = entries.find((e) => e.name === "verdict");
        expect(verdict?.codes.find((c) => c.code === "no_outcome")?.label).toBe("No outcome");
        expect(entries.find((e) => e.name === "category")?.codes.find((c) => c.code === "经济发展")?.label).not.toBe(
          "经济发展",
        );
      }
      const markdown = codebookMarkdown({ filters: "", rows: 3, sha256: "f".repeat(64), date: "2026-03-01" }, lang);
      for (const name of EXPORT_COLUMNS) expect(markdown).toContain(`| ${name} |`);
      expect(markdown).toContain("f".repeat(64));
    },
  );

  it("is in every format: the Parquet metadata, the Stata ZIP and the JSON document", async () => {
    const row = exampleRow();
    const parquet = await renderExport([row], "parquet", { lang: "en" });
    const metadata = parquetMetadata(parquet.buffer as ArrayBuffer);
    const kv = Object.fromEntries((metadata.key_value_metadata ?? []).map(({ key, value }) => [key, value]));
    expect((JSON.parse(kv["luoshi.codebook"] ?? "[]") as { name: string }[]).map((e) => e.name)).toEqual(
      EXPORT_COLUMNS,
    );
    const zip = new ZipArchive(await renderExport([row], "stata"));
    expect([...zip.entries.keys()]).toEqual(["luoshi.csv", "luoshi.do", "codebook.md", "CITATION.txt"]);
    const json = JSON.parse(new TextDecoder().decode(await renderExport([row], "json"))) as {
      codebook: { name: string }[];
    };
    expect(json.codebook.map((e) => e.name)).toEqual(EXPORT_COLUMNS);
  });
});

function exampleRow(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    code: "110000",
    jurisdiction: "北京市",
    level: "province",
    parent_code: "000000",
    year: 2026,
    indicator: "地区生产总值",
    indicator_canonical: "地区生产总值",
    category: "经济发展",
    measure: "growth",
    qualifier: "about",
    wording: "左右",
    strength: "soft",
    target_value: 5,
    target_min: null,
    target_max: null,
    stretch: null,
    target_unit: "%",
    polarity: "higher_better",
    headline: true,
    target_text: "地区生产总值增长5%左右",
    outcome_value: null,
    outcome_unit: null,
    estimated: null,
    outcome_text: null,
    outcome_report_id: null,
    outcome_source: null,
    outcome_source_url: null,
    verdict: "pending",
    gap: null,
    gap_unit: null,
    confidence: 1,
    reason: "",
    manual: false,
    not_a_target: false,
    reader_version: "test",
    source_url: "https://example.gov.cn/a.html",
    source_file: "a.csv:row 2",
    publish_date: "2026-02-02",
    plan_report_id: "r1",
    start: 3,
    end: 15,
    ...overrides,
  };
}

describe("Parquet", () => {
  it("writes typed columns (ints, doubles, booleans, strings, nulls) that hyparquet reads back", async () => {
    const rows = [
      exampleRow(),
      exampleRow({
        code: "120000",
        qualifier: "range",
        target_value: null,
        target_min: 4.5,
        target_max: 5,
        outcome_value: -0.5,
        estimated: true,
        gap: 0.857,
        headline: false,
        wording: null,
      }),
    ];
    const bytes = await renderExport(rows, "parquet", { lang: "zh-CN" });
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const schema = parquetMetadata(buffer).schema;
    const typeOf = (name: string) => schema.find((element) => element.name === name);
    expect(typeOf("year")?.type).toBe("INT32");
    expect(typeOf("target_value")?.type).toBe("DOUBLE");
    expect(typeOf("headline")?.type).toBe("BOOLEAN");
    expect(typeOf("code")).toMatchObject({ type: "BYTE_ARRAY", converted_type: "UTF8" });
    const read = await parquetReadObjects({ file: buffer });
    expect(read).toHaveLength(2);
    expect(read[0]).toMatchObject({ code: "110000", year: 2026, target_value: 5, headline: true, estimated: null });
    expect(read[0]?.verdict_label).toBe("待回顾");
    expect(read[1]).toMatchObject({
      target_value: null,
      target_min: 4.5,
      outcome_value: -0.5,
      estimated: true,
      gap: 0.857,
      wording: null,
      strength_label: "软约束",
    });
  });
});

describe("the Stata .do file", () => {
  const text = stataDo({ filters: "year=2026", rows: 1, sha256: "a".repeat(64), date: "2026-03-01" }, "cite", "zh-CN");

  it("imports the CSV and labels every column, coded ones with value labels", () => {
    expect(text).toContain('import delimited using "luoshi.csv"');
    for (const name of EXPORT_COLUMNS) expect(text).toMatch(new RegExp(`^label variable ${name} \`".+"'$`, "m"));
    for (const column of FILE_COLUMNS.filter((c) => c.codes)) {
      expect(text).toContain(`label define ${column.name}_codes 1 `);
      expect(text).toContain(`label values ${column.name}_n ${column.name}_labels`);
    }
    expect(text).toContain('label define verdict_labels 1 `"完成"\' 2 `"未完成"\'');
    expect(text).toMatch(/^destring .*\byear\b.*\btarget_value\b.*, replace$/m);
    expect(text).toContain("a".repeat(64));
  });
});

describe("the filter schema", () => {
  it("reads the screens' and the CLI's filters: lists, a year or a range, switches", () => {
    const parsed = ZExportQuery.parse({
      level: "province",
      parent: "000000",
      indicator: "地区生产总值",
      measure: "growth,level",
      verdict: ["met", "missed"],
      year: "2019-2021",
      headline: "1",
      strength: "hard",
      format: "parquet",
      lang: "en",
    });
    expect(parsed).toMatchObject({
      level: ["province"],
      parent: "000000",
      indicator: ["地区生产总值"],
      measure: ["growth", "level"],
      verdict: ["met", "missed"],
      year: { from: 2019, to: 2021 },
      headline: true,
      strength: ["hard"],
      format: "parquet",
      lang: "en",
      codebook: false,
    });
    expect(ZExportQuery.parse({ year: "2026", headline: true }).year).toEqual({ from: 2026, to: 2026 });
    expect(ZExportQuery.parse({}).format).toBe("csv");
    // Round trip through the URL form.
    const again = ZExportFilters.parse(Object.fromEntries(exportFilterParams(parsed)));
    expect(again).toEqual(ZExportFilters.parse({ ...parsed, year: "2019-2021" }));
    expect(describeFilters(parsed)).toBe(
      "level=province parent=000000 year=2019-2021 indicator=地区生产总值 measure=growth,level verdict=met,missed strength=hard headline=1",
    );
  });

  it.each([
    [{ code: "37020" }, "code"],
    [{ level: "village" }, "level"],
    [{ year: "2026-2019" }, "year"],
    [{ year: "1900" }, "year"],
    [{ year: ["2019", "2020"] }, "year"],
    [{ measure: "speed" }, "measure"],
    [{ verdict: "won" }, "verdict"],
    [{ strength: "firm" }, "strength"],
    [{ headline: "yes" }, "headline"],
    [{ format: "pdf" }, "format"],
    [{ lang: "fr" }, "lang"],
    [{ yaer: "2019" }, ""],
  ])("refuses %j", (query, field) => {
    const result = ZExportQuery.safeParse(query);
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});

describe("the scorecard's URL as export filters", () => {
  const stateOf = (query: string) =>
    parseTableState(new URLSearchParams(query), TARGET_FILTER_KEYS, {
      columns: TARGET_COLUMN_IDS,
      groups: TARGET_GROUPS,
    });

  it("keeps the page's jurisdiction and year and the table's filters, not its sort, grouping or columns", () => {
    const state = stateOf(
      "verdict=missed,pending&measure=growth&category=经济发展&headline=1&q=生产&sort=gap.desc&group=category&hide=reason",
    );
    const filters = scorecardExportFilters("370202", 2019, state);
    expect(filters).toMatchObject({
      code: "370202",
      year: { from: 2019, to: 2019 },
      verdict: ["missed", "pending"],
      measure: ["growth"],
      category: ["经济发展"],
      headline: true,
      q: "生产",
    });
    const href = exportHref(filters, "xlsx", "en");
    const params = new URL(href, "http://luoshi.test").searchParams;
    expect(Object.fromEntries(params)).toEqual({
      code: "370202",
      year: "2019",
      verdict: "missed,pending",
      measure: "growth",
      category: "经济发展",
      headline: "1",
      q: "生产",
      format: "xlsx",
      lang: "en",
    });
    // The API's own schema accepts what the link says.
    expect(ZExportQuery.safeParse(Object.fromEntries(params)).success).toBe(true);
  });

  it("is the whole year when the table is unfiltered, and drops values the table does not know", () => {
    expect(exportHref(scorecardExportFilters("370202", 2019, stateOf("")), "csv", "zh-CN")).toBe(
      "/api/export?code=370202&year=2019&format=csv&lang=zh-CN",
    );
    expect(scorecardExportFilters("370202", 2019, stateOf("verdict=won,met")).verdict).toEqual(["met"]);
    expect(exportHref(scorecardExportFilters("370202", 2019, stateOf("")), "csv", "en", { codebook: true })).toContain(
      "codebook=1",
    );
  });
});

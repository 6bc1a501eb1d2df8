/** Export files in long format (one row per target): CSV for any tool, XLSX for spreadsheets, JSON for scripts. */

export interface ExportRow {
  code: string;
  jurisdiction: string;
  year: number;
  indicator: string;
  category: string;
  measure: string;
  qualifier: string;
  target_value: number | null;
  target_min: number | null;
  target_max: number | null;
  target_unit: string | null;
  polarity: string;
  headline: boolean;
  target_text: string;
  verdict: string;
  confidence: number | null;
  reason: string;
  /** The gap of verdicts.md (replacing 完成度): points or a ratio, oriented so that positive is better. */
  gap: number | null;
  gap_unit: "个百分点" | "ratio" | null;
  manual: boolean;
  not_a_target: boolean;
  actual_value: number | null;
  actual_unit: string | null;
  actual_text: string;
  estimated: boolean;
  plan_report_id: string;
  plan_source: string;
  review_report_id: string | null;
  review_source: string | null;
}

export type ExportFormat = "csv" | "xlsx" | "json";

export const EXPORT_COLUMNS: (keyof ExportRow)[] = [
  "code",
  "jurisdiction",
  "year",
  "indicator",
  "category",
  "measure",
  "qualifier",
  "target_value",
  "target_min",
  "target_max",
  "target_unit",
  "polarity",
  "headline",
  "target_text",
  "verdict",
  "confidence",
  "reason",
  "gap",
  "gap_unit",
  "manual",
  "not_a_target",
  "actual_value",
  "actual_unit",
  "actual_text",
  "estimated",
  "plan_report_id",
  "plan_source",
  "review_report_id",
  "review_source",
];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

/**
 * Text that a spreadsheet would run as a formula (OWASP "CSV injection"): a field starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return. Such text gets a leading `'`, which spreadsheets show as text and do not evaluate. Only
 * text is neutralised: numbers are written as numbers, so a negative value stays `-0.5`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; text neutralised as above. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutralised(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (row: ExportRow): string =>
  `${EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(",")}\r\n`;

/** Files start with a UTF-8 byte-order mark, so that Excel reads the Chinese correctly. */
export const UTF8_BOM = "\uFEFF";

/** RFC 4180 CSV, a page of rows per chunk; `bom` puts a UTF-8 byte-order mark first. */
export async function* csvChunks(pages: AsyncIterable<ExportRow[]>, bom: boolean): AsyncGenerator<string> {
  yield `${bom ? UTF8_BOM : ""}${EXPORT_COLUMNS.join(",")}\r\n`;
  for await (const page of pages) if (page.length > 0) yield page.map(csvLine).join("");
}

/** `{ "rows": [...] }` laid out exactly as `JSON.stringify({ rows }, null, 2)` plus a newline, a page per chunk. */
export async function* jsonChunks(pages: AsyncIterable<ExportRow[]>): AsyncGenerator<string> {
  let count = 0;
  yield '{\n  "rows": [';
  for await (const page of pages) {
    if (page.length === 0) continue;
    // A JSON string never holds a raw newline, so indenting every line of a row is safe.
    yield page
      .map((row) => `${count++ > 0 ? "," : ""}\n    ${JSON.stringify(row, null, 2).replace(/\n/g, "\n    ")}`)
      .join("");
  }
  yield count > 0 ? "\n  ]\n}\n" : "]\n}\n";
}

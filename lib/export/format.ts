/**
 * Export files in long format (one row per target): the columns' headers and labels in the export's language, CSV
 * lines, JSON, and the data hash that every export's citation carries.
 */
import { createHash, type Hash } from "node:crypto";
import { type Locale, messages } from "@/lib/i18n";
import { type CodeSet, type ExportRow, FILE_COLUMNS, type FileColumn } from "./columns";

export type { TExportFormat as ExportFormat } from "@/lib/schemas/export";
export { EXPORT_COLUMNS, type ExportRow } from "./columns";

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  parquet: "application/vnd.apache.parquet",
  stata: "application/zip",
  json: "application/json; charset=utf-8",
} as const;

/** The file name's extension of each format (Stata comes as a ZIP of CSV, .do file and codebook). */
export const EXTENSIONS = { csv: "csv", xlsx: "xlsx", parquet: "parquet", stata: "zip", json: "json" } as const;

/** A code in the export's language; the code itself where no label is known. */
export function codeLabel(set: CodeSet, code: string, lang: Locale): string {
  const t = messages(lang);
  switch (set) {
    case "verdict":
      return t.verdict[code as keyof typeof t.verdict] ?? code;
    case "measure":
      return t.measure[code as keyof typeof t.measure] ?? code;
    case "category":
      return t.categories[code] ?? code;
    default:
      return t.exportData.codes[set]?.[code] ?? code;
  }
}

/** A column's header in `lang` (English headers are the column names, which tools take as variable names). */
export function headerOf(column: FileColumn, lang: Locale): string {
  const t = messages(lang).exportData;
  if (column.of) return t.labelHeader.replace("{header}", t.columns[column.of]?.header ?? column.of);
  return t.columns[column.name]?.header ?? column.name;
}

export type Cell = string | number | boolean | null;

/** The row's values in file order: data as read, each coded column followed by its label in `lang`. */
export function fileValues(row: ExportRow, lang: Locale): Cell[] {
  return FILE_COLUMNS.map((column) => {
    if (column.data) return row[column.data];
    const code = column.of ? row[column.of] : null;
    return typeof code === "string" && column.labels ? codeLabel(column.labels, code, lang) : null;
  });
}

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

export const csvLine = (row: ExportRow, lang: Locale): string => `${fileValues(row, lang).map(csvCell).join(",")}\r\n`;

/** The header line: headers in `lang`, or the column names (`names`: for Stata and other tools). */
export function csvHeader(lang: Locale, names = false): string {
  return `${FILE_COLUMNS.map((column) => csvCell(names ? column.name : headerOf(column, lang))).join(",")}\r\n`;
}

/** Files start with a UTF-8 byte-order mark, so that Excel reads the Chinese correctly. */
export const UTF8_BOM = "\uFEFF";

/**
 * The data hash and row count of an export, fed the rows as they pass: sha256 of their CSV lines in the export's
 * language (what follows the header of the CSV export of the same filters and language), so that it names the data
 * whatever the file format and can be checked with `tail -n +2 data.csv | sha256sum`.
 */
export class DataTally {
  rows = 0;
  private readonly hash: Hash = createHash("sha256");
  private hex: string | null = null;

  constructor(readonly lang: Locale) {}

  /** Count and hash `line`, the CSV line of a row in this tally's language. */
  addLine(line: string): void {
    this.rows += 1;
    this.hash.update(line, "utf8");
  }

  add(rows: readonly ExportRow[]): void {
    for (const row of rows) this.addLine(csvLine(row, this.lang));
  }

  get sha256(): string {
    this.hex ??= this.hash.digest("hex");
    return this.hex;
  }
}

/** The pages unchanged, each counted and hashed into `tally` before it is passed on. */
export async function* tallied(pages: AsyncIterable<ExportRow[]>, tally: DataTally): AsyncGenerator<ExportRow[]> {
  for await (const page of pages) {
    tally.add(page);
    yield page;
  }
}

/** RFC 4180 CSV, a page of rows per chunk; `bom` puts a UTF-8 byte-order mark first. */
export async function* csvChunks(
  pages: AsyncIterable<ExportRow[]>,
  tally: DataTally,
  { bom, names = false }: { bom: boolean; names?: boolean },
): AsyncGenerator<string> {
  yield `${bom ? UTF8_BOM : ""}${csvHeader(tally.lang, names)}`;
  for await (const page of pages) {
    if (page.length === 0) continue;
    let chunk = "";
    for (const row of page) {
      const line = csvLine(row, tally.lang);
      tally.addLine(line);
      chunk += line;
    }
    yield chunk;
  }
}

/** A row as a JSON object: every file column by name, labels included. */
export function jsonObject(row: ExportRow, lang: Locale): Record<string, Cell> {
  const values = fileValues(row, lang);
  return Object.fromEntries(FILE_COLUMNS.map((column, index) => [column.name, values[index] ?? null]));
}

/**
 * `{ "rows": [...], "count", "sha256", "citation", "codebook" }` laid out as `JSON.stringify(…, null, 2)` plus a
 * newline, a page of rows per chunk; the hash and citation follow the rows they describe.
 */
export async function* jsonChunks(
  pages: AsyncIterable<ExportRow[]>,
  tally: DataTally,
  trailer: () => Record<string, unknown>,
): AsyncGenerator<string> {
  yield '{\n  "rows": [';
  for await (const page of tallied(pages, tally)) {
    if (page.length === 0) continue;
    const start = tally.rows - page.length;
    // A JSON string never holds a raw newline, so indenting every line of a row is safe.
    yield page
      .map(
        (row, i) =>
          `${start + i > 0 ? "," : ""}\n    ${JSON.stringify(jsonObject(row, tally.lang), null, 2).replace(/\n/g, "\n    ")}`,
      )
      .join("");
  }
  const rest = JSON.stringify(trailer(), null, 2).slice(1);
  yield `${tally.rows > 0 ? "\n  ]" : "]"},${rest}\n`;
}

/**
 * Table rows → documents to read: the header row names the columns (matched case-insensitively against the aliases
 * researchers use), each later row is one document whose text cell is validated and whose other cells become hints.
 * A row that cannot be a document is a ReadError for that row; the other rows are still read.
 */
import { z } from "zod";
import { ReadError } from "../errors";
import type { ReadHints } from "../types";
import { CsvSyntaxError } from "./csv";

/** A cell as the table holds it: text, or a number from a workbook's numeric cell. */
export type TableCell = string | number;

export interface TableRow {
  /** 1-based row number as a spreadsheet program shows it (the header is usually row 1). */
  row: number;
  cells: TableCell[];
}

/** One row to read as a document, or why it cannot be. */
export type TableEntry = { file: string; text: string; hints: ReadHints } | ReadError;

/** Most documents read from one table: 50 MB of reports is a few thousand rows; more is not a report corpus. */
export const MAX_TABLE_ROWS = 10_000;
/** Longest text cell: a whole work report is 10–100 thousand characters. */
export const MAX_TEXT_CHARS = 1_000_000;
/** Most columns a row may have. */
export const MAX_TABLE_COLUMNS = 1_000;
/** How many non-empty rows may precede the header (a title row, notes above the table). */
export const HEADER_SEARCH_ROWS = 10;

type Field = "text" | "jurisdiction" | "code" | "year" | "title" | "url" | "publishDate";

/** Column names of each field, best first; compared after `headerKey`. */
const COLUMN_ALIASES: Record<Field, string[]> = {
  text: ["full_text", "fulltext", "content", "text", "body", "全文", "正文", "内容", "文本"],
  jurisdiction: ["province", "jurisdiction", "name", "省份", "地区", "行政区", "行政区划", "名称"],
  code: ["code", "adcode", "division_code", "行政区划代码", "代码"],
  year: ["year", "年份", "年度"],
  title: ["title", "标题", "题目"],
  url: ["url", "source_url", "link", "链接", "网址"],
  publishDate: ["publish_date", "pub_date", "published", "date", "发布日期", "发布时间", "日期"],
};

/** `Full Text`, `full-text`, `FULL_TEXT` and `fulltext` are one column name. */
function headerKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, "");
}

const ALIAS_KEYS = Object.fromEntries(
  Object.entries(COLUMN_ALIASES).map(([field, names]) => [field, names.map(headerKey)]),
) as Record<Field, string[]>;

/** For each field, the indices of the columns that hold it, best alias first. */
type ColumnMap = Record<Field, number[]>;

export function matchColumns(header: readonly TableCell[]): ColumnMap {
  const keys = header.map((cell) => headerKey(String(cell)));
  const map = {} as ColumnMap;
  for (const field of Object.keys(ALIAS_KEYS) as Field[]) {
    map[field] = ALIAS_KEYS[field].flatMap((alias) => keys.flatMap((key, index) => (key === alias ? [index] : [])));
  }
  return map;
}

function isBlank(cell: TableCell | undefined): boolean {
  return cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** The ISO date (YYYY-MM-DD) of a calendar date, or undefined when it does not exist. */
function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A workbook's date serial → ISO date: days since 1899-12-30 (after Excel's 1900 leap-year bug) or 1904-01-01. */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** `2026-02-01`, `2026/2/1`, `2026.02.01`, `2026年2月1日` (a time may follow) or `20260201` → `2026-02-01`. */
export function parsePublishDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.normalize("NFKC").trim();
  const separated = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const parts = separated ?? compact;
  return parts ? isoDate(Number(parts[1]), Number(parts[2]), Number(parts[3])) : undefined;
}

/** `2026`, `2026.0` (a float column), `2026年` → 2026. */
function parseYear(value: unknown): unknown {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return value;
  const match = /^(\d{4})(?:\.0+|\s*年度?)?$/.exec(value.normalize("NFKC").trim());
  return match ? Number(match[1]) : value;
}

const hintText = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

/**
 * One row: the text must be there and of a sane size; hints that do not parse are left out (the text is still
 * read, and identification guesses what the hint would have said).
 */
const ZTableRow = z.object({
  text: z
    .string()
    .max(MAX_TEXT_CHARS, {
      error: (issue) =>
        `the text cell holds ${String(issue.input).length} characters; the limit is ${MAX_TEXT_CHARS} per cell`,
    })
    .refine((text) => text.trim() !== "", { error: "the row's text cell is empty" }),
  jurisdiction: hintText(100),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  year: z.preprocess(parseYear, z.number().int().min(1949).max(2100).optional()).catch(undefined),
  title: hintText(500),
  url: hintText(2048),
  publishDate: z.preprocess(parsePublishDate, z.iso.date().optional()).catch(undefined),
});

export interface TableSource {
  rows: Iterable<TableRow>;
  /** Workbook dates count from 1904 (see `excelSerialToIso`). */
  date1904?: boolean;
  /** The source held more rows than it let through (a workbook stops parsing at the cap). */
  truncated?: boolean;
}

function describeColumns(header: readonly TableCell[]): string {
  const names = header.map((cell) => String(cell).trim()).filter((name) => name !== "");
  return names.length === 0 ? "no named columns" : `the columns ${names.map((n) => `“${n}”`).join(", ")}`;
}

/**
 * The documents of a table. `file` names the table (`report.csv`, `book.xlsx:Sheet2`); each row's document is named
 * `<file>:row <N>`. Throws a ReadError for the whole table when no header names a text column.
 */
export function* tableEntries(file: string, source: TableSource): Generator<TableEntry> {
  const iterator = source.rows[Symbol.iterator]();
  const rowFile = (row: number) => `${file}:row ${row}`;
  const seen: TableRow[] = [];
  let columns: ColumnMap | undefined;
  let dataRows = 0;
  try {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const { row, cells } = next.value;
      if (cells.every((cell) => isBlank(cell))) continue;
      if (!columns) {
        const candidate = matchColumns(cells);
        if (candidate.text.length > 0) {
          columns = candidate;
          continue;
        }
        seen.push(next.value);
        if (seen.length >= HEADER_SEARCH_ROWS) break;
        continue;
      }
      if (dataRows >= MAX_TABLE_ROWS) {
        yield new ReadError(
          "too_large",
          file,
          `the table has more than ${MAX_TABLE_ROWS} rows; the first ${MAX_TABLE_ROWS} were read, the rest from row ${row} on were not (split the file)`,
        );
        return;
      }
      dataRows++;
      yield rowEntry(rowFile(row), cells, columns, source.date1904 ?? false);
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    if (!columns) throw new ReadError("bad_table", file, `the file is not a readable CSV table: ${error.message}`);
    yield new ReadError(
      "bad_table",
      rowFile(error.row),
      `${error.message}; this row and the ones after it cannot be read`,
    );
    return;
  }
  if (!columns) {
    const header = seen[0]?.cells ?? [];
    const aliases = ["full_text", "content", "text"].map((alias) => `“${alias}”`);
    throw new ReadError(
      seen.length === 0 ? "empty" : "bad_table",
      file,
      seen.length === 0
        ? "the table has no rows"
        : `no column holds the report text (one named ${aliases.join(", ")}…); the table has ${describeColumns(header)}`,
    );
  }
  if (source.truncated && dataRows < MAX_TABLE_ROWS) {
    yield new ReadError("too_large", file, `the table has more than ${MAX_TABLE_ROWS} rows; the rest were not read`);
  }
  if (dataRows === 0) throw new ReadError("empty", file, "the table has a header but no rows");
}

function rowEntry(file: string, cells: readonly TableCell[], columns: ColumnMap, date1904: boolean): TableEntry {
  const pick = (field: Field): TableCell | undefined => {
    for (const index of columns[field]) if (!isBlank(cells[index])) return cells[index];
    return undefined;
  };
  const asText = (cell: TableCell | undefined) => (cell === undefined ? undefined : String(cell));
  const date = pick("publishDate");
  const parsed = ZTableRow.safeParse({
    text: asText(pick("text")) ?? "",
    jurisdiction: asText(pick("jurisdiction")),
    code: asText(pick("code")),
    year: pick("year"),
    title: asText(pick("title")),
    url: asText(pick("url")),
    publishDate: typeof date === "number" ? excelSerialToIso(date, date1904) : date,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return new ReadError(issue?.code === "too_big" ? "too_large" : "empty", file, issue?.message ?? "unreadable row");
  }
  const { text, ...hints } = parsed.data;
  const definedHints = Object.fromEntries(
    Object.entries(hints).filter(([, value]) => value !== undefined),
  ) as ReadHints;
  return { file, text, hints: definedHints };
}

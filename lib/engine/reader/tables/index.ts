/**
 * Report corpora kept as tables (.csv, .xlsx): one document per row, the text in a `full_text`/`content`/`text`
 * column, the other columns hints (rows.ts). Reading is synchronous, like the rest of the reader: CSV text is split by
 * our RFC 4180 parser (csv.ts), a workbook is unzipped with node:zlib and its XML read with htmlparser2 (xlsx.ts).
 */
import { MAX_FILE_BYTES, ReadError, tooLargeError } from "../errors";
import { decodeBytes } from "../text/decode";
import { detectDelimiter, parseCsv } from "./csv";
import {
  HEADER_SEARCH_ROWS,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  type TableEntry,
  type TableRow,
  tableEntries,
} from "./rows";
import { readXlsx, XlsxError } from "./xlsx";
import { isZip, ZipError } from "./zip";

export { CsvSyntaxError, detectDelimiter, parseCsv } from "./csv";
export { excelSerialToIso, MAX_TABLE_ROWS, MAX_TEXT_CHARS, parsePublishDate, type TableEntry } from "./rows";

/** Names the reader takes as tables. */
export const TABLE_FILE_NAME = /\.(csv|xlsx)$/i;
const XLSX_NAME = /\.xlsx$/i;

/** Most bytes one part of a workbook may expand to: text compresses about 4:1, so this covers any 50 MB file. */
const MAX_XLSX_PART_BYTES = 4 * MAX_FILE_BYTES;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

export interface TableRead {
  /** The encoding the text was decoded from (a workbook's XML is UTF-8). */
  encoding: string;
  entries: Iterable<TableEntry>;
}

export function isTableName(filename: string): boolean {
  return TABLE_FILE_NAME.test(filename);
}

/** Read a .csv or .xlsx file's rows; throws ReadError when the file as a whole cannot be read as a table. */
export function readTable(bytes: Uint8Array, filename: string): TableRead {
  return XLSX_NAME.test(filename) ? readXlsxTable(bytes, filename) : readCsvTable(bytes, filename);
}

function readCsvTable(bytes: Uint8Array, filename: string): TableRead {
  const { text, encoding } = decodeBytes(bytes, filename);
  return { encoding, entries: tableEntries(filename, { rows: csvRows(text) }) };
}

function* csvRows(text: string): Generator<TableRow> {
  for (const { row, fields } of parseCsv(text, { delimiter: detectDelimiter(text), maxFields: MAX_TABLE_COLUMNS })) {
    yield { row, cells: fields };
  }
}

function readXlsxTable(bytes: Uint8Array, filename: string): TableRead {
  if (bytes.length > MAX_FILE_BYTES) throw tooLargeError(filename, bytes.length);
  if (bytes.length === 0) throw new ReadError("empty", filename, "the file is empty");
  if (!isZip(bytes)) {
    if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
      throw new ReadError(
        "binary",
        filename,
        "this is a legacy .xls or a password-protected workbook; save it as an unprotected .xlsx or as .csv",
      );
    }
    // Not a workbook: let the text decoder say what it is (binary, or a CSV saved under the wrong name).
    decodeBytes(bytes, filename);
    throw new ReadError(
      "binary",
      filename,
      "this is not an .xlsx workbook (no ZIP container); save it as .xlsx or .csv",
    );
  }
  try {
    const workbook = readXlsx(bytes, {
      maxPartBytes: MAX_XLSX_PART_BYTES,
      maxRows: MAX_TABLE_ROWS + HEADER_SEARCH_ROWS + 1,
      maxColumns: MAX_TABLE_COLUMNS,
    });
    return { encoding: "utf-8", entries: workbookEntries(filename, workbook) };
  } catch (error) {
    throw workbookError(filename, error);
  }
}

function workbookError(filename: string, error: unknown): unknown {
  if (error instanceof ZipError) {
    return new ReadError(
      error.tooLarge ? "too_large" : "binary",
      filename,
      `not a readable .xlsx workbook: ${error.message}`,
    );
  }
  if (error instanceof XlsxError)
    return new ReadError(error.tooLarge ? "too_large" : "bad_table", filename, error.message);
  return error;
}

/**
 * The rows of the first worksheet that has a text column (a workbook may open with a notes sheet); when none has,
 * the first sheet's error names its columns. Rows of a later sheet are named `<file>:<sheet>:row N`.
 */
function* workbookEntries(filename: string, workbook: ReturnType<typeof readXlsx>): Generator<TableEntry> {
  let firstError: unknown;
  for (let index = 0; index < workbook.sheetNames.length; index++) {
    let sheet: { rows: TableRow[]; truncated: boolean };
    try {
      sheet = workbook.readSheet(index);
    } catch (error) {
      throw workbookError(filename, error);
    }
    const file = index === 0 ? filename : `${filename}:${workbook.sheetNames[index]}`;
    const entries = tableEntries(file, { rows: sheet.rows, date1904: workbook.date1904, truncated: sheet.truncated });
    try {
      // The header is checked when the first entry is asked for: a sheet without a text column throws here.
      const first = entries.next();
      if (!first.done) yield first.value;
      yield* entries;
      return;
    } catch (error) {
      if (!(error instanceof ReadError) || error.code === "too_large") throw error;
      firstError ??= error;
    }
  }
  throw firstError;
}

/** Why a file (or one line of a .jsonl file, one row of a table) could not be read as a report. */
export type ReadErrorCode =
  | "missing"
  | "directory"
  | "empty"
  | "binary"
  | "too_large"
  | "undecodable"
  | "bad_line"
  /** A .csv or .xlsx file that is not a table of documents: no text column, an unclosed quote, too many columns. */
  | "bad_table"
  | "not_a_report";

/** A file the reader cannot use; `message` names the file in plain words and is safe to show to users. */
export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly file: string,
    /** The problem without the file name. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "ReadError";
  }
}

/** Largest file the reader accepts: work reports are well under 1 MB; 50 MB leaves room for big .jsonl/.csv corpora. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function tooLargeError(file: string, size: number): ReadError {
  return new ReadError("too_large", file, `the file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB`);
}

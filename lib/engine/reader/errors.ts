import { type TImportFailure, ZImportFailureCode } from "@/lib/schemas/store";

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
  | "not_a_report"
  /** A PDF whose pages hold no text (a scan): it needs OCR first. */
  | "no_text_layer"
  /** A password-protected PDF or Word document. */
  | "encrypted"
  /** A PDF or .docx whose structure cannot be read. */
  | "damaged"
  /** An old binary Word .doc (or another legacy Office file): save it as .docx or PDF. */
  | "legacy_format"
  /** A PDF given to the synchronous `readFileBytes`: PDFs are read by `readFileBytesAsync`. */
  | "needs_async"
  /** A PDF that took longer to read than the reader allows. */
  | "timeout";

/**
 * A file the reader cannot use; `message` names the file in plain words (English, for the CLI and logs). The code and
 * `params` say the same as data, for an interface to put in its own words.
 */
export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly file: string,
    /** The problem without the file name. */
    readonly reason: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${file}: ${reason}`);
    this.name = "ReadError";
  }
}

/** A read error as an import reports it: the English message, and the code with its parameters. */
export function readFailure(error: ReadError): TImportFailure {
  // A code the import's schema does not list yet is left out: the failure is then shown by its message.
  const code = ZImportFailureCode.safeParse(error.code);
  return { file: error.file, error: error.message, code: code.success ? code.data : undefined, params: error.params };
}

/** Largest file the reader accepts: work reports are well under 1 MB; 50 MB leaves room for big .jsonl/.csv corpora. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function tooLargeError(file: string, size: number): ReadError {
  const megabytes = (size / 1024 / 1024).toFixed(1);
  return new ReadError("too_large", file, `the file is ${megabytes} MB; the limit is 50 MB`, {
    megabytes: Number(megabytes),
  });
}

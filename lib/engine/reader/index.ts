/**
 * The report reader: bytes of a government work report (or of a page, a PDF, a Word .docx, a .jsonl/.csv/.xlsx
 * corpus, a news article) → decoded and normalised text, the reports in it, their jurisdiction and year, sections,
 * targets and outcomes. PDFs are read by `readFileBytesAsync` only (pdf.js is asynchronous).
 *
 *   bytes ─ text/decode ─ text/html ─ text/normalize ─ document/split ─ document/sections ─ document/identify
 *         ─ extract/targets (plan) + extract/outcomes (review) ─ ReadReport
 */
export { MAX_FILE_BYTES, ReadError, type ReadErrorCode, readFailure, tooLargeError } from "./errors";
export type { FigureStep, FigureTrace } from "./explain";
export { MAX_PDF_PAGES, PDF_TIMEOUT_MS, type PdfReadLimits } from "./formats/pdf";
export { toExtractOutput } from "./output";
export {
  type ReadFileAsyncOptions,
  type ReadFileOptions,
  type ReadOptions,
  readDocument,
  readFileBytes,
  readFileBytesAsync,
  readStoredDocument,
  type StoredDocument,
  synchronouslyReadable,
} from "./read";
export { readPath } from "./read-path";
export { isTableName, MAX_TABLE_ROWS, MAX_TEXT_CHARS, TABLE_FILE_NAME } from "./tables";
export type { ReadDocument, ReadHints, ReadReport } from "./types";
export { READER_VERSION } from "./version";

/**
 * The report reader: bytes of a government work report (or of a page, a .jsonl/.csv/.xlsx corpus, a news article) → decoded and
 * normalised text, the reports in it, their jurisdiction and year, sections, targets and outcomes.
 *
 *   bytes ─ text/decode ─ text/html ─ text/normalize ─ document/split ─ document/sections ─ document/identify
 *         ─ extract/targets (plan) + extract/outcomes (review) ─ ReadReport
 */
export { MAX_FILE_BYTES, ReadError, type ReadErrorCode, tooLargeError } from "./errors";
export type { FigureStep, FigureTrace } from "./explain";
export { toExtractOutput } from "./output";
export {
  type ReadFileOptions,
  type ReadOptions,
  readDocument,
  readFileBytes,
  readStoredDocument,
  type StoredDocument,
} from "./read";
export { readPath } from "./read-path";
export { isTableName, MAX_TABLE_ROWS, MAX_TEXT_CHARS, TABLE_FILE_NAME } from "./tables";
export type { ReadDocument, ReadHints, ReadReport } from "./types";
export { READER_VERSION } from "./version";

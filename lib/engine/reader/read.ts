/**
 * The reader's entry points on bytes: one document (.txt, .html, Word .docx, PDF), one document per line (.jsonl), or
 * one document per row of a table (.csv, .xlsx: see tables/). The format is told by the bytes first (formats/detect.ts)
 * and by the name where the bytes say nothing.
 *
 * `readFileBytes` and `readDocument` are synchronous and read every format but PDF, which pdf.js reads
 * asynchronously: `readFileBytesAsync` reads everything, PDFs included. A PDF or .docx document keeps its text (a
 * PDF's laid out, formats/pdf-layout.ts) as `originalText`, so a re-read (`readStoredDocument`) needs no PDF library.
 */
import { z } from "zod";
import { readReports } from "./document/report";
import { MAX_FILE_BYTES, ReadError, tooLargeError } from "./errors";
import { decodeDeclared } from "./formats/charset";
import { sniffFormat } from "./formats/detect";
import { docxText } from "./formats/docx";
import { type PdfReadLimits, pdfText } from "./formats/pdf";
import { readTable } from "./tables";
import { decodeBytes } from "./text/decode";
import { htmlToText, looksLikeHtml } from "./text/html";
import { MappedText } from "./text/mapped-text";
import { containsChinese, normalizeText } from "./text/normalize";
import type { ReadDocument, ReadHints } from "./types";

export interface ReadOptions {
  /** Name used in results and error messages (a path or an upload's name). */
  filename: string;
  hints?: ReadHints;
  /** Record why each figure was kept or dropped (`ReadReport.explanation`). */
  explain?: boolean;
  /** The charset the bytes were declared in (an HTTP `Content-Type`, a page's `<meta charset>`): tried first. */
  charset?: string;
}

export interface ReadFileOptions {
  filename: string;
  /**
   * What the caller knows of every document in the file (an import form's jurisdiction). It wins over a .jsonl line's
   * or a table row's own hints, which in turn win over what identification guesses from the text.
   */
  hints?: ReadHints;
  /** Called for each line of a .jsonl file or row of a table that cannot be read; the others are still read. */
  onProblem?: (problem: ReadError) => void;
  /** Record why each figure was kept or dropped (`ReadReport.explanation`). */
  explain?: boolean;
  /** The charset a single document's bytes were declared in (an HTTP `Content-Type`): tried first. */
  charset?: string;
}

/** A .jsonl line: the text in `content` or `text`, and optional hints (the national corpus gives `year` as text). */
const ZJsonlLine = z
  .object({
    content: z.string().optional(),
    text: z.string().optional(),
    title: z.string().nullish(),
    url: z.string().nullish(),
    jurisdiction: z.string().nullish(),
    code: z
      .string()
      .regex(/^\d{6}$/)
      .nullish(),
    year: z
      .union([
        z.number().int(),
        z
          .string()
          .regex(/^\d{4}$/)
          .transform(Number),
      ])
      .nullish(),
  })
  .refine((line) => typeof (line.content ?? line.text) === "string", { message: "no `content` or `text` field" });

const WEB_ADDRESS = /^https?:\/\//i;

/** A page's name, or a web address's path (its query and fragment aside). */
function isHtmlName(filename: string): boolean {
  const name = WEB_ADDRESS.test(filename) ? filename.replace(/[?#].*$/, "") : filename;
  return /\.x?html?$/i.test(name);
}

function cleanHints(hints: ReadHints): ReadHints {
  return Object.fromEntries(
    Object.entries(hints).filter(([, v]) => v !== undefined && v !== null && v !== ""),
  ) as ReadHints;
}

/** Read decoded text (already HTML-reduced where needed) into a document, or throw why it is not a report. */
function readDecoded(
  file: string,
  encoding: string,
  originalText: string,
  mapped: MappedText,
  hints: ReadHints,
  explain = false,
): ReadDocument {
  if (!containsChinese(mapped.text)) {
    throw new ReadError("not_a_report", file, "the text holds no Chinese; a government work report was expected");
  }
  const { reports, reasons } = readReports(normalizeText(mapped), hints, { explain });
  if (reports.length === 0) {
    throw new ReadError(
      "not_a_report",
      file,
      `not a government work report: ${reasons[0] ?? "nothing in it reads as one"}`,
    );
  }
  return { file, encoding, originalText, hints, reports };
}

/**
 * The hints of a single document: a document named by a web address (`luoshi import https://…`) cites it as its
 * source unless the caller gives another.
 */
function documentHints(filename: string, hints: ReadHints | undefined): ReadHints {
  return cleanHints({ url: WEB_ADDRESS.test(filename) ? filename : undefined, ...cleanHints(hints ?? {}) });
}

function needsAsync(file: string): ReadError {
  return new ReadError(
    "needs_async",
    file,
    "this is a PDF, which only the asynchronous reader reads (readFileBytesAsync); this caller reads text, HTML, Word and tables",
  );
}

function legacyFormat(file: string): ReadError {
  return new ReadError(
    "legacy_format",
    file,
    "this is an old binary Word .doc (or another legacy or password-protected Office file); save it as .docx or PDF",
  );
}

/** A document whose text came out of a container (a .docx's XML, a PDF's text layer), read as plain text. */
function readExtracted(text: string, options: ReadOptions): ReadDocument {
  const hints = documentHints(options.filename, options.hints);
  return readDecoded(options.filename, "utf-8", text, MappedText.identity(text), hints, options.explain);
}

/**
 * Read one document (.txt, .html, .docx) from its bytes; throws ReadError for content that is not a readable report,
 * and for a PDF (`needs_async`: see `readFileBytesAsync`).
 */
export function readDocument(bytes: Uint8Array, options: ReadOptions): ReadDocument {
  const format = sniffFormat(bytes, options.filename);
  if (format === "pdf") throw needsAsync(options.filename);
  if (format === "legacy_office") throw legacyFormat(options.filename);
  if (format === "docx") {
    if (bytes.length > MAX_FILE_BYTES) throw tooLargeError(options.filename, bytes.length);
    return readExtracted(docxText(bytes, options.filename), options);
  }
  const { text, encoding } = decodeDeclared(bytes, options.filename, options.charset);
  const mapped = isHtmlName(options.filename) || looksLikeHtml(text) ? htmlToText(text) : MappedText.identity(text);
  return readDecoded(
    options.filename,
    encoding,
    text,
    mapped,
    documentHints(options.filename, options.hints),
    options.explain,
  );
}

/** A document stored by an import, as `Document.sourceName`, `encoding`, `originalText` and `hints` keep it. */
export interface StoredDocument {
  file: string;
  encoding: string;
  originalText: string;
  hints: ReadHints;
}

/**
 * Read a stored document again (a re-read by a newer reader) exactly as the import first read it: a .jsonl line's text
 * as plain text, anything else as `readDocument` would (a page's source reduced to its text). Throws ReadError.
 */
export function readStoredDocument(stored: StoredDocument, options: { explain?: boolean } = {}): ReadDocument {
  const { file, encoding, originalText } = stored;
  const jsonlLine = /\.jsonl:\d+$/i.test(file);
  const html = !jsonlLine && (isHtmlName(file) || looksLikeHtml(originalText));
  const mapped = html ? htmlToText(originalText) : MappedText.identity(originalText);
  return readDecoded(file, encoding, originalText, mapped, cleanHints(stored.hints), options.explain);
}

/**
 * Read the documents of a multi-document file (.jsonl lines, table rows): each attempt gives a document or throws the
 * ReadError of its line or row, which is reported and skipped. Throws when no document could be read.
 */
function collectDocuments(
  options: ReadFileOptions,
  attempts: Iterable<() => ReadDocument>,
  unit: "line" | "row",
): ReadDocument[] {
  const documents: ReadDocument[] = [];
  const problems: ReadError[] = [];
  for (const attempt of attempts) {
    try {
      documents.push(attempt());
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      problems.push(error);
      options.onProblem?.(error);
    }
  }
  if (documents.length === 0) {
    const first = problems[0];
    const detail = first ? `no ${unit} could be read (${first.file}: ${first.reason})` : `the file has no ${unit}s`;
    throw new ReadError(first?.code ?? "empty", options.filename, detail);
  }
  return documents;
}

function* jsonlAttempts(text: string, encoding: string, options: ReadFileOptions): Generator<() => ReadDocument> {
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const file = `${options.filename}:${index + 1}`;
    yield () => {
      let json: unknown;
      try {
        // `\u0000` escapes are dropped, as decoding drops stray NUL bytes (decode.ts).
        json = JSON.parse(line, (_key, value) => (typeof value === "string" ? value.replaceAll("\u0000", "") : value));
      } catch {
        throw new ReadError("bad_line", file, "the line is not valid JSON");
      }
      const parsed = ZJsonlLine.safeParse(json);
      if (!parsed.success) {
        throw new ReadError(
          "bad_line",
          file,
          `the line is not a document: ${parsed.error.issues[0]?.message ?? "unexpected shape"}`,
        );
      }
      const { content, text: body, title, url, jurisdiction, code, year } = parsed.data;
      const hints = cleanHints({
        title: title ?? undefined,
        url: url ?? undefined,
        jurisdiction: jurisdiction ?? undefined,
        code: code ?? undefined,
        year: year ?? undefined,
        ...cleanHints(options.hints ?? {}),
      });
      const lineText = content ?? body ?? "";
      if (lineText.trim() === "") throw new ReadError("empty", file, "the line's text is empty");
      return readDecoded(file, encoding, lineText, MappedText.identity(lineText), hints, options.explain);
    };
  }
}

function readJsonlLines(bytes: Uint8Array, options: ReadFileOptions): ReadDocument[] {
  const { text, encoding } = decodeBytes(bytes, options.filename);
  return collectDocuments(options, jsonlAttempts(text, encoding, options), "line");
}

/** A table's rows: a cell holding a web page is reduced to its text, as a .html file would be. */
function* tableAttempts(bytes: Uint8Array, options: ReadFileOptions): Generator<() => ReadDocument> {
  const { encoding, entries } = readTable(bytes, options.filename);
  for (const entry of entries) {
    yield () => {
      if (entry instanceof ReadError) throw entry;
      const mapped = looksLikeHtml(entry.text) ? htmlToText(entry.text) : MappedText.identity(entry.text);
      return readDecoded(
        entry.file,
        encoding,
        entry.text,
        mapped,
        cleanHints({ ...entry.hints, ...cleanHints(options.hints ?? {}) }),
        options.explain,
      );
    };
  }
}

/**
 * Read a file's bytes, synchronously: `.jsonl` gives one document per line, `.csv` and `.xlsx` one per row, anything
 * else one document (text, HTML, Word .docx). A PDF throws `needs_async`: read it with `readFileBytesAsync`. Lines
 * and rows that cannot be read go to `onProblem`; the file throws only when none could be.
 */
export function readFileBytes(bytes: Uint8Array, options: ReadFileOptions): ReadDocument[] {
  const format = sniffFormat(bytes, options.filename);
  if (format === "jsonl") return readJsonlLines(bytes, options);
  if (format === "table") return collectDocuments(options, tableAttempts(bytes, options), "row");
  const { filename, hints, explain, charset } = options;
  return [readDocument(bytes, { filename, hints, explain, charset })];
}

export interface ReadFileAsyncOptions extends ReadFileOptions {
  /** Bounds on reading a PDF (pages, time); the reader's defaults otherwise (formats/pdf.ts). */
  pdf?: PdfReadLimits;
}

/**
 * Read a file's bytes, PDFs included: as `readFileBytes`, and a PDF's text layer laid out as one document. Throws
 * ReadError for a scanned PDF (`no_text_layer`), a password (`encrypted`), a damaged file (`damaged`), or one past the
 * bounds (`too_large`, `timeout`).
 */
export async function readFileBytesAsync(bytes: Uint8Array, options: ReadFileAsyncOptions): Promise<ReadDocument[]> {
  if (sniffFormat(bytes, options.filename) !== "pdf") return readFileBytes(bytes, options);
  if (bytes.length > MAX_FILE_BYTES) throw tooLargeError(options.filename, bytes.length);
  const text = await pdfText(bytes, options.filename, options.pdf);
  return [readExtracted(text, options)];
}

/**
 * The bytes that `readFileBytes` reads as `readFileBytesAsync` reads `bytes`: a PDF's text layer as UTF-8, a page in
 * a declared charset that detection alone would misread re-encoded as UTF-8, anything else as it is. For callers that
 * hand bytes on to code that reads synchronously (the database import).
 */
export async function synchronouslyReadable(
  bytes: Uint8Array,
  options: Pick<ReadFileAsyncOptions, "filename" | "charset" | "pdf">,
): Promise<Uint8Array> {
  const format = sniffFormat(bytes, options.filename);
  if (format === "pdf") {
    if (bytes.length > MAX_FILE_BYTES) throw tooLargeError(options.filename, bytes.length);
    return new TextEncoder().encode(await pdfText(bytes, options.filename, options.pdf));
  }
  if (format !== "text" || options.charset === undefined) return bytes;
  const declared = decodeDeclared(bytes, options.filename, options.charset);
  let detected: string | null;
  try {
    detected = decodeBytes(bytes, options.filename).text;
  } catch {
    detected = null;
  }
  return declared.text === detected ? bytes : new TextEncoder().encode(declared.text);
}

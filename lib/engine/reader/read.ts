/**
 * The reader's entry points on bytes: one document (.txt, .html), one document per line (.jsonl), or one document
 * per row of a table (.csv, .xlsx: see tables/).
 */
import { z } from "zod";
import { readReports } from "./document/report";
import { ReadError } from "./errors";
import { isTableName, readTable } from "./tables";
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

function isHtmlName(filename: string): boolean {
  return /\.x?html?$/i.test(filename);
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

/** Read one document (.txt or .html) from its bytes; throws ReadError for content that is not a readable report. */
export function readDocument(bytes: Uint8Array, options: ReadOptions): ReadDocument {
  const { text, encoding } = decodeBytes(bytes, options.filename);
  const mapped = isHtmlName(options.filename) || looksLikeHtml(text) ? htmlToText(text) : MappedText.identity(text);
  return readDecoded(options.filename, encoding, text, mapped, cleanHints(options.hints ?? {}), options.explain);
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
 * Read a file's bytes by its extension: `.jsonl` gives one document per line, `.csv` and `.xlsx` one per row, anything
 * else one document. Lines and rows that cannot be read go to `onProblem`; the file throws only when none could be.
 */
export function readFileBytes(bytes: Uint8Array, options: ReadFileOptions): ReadDocument[] {
  if (/\.jsonl$/i.test(options.filename)) return readJsonlLines(bytes, options);
  if (isTableName(options.filename)) {
    return collectDocuments(options, tableAttempts(bytes, options), "row");
  }
  return [readDocument(bytes, { filename: options.filename, hints: options.hints, explain: options.explain })];
}

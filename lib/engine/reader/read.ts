/**
 * The reader's entry points on bytes: one document (.txt, .html), or one document per line (.jsonl).
 */
import { z } from "zod";
import { readReports } from "./document/report";
import { ReadError } from "./errors";
import { decodeBytes } from "./text/decode";
import { htmlToText, looksLikeHtml } from "./text/html";
import { MappedText } from "./text/mapped-text";
import { containsChinese, normalizeText } from "./text/normalize";
import type { ReadDocument, ReadHints } from "./types";

export interface ReadOptions {
  /** Name used in results and error messages (a path or an upload's name). */
  filename: string;
  hints?: ReadHints;
}

export interface ReadFileOptions {
  filename: string;
  /** Called for each line of a .jsonl file that cannot be read; the other lines are still read. */
  onProblem?: (problem: ReadError) => void;
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
): ReadDocument {
  if (!containsChinese(mapped.text)) {
    throw new ReadError("not_a_report", file, "the text holds no Chinese; a government work report was expected");
  }
  const { reports, reasons } = readReports(normalizeText(mapped), hints);
  if (reports.length === 0) {
    throw new ReadError(
      "not_a_report",
      file,
      `not a government work report: ${reasons[0] ?? "nothing in it reads as one"}`,
    );
  }
  return { file, encoding, originalText, reports };
}

/** Read one document (.txt or .html) from its bytes; throws ReadError for content that is not a readable report. */
export function readDocument(bytes: Uint8Array, options: ReadOptions): ReadDocument {
  const { text, encoding } = decodeBytes(bytes, options.filename);
  const mapped = isHtmlName(options.filename) || looksLikeHtml(text) ? htmlToText(text) : MappedText.identity(text);
  return readDecoded(options.filename, encoding, text, mapped, cleanHints(options.hints ?? {}));
}

function readJsonlLines(bytes: Uint8Array, options: ReadFileOptions): ReadDocument[] {
  const { text, encoding } = decodeBytes(bytes, options.filename);
  const documents: ReadDocument[] = [];
  const problems: ReadError[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const file = `${options.filename}:${index + 1}`;
    try {
      let json: unknown;
      try {
        json = JSON.parse(line);
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
      });
      const lineText = content ?? body ?? "";
      if (lineText.trim() === "") throw new ReadError("empty", file, "the line's text is empty");
      documents.push(readDecoded(file, encoding, lineText, MappedText.identity(lineText), hints));
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      problems.push(error);
      options.onProblem?.(error);
    }
  });
  if (documents.length === 0) {
    const first = problems[0];
    const detail = first ? `no line could be read (${first.file}: ${first.reason})` : "the file has no lines";
    throw new ReadError(first?.code ?? "empty", options.filename, detail);
  }
  return documents;
}

/** Read a file's bytes by its extension: `.jsonl` gives one document per line, anything else one document. */
export function readFileBytes(bytes: Uint8Array, options: ReadFileOptions): ReadDocument[] {
  if (/\.jsonl$/i.test(options.filename)) return readJsonlLines(bytes, options);
  return [readDocument(bytes, { filename: options.filename })];
}

import type { TExtractedReport } from "@/lib/schemas/extraction";
import type { FigureTrace } from "./explain";

/** What the caller knows about a document beyond its bytes (a .jsonl line's fields, a table row's, an import form). */
export interface ReadHints {
  /** A name as the source gives it (`山东省`, `市南区`); identification resolves it to a division. */
  jurisdiction?: string;
  /** 6-digit GB/T 2260 code; `000000` for the State Council. */
  code?: string;
  year?: number;
  title?: string;
  url?: string;
  /** When the document was published or delivered, as an ISO date `YYYY-MM-DD` (a table's `publish_date`). */
  publishDate?: string;
}

/** One report found in a document, with the text its offsets index into. */
export interface ReadReport extends TExtractedReport {
  /** The report's normalised text: sections, targets and outcomes have offsets in it. */
  text: string;
  /** Offset in the document's `originalText` of an offset in `text` (end offsets map too). */
  toOriginalOffset: (offset: number) => number;
  /** Why each figure was kept or dropped, when the read asked for it (`luoshi extract --explain`). */
  explanation?: FigureTrace[];
}

/** A decoded document (a file, one line of a .jsonl file, one row of a table) and the reports read from it. */
export interface ReadDocument {
  /** The file name, with `:line` for a .jsonl line and `:row N` for a table row (N as a spreadsheet numbers it). */
  file: string;
  /** Encoding the bytes were decoded with (`utf-8`, `gb18030`, `utf-16le`…). */
  encoding: string;
  /** The decoded text as written (for HTML: the page source), before any normalisation. */
  originalText: string;
  /** The hints the document was read with: the caller's, a .jsonl line's or a table row's fields (`url` to cite). */
  hints?: ReadHints;
  reports: ReadReport[];
}

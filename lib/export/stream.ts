/**
 * The export in any format as a stream of chunks, pulled a page of rows at a time, and the adapters the API route
 * and the command line write it through. Every format counts and hashes the rows as they pass (format.ts
 * `DataTally`); the codebook and citation that carry the hash come after the rows in the formats that hold them.
 */
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n";
import type { TExportFormat } from "@/lib/schemas/export";
import { citationLine, codebook, codebookMarkdown, type ExportSummary } from "./codebook";
import type { ExportRow } from "./columns";
import { csvChunks, DataTally, jsonChunks, tallied } from "./format";
import { parquetChunks } from "./parquet";
import { stataChunks } from "./stata";
import { xlsxChunks } from "./xlsx";

export interface ChunkOptions {
  /** Headers, labels, codebook and citation in this language. */
  lang?: Locale;
  /** A UTF-8 byte-order mark before CSV (files and downloads, for Excel; not standard output, for pipes). */
  bom?: boolean;
  /** The filters as the citation names them (`describeFilters`). */
  filters?: string;
  /** When the export is made: the citation's date and the ZIP entries' times. */
  now?: Date;
  /** Filled as the rows pass: what the export held, once it is complete. */
  tally?: DataTally;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function summaryOf(tally: DataTally, filters: string, now: Date): ExportSummary {
  return { filters, rows: tally.rows, sha256: tally.sha256, date: isoDate(now) };
}

export function exportChunks(
  pages: AsyncIterable<ExportRow[]>,
  format: TExportFormat,
  { lang = DEFAULT_LOCALE, bom = true, filters = "", now = new Date(), tally = new DataTally(lang) }: ChunkOptions = {},
): AsyncGenerator<string | Uint8Array> {
  const finish = () => {
    const summary = summaryOf(tally, filters, now);
    return { summary, citation: citationLine(summary, lang) };
  };
  switch (format) {
    case "csv":
      return csvChunks(pages, tally, { bom });
    case "xlsx":
      return xlsxChunks(
        pages,
        tally,
        () => {
          const { summary, citation } = finish();
          return { line: citation, sha256: summary.sha256, filters: summary.filters, rows: summary.rows };
        },
        { created: now },
      );
    case "parquet":
      return parquetChunks(pages, tally, finish);
    case "stata":
      return stataChunks(pages, tally, finish, now);
    case "json":
      return jsonChunks(pages, tally, () => {
        const { summary, citation } = finish();
        return { count: summary.rows, sha256: summary.sha256, citation, codebook: codebook(lang) };
      });
  }
}

/**
 * The codebook of the rows `pages` holds, with their citation: the rows are read and hashed (as the CSV export of the
 * same filters writes them) but not kept. This is how a plain CSV gets its citation: a CSV has no place after its
 * rows for one.
 */
export async function codebookOf(
  pages: AsyncIterable<ExportRow[]>,
  { lang = DEFAULT_LOCALE, filters = "", now = new Date() }: Omit<ChunkOptions, "bom" | "tally"> = {},
): Promise<string> {
  const tally = new DataTally(lang);
  for await (const _ of tallied(pages, tally)) {
    // Only the hash and count are wanted.
  }
  return codebookMarkdown(summaryOf(tally, filters, now), lang);
}

async function* pagesOf(rows: ExportRow[]): AsyncGenerator<ExportRow[]> {
  yield rows;
}

/** Rows already in memory rendered whole, byte for byte what the stream of the same rows gives. */
export async function renderExport(
  rows: ExportRow[],
  format: TExportFormat,
  options: ChunkOptions = {},
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for await (const chunk of exportChunks(pagesOf(rows), format, options)) {
    parts.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
  }
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * `source` with its first item already read: a caller can learn that the first read fails (the database is down)
 * while it can still answer with an error status, before any byte is sent.
 */
export async function primed<T>(source: AsyncIterable<T>): Promise<AsyncGenerator<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  })();
}

/**
 * A web stream that pulls the next chunk only when its reader wants one (the response body: a slow client slows the
 * export down instead of filling memory), and stops the source when the reader cancels (the client went away).
 */
export function readableStreamOf(
  chunks: AsyncIterator<string | Uint8Array>,
  onError: (error: unknown) => void = () => undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const next = await chunks.next();
            if (next.done) {
              controller.close();
              return;
            }
            const bytes = typeof next.value === "string" ? encoder.encode(next.value) : next.value;
            if (bytes.byteLength === 0) continue;
            controller.enqueue(bytes);
            return;
          }
        } catch (error) {
          onError(error);
          // The status is already sent: the client sees the body end in an error, never a complete-looking file.
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

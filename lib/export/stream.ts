/**
 * The export in any format as a stream of chunks, pulled a page of rows at a time, and the adapters the API route
 * and the command line write it through.
 */
import { csvChunks, type ExportFormat, type ExportRow, jsonChunks } from "./format";
import { xlsxChunks } from "./xlsx";

export interface ChunkOptions {
  /** A UTF-8 byte-order mark before CSV (files and downloads, for Excel; not standard output, for pipes). */
  bom?: boolean;
}

export function exportChunks(
  pages: AsyncIterable<ExportRow[]>,
  format: ExportFormat,
  { bom = true }: ChunkOptions = {},
): AsyncGenerator<string | Uint8Array> {
  if (format === "xlsx") return xlsxChunks(pages);
  return format === "csv" ? csvChunks(pages, bom) : jsonChunks(pages);
}

async function* pagesOf(rows: ExportRow[]): AsyncGenerator<ExportRow[]> {
  yield rows;
}

/** Rows already in memory rendered whole, byte for byte what the stream of the same rows gives. */
export async function renderExport(rows: ExportRow[], format: ExportFormat): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for await (const chunk of exportChunks(pagesOf(rows), format)) {
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

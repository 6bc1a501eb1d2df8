/**
 * Request bodies for attacks: a body of any length generated lazily, 64 KB at a time (never allocated whole), that
 * counts how much of it a handler pulled and whether the handler cancelled it.
 */

export const CHUNK = 64 * 1024;
export const GIB = 1024 * 1024 * 1024;

export interface EndlessBody {
  stream: ReadableStream<Uint8Array>;
  /** Bytes the reader has pulled so far. */
  pulled: () => number;
  cancelled: () => boolean;
}

/** `total` bytes: `prefix` first, then filler (a fresh chunk each time, as a network delivers them). */
export function endlessBody(total = GIB, prefix: Uint8Array | string = new Uint8Array()): EndlessBody {
  const head = typeof prefix === "string" ? new TextEncoder().encode(prefix) : prefix;
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= total) {
          controller.close();
          return;
        }
        const chunk =
          pulled === 0 && head.byteLength > 0 ? head : new Uint8Array(Math.min(CHUNK, total - pulled)).fill(0x61);
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    },
    // Nothing is pulled before a reader asks: `pulled` is what the handler read.
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

/** A request whose body is `body`, sent chunked (no Content-Length) unless `headers` declare one. */
export function streamingRequest(
  url: string,
  method: string,
  body: EndlessBody,
  headers: Record<string, string> = {},
): Request {
  return new Request(url, { method, headers, body: body.stream, duplex: "half" } as RequestInit);
}

export const MB = 1024 * 1024;

/** Resident memory now, in MB. */
export const rssMb = () => process.memoryUsage().rss / MB;

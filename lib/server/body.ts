/**
 * The one way a route handler reads a request body: streamed, counting the bytes actually received (a chunked
 * upload has no Content-Length to trust), and abandoned as soon as the route's limit is passed: the stream is
 * cancelled and the request answered 413, so no body costs more memory than its route allows.
 */
import { DomainError } from "@/lib/db/errors";

const KB = 1024;
const MB = 1024 * KB;

/** Bodies of sign-in and edits: a note of 1 000 characters and a hand-entered outcome fit many times over. */
export const JSON_BODY_LIMIT = 64 * KB;

export class PayloadTooLargeError extends DomainError {
  constructor(readonly limit: number) {
    super(`the request body is larger than ${describeBytes(limit)}, the limit of this request`, 413, { limit });
  }
}

function describeBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / KB)} KB`;
}

/** The body's declared length, when the client sent one. */
function declaredLength(request: Request): number | null {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

/** Drop the body unread (cancelling tells the server to stop receiving it). */
function discard(request: Request): void {
  if (request.body && !request.body.locked) void request.body.cancel().catch(() => {});
}

interface Bounded {
  stream: ReadableStream<Uint8Array> | null;
  /** The error the stream ended in, if the limit was passed. */
  overLimit: () => PayloadTooLargeError | null;
}

/**
 * The request's body as a stream that ends in a PayloadTooLargeError once more than `limit` bytes have come in. A
 * declared length over the limit is refused before a byte is read.
 */
function bounded(request: Request, limit: number): Bounded {
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) {
    discard(request);
    throw new PayloadTooLargeError(limit);
  }
  const body = request.body;
  if (!body) return { stream: null, overLimit: () => null };
  const reader = body.getReader();
  let received = 0;
  let failure: PayloadTooLargeError | null = null;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      received += value.byteLength;
      if (received > limit) {
        failure = new PayloadTooLargeError(limit);
        controller.error(failure);
        await reader.cancel(failure).catch(() => {});
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { stream, overLimit: () => failure };
}

/** The whole body, at most `limit` bytes of it (else PayloadTooLargeError, having read no more than that). */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const { stream } = bounded(request, limit);
  if (!stream) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A multipart body within `limit` bytes, parsed by the platform's FormData parser as it streams in (no second copy
 * of the body is made here). Throws PayloadTooLargeError over the limit, else the parser's error.
 */
export async function readFormData(request: Request, limit: number): Promise<FormData> {
  const { stream, overLimit } = bounded(request, limit);
  const headers = { "content-type": request.headers.get("content-type") ?? "" };
  try {
    return await new Response(stream, { headers }).formData();
  } catch (error) {
    // The parser reports a failed stream as its own TypeError: answer 413 for ours.
    throw overLimit() ?? error;
  }
}

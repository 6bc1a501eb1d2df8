/**
 * The reader on a worker thread (started by read-in-worker.ts): reading a 50 MB corpus or a 2 000-page PDF is CPU
 * work that would otherwise hold up every other request of the server. No Next.js imports: the build bundles this
 * file as a worker entry of its own.
 */
import { parentPort } from "node:worker_threads";
import { ReadError, readFileBytesAsync } from "@/lib/engine/reader";
import { type TReadReply, ZReadRequest } from "./read-protocol";

function readErrorData(error: ReadError) {
  return { code: error.code, file: error.file, reason: error.reason, params: error.params };
}

async function answer(message: unknown): Promise<TReadReply | null> {
  const parsed = ZReadRequest.safeParse(message);
  if (!parsed.success) return null;
  const { id, bytes, filename, hints } = parsed.data;
  const problems: ReturnType<typeof readErrorData>[] = [];
  try {
    const documents = await readFileBytesAsync(bytes, {
      filename,
      hints,
      onProblem: (problem) => problems.push(readErrorData(problem)),
    });
    // A report's offset map is a function, which cannot cross threads: only the bounds the import stores do.
    const sendable = documents.map((document) => ({
      ...document,
      reports: document.reports.map(({ toOriginalOffset, ...report }) => ({
        ...report,
        originalStart: toOriginalOffset(0),
        originalEnd: toOriginalOffset(report.text.length),
      })),
    }));
    return { id, ok: true, documents: sendable, problems };
  } catch (error) {
    if (error instanceof ReadError) return { id, ok: false, readError: readErrorData(error), problems };
    return { id, ok: false, message: error instanceof Error ? error.message : String(error), problems };
  }
}

parentPort?.on("message", (message: unknown) => {
  void answer(message).then((reply) => {
    if (reply) parentPort?.postMessage(reply);
  });
});

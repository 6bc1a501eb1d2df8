/**
 * Reading uploads off the request thread: the server's reads go to one worker thread (read-worker.ts), so that a
 * 50 MB corpus or a 2 000-page PDF does not hold up the other requests meanwhile. Only in the built or served app
 * (`NEXT_RUNTIME`), which bundles the worker's entry; elsewhere (tests calling route handlers, scripts) the reader runs
 * in the calling thread, as the CLI's does.
 */
import { Worker } from "node:worker_threads";
import {
  type ReadDocument,
  ReadError,
  type ReadFileAsyncOptions,
  type ReadReport,
  readFileBytesAsync,
} from "@/lib/engine/reader";
import { type SentReport, type TReadRequest, ZReadReply } from "./read-protocol";

interface Pending {
  resolve: (documents: ReadDocument[]) => void;
  reject: (error: unknown) => void;
  onProblem?: (problem: ReadError) => void;
}

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

function failAll(error: unknown): void {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

/** A report of the worker's with its offset map back: the bounds are all the import asks of it. */
function received({ originalStart, originalEnd, ...report }: SentReport): ReadReport {
  return {
    ...report,
    toOriginalOffset: (offset) => {
      if (offset === 0) return originalStart;
      if (offset === report.text.length) return originalEnd;
      throw new Error("only a report's bounds cross from the reading thread");
    },
  };
}

function settle(message: unknown): void {
  const reply = ZReadReply.safeParse(message);
  if (!reply.success) return;
  const job = pending.get(reply.data.id);
  if (!job) return;
  pending.delete(reply.data.id);
  const toError = (e: { code: ReadError["code"]; file: string; reason: string; params: ReadError["params"] }) =>
    new ReadError(e.code, e.file, e.reason, e.params);
  for (const problem of reply.data.problems) job.onProblem?.(toError(problem));
  const data = reply.data;
  if (data.ok) {
    job.resolve(data.documents.map((document) => ({ ...document, reports: document.reports.map(received) })));
  } else if (data.readError) {
    job.reject(toError(data.readError));
  } else {
    job.reject(new Error(`reading failed on the reading thread: ${data.message ?? "unknown error"}`));
  }
}

function readingThread(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL("./read-worker.ts", import.meta.url));
  // The server's life is its own: an idle reading thread does not keep the process up.
  started.unref();
  started.on("message", settle);
  started.on("error", (error) => {
    if (worker === started) worker = null;
    failAll(error);
  });
  started.on("exit", (code) => {
    if (worker === started) worker = null;
    failAll(new Error(`the reading thread stopped (exit code ${code})`));
  });
  worker = started;
  return started;
}

/** `readFileBytesAsync` on the reading thread: the same documents, problems and ReadErrors. */
export function readInWorker(bytes: Uint8Array, options: ReadFileAsyncOptions): Promise<ReadDocument[]> {
  const thread = readingThread();
  const id = nextId++;
  const request: TReadRequest = { id, bytes, filename: options.filename, hints: options.hints };
  return new Promise<ReadDocument[]>((resolve, reject) => {
    pending.set(id, { resolve, reject, onProblem: options.onProblem });
    thread.postMessage(request);
  });
}

/** How the server reads an upload: on the reading thread in the app, in the calling thread elsewhere. */
export function requestReader(): (bytes: Uint8Array, options: ReadFileAsyncOptions) => Promise<ReadDocument[]> {
  return process.env.NEXT_RUNTIME === "nodejs" ? readInWorker : readFileBytesAsync;
}

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

/**
 * One reading thread, started on first use by `spawn` (the server's bundled entry, or the CLI's, which loads the
 * TypeScript sources itself) and started again after it stops; requests are answered in any order, by id.
 */
export class ReadingThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly spawn: () => Worker) {}

  /** `readFileBytesAsync` on the reading thread: the same documents, problems and ReadErrors. */
  read(bytes: Uint8Array, options: ReadFileAsyncOptions): Promise<ReadDocument[]> {
    const thread = this.thread();
    const id = this.nextId++;
    const request: TReadRequest = { id, bytes, filename: options.filename, hints: options.hints };
    return new Promise<ReadDocument[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProblem: options.onProblem });
      thread.postMessage(request);
    });
  }

  /** Stop the thread (the CLI, once its reading is done); a later read starts a new one. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private failAll(error: unknown): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  private settle(message: unknown): void {
    const reply = ZReadReply.safeParse(message);
    if (!reply.success) return;
    const job = this.pending.get(reply.data.id);
    if (!job) return;
    this.pending.delete(reply.data.id);
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

  private thread(): Worker {
    if (this.worker) return this.worker;
    const started = this.spawn();
    // The process's life is its own: an idle reading thread does not keep it up.
    started.unref();
    started.on("message", (message) => this.settle(message));
    started.on("error", (error) => {
      if (this.worker === started) this.worker = null;
      this.failAll(error);
    });
    started.on("exit", (code) => {
      if (this.worker === started) this.worker = null;
      this.failAll(new Error(`the reading thread stopped (exit code ${code})`));
    });
    this.worker = started;
    return started;
  }
}

const serverThread = new ReadingThread(() => new Worker(new URL("./read-worker.ts", import.meta.url)));

/** `readFileBytesAsync` on the server's reading thread. */
export function readInWorker(bytes: Uint8Array, options: ReadFileAsyncOptions): Promise<ReadDocument[]> {
  return serverThread.read(bytes, options);
}

/** How the server reads an upload: on the reading thread in the app, in the calling thread elsewhere. */
export function requestReader(): (bytes: Uint8Array, options: ReadFileAsyncOptions) => Promise<ReadDocument[]> {
  return process.env.NEXT_RUNTIME === "nodejs" ? readInWorker : readFileBytesAsync;
}

/**
 * Streaming output: commands write a document or a row at a time and wait when the reader is slower, so that no
 * output is ever built as one string (V8 refuses strings over ~512 MB) nor queued whole in a pipe's buffer.
 */
import type { Writable } from "node:stream";
import { SingleBar } from "cli-progress";
import type { CliIO } from "./command";

export interface Sink {
  write: (text: string) => void;
  /** Resolves when the destination has taken what was written; rejects when it failed (a full disk). */
  drain: () => Promise<void>;
}

/** Chunks of about this many characters go to the destination: fewer writes than one per row. */
const CHUNK_CHARS = 64 * 1024;

/** Text written in order, handed over in chunks, each write waiting for the destination to keep up. */
export class TextOutput {
  private pending: string[] = [];
  private size = 0;
  /** Characters written so far. */
  written = 0;

  constructor(private readonly sink: Sink) {}

  async put(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    this.written += text.length;
    if (this.size >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length > 0) {
      const text = this.pending.join("");
      this.pending = [];
      this.size = 0;
      this.sink.write(text);
    }
    await this.sink.drain();
  }
}

export function stdoutSink(io: CliIO): Sink {
  return { write: (text) => io.stdout(text), drain: () => io.drain?.() ?? Promise.resolve() };
}

/** A sink on a writable stream (a file); the stream's first error fails the next write or drain. */
export function streamSink(stream: Writable): Sink {
  let failure: Error | null = null;
  stream.on("error", (error) => {
    failure ??= error;
  });
  const failed = () => (failure ? Promise.reject(failure) : null);
  return {
    write: (text) => {
      if (!failure) stream.write(text);
    },
    drain: () =>
      failed() ??
      (stream.writableNeedDrain
        ? new Promise<void>((resolve, reject) => {
            const done = () => {
              stream.off("drain", done);
              stream.off("error", done);
              stream.off("close", done);
              if (failure) reject(failure);
              else resolve();
            };
            stream.on("drain", done);
            stream.on("error", done);
            stream.on("close", done);
          })
        : Promise.resolve()),
  };
}

/**
 * An object of arrays, `{ "documents": [...], "pairs": [...] }`, written one item at a time exactly as
 * `JSON.stringify(object, null, 2)` lays it out, followed by a newline.
 */
export class JsonObjectWriter {
  private fields = 0;
  private items = 0;
  private started = false;

  constructor(private readonly out: TextOutput) {}

  /** Whether anything was written yet: nothing is until the first array opens. */
  get isStarted(): boolean {
    return this.started;
  }

  async openArray(key: string): Promise<void> {
    const opening = this.started ? "" : "{";
    this.started = true;
    await this.out.put(`${opening}${this.fields++ > 0 ? "," : ""}\n  ${JSON.stringify(key)}: [`);
    this.items = 0;
  }

  async item(value: unknown): Promise<void> {
    // A JSON string never holds a raw newline, so indenting every line of the item is safe.
    const body = JSON.stringify(value, null, 2).replace(/\n/g, "\n    ");
    await this.out.put(`${this.items++ > 0 ? "," : ""}\n    ${body}`);
  }

  /**
   * An item whose last field is an array written one element at a time (a document's reports: one .txt can hold
   * thousands, whose JSON together would exceed the largest string V8 can build).
   */
  async itemWithArray(head: Record<string, unknown>, key: string, elements: Iterable<unknown>): Promise<void> {
    let text = `${this.items++ > 0 ? "," : ""}\n    {`;
    for (const [field, value] of Object.entries(head)) {
      if (value === undefined) continue;
      text += `\n      ${JSON.stringify(field)}: ${JSON.stringify(value, null, 2).replace(/\n/g, "\n      ")},`;
    }
    await this.out.put(`${text}\n      ${JSON.stringify(key)}: [`);
    let count = 0;
    for (const element of elements) {
      const body = JSON.stringify(element, null, 2).replace(/\n/g, "\n        ");
      await this.out.put(`${count++ > 0 ? "," : ""}\n        ${body}`);
    }
    await this.out.put(`${count > 0 ? "\n      ]" : "]"}\n    }`);
  }

  async closeArray(): Promise<void> {
    await this.out.put(this.items > 0 ? "\n  ]" : "]");
  }

  async end(): Promise<void> {
    await this.out.put(this.started ? "\n}\n" : "{}\n");
    await this.out.flush();
  }
}

/** A progress bar on stderr (drawn only on a terminal), so that stdout stays the command's output. */
export function progressBar(format: string): SingleBar {
  return new SingleBar({ format, stream: process.stderr, noTTYOutput: false, hideCursor: true });
}

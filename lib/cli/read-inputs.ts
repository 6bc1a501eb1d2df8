/**
 * Reading the files named on a command line, for every command that takes report files. Each file is read on its
 * own: one that is refused (not a report, too large) or that fails (any error while reading or extracting it) gets
 * one line on stderr, and the others are still read. Documents are handed over one at a time and not kept.
 * A web address (`https://…`) is fetched (lib/net) and read as a file would be, with the address as its source.
 */
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import {
  MAX_FILE_BYTES,
  type ReadDocument,
  ReadError,
  readFileBytesAsync,
  toExtractOutput,
  tooLargeError,
} from "@/lib/engine/reader";
import { type FetchedDocument, fetchDocument, isWebAddress } from "@/lib/net/fetch-document";
import type { TExtractedDocument } from "@/lib/schemas/extraction";
import { readSettings } from "@/lib/settings";
import type { CliIO } from "./command";
import { reportFailure } from "./failure";

/**
 * The bytes of a report file, checked before they are read: a missing path, a directory, a device or pipe, or a file
 * over the reader's limit is refused without reading it (a 2 GB file must not cost 2 GB). At most the limit is read
 * even if the file grows after the check.
 */
export async function readReportFile(path: string): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // Non-blocking, so that a named pipe with no writer is refused below instead of waiting forever.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") throw new ReadError("missing", path, "permission denied");
    if (code === "EISDIR") throw new ReadError("directory", path, "this is a directory; give the files inside it");
    throw new ReadError("missing", path, "no such file");
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new ReadError("directory", path, "this is a directory; give the files inside it");
    if (!info.isFile()) throw new ReadError("binary", path, "not a regular file (a device, pipe or socket)");
    if (info.size > MAX_FILE_BYTES) throw tooLargeError(path, info.size);
    let buffer = Buffer.allocUnsafeSlow(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_FILE_BYTES) throw tooLargeError(path, length);
        const grown = Buffer.allocUnsafeSlow(Math.min(buffer.length * 2, MAX_FILE_BYTES + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** The document at a web address, fetched as the settings allow (LUOSHI_FETCH_ALLOW_PRIVATE). */
export function fetchReport(address: string): Promise<FetchedDocument> {
  return fetchDocument(address, { allowPrivate: readSettings().LUOSHI_FETCH_ALLOW_PRIVATE });
}

/** Read a file or a web address named on the command line into its documents (PDFs included). */
async function readInput(path: string, options: ReadInputsOptions, onProblem: (problem: ReadError) => void) {
  if (isWebAddress(path)) {
    const fetched = await fetchReport(path);
    return readFileBytesAsync(fetched.bytes, {
      filename: fetched.url,
      hints: { url: fetched.url },
      charset: fetched.charset,
      onProblem,
      explain: options.explain,
    });
  }
  const bytes = await readReportFile(path);
  return readFileBytesAsync(bytes, { filename: path, onProblem, explain: options.explain });
}

/** How the files of a run went: documents handed over, and lines or files refused or failed. */
export interface InputTally {
  /** Documents read and handed over. */
  read: number;
  /** Files, .jsonl lines and table rows refused as not readable reports (each named on stderr). */
  refused: number;
  /** Files and documents that failed with an error (each named on stderr). */
  failed: number;
}

export interface ReadInputsOptions {
  explain?: boolean;
}

/**
 * Read every file and hand each document to `visit` with its extract output (validated against extraction.md's
 * schema), then let it go. A document whose extraction or visit throws fails alone.
 */
export async function forEachDocument(
  command: string,
  paths: string[],
  io: CliIO,
  options: ReadInputsOptions,
  visit: (document: ReadDocument, extracted: TExtractedDocument) => Promise<void>,
): Promise<InputTally> {
  const tally: InputTally = { read: 0, refused: 0, failed: 0 };
  const refuse = (error: ReadError) => {
    tally.refused += 1;
    reportFailure(io, command, error.file, error);
  };
  for (const path of paths) {
    let documents: (ReadDocument | undefined)[];
    try {
      documents = await readInput(path, options, refuse);
    } catch (error) {
      if (error instanceof ReadError) refuse(error);
      else {
        tally.failed += 1;
        reportFailure(io, command, path, error);
      }
      continue;
    }
    for (let index = 0; index < documents.length; index += 1) {
      const document = documents[index] as ReadDocument;
      // Dropped as soon as it is handed over: a 50 MB .jsonl holds thousands of documents with their texts.
      documents[index] = undefined;
      try {
        const [extracted] = toExtractOutput([document]).documents;
        if (!extracted) throw new Error("the document gave no output");
        await visit(document, extracted);
        tally.read += 1;
      } catch (error) {
        tally.failed += 1;
        reportFailure(io, command, document.file, error);
      }
    }
  }
  return tally;
}

/**
 * The exit status of a command that reads files: 1 when a file failed with an error, or when nothing could be read;
 * 0 otherwise (files refused as not being reports are named on stderr but do not fail a run that read others).
 */
export function exitStatus(tally: InputTally): number {
  return tally.failed > 0 || tally.read === 0 ? 1 : 0;
}

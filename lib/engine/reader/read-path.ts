/** Reading a file from disk, with the checks a user's path needs before its bytes are read. */
import { readFile, stat } from "node:fs/promises";
import { MAX_FILE_BYTES, ReadError, tooLargeError } from "./errors";
import { type ReadFileOptions, readFileBytes } from "./read";
import type { ReadDocument } from "./types";

/**
 * Read the file at `path`: one document, or one per line of a .jsonl file or row of a .csv/.xlsx table. Throws ReadError when the path is
 * missing, a directory, over 50 MB, or holds nothing readable as a report.
 */
export async function readPath(path: string, options: Omit<ReadFileOptions, "filename"> = {}): Promise<ReadDocument[]> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ReadError("directory", path, "this is a directory; give the files inside it");
    size = info.size;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError("missing", path, "no such file");
  }
  if (size > MAX_FILE_BYTES) {
    throw tooLargeError(path, size);
  }
  const bytes = new Uint8Array(await readFile(path));
  return readFileBytes(bytes, { ...options, filename: path });
}

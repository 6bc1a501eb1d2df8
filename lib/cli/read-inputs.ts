/**
 * Reading the files named on a command line, for every command that takes report files. A file (or a .jsonl line, a
 * table row) that cannot be read is reported on stderr and skipped; the caller decides what to do when nothing could
 * be read.
 */
import { type ReadDocument, ReadError, readPath } from "@/lib/engine/reader";
import type { CliIO } from "./command";

export async function readInputFiles(
  command: string,
  paths: string[],
  io: CliIO,
  options: { explain?: boolean } = {},
): Promise<ReadDocument[]> {
  const documents: ReadDocument[] = [];
  const complain = (error: ReadError) => io.stderr(`luoshi ${command}: ${error.message}\n`);
  for (const path of paths) {
    try {
      documents.push(...(await readPath(path, { onProblem: complain, explain: options.explain })));
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      complain(error);
    }
  }
  return documents;
}
